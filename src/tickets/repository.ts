/**
 * Storage of tickets and their event logs. The event insert against the unique (ref, seq)
 * index is what decides races; the ticket document follows as a projection.
 */
import type { Models, ResidentTicketsDoc } from '../db/models';
import { eventId, isDuplicateKey, upsertById } from '../db/models';
import { applyEvent } from './projection';
import { inWorkingSet, type TicketEvent, type TicketState } from './types';

export interface CardLocation {
  chatId: number;
  threadId?: number;
  messageId: number;
  mediaMessageIds?: number[];
}

type EventDoc = TicketEvent & { _id?: unknown };

/**
 * A copy without undefined fields. Stored as they are, they come back as null (a free
 * ticket's `fee: undefined` showed as "¥null" on its card) and the projection no longer
 * equals the replayed log.
 */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withoutUndefined(v)])) as T;
  }
  return value;
}

function toEvent(doc: EventDoc): TicketEvent {
  const { _id, ...event } = doc;
  return event;
}

export class TicketRepository {
  constructor(private readonly models: Models) {}

  /** Appends one event; false when another writer already took that sequence number. */
  async append(event: TicketEvent): Promise<boolean> {
    try {
      await this.models.TicketEvent.create({ _id: eventId(event.ref, event.seq), ...event });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** One event by its position (an `_id` lookup: FerretDB v1 indexes nothing else). */
  async event(ref: string, seq: number): Promise<TicketEvent | null> {
    const doc = await this.models.TicketEvent.findById(eventId(ref, seq)).lean<EventDoc>();
    return doc ? toEvent(doc) : null;
  }

  /**
   * The events after `afterSeq`, read one position at a time until one is missing: a log is
   * a gapless sequence, and the projection is rarely more than one event behind.
   */
  async eventsAfter(ref: string, afterSeq: number): Promise<TicketEvent[]> {
    const newer: TicketEvent[] = [];
    for (let seq = afterSeq + 1; ; seq++) {
      const event = await this.event(ref, seq);
      if (!event) return newer;
      newer.push(event);
    }
  }

  /** Events 1..upTo read at once by `_id` (missing ones left out). */
  async eventsUpTo(ref: string, upTo: number): Promise<TicketEvent[]> {
    const found = await Promise.all(Array.from({ length: upTo }, (_, i) => this.event(ref, i + 1)));
    return found.filter((e): e is TicketEvent => e !== null);
  }

  /** A ticket's whole log, oldest first: the positions the projection knows at once, then any newer. */
  async events(ref: string): Promise<TicketEvent[]> {
    const doc = await this.models.Ticket.findById(ref, { seq: 1 }).lean<{ seq: number }>();
    const known = await this.eventsUpTo(ref, doc?.seq ?? 0);
    return [...known, ...(await this.eventsAfter(ref, known.length))];
  }

  /** The current state: the stored projection plus any events it has not caught up with. */
  async load(ref: string): Promise<TicketState | null> {
    return this.caughtUp(ref, await this.projection(ref));
  }

  /**
   * The ticket at `seq` or later: the stored projection once it has reached `seq`, without the
   * look for newer events; else caught up from the log. For what is decided about one event
   * after it was recorded (a closure's follow-up), which needs the ticket as of that event.
   */
  async loadReaching(ref: string, seq: number): Promise<TicketState | null> {
    const doc = await this.projection(ref);
    return doc && doc.seq >= seq ? doc.state : this.caughtUp(ref, doc);
  }

  private projection(ref: string): Promise<{ state: TicketState; seq: number } | null> {
    return this.models.Ticket.findById(ref).lean<{ state: TicketState; seq: number }>().exec();
  }

  private async caughtUp(ref: string, doc: { state: TicketState; seq: number } | null): Promise<TicketState | null> {
    const newer = await this.eventsAfter(ref, doc?.seq ?? 0);
    let state: TicketState | undefined = doc?.state;
    for (const event of newer) state = applyEvent(state, event);
    if (!state) return null;
    if (newer.length > 0) await this.saveProjection(state);
    return state;
  }

  /** A state read elsewhere (the working set's copy), with any events its log has beyond it. */
  async catchUp(state: TicketState): Promise<TicketState> {
    let current = state;
    for (const event of await this.eventsAfter(state.ref, state.seq)) current = applyEvent(current, event)!;
    return current;
  }

  /** Writes the projection unless a newer one is already stored. */
  async saveProjection(state: TicketState): Promise<void> {
    const fields = {
      seq: state.seq,
      kind: state.kind,
      status: state.status,
      department: state.department,
      residentId: state.resident.telegramId,
      ownerId: state.owner?.id,
      day: state.day,
      month: state.month,
      createdAt: state.createdAt,
      responseDueAt: state.responseDueAt,
      resolutionDueAt: state.resolutionDueAt,
      onSiteDueAt: state.onSiteDueAt,
      autoConfirmAt: state.autoConfirmAt,
      nightIntake: state.nightIntake,
      state: withoutUndefined(state),
    };
    // A field that became undefined (autoConfirmAt after a reopen) must go, not keep its old value.
    const set = withoutUndefined(fields);
    const unset = Object.fromEntries(Object.entries(fields).filter(([, v]) => v === undefined).map(([k]) => [k, 1]));
    const update = Object.keys(unset).length > 0 ? { $set: set, $unset: unset } : { $set: set };
    // One guarded write: the `_id` index finds the ticket (on MongoDB, and on the embedded
    // database as testdb/patches builds it) and the condition on `seq` keeps a newer
    // projection. A projection overwritten by an older one in between (FerretDB applies the
    // condition between its read and its write) is behind its log, and the next load()
    // catches it up from there.
    if (state.seq > 1) {
      const moved = await this.models.Ticket.updateOne({ _id: state.ref, seq: { $lt: state.seq } }, update);
      if (moved.matchedCount > 0) return this.syncWorkingSet(state, set, update);
      if (await this.models.Ticket.exists({ _id: state.ref })) return; // a newer one is stored
    }
    try {
      await this.models.Ticket.create({ _id: state.ref, ref: state.ref, ...set });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    await Promise.all([this.syncWorkingSet(state, set, update), this.addToResident(state)]);
  }

  /**
   * Keeps the working set (live_tickets) in step: the ticket's copy while it is open, none
   * once it is closed or cancelled. Only the writer that moved the projection forward gets
   * here, but two such writers may still cross: a copy is only ever replaced by a newer one
   * (the collection is small, so the condition on `seq` costs nothing even on FerretDB).
   */
  private async syncWorkingSet(state: TicketState, set: Record<string, unknown>, update: Record<string, unknown>): Promise<void> {
    const { LiveTicket, Ticket } = this.models;
    if (!inWorkingSet(state.status)) {
      await LiveTicket.deleteOne({ _id: state.ref });
      return;
    }
    const newer = () => LiveTicket.updateOne({ _id: state.ref, seq: { $lt: state.seq } }, update);
    if ((await newer()).matchedCount > 0) return;
    try {
      await LiveTicket.create({ _id: state.ref, ref: state.ref, ...set });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await newer(); // someone else's copy went in first: replaced if it is older
      return;
    }
    // A newer state that finished the ticket may have removed the copy just before this insert.
    const stored = await Ticket.findById(state.ref, { seq: 1, status: 1 }).lean<{ seq: number; status: TicketState['status'] }>();
    if (stored && stored.seq > state.seq && !inWorkingSet(stored.status)) await LiveTicket.deleteOne({ _id: state.ref });
  }

  /** Notes a new ticket in its resident's own list (their private chat handles one update at a time). */
  private async addToResident(state: TicketState): Promise<void> {
    const entry = { ref: state.ref, createdAt: new Date(state.createdAt) };
    await upsertById(this.models.ResidentTickets, state.resident.telegramId, { $addToSet: { refs: entry } });
  }

  /** Written only by the ticket's card lane in the outbox (one writer at a time). */
  async setCards(ref: string, cards: CardLocation[]): Promise<void> {
    await this.models.TicketCards.updateOne({ _id: ref }, { $set: { cards: withoutUndefined(cards) } }, { upsert: true });
  }

  async cards(ref: string): Promise<CardLocation[]> {
    const doc = await this.models.TicketCards.findById(ref).lean<{ cards?: CardLocation[] }>();
    if (doc) return doc.cards ?? [];
    // Cards recorded on the ticket document by earlier versions.
    const legacy = await this.models.Ticket.findById(ref, { cards: 1 }).lean<{ cards?: CardLocation[] }>();
    return legacy?.cards ?? [];
  }

  /** A resident's references, newest first (one `_id` read), optionally only those created in [from, until). */
  private async residentRefs(residentId: number, from?: Date, until?: Date): Promise<string[]> {
    const doc = await this.models.ResidentTickets.findById(residentId).lean<ResidentTicketsDoc>();
    const inRange = (at: number) => (from === undefined || at >= from.getTime()) && (until === undefined || at < until.getTime());
    return (doc?.refs ?? [])
      .map((entry) => ({ ref: entry.ref, at: new Date(entry.createdAt).getTime() }))
      .filter((entry) => inRange(entry.at))
      .sort((a, b) => b.at - a.at)
      .map((entry) => entry.ref);
  }

  async countByResident(residentId: number): Promise<number> {
    return (await this.residentRefs(residentId)).length;
  }

  /** Open tickets from the working set (at most 200), unclaimed first, then by resolution time. */
  async listLive(filter: { departments?: string[]; ownerId?: number }): Promise<TicketState[]> {
    const query: Record<string, unknown> = { status: { $in: ['open', 'claimed', 'on_site', 'reopened'] } };
    if (filter.departments) query.department = { $in: filter.departments };
    if (filter.ownerId !== undefined) query.ownerId = filter.ownerId;
    const docs = await this.models.LiveTicket.find(query).sort({ createdAt: 1 }).limit(200).lean<{ state: TicketState }[]>();
    const unclaimedFirst = (t: TicketState) => (t.status === 'open' ? 0 : 1);
    return docs.map((d) => d.state).sort((a, b) => unclaimedFirst(a) - unclaimedFirst(b) || +new Date(a.resolutionDueAt) - +new Date(b.resolutionDueAt));
  }

  async listNightUnclaimed(since: Date): Promise<TicketState[]> {
    const docs = await this.models.LiveTicket.find({ status: 'open', nightIntake: true, createdAt: { $gte: since } })
      .sort({ createdAt: 1 })
      .lean<{ state: TicketState }[]>();
    return docs.map((d) => d.state);
  }

  /** A page of a resident's tickets, newest first: their list, then each ticket by `_id`. */
  async listByResident(residentId: number, limit: number, skip = 0): Promise<TicketState[]> {
    return this.loadAll((await this.residentRefs(residentId)).slice(skip, skip + limit));
  }

  async listByResidentBetween(residentId: number, from: Date, until: Date): Promise<TicketState[]> {
    return this.loadAll(await this.residentRefs(residentId, from, until));
  }

  private async loadAll(refs: string[]): Promise<TicketState[]> {
    const tickets = await Promise.all(refs.map((ref) => this.load(ref)));
    return tickets.filter((t): t is TicketState => t !== null);
  }
}
