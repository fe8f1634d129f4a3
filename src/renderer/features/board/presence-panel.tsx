import { PARTICIPANT_ROLES, type Role } from '../../../core/roles';
import { useT } from '../../i18n';
import { roleColor } from '../../ui/role-colors';
import type { PresentPerson } from '../../sync/use-presence';

const ROLE_ORDER: readonly Role[] = ['facilitator', ...PARTICIPANT_ROLES];

export interface PresencePanelProps {
  readonly people: readonly PresentPerson[];
  readonly headingLevel?: 2 | 3;
}

/** Who is here: a count per role, then each person (anonymous people as "Anonym deltagare"). */
export function PresencePanel({ people, headingLevel = 2 }: PresencePanelProps) {
  const t = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const counts = ROLE_ORDER.map((role) => ({
    role,
    count: people.filter((p) => p.user.role === role).length,
  })).filter((entry) => entry.count > 0);
  const sorted = [...people].sort(
    (a, b) => ROLE_ORDER.indexOf(a.user.role) - ROLE_ORDER.indexOf(b.user.role),
  );
  return (
    <section className="presence stack-sm" data-testid="presence" aria-label={t('presence.heading')}>
      <Heading>{t('presence.heading')}</Heading>
      <p className="presence-total">{t('presence.count', { count: people.length })}</p>
      {counts.length > 0 ? (
        <ul className="plain-list presence-roles" aria-label={t('presence.perRole')}>
          {counts.map(({ role, count }) => (
            <li key={role} className="presence-role">
              <span className="role-dot" style={{ background: roleColor(role) }} aria-hidden="true" />
              {t('presence.roleCount', { role: t(`role.${role}`), count })}
            </li>
          ))}
        </ul>
      ) : null}
      {sorted.length > 0 ? (
        <ul className="plain-list presence-people" aria-label={t('presence.people')}>
          {sorted.map(({ key, user, self }) => (
            <li key={key} className="presence-person">
              <span className="presence-name">
                {user.name ??
                  (user.role === 'facilitator' ? t('role.facilitator') : t('presence.anonymous'))}
              </span>
              {user.name || user.role !== 'facilitator' ? (
                <span className="muted small">{t(`role.${user.role}`)}</span>
              ) : null}
              {self ? <span className="badge">{t('presence.you')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
