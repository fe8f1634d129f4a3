import { useId } from 'react';
import { PARTICIPANT_ROLES } from '../../../core/roles';
import { countByRole, type Group } from '../../../core/workshop/groups';
import { useT } from '../../i18n';
import { Notice } from '../../ui/notice';
import { roleColor } from '../../ui/role-colors';
import { PersonGroupSelect } from './person-group-select';
import { hasLonePatient, personLabel, type GroupPerson } from './people';

export interface GroupCardProps {
  readonly group: Group;
  readonly groups: readonly Group[];
  readonly people: readonly GroupPerson[];
  readonly onMove: (personId: string, groupId: string | null) => void;
}

/** One table: its members (each with a select to move them) and how many of each role sit there. */
export function GroupCard({ group, groups, people, onMove }: GroupCardProps) {
  const t = useT();
  const headingId = useId();
  const members = group.memberIds
    .map((id) => people.find((p) => p.id === id))
    .filter((p): p is GroupPerson => p !== undefined);
  const away = group.memberIds.length - members.length;
  const counts = countByRole(members);
  const lonePatient = hasLonePatient(members);
  return (
    <section className={lonePatient ? 'card group-card has-warning' : 'card group-card'} aria-labelledby={headingId}>
      <div className="group-card-head">
        <h3 id={headingId}>{group.name}</h3>
        <span className="badge">{t('groups.memberCount', { count: members.length })}</span>
      </div>
      {members.length > 0 ? (
        <p className="group-roles small">
          {PARTICIPANT_ROLES.filter((role) => (counts.get(role) ?? 0) > 0)
            .map((role) => t('groups.roleCount', { role: t(`role.${role}`), count: counts.get(role) }))
            .join(' · ')}
        </p>
      ) : null}
      {lonePatient ? (
        <Notice tone="warning" title={t('groups.loneTitle')}>
          <p className="small">{t('groups.loneBody')}</p>
        </Notice>
      ) : null}
      {members.length === 0 ? <p className="muted small">{t('groups.emptyGroup')}</p> : null}
      <ul className="plain-list group-members">
        {members.map((person) => (
          <MemberRow key={person.id} person={person} group={group} groups={groups} onMove={onMove} />
        ))}
      </ul>
      {away > 0 ? <p className="muted small">{t('groups.away', { count: away })}</p> : null}
    </section>
  );
}

/** A person with their role and the select that moves them to another table. */
export function MemberRow({
  person,
  group,
  groups,
  onMove,
}: {
  readonly person: GroupPerson;
  readonly group: Group | null;
  readonly groups: readonly Group[];
  readonly onMove: (personId: string, groupId: string | null) => void;
}) {
  const t = useT();
  const label = personLabel(t, person);
  return (
    <li className="group-member" style={{ ['--role-color' as string]: roleColor(person.role) }}>
      <span className="group-member-name">
        <span>{person.name ?? t('presence.anonymous')}</span>
        <span className="muted small">{t(`role.${person.role}`)}</span>
      </span>
      <PersonGroupSelect
        personId={person.id}
        personLabel={label}
        groupId={group?.id ?? null}
        groups={groups}
        onChange={(groupId) => onMove(person.id, groupId)}
      />
    </li>
  );
}
