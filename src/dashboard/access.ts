/**
 * Who sees what on the dashboard, decided anew on every request from the staff roster
 * (src/people/staff.ts): the manager sees everything; a department head their departments;
 * other staff the tickets they own and their departments' open tickets. The same rule is a
 * database filter (for lists and counts) and a check of one ticket (for its page and photos).
 */
import type { OfficePolicy } from '../config/office';
import type { Actor } from '../people/actors';
import type { TicketState, TicketStatus } from '../tickets/types';

export const LIVE_STATUSES: TicketStatus[] = ['open', 'claimed', 'on_site', 'reopened'];

export interface Viewer {
  id: number;
  name: string;
  role: 'manager' | 'head' | 'staff';
  /** Departments whose tickets this viewer sees (all of them, open ones only for staff). */
  departments: string[];
}

/** The viewer an actor is on the dashboard, or null when they are not staff (any more). */
export function viewerOf(actor: Actor, policy: OfficePolicy): Viewer | null {
  const all = policy.departments.map((d) => d.id);
  switch (actor.role) {
    case 'manager':
      return { id: actor.id, name: actor.name, role: 'manager', departments: all };
    case 'head':
      return { id: actor.id, name: actor.name, role: 'head', departments: policy.departments.filter((d) => actor.headOf.includes(d.id)).map((d) => d.id) };
    case 'staff':
      return { id: actor.id, name: actor.name, role: 'staff', departments: policy.departments.filter((d) => actor.chats.includes(d.chat.chatId)).map((d) => d.id) };
    default:
      return null;
  }
}

/** The database filter of the tickets a viewer may see (on the top-level fields of a ticket document). */
export function visibleFilter(viewer: Viewer): Record<string, unknown> {
  if (viewer.role === 'manager') return {};
  if (viewer.role === 'head') return { department: { $in: viewer.departments } };
  return { $or: [{ ownerId: viewer.id }, { department: { $in: viewer.departments }, status: { $in: LIVE_STATUSES } }] };
}

export function maySee(viewer: Viewer, ticket: Pick<TicketState, 'department' | 'status' | 'owner'>): boolean {
  if (viewer.role === 'manager') return true;
  if (viewer.role === 'head') return viewer.departments.includes(ticket.department);
  return ticket.owner?.id === viewer.id || (viewer.departments.includes(ticket.department) && LIVE_STATUSES.includes(ticket.status));
}

/**
 * Whether the resident's name, phone and room are shown, as the bot's cards and private
 * messages give them: never for an anonymous complaint; always for an emergency; to the
 * ticket's owner (who got them privately on claiming); to everyone after a claim when the
 * office puts the contact on cards; and to the manager, who answers for every ticket.
 */
export function mayReadContact(viewer: Viewer, ticket: Pick<TicketState, 'anonymous' | 'kind' | 'owner'>, policy: OfficePolicy): boolean {
  if (ticket.anonymous) return false;
  if (ticket.kind === 'emergency') return true;
  if (ticket.owner?.id === viewer.id || viewer.role === 'manager') return true;
  return !!ticket.owner && policy.contactOnCard;
}

/** The monthly figures: the manager (whole office) and heads (their departments). */
export function mayReadFigures(viewer: Viewer): boolean {
  return viewer.role === 'manager' || viewer.role === 'head';
}
