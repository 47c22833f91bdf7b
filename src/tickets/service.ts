/**
 * Ticket use cases with domain names (`tickets.claim(ref, actor)`), returning plain objects.
 * Every change is one event; a lost race is answered with the winner's state.
 */
import type { Clock } from '../clock';
import type { OfficePolicy } from '../config/office';
import { departmentById } from '../config/office';
import type { Models } from '../db/models';
import { SYSTEM_ACTOR, type Actor } from '../people/actors';
import { autoConfirmAt, onSiteDueAt } from '../policy/dueTimes';
import { localDateKey, localMonthKey } from '../time/zoned';
import {
  initialComplaint,
  initialEmergency,
  initialInquiry,
  initialRepair,
  initialTask,
  type ComplaintInput,
  type EmergencyInput,
  type InitialTicket,
  type InquiryInput,
  type TaskInput,
} from './creation';
import { internalTaskPrefix } from '../tasks/config';
import { claimOnce } from '../jobs/once';
import type { Reactor } from '../reactions/reactor';
import { RefNumbers } from './numbering';
import { applyEvent } from './projection';
import { TicketRepository, type CardLocation } from './repository';
import { answerRefusal, decide, mayFileTask, servesDepartment, showsStaleCard, type Refusal, type TicketAction } from './rules';
import type { ComplaintClass, EventDataByType, Media, RepairReport, ResidentContact, TicketEvent, TicketEventType, TicketState } from './types';

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
  /** Writes what follows each event with it (src/reactions): the only way anyone hears of a change. */
  reactor: Reactor;
}

/** An event before it has its place in the log: its type, and the data that type carries. */
export type EventDraft = { [T in TicketEventType]: { type: T; text?: string; media?: Media[]; data?: EventDataByType[T] } }[TicketEventType];
/** What the scheduler records (informational events: they change no state). */
type RecordedType = 'survey_sent' | 'survey_resent' | 'survey_answered' | 'survey_no_answer' | 'reminded' | 'escalated' | 'reannounced' | 'progress_sent';
/** Returns the event to record, or a refusal found only once the state is known. */
export type Drafter = (ticket: TicketState, now: Date) => EventDraft | Refusal;

/** A scheduler event's draft: TypeScript cannot see that a generic type and its data belong together, so this says it once. */
function draftOf<T extends RecordedType>(type: T, text: string | undefined, data: EventDataByType[T] | undefined): EventDraft {
  return { type, text, data } as EventDraft;
}

const later = (base: Date | string, ms: number) => new Date(new Date(base).getTime() + ms);

function visitSlot(ticket: TicketState) {
  const visit = ticket.report.visit;
  return !visit || visit.asap || !visit.slotStart ? null : { slotStart: new Date(visit.slotStart), slotEnd: new Date(visit.slotEnd!) };
}

export class TicketService {
  private readonly repo: TicketRepository;
  private readonly refNumbers: RefNumbers;

  constructor(private readonly deps: TicketServiceDeps) {
    this.repo = new TicketRepository(deps.models);
    this.refNumbers = new RefNumbers(deps.models);
  }

  createRepair(resident: ResidentContact, report: RepairReport, actor: Actor): Promise<TicketState> {
    return this.create(actor, (now) => initialRepair(resident, report, now, this.deps.policy));
  }

  createComplaint(resident: ResidentContact, input: ComplaintInput, actor: Actor): Promise<TicketState> {
    return this.create(actor, (now) => initialComplaint(resident, input, now, this.deps.policy));
  }

  createEmergency(resident: ResidentContact, input: EmergencyInput, actor: Actor): Promise<TicketState> {
    return this.create(actor, (now) => initialEmergency(resident, input, now, this.deps.policy));
  }

  createInquiry(resident: ResidentContact, input: InquiryInput, actor: Actor): Promise<TicketState> {
    return this.create(actor, (now) => initialInquiry(resident, input, now, this.deps.policy));
  }

  /**
   * A staff member's internal task for a department (内部工作任务); only staff may file one.
   * @throws Error when the actor is not staff (the adapter refuses before asking anything).
   */
  createTask(filer: ResidentContact, input: TaskInput, actor: Actor): Promise<TicketState> {
    if (!mayFileTask(actor) || actor.id !== filer.telegramId) throw new Error(`user ${actor.id} may not file an internal task`);
    if (!departmentById(this.deps.policy, input.department)) throw new Error(`unknown department ${input.department}`);
    return this.create(actor, (now) => initialTask(filer, input, now, this.deps.policy));
  }

  /** The reference is unique per kind and office day; the created event holds the whole report. */
  private async create(actor: Actor, build: (now: Date) => InitialTicket): Promise<TicketState> {
    const { policy, clock } = this.deps;
    const now = clock.now();
    const initial = build(now);
    const day = localDateKey(now, policy.timezone);
    const ref = await this.refNumbers.allocate(initial.kind, day, now, initial.kind === 'task' ? internalTaskPrefix(policy) : undefined);
    const event: TicketEvent = {
      ref,
      seq: 1,
      type: 'created',
      at: now,
      actor: { id: actor.id, role: actor.role, name: initial.anonymous ? '' : actor.name },
      text: initial.report.description,
      media: initial.report.media,
      data: { ...initial, ref, day, month: localMonthKey(now, policy.timezone) },
    };
    await this.deps.reactor.intend(ref, 1);
    if (!(await this.repo.append(event))) throw new Error(`reference ${ref} was allocated twice`);
    const ticket = applyEvent(undefined, event);
    await Promise.all([this.repo.saveProjection(ticket), this.deps.reactor.react(event, ticket)]);
    this.deps.log.info({ ref, kind: ticket.kind, department: ticket.department }, 'ticket created');
    return ticket;
  }

  claim(ref: string, actor: Actor, options: { byAnswering?: boolean } = {}): Promise<ActionResult> {
    return this.act(ref, 'claim', actor, (ticket, now) => ({
      type: 'claimed',
      data: { onSiteDueAt: this.onSiteDue(ticket, now), ...(options.byAnswering ? { byAnswering: true } : {}) },
    }));
  }

  arrive(ref: string, actor: Actor): Promise<ActionResult> {
    return this.act(ref, 'arrive', actor, () => ({ type: 'arrived' }));
  }

  /** Resolves a ticket; for an inquiry this is the staff's answer. */
  resolve(ref: string, actor: Actor, outcome: { text: string; media: Media[]; fee?: number }): Promise<ActionResult> {
    return this.act(ref, 'resolve', actor, (_ticket, now) => ({
      type: 'resolved',
      text: outcome.text,
      media: outcome.media,
      data: { fee: outcome.fee, autoConfirmAt: autoConfirmAt(now, this.deps.policy) },
    }));
  }

  /**
   * Staff answer an inquiry (or reply to a complaint) in one step: an unclaimed ticket is
   * claimed by whoever answers, then resolved with the answer as its result.
   */
  async answer(ref: string, actor: Actor, text: string, media: Media[] = []): Promise<ActionResult> {
    const current = await this.repo.load(ref);
    if (current?.status === 'open') {
      const claimed = await this.claim(ref, actor, { byAnswering: true });
      if (!claimed.ok && claimed.reason !== 'already_claimed') return claimed;
    }
    return this.resolve(ref, actor, { text, media });
  }

  /** Moves the ticket to another department: its owner is released, the new department responds. */
  transfer(ref: string, actor: Actor, to: string, reason?: string): Promise<ActionResult> {
    return this.act(ref, 'transfer', actor, (ticket, now) => {
      if (to === ticket.department || !departmentById(this.deps.policy, to)) return { reason: 'not_applicable' };
      // A complaint about a staff member never goes to that member's own department.
      if (ticket.complaint?.subject === 'staff' && ticket.complaint.staffDepartment === to) return { reason: 'not_applicable' };
      return {
        type: 'transferred',
        text: reason,
        data: { from: ticket.department, to, responseDueAt: later(now, this.deps.policy.response.dispatch) },
      };
    });
  }

  /** Back to the pool, with a reason: the card shows it unclaimed again. */
  release(ref: string, actor: Actor, reason: string): Promise<ActionResult> {
    return this.act(ref, 'release', actor, (ticket) => ({ type: 'released', text: reason, data: { from: ticket.owner } }));
  }

  /** A head or the manager gives the ticket to a named member of the department. */
  reassign(ref: string, actor: Actor, target: Actor): Promise<ActionResult> {
    return this.act(ref, 'reassign', actor, (ticket, now) => {
      if (!servesDepartment(target, ticket, this.deps.policy) || target.role === 'resident') return { reason: 'wrong_department' };
      return {
        type: 'reassigned',
        data: { to: { id: target.id, name: target.name }, onSiteDueAt: this.onSiteDue(ticket, now) },
      };
    });
  }

  /** Waiting for parts or a new visit time; the resident is told the new time. */
  reschedule(ref: string, actor: Actor, change: { reason: string; until: Date; parts: boolean }): Promise<ActionResult> {
    return this.act(ref, 'reschedule', actor, () => ({ type: 'rescheduled', text: change.reason, data: { until: change.until, parts: change.parts } }));
  }

  /** An internal note or photo; shown to the resident only when `toResident`. */
  note(ref: string, actor: Actor, note: { text: string; media: Media[]; toResident: boolean }): Promise<ActionResult> {
    return this.act(ref, 'note', actor, () => ({ type: 'note_added', text: note.text, media: note.media, data: { toResident: note.toResident } }));
  }

  /**
   * Classifies a complaint and sets its resolution limit from the office's table. A major
   * complaint goes to the manager; an invalid one is answered with the explanation.
   */
  classify(ref: string, actor: Actor, cls: ComplaintClass, options: { explanation?: string; manager?: { id: number; name: string } } = {}): Promise<ActionResult> {
    const { policy } = this.deps;
    return this.act(ref, 'classify', actor, (ticket, now) => {
      const limits = policy.complaintResolution;
      const created = ticket.createdAt;
      const text = options.explanation;
      if (cls === 'major') {
        const major = { class: cls, firstAnswerDueAt: later(created, limits.majorFirstAnswer), resolutionDueAt: later(created, limits.major) };
        return { type: 'classified', text, data: options.manager ? { ...major, owner: options.manager } : major };
      }
      if (cls === 'invalid') {
        if (!options.explanation) return { reason: 'not_applicable' };
        return { type: 'classified', text, data: { class: cls, resolutionDueAt: now, autoConfirmAt: autoConfirmAt(now, policy) } };
      }
      return { type: 'classified', text, data: { class: cls, resolutionDueAt: later(created, limits[cls]) } };
    });
  }

  /** The resident says it is solved (or closes an answered inquiry): the ticket closes. */
  confirm(ref: string, actor: Actor): Promise<ActionResult> {
    return this.act(ref, 'confirm', actor, () => ({ type: 'confirmed' }));
  }

  /** The resident says it is not solved (or replies to an answer): back to its owner. */
  dispute(ref: string, actor: Actor, reason?: string): Promise<ActionResult> {
    return this.act(ref, 'dispute', actor, () => ({ type: 'reopened', text: reason }));
  }

  /** The resident adds information or photos (or says what is still wrong after "Not solved"); staff see it under the card. */
  addInfo(ref: string, actor: Actor, text: string, media: Media[] = [], options: { afterDispute?: boolean } = {}): Promise<ActionResult> {
    return this.act(ref, 'add_info', actor, () => ({ type: 'info_added', text, media, ...(options.afterDispute ? { data: { afterDispute: true } } : {}) }));
  }

  /** 催办: at most once per the office's interval. */
  urge(ref: string, actor: Actor): Promise<ActionResult> {
    return this.act(ref, 'urge', actor, (ticket, now) => {
      const next = ticket.lastUrgedAt ? later(ticket.lastUrgedAt, this.deps.policy.residents.urgeInterval) : undefined;
      if (next && next > now) return { reason: 'too_soon', next };
      return { type: 'urged' };
    });
  }

  /** The resident withdraws the report before work has started. */
  cancel(ref: string, actor: Actor, reason: string, reasonCode?: string): Promise<ActionResult> {
    return this.act(ref, 'cancel', actor, () => ({ type: 'cancelled', text: reason, ...(reasonCode ? { data: { reasonCode } } : {}) }));
  }

  /**
   * The quiet period passed without an answer: the scheduler confirms for the resident.
   * `known` is the state the scheduler found it in (the working set's copy), tried as it is
   * (see act); without it the ticket is loaded.
   */
  autoConfirm(ref: string, known?: TicketState): Promise<ActionResult> {
    return this.act(ref, 'auto_confirm', SYSTEM_ACTOR, () => ({ type: 'auto_confirmed' }), known);
  }

  /** A dissatisfied follow-up answer reopens a closed ticket for rework. */
  reopenAfterSurvey(ref: string, reason: string, survey?: string): Promise<ActionResult> {
    return this.act(ref, 'survey_reopen', SYSTEM_ACTOR, () => ({ type: 'reopened', text: reason, data: { source: 'survey', survey } }));
  }

  /** No progress for too long after a claim: back to the pool. */
  autoRelease(ref: string, reason: string): Promise<ActionResult> {
    return this.act(ref, 'auto_release', SYSTEM_ACTOR, (ticket) => ({ type: 'released', text: reason, data: { automatic: true, from: ticket.owner } }));
  }

  /** Records what the scheduler did or noticed (a survey sent, a reminder, an escalation). */
  record<T extends RecordedType>(ref: string, type: T, details: { text?: string; data?: EventDataByType[T] } = {}): Promise<ActionResult> {
    return this.act(ref, 'record', SYSTEM_ACTOR, () => draftOf(type, details.text, details.data));
  }

  /**
   * Records a scheduler event once per key, whatever the number of instances and crashes:
   * the ticket remembers the keys it recorded, so the unique (ref, seq) insert that decides
   * every race also decides this one — a second writer finds the key in the state and stops.
   * The key is then marked in `job_runs`, which lets the jobs skip it without loading the
   * ticket (a crash before the mark only costs the next tick one load). Its notices follow
   * the event as with any event.
   */
  async recordOnce<T extends RecordedType>(ref: string, key: string, type: T, details: { text?: string; data: EventDataByType[T] }): Promise<ActionResult | 'done'> {
    const result = await this.act(ref, 'record', SYSTEM_ACTOR, (ticket) =>
      ticket.recordedKeys?.includes(key) ? { reason: 'not_applicable' } : draftOf(type, details.text, { ...details.data, key }),
    );
    if (result.ok || result.reason === 'not_applicable') await claimOnce(this.deps.models, key, this.deps.clock.now());
    return result.ok ? result : 'done';
  }

  /** Flags a ticket as a repeat of an earlier one (二次投诉 / repeated repair). */
  flagRepeat(ref: string, of: string, ofCreatedAt?: Date): Promise<ActionResult> {
    return this.act(ref, 'record', SYSTEM_ACTOR, () => ({ type: 'repeat_flagged', data: { of, ofCreatedAt } }));
  }

  /** A head or the manager approves going past the resolution limit. */
  extendDeadline(ref: string, actor: Actor, until: Date, reason: string): Promise<ActionResult> {
    return this.act(ref, 'extend', actor, () => ({ type: 'deadline_extended', text: reason, data: { until } }));
  }

  /**
   * A change drafted elsewhere in the domain core (src/followers): decided by the same rules,
   * appended and reacted to like every other event.
   */
  change(ref: string, action: TicketAction, actor: Actor, draft: Drafter): Promise<ActionResult> {
    return this.act(ref, action, actor, draft);
  }

  /** Would this action be allowed now? Lets the adapter refuse before asking for input. */
  async check(ref: string, action: TicketAction, actor: Actor): Promise<{ ticket: TicketState | null; refusal: Refusal | null }> {
    const ticket = await this.repo.load(ref);
    if (!ticket) return { ticket, refusal: { reason: 'not_found' } };
    const refusal = decide(action, ticket, actor, this.deps.policy);
    if (refusal) await this.refused(ticket, refusal);
    return { ticket, refusal };
  }

  /** May this staff member answer the inquiry now (claiming it if open)? */
  async checkAnswer(ref: string, actor: Actor): Promise<{ ticket: TicketState | null; refusal: Refusal | null }> {
    const ticket = await this.repo.load(ref);
    const refusal = answerRefusal(ticket, actor, this.deps.policy);
    if (ticket && refusal) await this.refused(ticket, refusal);
    return { ticket, refusal };
  }

  /** A press from a card that shows an older state: the cards are brought up to date (once per state). */
  private async refused(ticket: TicketState, refusal: Refusal): Promise<void> {
    if (showsStaleCard(refusal)) await this.deps.reactor.resync(ticket);
  }

  get(ref: string): Promise<TicketState | null> {
    return this.repo.load(ref);
  }

  /** The ticket as of event `seq` or later (one read fewer than `get`: see TicketRepository.loadReaching). */
  getReaching(ref: string, seq: number): Promise<TicketState | null> {
    return this.repo.loadReaching(ref, seq);
  }

  history(ref: string): Promise<TicketEvent[]> {
    return this.repo.events(ref);
  }

  /** One event of a ticket's log by its position (an `_id` read). */
  event(ref: string, seq: number): Promise<TicketEvent | null> {
    return this.repo.event(ref, seq);
  }

  setCard(ref: string, card: CardLocation): Promise<void> {
    return this.repo.setCards(ref, [card]);
  }

  setCards(ref: string, cards: CardLocation[]): Promise<void> {
    return this.repo.setCards(ref, cards);
  }

  /** The main card (the department's); see `cards` for every copy. */
  async card(ref: string): Promise<CardLocation | undefined> {
    return (await this.repo.cards(ref))[0];
  }

  cards(ref: string): Promise<CardLocation[]> {
    return this.repo.cards(ref);
  }

  listForResident(residentId: number, limit = 10, skip = 0): Promise<TicketState[]> {
    return this.repo.listByResident(residentId, limit, skip);
  }

  countForResident(residentId: number): Promise<number> {
    return this.repo.countByResident(residentId);
  }

  /** A resident's tickets created in [from, until), newest first. */
  listForResidentBetween(residentId: number, from: Date, until: Date): Promise<TicketState[]> {
    return this.repo.listByResidentBetween(residentId, from, until);
  }

  /** Tickets still being worked: of these departments, or owned by someone; unclaimed first. */
  listLive(filter: { departments?: string[]; ownerId?: number }): Promise<TicketState[]> {
    return this.repo.listLive(filter);
  }

  /** Received at night, still unclaimed: the handover list. */
  listNightUnclaimed(since: Date): Promise<TicketState[]> {
    return this.repo.listNightUnclaimed(since);
  }

  private onSiteDue(ticket: TicketState, now: Date): Date | undefined {
    if (ticket.kind === 'complaint' || ticket.kind === 'inquiry') return undefined;
    if (ticket.kind === 'emergency') return later(ticket.createdAt, this.deps.policy.response.emergencyOnSite);
    return onSiteDueAt(now, visitSlot(ticket), this.deps.policy);
  }

  /**
   * Decide, then try to take the next sequence number; on a lost race reload and decide
   * again against the winner's state (a second Claim then sees "already claimed").
   *
   * A state the caller already read (`known`) is tried as it is: if the log has gone past it,
   * its next sequence number is taken and the append loses, as any race does. Only a refusal
   * is checked against the log first, so that nothing is refused on a stale copy. (The look
   * for newer events was one command of every auto-confirmation.)
   */
  private async act(ref: string, action: TicketAction, actor: Actor, draft: Drafter, known?: TicketState): Promise<ActionResult> {
    for (let attempt = 0; attempt < 20; attempt++) {
      let ticket = attempt === 0 && known?.ref === ref ? known : await this.repo.load(ref);
      if (!ticket) return { ok: false, reason: 'not_found' };
      const now = this.deps.clock.now();
      const decideOn = (state: TicketState) => decide(action, state, actor, this.deps.policy) ?? draft(state, now);
      let drafted = decideOn(ticket);
      if ('reason' in drafted && ticket === known) {
        ticket = await this.repo.catchUp(known);
        drafted = decideOn(ticket);
      }
      if ('reason' in drafted) {
        this.deps.log.info({ ref, action, actorId: actor.id, role: actor.role, reason: drafted.reason }, 'ticket action refused');
        if (actor.role !== 'system') await this.refused(ticket, drafted);
        return { ok: false, ticket, ...drafted };
      }
      // A resident is named as registered on the report (anonymous complainants not at all).
      // A follower (someone else's ticket) is named as they are, never as the reporter.
      const reporter = actor.role === 'resident' && actor.id === ticket.resident.telegramId;
      const name = reporter ? (ticket.anonymous ? '' : ticket.resident.name || actor.name) : actor.name;
      const event: TicketEvent = { ...drafted, ref, seq: ticket.seq + 1, at: now, actor: { id: actor.id, role: actor.role, name } };
      await this.deps.reactor.intend(ref, event.seq);
      if (await this.repo.append(event)) {
        const next = applyEvent(ticket, event);
        await Promise.all([this.repo.saveProjection(next), this.deps.reactor.react(event, next, ticket)]);
        this.deps.log.info({ ref, action, actorId: actor.id, seq: event.seq, status: next.status }, 'ticket changed');
        return { ok: true, ticket: next, event };
      }
    }
    throw new Error(`ticket ${ref}: too much contention for ${action}`);
  }
}
