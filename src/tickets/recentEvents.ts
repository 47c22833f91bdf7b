/**
 * The recent part of the event log that the follow-up scans read (new reports, closures),
 * in a collection of its own. The log itself grows with every ticket the office ever had and
 * FerretDB v1 scans a whole collection for any filter but `{_id}`; this copy holds only the
 * last days of the watched types, so a scan costs what happened lately, not the history.
 *
 * Written by the Reactor with each event's notices (so a crash between the event and this
 * copy is recovered like a lost notice), and pruned by the scans as they read. Only the
 * event's place and time are kept (a created event holds the whole ticket: a week of those
 * made every tick decode megabytes); a scan that needs the rest reads the event by `_id`.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { Models } from '../db/models';
import { eventId, insertRecord, isDuplicateKey } from '../db/models';
import type { TicketEvent, TicketEventType } from './types';

/** The event types the follow-up scans watch; the others are never copied. */
export const RECENT_EVENT_TYPES: readonly TicketEventType[] = ['created', 'confirmed', 'auto_confirmed'];

/** Where a watched event is in its ticket's log, and when it happened. */
export type RecentEvent = Pick<TicketEvent, 'ref' | 'seq' | 'type' | 'at'>;

type RecentDoc = RecentEvent & { _id: string };

const recentSchema = new Schema(
  { _id: String, ref: String, seq: Number, type: String, at: Date },
  // Copies written by earlier versions carry the whole event; what they hold beyond these is ignored.
  { collection: 'recent_events', versionKey: false, minimize: true },
);
recentSchema.index({ type: 1, at: 1 });

export function recentEventsModel(models: Models): Model<RecentDoc> {
  const conn: Connection = models.Ticket.db;
  return (conn.models.RecentEvent as Model<RecentDoc>) ?? conn.model<RecentDoc>('RecentEvent', recentSchema);
}

export class RecentEvents {
  private readonly model: Model<RecentDoc>;

  constructor(models: Models) {
    this.model = recentEventsModel(models);
  }

  /** Copies a watched event (a repeat is a no-op): the Reactor's observer step. */
  async recordEvent(event: TicketEvent): Promise<void> {
    if (!RECENT_EVENT_TYPES.includes(event.type)) return;
    try {
      await insertRecord(this.model, { _id: eventId(event.ref, event.seq), ref: event.ref, seq: event.seq, type: event.type, at: new Date(event.at) });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Watched events of `types` in (from, until], oldest first, at most `limit`. */
  async between(types: TicketEventType[], from: Date, until: Date, limit: number): Promise<RecentEvent[]> {
    const docs = await this.model.find({ type: { $in: types }, at: { $gt: from, $lte: until } }).sort({ at: 1 }).limit(limit).lean<RecentDoc[]>();
    return docs.map(placeOf);
  }

  /** Watched events of `types` at exactly `at`. */
  async at(types: TicketEventType[], at: Date): Promise<RecentEvent[]> {
    const docs = await this.model.find({ type: { $in: types }, at }).lean<RecentDoc[]>();
    return docs.map(placeOf);
  }

  /** Forgets what is older than `before` (every scan has read it long ago). */
  async prune(before: Date): Promise<void> {
    await this.model.deleteMany({ at: { $lt: before } });
  }
}

function placeOf({ ref, seq, type, at }: RecentDoc): RecentEvent {
  return { ref, seq, type, at };
}
