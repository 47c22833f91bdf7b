/**
 * Who may do what to a ticket in which state. Pure, so every entry point (buttons, commands,
 * the scheduler, a future dashboard) gets the same answer.
 */
import type { Actor } from '../people/actors';
import type { OfficePolicy } from '../config/office';
import { departmentById } from '../config/office';
import type { TicketState, TicketStatus } from './types';

export type TicketAction = 'claim' | 'arrive' | 'resolve' | 'confirm' | 'dispute' | 'add_info';

export type Refusal =
  | { reason: 'not_found' }
  | { reason: 'not_staff' }
  | { reason: 'wrong_department' }
  | { reason: 'already_claimed'; owner: { id: number; name: string } }
  | { reason: 'not_owner'; owner?: { id: number; name: string } }
  | { reason: 'not_your_ticket' }
  | { reason: 'wrong_state'; status: TicketStatus };

const ALLOWED_FROM: Record<TicketAction, TicketStatus[]> = {
  claim: ['open'],
  arrive: ['claimed', 'reopened'],
  resolve: ['claimed', 'on_site', 'reopened'],
  confirm: ['resolved'],
  dispute: ['resolved'],
  add_info: ['open', 'claimed', 'on_site', 'resolved', 'reopened'],
};

export function isHeadOf(actor: Actor, department: string): boolean {
  return actor.role === 'head' && actor.headOf.includes(department);
}

/** A department's staff: members of its chat, its heads, and the manager. */
export function servesDepartment(actor: Actor, ticket: TicketState, policy: OfficePolicy): boolean {
  if (actor.role === 'manager' || isHeadOf(actor, ticket.department)) return true;
  if (actor.role !== 'staff' && actor.role !== 'head') return false;
  const department = departmentById(policy, ticket.department);
  return !!department && actor.chats.includes(department.chat.chatId);
}

export function decide(action: TicketAction, ticket: TicketState, actor: Actor, policy: OfficePolicy): Refusal | null {
  if (action === 'confirm' || action === 'dispute' || action === 'add_info') {
    if (actor.role !== 'resident' || actor.id !== ticket.resident.telegramId) return { reason: 'not_your_ticket' };
    return ALLOWED_FROM[action].includes(ticket.status) ? null : { reason: 'wrong_state', status: ticket.status };
  }
  if (actor.role === 'resident' || actor.role === 'system') return { reason: 'not_staff' };
  if (!servesDepartment(actor, ticket, policy)) return { reason: 'wrong_department' };
  if (action === 'claim') {
    const working: TicketStatus[] = ['claimed', 'on_site', 'reopened'];
    if (working.includes(ticket.status) && ticket.owner) return { reason: 'already_claimed', owner: ticket.owner };
    return ticket.status === 'open' ? null : { reason: 'wrong_state', status: ticket.status };
  }
  const mayAct = ticket.owner?.id === actor.id || actor.role === 'manager' || isHeadOf(actor, ticket.department);
  if (!mayAct) return { reason: 'not_owner', owner: ticket.owner };
  return ALLOWED_FROM[action].includes(ticket.status) ? null : { reason: 'wrong_state', status: ticket.status };
}

/** The resident's name, phone and room: the owner, the department's heads and the manager. */
export function canSeeContact(actor: Actor, ticket: TicketState): boolean {
  return ticket.owner?.id === actor.id || actor.role === 'manager' || isHeadOf(actor, ticket.department);
}
