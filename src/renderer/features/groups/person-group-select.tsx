import { useId } from 'react';
import type { Group } from '../../../core/workshop/groups';
import { useT } from '../../i18n';

export interface PersonGroupSelectProps {
  readonly personId: string;
  readonly personLabel: string;
  readonly groupId: string | null;
  readonly groups: readonly Group[];
  readonly onChange: (groupId: string | null) => void;
}

/** Moves one person to another table by hand: a plain select, so it works well from the keyboard. */
export function PersonGroupSelect({
  personId,
  personLabel,
  groupId,
  groups,
  onChange,
}: PersonGroupSelectProps) {
  const t = useT();
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t('groups.moveLabel', { name: personLabel })}
      </label>
      <select
        id={id}
        className="input group-select"
        data-person-id={personId}
        value={groupId ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{t('groups.noGroup')}</option>
        {groups.map((group) => (
          <option key={group.id} value={group.id}>
            {group.name}
          </option>
        ))}
      </select>
    </>
  );
}
