/**
 * Writes what follows an event, with the event, and makes sure nothing is lost between the
 * two. MongoDB transactions are not available on the test database (FerretDB), so the step
 * is made safe another way:
 *   1. before the event is appended, its position `ref:seq` is noted in `reactions_pending`;
 *   2. the event is appended (the unique (ref, seq) insert decides races);
 *   3. its notices go to the outbox with ids derived from the event (`n:ref:seq:name`);
 *   4. the note is removed.
 * A crash anywhere leaves the note; `recover` (at start and on every scheduler tick) reads
 * the notes older than a moment, derives the notices of whatever event sits at that position
 * again — the same ids, so those already written are skipped — and removes the note. The
 * notes collection holds only what is in flight, so reading it costs nothing on FerretDB.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { OfficePolicy } from '../config/office';
import type { Models } from '../db/models';
import { eventId, insertRecord, isDuplicateKey } from '../db/models';
import type { OutboxStore } from '../outbox/store';
import type { NewItem } from '../outbox/types';
import { replay } from '../tickets/projection';
import { cardTargets } from '../tickets/targets';
import type { TicketEvent, TicketState } from '../tickets/types';
import { RecentEvents } from '../tickets/recentEvents';
import { consequences } from './consequences';
import { noticeId, type Notice, type Recipient } from './notices';

/** What an outbox item of a notice carries: the notice, and the event and ticket it is about (rendered when sent). */
export interface NoticePayload {
  notice: Notice;
  /** The event the notice follows (none for a card brought up to date after a stale press). */
  event?: TicketEvent;
  ticket: TicketState;
}

interface PendingDoc {
  _id: string;
  ref: string;
  seq: number;
  at: Date;
}

const pendingSchema = new Schema<PendingDoc>({ _id: String, ref: String, seq: Number, at: Date }, { collection: 'reactions_pending', versionKey: false });

function pendingModel(conn: Connection): Model<PendingDoc> {
  return (conn.models.ReactionPending as Model<PendingDoc>) ?? conn.model<PendingDoc>('ReactionPending', pendingSchema);
}

export interface ReactorLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Something else derived from each event in the same step (the monthly figures' facts); must be idempotent. */
export interface EventObserver {
  recordEvent(event: TicketEvent, after: TicketState, before: TicketState | undefined): Promise<unknown>;
}

export interface ReactorDeps {
  models: Models;
  outbox: OutboxStore;
  policy: OfficePolicy;
  log: ReactorLog;
  observers?: EventObserver[];
  /** Real time (ms), for the in-flight notes. */
  now?: () => number;
}

/** The chat whose order a notice keeps (its outbox lane). */
export function laneOf(to: Recipient, ticket: TicketState, policy: OfficePolicy): number {
  switch (to.kind) {
    case 'resident':
      return ticket.resident.telegramId;
    case 'person':
    case 'follower':
      return to.id;
    case 'chat':
      return to.chatId;
    case 'card':
      return cardTargets(ticket, policy)[0].chatId;
  }
}

export class Reactor {
  private readonly pending: Model<PendingDoc>;
  private readonly now: () => number;
  /**
   * Told of every batch written, with the Telegram id of the person whose action wrote it (absent
   * for the scheduler's own and for card resyncs): the bot sends a person's batch once its
   * direct answer to them is out.
   */
  onWritten?: (written: { id: string; chatId: number }[], actorId?: number) => void;
  /** How long new items of that person's action wait for that (0 outside an update: the running dispatcher takes them at once). */
  holdMs: (actorId?: number) => number = () => 0;

  /** The recent-events copy the follow-up scans read, then whatever the composition adds. */
  private readonly observers: EventObserver[];

  constructor(private readonly deps: ReactorDeps) {
    this.pending = pendingModel(deps.models.Ticket.db);
    this.observers = [new RecentEvents(deps.models), ...(deps.observers ?? [])];
    this.now = deps.now ?? Date.now;
  }

  /** Step 1: the position is noted before the event is appended. */
  async intend(ref: string, seq: number): Promise<void> {
    try {
      await insertRecord(this.pending, { _id: `${ref}:${seq}`, ref, seq, at: new Date(this.now()) });
    } catch (error) {
      // Another writer is after the same position: one note serves both.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Steps 3 and 4 (a position lost to another writer keeps its note for the winner, or recovery). */
  async react(event: TicketEvent, after: TicketState, before?: TicketState): Promise<Notice[]> {
    const notices = await this.derive(event, after, before);
    await this.pending.deleteOne({ _id: `${event.ref}:${event.seq}` });
    return notices;
  }

  /** The notices and every observer's record of one event (all idempotent). */
  private async derive(event: TicketEvent, after: TicketState, before: TicketState | undefined): Promise<Notice[]> {
    const notices = consequences(event, after, this.deps.policy);
    await Promise.all([this.write(event, after, notices), ...this.observers.map((o) => o.recordEvent(event, after, before))]);
    return notices;
  }

  /**
   * The cards of a ticket whose state someone pressed past (a stale card): edited to the
   * state they are in now. Keyed by the state, so many stale presses make one edit.
   */
  async resync(ticket: TicketState): Promise<void> {
    await this.write({ ref: ticket.ref, seq: ticket.seq }, ticket, [{ name: 'resync', to: { kind: 'card' }, what: { type: 'card_refresh' } }]);
  }

  private async write(event: TicketEvent | Pick<TicketEvent, 'ref' | 'seq'>, ticket: TicketState, notices: Notice[]): Promise<void> {
    const items: (NewItem & { id: string })[] = notices.map((notice) => ({
      id: noticeId(event.ref, event.seq, notice.name),
      chatId: laneOf(notice.to, ticket, this.deps.policy),
      kind: `notice:${notice.what.type}`,
      ref: event.ref,
      purpose: `${'type' in event ? event.type : 'resync'}:${notice.name}`,
      payload: { notice, ...('type' in event ? { event } : {}), ticket } satisfies NoticePayload,
    }));
    const actorId = 'actor' in event ? event.actor.id : undefined;
    await this.deps.outbox.addMany(items, this.holdMs(actorId));
    if (items.length > 0) this.onWritten?.(items.map(({ id, chatId }) => ({ id, chatId })), actorId);
  }

  /**
   * Derives again the notices of events whose writer stopped before finishing (notes older
   * than `graceMs`). Returns how many notes it settled.
   */
  async recover(graceMs = 30_000): Promise<number> {
    const notes = await this.pending.find({ at: { $lt: new Date(this.now() - graceMs) } }).limit(100).lean<PendingDoc[]>();
    let settled = 0;
    for (const note of notes) {
      try {
        // The log up to the note's position, by `_id` (ref:seq), all at once: never a scan.
        const TicketEvents = this.deps.models.TicketEvent;
        const events = await Promise.all(
          Array.from({ length: note.seq }, (_, i) => TicketEvents.findById(eventId(note.ref, i + 1)).lean<TicketEvent & { _id?: unknown }>()),
        );
        const log = events.filter((e) => e !== null).map(({ _id, ...event }) => event as TicketEvent);
        const event = log.find((e) => e.seq === note.seq);
        if (event) {
          const after = replay(log)!;
          const before = replay(log.filter((e) => e.seq < note.seq));
          await this.derive(event, after, before);
          this.deps.log.info({ ref: note.ref, seq: note.seq }, 'reactions: notices derived again after an interrupted step');
        }
        // No event at that position: its writer stopped before appending; nothing happened.
        await this.pending.deleteOne({ _id: note._id });
        settled++;
      } catch (error) {
        this.deps.log.error({ err: error, ref: note.ref, seq: note.seq }, 'reactions: recovery of a step failed');
      }
    }
    return settled;
  }
}
