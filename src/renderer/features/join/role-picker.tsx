import { useId } from 'react';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../../../core/roles';
import { useT } from '../../i18n';
import { useInstructions } from '../../preferences/use-instruction';
import { roleColor } from '../../ui/role-colors';
import { ErrorLine } from '../../ui/error-line';

export interface RolePickerProps {
  readonly value: ParticipantRole | null;
  readonly onChange: (role: ParticipantRole) => void;
  readonly error?: string | null;
}

/**
 * Six big toggle buttons, one per role. Each button's accessible name is exactly the role's name
 * ("Patient", "Närstående", …); the short explanation beside it is its description. The button
 * stretches over its whole tile (::after), so a tap anywhere on the tile chooses the role.
 */
export function RolePicker({ value, onChange, error }: RolePickerProps) {
  const t = useT();
  const ti = useInstructions();
  const id = useId();
  return (
    <fieldset className="role-picker" aria-describedby={error ? `${id}-error` : `${id}-hint`}>
      <legend className="field-label">{t('join.roleLegend')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {ti('join.roleHint')}
      </p>
      <div className="role-grid">
        {PARTICIPANT_ROLES.map((role) => (
          <div
            key={role}
            className={value === role ? 'role-option is-pressed' : 'role-option'}
            style={{ borderLeftColor: roleColor(role) }}
          >
            <button
              type="button"
              className="role-button"
              aria-pressed={value === role}
              aria-describedby={`${id}-${role}-hint`}
              onClick={() => onChange(role)}
            >
              {t(`role.${role}`)}
            </button>
            <span id={`${id}-${role}-hint`} className="role-hint">
              {ti(`roleHint.${role}`)}
            </span>
            <span className="role-check" aria-hidden="true" />
          </div>
        ))}
      </div>
      <ErrorLine error={error} id={`${id}-error`} />
    </fieldset>
  );
}
