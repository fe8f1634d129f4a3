import type { Role } from '../../../core/roles';
import { isPatientSide } from '../../../core/workshop/groups';
import type { useT } from '../../i18n';

/** A participant who is here now (from presence; the facilitator is not one of them). */
export interface GroupPerson {
  readonly id: string;
  readonly name: string | null;
  readonly role: Role;
}

type TFunction = ReturnType<typeof useT>;

/** A person's name as shown in the groups: anonymous people by their role, so they can be told apart. */
export function personLabel(t: TFunction, person: GroupPerson): string {
  return person.name ?? t('groups.anonymous', { role: t(`role.${person.role}`) });
}

/** A sensible first guess for the number of tables: about five people per table, at least two. */
export function suggestedGroupCount(people: number): number {
  return Math.max(2, Math.min(12, Math.round(people / 5)));
}

/**
 * True when exactly one patient-side person sits among staff and others: the partnership guidance
 * says a patient should not be alone at a table of professionals.
 */
export function hasLonePatient(members: readonly Pick<GroupPerson, 'role'>[]): boolean {
  const patientSide = members.filter((p) => isPatientSide(p.role)).length;
  return patientSide === 1 && members.length > 1;
}
