import type { Role } from '../../core/roles';

/**
 * An accent stripe per role, so a glance at the board shows whose voices are there. Colour is
 * never the only signal: every note also names the role in text.
 */
const ROLE_COLORS: Record<Role, string> = {
  patient: '#1b6e8a',
  relative: '#7a5a12',
  'patient-rep': '#6b3f8f',
  staff: '#2f6b3a',
  'facilitator-assistant': '#8a3b2a',
  other: '#56606a',
  facilitator: '#1b5384',
};

export function roleColor(role: Role): string {
  return ROLE_COLORS[role];
}
