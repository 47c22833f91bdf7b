/**
 * Who may do what to a ticket in which state. Pure, so every entry point (buttons, commands,
 * the scheduler, a future dashboard) gets the same answer.
 */
import { isStaffRole, type Actor, type Role } from '../people/actors';
import { followersPolicy } from '../followers/config';
import type { OfficePolicy } from '../config/office';
import { departmentById } from '../config/office';
import type { TicketState, TicketStatus } from './types';

export type ResidentAction = 'confirm' | 'dispute' | 'add_info' | 'urge' | 'cancel';
export type StaffAction = 'claim' | 'arrive' | 'resolve' | 'transfer' | 'release' | 'reassign' | 'reschedule' | 'note' | 'classify';
/** The scheduler's own actions (actor: system). */
export type SystemAction = 'auto_confirm' | 'survey_reopen' | 'auto_release' | 'record';
/** Going past a limit needs a head's (or the manager's) approval. */
export type ApprovalAction = 'extend';
/** Residents affected by the same fault (src/followers): a resident follows or stops; staff link a duplicate or send a public notice. */
export type FollowerAction = 'follow' | 'unfollow' | 'add_follower' | 'link_duplicate' | 'public_notice';
export type TicketAction = ResidentAction | StaffAction | SystemAction | ApprovalAction | FollowerAction;

export type Refusal =
  | { reason: 'not_found' }
  | { reason: 'not_staff' }
  | { reason: 'wrong_department' }
  | { reason: 'already_claimed'; owner: { id: number; name: string } }
  | { reason: 'not_owner'; owner?: { id: number; name: string } }
  | { reason: 'not_head' }
  | { reason: 'no_notice_role' }
  | { reason: 'not_your_ticket' }
  | { reason: 'not_applicable' }
  | { reason: 'too_soon'; next: Date }
  | { reason: 'wrong_state'; status: TicketStatus };

const WORKING: TicketStatus[] = ['claimed', 'on_site', 'reopened'];
const LIVE: TicketStatus[] = ['open', 'claimed', 'on_site', 'reopened'];

const ALLOWED_FROM: Record<TicketAction, TicketStatus[]> = {
  claim: ['open'],
  arrive: ['claimed', 'reopened'],
  resolve: WORKING,
  transfer: LIVE,
  release: WORKING,
  reassign: LIVE,
  reschedule: WORKING,
  note: ['open', 'claimed', 'on_site', 'resolved', 'reopened', 'closed'],
  classify: ['open', 'claimed', 'on_site', 'reopened'],
  confirm: ['resolved'],
  dispute: ['resolved'],
  add_info: ['open', 'claimed', 'on_site', 'resolved', 'reopened'],
  urge: LIVE,
  // "Before anyone has started work": a claim is a promise, arriving is work.
  cancel: ['open', 'claimed'],
  auto_confirm: ['resolved'],
  survey_reopen: ['closed'],
  auto_release: ['claimed'],
  record: ['open', 'claimed', 'on_site', 'resolved', 'reopened', 'closed', 'cancelled'],
  extend: LIVE,
  follow: LIVE,
  unfollow: ['open', 'claimed', 'on_site', 'resolved', 'reopened', 'closed', 'cancelled'],
  add_follower: LIVE,
  link_duplicate: LIVE,
  public_notice: ['open', 'claimed', 'on_site', 'resolved', 'reopened', 'closed'],
};

const FOLLOWER_ACTIONS: TicketAction[] = ['follow', 'unfollow', 'add_follower', 'link_duplicate', 'public_notice'];

export const isFollowing = (ticket: TicketState, residentId: number) => (ticket.followers ?? []).some((f) => f.telegramId === residentId);

/**
 * Following: never an anonymous complaint (that would tell a stranger it exists) nor an
 * emergency; a resident follows someone else's ticket once. Linking a duplicate is card work
 * (the department's staff); a public notice needs one of the office's notice roles.
 */
function decideFollowerAction(action: TicketAction, ticket: TicketState, actor: Actor, policy: OfficePolicy, noticeRoles: Role[]): Refusal | null {
  const wrongState: Refusal = { reason: 'wrong_state', status: ticket.status };
  const stateOk = ALLOWED_FROM[action].includes(ticket.status);
  if (action === 'follow' || action === 'unfollow') {
    if (actor.role !== 'resident') return { reason: 'not_applicable' };
    if (action === 'unfollow') return isFollowing(ticket, actor.id) ? null : { reason: 'not_your_ticket' };
    if (ticket.anonymous || ticket.kind === 'emergency' || ticket.resident.telegramId === actor.id || isFollowing(ticket, actor.id)) return { reason: 'not_applicable' };
    return stateOk ? null : wrongState;
  }
  if (!isStaffRole(actor.role)) return { reason: 'not_staff' };
  if (action === 'public_notice') {
    if (!noticeRoles.includes(actor.role)) return { reason: 'no_notice_role' };
    if (actor.role !== 'manager' && !servesDepartment(actor, ticket, policy)) return { reason: 'wrong_department' };
    return stateOk ? null : wrongState;
  }
  if (ticket.anonymous || ticket.kind === 'emergency') return { reason: 'not_applicable' };
  if (action === 'link_duplicate') {
    if (!servesDepartment(actor, ticket, policy)) return { reason: 'wrong_department' };
    if (!mayWork(actor, ticket)) return { reason: 'not_owner', owner: ticket.owner };
  }
  return stateOk ? null : wrongState;
}

const SYSTEM_ACTIONS: TicketAction[] = ['auto_confirm', 'survey_reopen', 'auto_release', 'record'];

const RESIDENT_ACTIONS: TicketAction[] = ['confirm', 'dispute', 'add_info', 'urge', 'cancel'];

export function isHeadOf(actor: Actor, department: string): boolean {
  return actor.role === 'head' && actor.headOf.includes(department);
}

/**
 * A department's staff: members of its chat, its heads, and the manager. Everyone on the
 * staff serves an emergency; the night-duty group serves what came in at night.
 */
export function servesDepartment(actor: Actor, ticket: TicketState, policy: OfficePolicy): boolean {
  if (actor.role === 'manager' || isHeadOf(actor, ticket.department)) return true;
  if (actor.role !== 'staff' && actor.role !== 'head') return false;
  if (ticket.kind === 'emergency') return actor.chats.length > 0 || actor.headOf.length > 0;
  // Night duty takes the reports that came in after hours (and calls the engineer on duty).
  const night = policy.nightShift.chat;
  if (ticket.nightIntake && night && actor.chats.includes(night.chatId)) return true;
  const department = departmentById(policy, ticket.department);
  return !!department && actor.chats.includes(department.chat.chatId);
}

/** On a claimed ticket only its owner, the department's heads and the manager may work. */
function mayWork(actor: Actor, ticket: TicketState): boolean {
  if (!ticket.owner) return true;
  return ticket.owner.id === actor.id || actor.role === 'manager' || isHeadOf(actor, ticket.department);
}

/**
 * "Only the owner may" said of a ticket that has no owner any more (released, transferred):
 * the state has moved on since the button was shown, and that is what the presser should hear.
 */
export function asCurrentState(refusal: Refusal, ticket: TicketState | null | undefined): Refusal {
  return refusal.reason === 'not_owner' && ticket && !ticket.owner ? { reason: 'wrong_state', status: ticket.status } : refusal;
}

export function decide(action: TicketAction, ticket: TicketState, actor: Actor, policy: OfficePolicy): Refusal | null {
  const refusal = decideRaw(action, ticket, actor, policy);
  return refusal && asCurrentState(refusal, ticket);
}

/**
 * Whether this actor may answer the inquiry now: an open one is claimed by whoever answers
 * (so the claim rule applies), a claimed or reopened one only by its owner, the head or the
 * manager (the resolve rule). Only inquiries have a Reply; complaints use Resolve. Who is
 * asking comes before what kind it is: a stranger learns nothing about the ticket.
 */
export function answerRefusal(ticket: TicketState | null, actor: Actor, policy: OfficePolicy): Refusal | null {
  if (!ticket) return { reason: 'not_found' };
  const claim = decide('claim', ticket, actor, policy);
  if (claim && (claim.reason === 'not_staff' || claim.reason === 'wrong_department')) return claim;
  if (ticket.kind !== 'inquiry') return { reason: 'not_applicable' };
  if (ticket.status === 'open') return claim;
  return decide('resolve', ticket, actor, policy);
}

/** A refusal that shows the presser saw an older state than the ticket's: their card is brought up to date. */
export function showsStaleCard(refusal: Refusal): boolean {
  return refusal.reason === 'wrong_state' || refusal.reason === 'already_claimed';
}

function decideRaw(action: TicketAction, ticket: TicketState, actor: Actor, policy: OfficePolicy): Refusal | null {
  if (FOLLOWER_ACTIONS.includes(action)) return decideFollowerAction(action, ticket, actor, policy, followersPolicy(policy).noticeRoles);
  const stateOk = ALLOWED_FROM[action].includes(ticket.status);
  if (SYSTEM_ACTIONS.includes(action)) {
    if (actor.role !== 'system') return { reason: 'not_staff' };
    return stateOk ? null : { reason: 'wrong_state', status: ticket.status };
  }
  if (RESIDENT_ACTIONS.includes(action)) {
    if (actor.role !== 'resident' || actor.id !== ticket.resident.telegramId) return { reason: 'not_your_ticket' };
    return stateOk ? null : { reason: 'wrong_state', status: ticket.status };
  }
  if (actor.role === 'resident' || actor.role === 'system') return { reason: 'not_staff' };
  if (!servesDepartment(actor, ticket, policy)) return { reason: 'wrong_department' };
  if (action === 'classify' && ticket.kind !== 'complaint') return { reason: 'not_applicable' };
  if (action === 'claim') {
    if (WORKING.includes(ticket.status) && ticket.owner) return { reason: 'already_claimed', owner: ticket.owner };
    return stateOk ? null : { reason: 'wrong_state', status: ticket.status };
  }
  if (action === 'reassign' || action === 'extend') {
    if (actor.role !== 'manager' && !isHeadOf(actor, ticket.department)) return { reason: 'not_head' };
    return stateOk ? null : { reason: 'wrong_state', status: ticket.status };
  }
  // Arrived, Resolve, Release and Reschedule need an owner; the others also work on an open ticket.
  const needsOwner = action === 'arrive' || action === 'resolve' || action === 'release' || action === 'reschedule';
  // Nobody owns it (released, never claimed): say what state it is in, not who may act.
  if (needsOwner && !ticket.owner && !stateOk) return { reason: 'wrong_state', status: ticket.status };
  const mayAct = needsOwner
    ? ticket.owner?.id === actor.id || actor.role === 'manager' || isHeadOf(actor, ticket.department)
    : mayWork(actor, ticket);
  if (!mayAct) return { reason: 'not_owner', owner: ticket.owner };
  return stateOk ? null : { reason: 'wrong_state', status: ticket.status };
}

/** Internal tasks are the staff's own: residents (and the scheduler) never file one. */
export function mayFileTask(actor: Actor): boolean {
  return actor.role === 'staff' || actor.role === 'head' || actor.role === 'manager';
}

/** The resident's name, phone and room: never for anonymous complaints; always for emergencies. */
export function canSeeContact(actor: Actor, ticket: TicketState): boolean {
  // An internal task has no resident: its filer is named on the card.
  if (ticket.anonymous || ticket.kind === 'task') return false;
  if (ticket.kind === 'emergency') return actor.role === 'staff' || actor.role === 'head' || actor.role === 'manager';
  return ticket.owner?.id === actor.id || actor.role === 'manager' || isHeadOf(actor, ticket.department);
}
