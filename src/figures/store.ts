/**
 * Where the facts live: one collection per office-local month (`facts_2026_11`), so a
 * month's figures read that month's facts only — on FerretDB v1 every filter but `{_id}` is a
 * full scan, and a scan of one month stays the same size however long the history grows.
 *
 * Recording is an insert keyed by the event (`${ref}:${seq}`…): recording the same event
 * again, from a retry, a second instance or a rebuild, inserts nothing.
 */
import type { mongo } from 'mongoose';
import type { OfficePolicy } from '../config/office';
import type { Models } from '../db/models';
import { zonedTime } from '../time/zoned';
import { factsOf, factsOfLog, groupKeyOf, type Fact } from './facts';
import type { TicketEvent, TicketState } from '../tickets/types';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const INSERT_BATCH = 1000;
const REBUILD_REFS = 1000;

/** True for 'YYYY-MM'. */
export function isMonthKey(text: string): boolean {
  return MONTH.test(text);
}

/** 'facts_2026_11' for '2026-11'. @throws Error for anything but 'YYYY-MM'. */
export function factCollectionName(month: string): string {
  if (!isMonthKey(month)) throw new Error(`a month is 'YYYY-MM', got ${JSON.stringify(month)}`);
  return `facts_${month.replace('-', '_')}`;
}

/** The first instant of an office-local month and of the month after it. */
export function monthBounds(month: string, timezone: string): { start: Date; end: Date } {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`a month is 'YYYY-MM', got ${JSON.stringify(month)}`);
  const year = Number(m[1]);
  const mon = Number(m[2]);
  return { start: zonedTime(timezone, year, mon, 1), end: zonedTime(timezone, year, mon + 1, 1) };
}

/**
 * A fact as stored: its id, the office-local day (for ranges of days), its weight, and its
 * grouping fields as one string (facts.ts groupKeyOf). FerretDB reads every field of every
 * document of the month for each count, so the document holds nothing else: the event log
 * has the rest.
 */
export interface StoredFact {
  _id: string;
  day: string;
  w: 1 | -1;
  g: string;
}

export function storedFact(fact: Fact): StoredFact {
  return { _id: fact._id, day: fact.day, w: fact.w, g: groupKeyOf(fact) };
}

function isDuplicateOnly(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: { code?: number }[] | { code?: number } };
  const writeErrors = Array.isArray(e?.writeErrors) ? e.writeErrors : e?.writeErrors ? [e.writeErrors] : [];
  if (writeErrors.length > 0) return writeErrors.every((w) => w.code === 11000);
  return e?.code === 11000;
}

function insertedIn(error: unknown): number {
  const e = error as { result?: { insertedCount?: number }; insertedCount?: number };
  return e?.result?.insertedCount ?? e?.insertedCount ?? 0;
}

export class FactStore {
  constructor(
    private readonly models: Models,
    readonly policy: OfficePolicy,
  ) {}

  private get db(): mongo.Db {
    const db = this.models.Ticket.db.db;
    if (!db) throw new Error('the database connection is not open');
    return db;
  }

  collection(month: string): mongo.Collection<StoredFact> {
    return this.db.collection<StoredFact>(factCollectionName(month));
  }

  /**
   * Stores facts, each in its month's collection. Facts already stored (same _id) are left as
   * they are. Returns how many were new.
   */
  async record(facts: Fact[]): Promise<number> {
    const byMonth = new Map<string, StoredFact[]>();
    for (const f of facts) {
      const list = byMonth.get(f.month) ?? [];
      list.push(storedFact(f));
      byMonth.set(f.month, list);
    }
    let inserted = 0;
    for (const [month, docs] of byMonth) {
      const collection = this.collection(month);
      for (let i = 0; i < docs.length; i += INSERT_BATCH) {
        const batch = docs.slice(i, i + INSERT_BATCH);
        try {
          inserted += (await collection.insertMany(batch, { ordered: false })).insertedCount;
        } catch (error) {
          if (!isDuplicateOnly(error)) throw error;
          inserted += insertedIn(error);
        }
      }
    }
    return inserted;
  }

  /** The facts of one event, recorded: what the event path calls after an event is stored. */
  recordEvent(event: TicketEvent, after: TicketState, before: TicketState | undefined): Promise<number> {
    return this.record(factsOf(event, after, before, this.policy));
  }

  /**
   * Catch-up from the event log: every fact of `month` that is missing is recorded. For the
   * migration of existing data, and before a month's report in case an event's facts were
   * lost (a crash between the event and its facts). Every fact of a month comes from a ticket
   * with an event in that month (its creation, a resolution, a closure… or the event itself),
   * so those tickets' whole logs are replayed and their facts for the month kept.
   *
   * On FerretDB every query here is a full scan of the log, so they are few: the events since
   * the month began (one scan), then the earlier events of the tickets that started before it,
   * in chunks of `REBUILD_REFS` references (one scan each).
   */
  async rebuild(month: string): Promise<{ tickets: number; facts: number; inserted: number }> {
    const { start, end } = monthBounds(month, this.policy.timezone);
    const since = await this.models.TicketEvent.find({ at: { $gte: start } }, { _id: 0 }).lean<TicketEvent[]>();
    const logs = new Map<string, TicketEvent[]>();
    for (const e of since) {
      const log = logs.get(e.ref) ?? [];
      log.push(e);
      logs.set(e.ref, log);
    }
    // Only tickets with an event in the month give it facts.
    for (const [ref, log] of logs) if (!log.some((e) => new Date(e.at) < end)) logs.delete(ref);
    // Logs that do not run from seq 1 without a gap began before the month.
    const incomplete = (log: TicketEvent[]) => Math.max(...log.map((e) => e.seq)) !== new Set(log.map((e) => e.seq)).size || !log.some((e) => e.seq === 1);
    const started = [...logs].filter(([, log]) => incomplete(log)).map(([ref]) => ref);
    for (let i = 0; i < started.length; i += REBUILD_REFS) {
      const chunk = started.slice(i, i + REBUILD_REFS);
      const earlier = await this.models.TicketEvent.find({ ref: { $in: chunk }, at: { $lt: start } }, { _id: 0 }).lean<TicketEvent[]>();
      for (const e of earlier) logs.get(e.ref)!.push(e);
    }
    const facts: Fact[] = [];
    for (const log of logs.values()) facts.push(...factsOfLog(log, this.policy).filter((f) => f.month === month));
    const inserted = await this.record(facts);
    return { tickets: logs.size, facts: facts.length, inserted };
  }

  /** Runs one pipeline over one month's facts (an empty month is an empty collection: no rows). */
  aggregate<T extends mongo.Document>(month: string, pipeline: object[]): Promise<T[]> {
    return this.collection(month).aggregate<T>(pipeline).toArray();
  }

  /** The months that have facts, oldest first. */
  async months(): Promise<string[]> {
    const names = (await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    return names
      .map((n) => /^facts_(\d{4})_(\d{2})$/.exec(n))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => `${m[1]}-${m[2]}`)
      .sort();
  }
}
