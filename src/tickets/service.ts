/**
 * Ticket use cases with domain names (`tickets.claim(ref, actor)`), returning plain objects.
 * Every change is one event; a lost race is answered with the winner's state.
 */
import type { Clock } from '../clock';
import type { OfficePolicy } from '../config/office';
import { findCategory } from '../config/office';
import type { Models } from '../db/models';
import type { Actor } from '../people/actors';
import { autoConfirmAt, onSiteDueAt, repairDueTimes } from '../policy/dueTimes';
import { localDateKey, localMonthKey } from '../time/zoned';
import { allocateRef } from './numbering';
import { applyEvent } from './projection';
import { TicketRepository, type CardLocation } from './repository';
import { decide, type Refusal, type TicketAction } from './rules';
import type { Media, RepairReport, ResidentContact, TicketEvent, TicketState } from './types';

export type ActionResult =
  | { ok: true; ticket: TicketState; event: TicketEvent }
  | ({ ok: false; ticket?: TicketState } & Refusal);

export interface DomainLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface TicketServiceDeps {
  models: Models;
  clock: Clock;
  policy: OfficePolicy;
  log: DomainLogger;
}

type EventDraft = Pick<TicketEvent, 'type'> & Partial<Pick<TicketEvent, 'text' | 'media' | 'data'>>;

export class TicketService {
  private readonly repo: TicketRepository;

  constructor(private readonly deps: TicketServiceDeps) {
    this.repo = new TicketRepository(deps.models);
  }

  /** Creates a repair ticket from a confirmed report; the reference is unique per office day. */
  async createRepair(resident: ResidentContact, report: RepairReport, actor: Actor): Promise<TicketState> {
    const { policy, clock } = this.deps;
    const category = findCategory(policy, report.repairKind, report.category);
    if (!category) throw new Error(`unknown category ${report.repairKind}/${report.category}`);
    const now = clock.now();
    const day = localDateKey(now, policy.timezone);
    const ref = await allocateRef(this.deps.models, 'repair', day, now);
    const due = repairDueTimes(now, category, policy);
    const initial: Omit<TicketState, 'seq' | 'lastEventAt'> = {
      ref,
      kind: 'repair',
      status: 'open',
      department: category.department,
      priority: 'normal',
      resident,
      report,
      createdAt: now,
      day,
      month: localMonthKey(now, policy.timezone),
      responseDueAt: due.responseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      reopenCount: 0,
    };
    const event: TicketEvent = {
      ref,
      seq: 1,
      type: 'created',
      at: now,
      actor: { id: actor.id, role: actor.role, name: actor.name },
      text: report.description,
      media: report.media,
      data: initial as unknown as Record<string, unknown>,
    };
    if (!(await this.repo.append(event))) throw new Error(`reference ${ref} was allocated twice`);
    const ticket = applyEvent(undefined, event);
    await this.repo.saveProjection(ticket);
    this.deps.log.info({ ref, department: ticket.department, category: report.category }, 'ticket created');
    return ticket;
  }

  claim(ref: string, actor: Actor): Promise<ActionResult> {
    return this.act(ref, 'claim', actor, (ticket, now) => ({
      type: 'claimed',
      data: {
        onSiteDueAt: onSiteDueAt(
          now,
          ticket.report.visit.asap || !ticket.report.visit.slotStart
            ? null
            : { slotStart: new Date(ticket.report.visit.slotStart), slotEnd: new Date(ticket.report.visit.slotEnd!) },
          this.deps.policy,
        ),
      },
    }));
  }

  arrive(ref: string, actor: Actor): Promise<ActionResult> {
    return this.act(ref, 'arrive', actor, () => ({ type: 'arrived' }));
  }

  resolve(ref: string, actor: Actor, outcome: { text: string; media: Media[]; fee?: number }): Promise<ActionResult> {
    return this.act(ref, 'resolve', actor, (_ticket, now) => ({
      type: 'resolved',
      text: outcome.text,
      media: outcome.media,
      data: { fee: outcome.fee, autoConfirmAt: autoConfirmAt(now, this.deps.policy) },
    }));
  }

  /** The resident says it is solved: the ticket closes. */
  confirm(ref: string, actor: Actor): Promise<ActionResult> {
    return this.act(ref, 'confirm', actor, () => ({ type: 'confirmed' }));
  }

  /** The resident says it is not solved: the ticket goes back to its owner. */
  dispute(ref: string, actor: Actor, reason?: string): Promise<ActionResult> {
    return this.act(ref, 'dispute', actor, () => ({ type: 'reopened', text: reason }));
  }

  /** The resident adds information (e.g. why it is not solved); staff see it under the card. */
  addInfo(ref: string, actor: Actor, text: string, media: Media[] = []): Promise<ActionResult> {
    return this.act(ref, 'add_info', actor, () => ({ type: 'info_added', text, media }));
  }

  /** Would this action be allowed now? Lets the adapter refuse before asking for input. */
  async check(ref: string, action: TicketAction, actor: Actor): Promise<{ ticket: TicketState | null; refusal: Refusal | null }> {
    const ticket = await this.repo.load(ref);
    if (!ticket) return { ticket, refusal: { reason: 'not_found' } };
    return { ticket, refusal: decide(action, ticket, actor, this.deps.policy) };
  }

  get(ref: string): Promise<TicketState | null> {
    return this.repo.load(ref);
  }

  history(ref: string): Promise<TicketEvent[]> {
    return this.repo.events(ref);
  }

  setCard(ref: string, card: CardLocation): Promise<void> {
    return this.repo.setCard(ref, card);
  }

  card(ref: string): Promise<CardLocation | undefined> {
    return this.repo.card(ref);
  }

  listForResident(residentId: number, limit = 10, skip = 0): Promise<TicketState[]> {
    return this.repo.listByResident(residentId, limit, skip);
  }

  /**
   * Decide, then try to take the next sequence number; on a lost race reload and decide
   * again against the winner's state (a second Claim then sees "already claimed").
   */
  private async act(
    ref: string,
    action: TicketAction,
    actor: Actor,
    draft: (ticket: TicketState, now: Date) => EventDraft,
  ): Promise<ActionResult> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const ticket = await this.repo.load(ref);
      if (!ticket) return { ok: false, reason: 'not_found' };
      const refusal = decide(action, ticket, actor, this.deps.policy);
      if (refusal) {
        this.deps.log.info({ ref, action, actorId: actor.id, role: actor.role, ...refusal }, 'ticket action refused');
        return { ok: false, ticket, ...refusal };
      }
      const now = this.deps.clock.now();
      const event: TicketEvent = {
        ref,
        seq: ticket.seq + 1,
        at: now,
        actor: { id: actor.id, role: actor.role, name: actor.name },
        ...draft(ticket, now),
      };
      if (await this.repo.append(event)) {
        const next = applyEvent(ticket, event);
        await this.repo.saveProjection(next);
        this.deps.log.info({ ref, action, actorId: actor.id, seq: event.seq, status: next.status }, 'ticket changed');
        return { ok: true, ticket: next, event };
      }
    }
    throw new Error(`ticket ${ref}: too much contention for ${action}`);
  }
}
