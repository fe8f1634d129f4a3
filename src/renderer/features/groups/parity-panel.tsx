import { useId } from 'react';
import { PARTICIPANT_ROLES } from '../../../core/roles';
import { countByRole, isPatientSide, patientShare } from '../../../core/workshop/groups';
import { INTL_LOCALES, useLanguage, useT } from '../../i18n';
import type { GroupPerson } from './people';
import './groups.css';

export interface ParityPanelProps {
  readonly people: readonly Pick<GroupPerson, 'role'>[];
  readonly headingLevel?: 2 | 3;
}

/**
 * "Paritet i antal": how many from each role are here, and the patient side's share, in words and
 * as a bar whose two parts carry their own labels and patterns (never colour alone).
 */
export function ParityPanel({ people, headingLevel = 3 }: ParityPanelProps) {
  const t = useT();
  const language = useLanguage();
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const counted = people.filter((p) => p.role !== 'facilitator');
  const counts = countByRole(counted);
  const share = patientShare(counted);
  const patientSide = counted.filter((p) => isPatientSide(p.role)).length;
  const percent = new Intl.NumberFormat(INTL_LOCALES[language], { style: 'percent' });
  return (
    <section className="parity stack-sm" aria-labelledby={headingId} data-testid="parity">
      <Heading id={headingId}>{t('groups.parity.heading')}</Heading>
      {share === null ? (
        <p className="muted">{t('groups.parity.empty')}</p>
      ) : (
        <>
          <p className="parity-summary">
            {t('groups.parity.summary', {
              count: patientSide,
              total: counted.length,
              percent: percent.format(share),
            })}
          </p>
          <div className="parity-bar" aria-hidden="true">
            <span className="parity-patient" style={{ flexGrow: patientSide }}>
              {patientSide > 0 ? percent.format(share) : null}
            </span>
            <span className="parity-others" style={{ flexGrow: counted.length - patientSide }}>
              {counted.length - patientSide > 0 ? percent.format(1 - share) : null}
            </span>
          </div>
          <p className="parity-legend small">
            <span>
              <span className="parity-swatch parity-patient" aria-hidden="true" />
              {t('groups.parity.patientSideShare', { percent: percent.format(share) })}
            </span>
            <span>
              <span className="parity-swatch parity-others" aria-hidden="true" />
              {t('groups.parity.othersShare', { percent: percent.format(1 - share) })}
            </span>
          </p>
          <ul className="plain-list parity-roles" aria-label={t('groups.parity.perRole')}>
            {PARTICIPANT_ROLES.filter((role) => (counts.get(role) ?? 0) > 0).map((role) => (
              <li key={role}>
                <span>{t(`role.${role}`)}</span>
                <span className="parity-count">{counts.get(role)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
