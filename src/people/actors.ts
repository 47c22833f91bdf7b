/** Who is acting, as the domain core sees it. Roles come from config plus what the bot learned. */
export type Role = 'resident' | 'staff' | 'head' | 'manager' | 'system';

export interface Actor {
  id: number;
  /** First name only: the most a resident ever sees of a staff member. */
  name: string;
  role: Role;
  /** Staff chats this user is known to be a member of. */
  chats: number[];
  /** Departments this user heads. */
  headOf: string[];
}

export const SYSTEM_ACTOR: Actor = { id: 0, name: 'system', role: 'system', chats: [], headOf: [] };

export function residentActor(id: number, name: string): Actor {
  return { id, name, role: 'resident', chats: [], headOf: [] };
}

export function isStaffRole(role: Role): boolean {
  return role === 'staff' || role === 'head' || role === 'manager';
}
