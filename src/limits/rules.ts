/**
 * Which time limits watch a ticket, and what is due about them now. Pure: the jobs, /late
 * and any future dashboard get the same answer from the same ticket and clock.
 *
 * A limit runs from its start to its due time. At `remindAt` of the way the owner is
 * reminded; at the due time the department head is alerted; when it is late by
 * `escalateManagerAfter` of the limit again, the manager. Every alert has a key made of the
 * ticket, the limit, the level and the due time, so a limit that moves (a reschedule, an
 * approved extension) starts its levels over, and one that does not is never alerted twice.
 */
import type { OfficePolicy } from '../config/office';
import type { TicketState, TicketStatus } from '../tickets/types';
import type { TimeLimitSettings } from './settings';

export type LimitId = 'response' | 'onSite' | 'resolution' | 'firstAnswer';
export type AlertLevel = 'remind' | 'head' | 'manager';

/** Tickets someone still has to work on; a resolved one has met its limits. */
export const LIVE_STATUSES: TicketStatus[] = ['open', 'claimed', 'on_site', 'reopened'];

export interface WatchedLimit {
  limit: LimitId;
  start: Date;
  due: Date;
}

export interface DueAlert extends WatchedLimit {
  ref: string;
  level: AlertLevel;
  /** Unique per ticket, limit, level and due time: the alert's "sent once" key. */
  key: string;
}

const time = (d: Date | string) => new Date(d).getTime();

export function isLive(ticket: TicketState): boolean {
  return LIVE_STATUSES.includes(ticket.status);
}

/**
 * The limits running on a ticket now:
 * - response: an unclaimed ticket must be claimed (reach its department) by responseDueAt;
 *   after a transfer the new department's limit runs from the transfer;
 * - onSite: a claimed ticket nobody has arrived at, by onSiteDueAt (moved by a reschedule).
 *   It runs from the claim, but for a booked or rescheduled visit only the normal on-site
 *   allowance before it counts, so the reminder comes shortly before the visit, not days ahead;
 * - firstAnswer: a major complaint's first answer to the resident (until one is given);
 * - resolution: every live ticket, by resolutionDueAt, from its creation.
 */
export function watchedLimits(ticket: TicketState, policy: OfficePolicy, options: { firstAnswered?: boolean } = {}): WatchedLimit[] {
  if (!isLive(ticket)) return [];
  const limits: WatchedLimit[] = [];
  const created = time(ticket.createdAt);
  if (ticket.status === 'open' && ticket.responseDueAt) {
    const due = time(ticket.responseDueAt);
    const start = ticket.transferredFrom ? Math.max(created, due - policy.response.dispatch) : created;
    limits.push({ limit: 'response', start: new Date(start), due: new Date(due) });
  }
  if ((ticket.status === 'claimed' || ticket.status === 'reopened') && ticket.onSiteDueAt && !ticket.arrivedAt) {
    const due = time(ticket.onSiteDueAt);
    const claimed = ticket.claimedAt ? time(ticket.claimedAt) : created;
    const allowance = ticket.kind === 'emergency' ? policy.response.emergencyOnSite : policy.response.onSiteAfterClaim;
    const start = Math.min(due, Math.max(claimed, due - allowance));
    limits.push({ limit: 'onSite', start: new Date(start), due: new Date(due) });
  }
  const firstAnswerDue = ticket.complaint?.class === 'major' ? ticket.complaint.firstAnswerDueAt : undefined;
  if (firstAnswerDue && !options.firstAnswered) {
    limits.push({ limit: 'firstAnswer', start: new Date(created), due: new Date(firstAnswerDue) });
  }
  if (ticket.resolutionDueAt) limits.push({ limit: 'resolution', start: new Date(created), due: new Date(ticket.resolutionDueAt) });
  return limits;
}

export function alertKey(ref: string, limit: LimitId, level: AlertLevel, due: Date): string {
  return `lim:${ref}:${limit}:${level}:${due.getTime()}`;
}

/** When each level of a limit is due. */
export function levelTimes(watched: WatchedLimit, settings: TimeLimitSettings): Record<AlertLevel, Date> {
  const start = watched.start.getTime();
  const due = watched.due.getTime();
  const span = Math.max(due - start, 0);
  return {
    remind: new Date(start + settings.remindAt * span),
    head: new Date(due),
    manager: new Date(due + settings.escalateManagerAfter * span),
  };
}

/**
 * The alerts due now (sent or not: the caller knows what was sent). A reminder is only
 * useful before the due time, so a ticket found late (after downtime) skips it; the head's
 * alert stands even when the manager's is due too — the head is the one who approves.
 */
export function alertsDue(ticket: TicketState, now: Date, policy: OfficePolicy, settings: TimeLimitSettings, options: { firstAnswered?: boolean } = {}): DueAlert[] {
  const alerts: DueAlert[] = [];
  for (const watched of watchedLimits(ticket, policy, options)) {
    const at = levelTimes(watched, settings);
    const levels: AlertLevel[] = [];
    if (now >= at.head) levels.push('head');
    else if (now >= at.remind) levels.push('remind');
    if (now >= at.manager) levels.push('manager');
    for (const level of levels) alerts.push({ ...watched, ref: ticket.ref, level, key: alertKey(ticket.ref, watched.limit, level, watched.due) });
  }
  return alerts;
}

/** The limit the ticket is latest on, and by how much; null when it is on time. */
export function mostOverdue(ticket: TicketState, now: Date, policy: OfficePolicy, options: { firstAnswered?: boolean } = {}): (WatchedLimit & { lateMs: number }) | null {
  let worst: (WatchedLimit & { lateMs: number }) | null = null;
  for (const watched of watchedLimits(ticket, policy, options)) {
    const lateMs = now.getTime() - watched.due.getTime();
    if (lateMs > 0 && (!worst || lateMs > worst.lateMs)) worst = { ...watched, lateMs };
  }
  return worst;
}

/**
 * How far ahead of a due time the candidate queries must look so that no reminder is missed:
 * a reminder comes (1 - remindAt) of the limit before it is due, so the longest limit of a
 * kind bounds it. An extended limit longer than every configured one is still found before
 * it is due, at most this lookahead ahead of it — a slightly late reminder, never a lost one.
 */
export function lookaheads(policy: OfficePolicy, settings: TimeLimitSettings): Record<'response' | 'onSite' | 'resolution' | 'firstAnswer', number> {
  const r = policy.response;
  const c = policy.complaintResolution;
  const categories = policy.repairKinds.flatMap((k) => k.categories.map((cat) => cat.resolution));
  const longest = {
    response: Math.max(r.dispatch, r.complaintDispatch, r.paidQuote, r.emergencyOnSite),
    onSite: Math.max(r.onSiteAfterClaim, r.emergencyOnSite),
    resolution: Math.max(...categories, c.valid, c.help, c.inquiry, c.venting, c.major, policy.otherResolution.emergency, policy.otherResolution.inquiry, policy.internalTask),
    firstAnswer: c.majorFirstAnswer,
  };
  const ahead = (ms: number) => Math.ceil((1 - settings.remindAt) * ms);
  return { response: ahead(longest.response), onSite: ahead(longest.onSite), resolution: ahead(longest.resolution), firstAnswer: ahead(longest.firstAnswer) };
}

// --- unclaimed tickets --------------------------------------------------------------------------

/**
 * The number of the announcement due for a ticket unclaimed since `openSince` (0: none
 * yet). Only the latest is sent: after downtime the group hears once, not once per interval.
 */
export function announcementDue(ticket: TicketState, openSince: Date, now: Date, settings: TimeLimitSettings): number {
  if (ticket.status !== 'open') return 0;
  const emergency = ticket.kind === 'emergency';
  const every = emergency ? settings.emergencyReannounceEvery : settings.reannounceAfter;
  const times = emergency ? settings.emergencyReannounceTimes : settings.reannounceTimes;
  const elapsed = now.getTime() - openSince.getTime();
  return Math.max(0, Math.min(Math.floor(elapsed / every), times));
}

export function announcementKey(ref: string, openSince: Date, number: number): string {
  return `reann:${ref}:${openSince.getTime()}:${number}`;
}

// --- claimed, no progress -----------------------------------------------------------------------

/**
 * Since when a claimed ticket has been quiet: its last change (a note, a reschedule, a
 * reassignment — informational events such as reminders do not count), and never before
 * its on-site time or the end of a wait for parts, which are not the handler's delay.
 */
export function quietSince(ticket: TicketState): Date {
  const times = [time(ticket.lastEventAt)];
  if (ticket.onSiteDueAt) times.push(time(ticket.onSiteDueAt));
  if (ticket.waiting?.until) times.push(time(ticket.waiting.until));
  return new Date(Math.max(...times));
}

/**
 * A claimed ticket with an on-site step (repairs, emergencies) that nobody has arrived at and
 * nobody has touched for `noProgressRelease` goes back to the pool. Complaints and inquiries
 * have no on-site step: their handler works off the card (calls, meetings), so their delay is
 * the resolution limit's to escalate, not a reason to take the ticket away.
 */
export function releaseDue(ticket: TicketState, now: Date, settings: TimeLimitSettings): boolean {
  if (ticket.status !== 'claimed' || !ticket.onSiteDueAt || ticket.arrivedAt) return false;
  return now.getTime() - quietSince(ticket).getTime() >= settings.noProgressRelease;
}

// --- weekly progress ----------------------------------------------------------------------------

/** The number of the progress message due (1 after a week, 2 after two…); 0 when none. */
export function progressWeekDue(ticket: TicketState, now: Date, settings: TimeLimitSettings): number {
  if (!isLive(ticket)) return 0;
  return Math.max(0, Math.floor((now.getTime() - time(ticket.createdAt)) / settings.weeklyProgressEvery));
}

export function progressKey(ref: string, week: number): string {
  return `progress:${ref}:${week}`;
}
