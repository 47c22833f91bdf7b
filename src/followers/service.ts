/**
 * Residents affected by the same fault: "Already reported … Me too" at intake, stop following,
 * a duplicate linked by staff, and the public notice (公告) to everyone affected. Each is an
 * event in the ticket's log (through TicketService.change, so the same rules, races and
 * reactions apply); who hears of what is src/reactions' business.
 */
import type { OfficePolicy } from '../config/office';
import type { Models } from '../db/models';
import type { Actor } from '../people/actors';
import { isFollowing } from '../tickets/rules';
import type { ActionResult, TicketService } from '../tickets/service';
import type { Follower, ResidentContact, TicketState, TicketStatus } from '../tickets/types';
import { followersPolicy } from './config';
import { categoryKeyOf, LIVE_STATUSES, placeKeyOf, type FollowerIndexes } from './indexes';

/** An open ticket offered at intake, as plain data (it is replayed from a conversation's log). */
export interface OfferedTicket {
  ref: string;
  status: string;
  createdAt: string;
}

export interface OfferQuery {
  kind: string;
  category: string;
  building: string;
  residentId: number;
}

/** What is wrong with the other ticket of "Duplicate of…" (this one's refusals are an ActionResult's). */
export type LinkProblem = { ok: false; problem: 'same_ticket' | 'not_found' } | { ok: false; problem: 'not_linkable'; status: TicketStatus };
export type LinkResult = ActionResult | LinkProblem;

/** A contact without whatever else the record carried (a follower's `since`). */
const contactOnly = ({ telegramId, name, phone, building, unit, room, language }: ResidentContact): ResidentContact => ({ telegramId, name, phone, building, unit, room, language });

/** The number of residents a ticket affects: its reporter and its followers. */
export const affectedCount = (ticket: TicketState) => 1 + (ticket.followers?.length ?? 0);

export class FollowerService {
  constructor(private readonly deps: { tickets: TicketService; indexes: FollowerIndexes; policy: OfficePolicy }) {}

  /** Is this kind of report offered open tickets first? */
  offersFor(kind: string): boolean {
    return (followersPolicy(this.deps.policy).offerKinds as string[]).includes(kind);
  }

  /**
   * The live tickets of the same category in the same building (the whole estate for an
   * estate-wide category), oldest first, that this resident neither reported nor follows.
   */
  async openFor(query: OfferQuery): Promise<OfferedTicket[]> {
    const rules = followersPolicy(this.deps.policy);
    if (!this.offersFor(query.kind)) return [];
    const estate = categoryKeyOf(query.kind, query.category);
    const key = rules.estateWide.includes(estate) ? { estate } : { place: placeKeyOf(query.kind, query.category, query.building) };
    const refs = await this.deps.indexes.openRefs(key);
    const tickets = await Promise.all(refs.map((ref) => this.deps.tickets.get(ref)));
    return tickets
      .filter((t): t is TicketState => !!t && LIVE_STATUSES.includes(t.status) && !t.anonymous)
      .filter((t) => t.report.repairKind === query.kind && t.report.category === query.category)
      .filter((t) => t.resident.telegramId !== query.residentId && !isFollowing(t, query.residentId))
      .slice(0, rules.offerMax)
      .map((t) => ({ ref: t.ref, status: t.status, createdAt: new Date(t.createdAt).toISOString() }));
  }

  /** "Me too": the resident follows the ticket; at the office's count of residents affected it becomes urgent. */
  follow(ref: string, contact: ResidentContact, actor: Actor, via: 'me_too' | 'scan'): Promise<ActionResult> {
    return this.deps.tickets.change(ref, 'follow', actor, (ticket, now) => ({ type: 'followed', data: this.followedData(ticket, { ...contact, since: now }, via) }));
  }

  unfollow(ref: string, actor: Actor): Promise<ActionResult> {
    return this.deps.tickets.change(ref, 'unfollow', actor, () => ({ type: 'unfollowed', data: { follower: actor.id } }));
  }

  /**
   * "Duplicate of…": this ticket closes as a duplicate of `of`, and its resident (and anyone
   * who followed it) follows `of` instead. Both tickets' logs record it.
   */
  async linkDuplicate(ref: string, of: string, actor: Actor): Promise<LinkResult> {
    const { tickets } = this.deps;
    if (ref === of) return { ok: false, problem: 'same_ticket' };
    const other = await tickets.get(of);
    if (!other) return { ok: false, problem: 'not_found' };
    if (!LIVE_STATUSES.includes(other.status) || other.anonymous || other.kind === 'emergency') return { ok: false, problem: 'not_linkable', status: other.status };
    const closed = await tickets.change(ref, 'link_duplicate', actor, () => ({ type: 'closed_as_duplicate', data: { of } }));
    if (!closed.ok) return closed;
    const movers: ResidentContact[] = [closed.ticket.resident, ...(closed.ticket.followers ?? [])];
    for (const person of movers) {
      await tickets.change(of, 'add_follower', actor, (ticket, now) => {
        if (ticket.resident.telegramId === person.telegramId || isFollowing(ticket, person.telegramId)) return { reason: 'not_applicable' };
        return { type: 'followed', data: { ...this.followedData(ticket, { ...contactOnly(person), since: now }, 'duplicate'), from: ref } };
      });
    }
    return closed;
  }

  /** 公告: one text to the reporter, every follower and the office's residents' channel, if it has one. */
  sendNotice(ref: string, actor: Actor, text: string): Promise<ActionResult> {
    const chat = followersPolicy(this.deps.policy).noticeChat;
    return this.deps.tickets.change(ref, 'public_notice', actor, () => ({ type: 'notice_sent', text, data: chat ? { chat } : {} }));
  }

  /** At start: the open repairs from before "Already reported" existed become offerable (once per database). */
  catchUp(models: Models, now: Date): Promise<number | null> {
    return this.deps.indexes.catchUpOnce(models, now);
  }

  /** The tickets a resident follows, newest first (closed ones too, until they stop following). */
  async followedBy(residentId: number): Promise<TicketState[]> {
    const refs = await this.deps.indexes.followedBy(residentId);
    const tickets = await Promise.all(refs.map((ref) => this.deps.tickets.get(ref)));
    return tickets
      .filter((t): t is TicketState => !!t && isFollowing(t, residentId))
      .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
  }

  private followedData(ticket: TicketState, follower: Follower, via: 'me_too' | 'scan' | 'duplicate') {
    const urgent = ticket.priority !== 'urgent' && affectedCount(ticket) + 1 >= followersPolicy(this.deps.policy).urgentAt;
    return { follower, via, ...(urgent ? { urgent: true } : {}) };
  }
}
