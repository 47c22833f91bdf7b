/**
 * Part 2 of the benchmark: one scheduler tick over a database of 100,000 closed tickets
 * with 100 resolved tickets due for auto-confirmation. The tick is the follow-up helper's
 * AutoConfirmJob (an indexed range on status + autoConfirmAt, then one domain action per
 * due ticket); its cost must follow the 100 due tickets, not the 100,000 others.
 */
import pino from 'pino';
import { createServices } from '../bot/services';
import { Texts } from '../bot/texts';
import { followupDeps } from '../bot/followups/jobs';
import { AutoConfirmJob } from '../src/followups/autoConfirm';
import { ManualClock } from '../src/clock';
import { defaultOfficePolicy } from '../src/config/office';
import type { Database } from '../src/db/connection';
import { residentActor, type Actor } from '../src/people/actors';
import { GROUPS } from './sending';

const CLOSED = 100_000;
const DUE = 100;
const BATCH = 5000;
const DAY = 24 * 3600_000;

export interface TickFigures {
  closedTickets: number;
  due: number;
  insertSeconds: number;
  /** A tick with nothing due (the due query alone), before and after the 100,000 were added: median of 5. */
  emptyTickSmallMs: number;
  emptyTickLargeMs: number;
  tickMs: number;
  confirmed: number;
  /** How the database ran the due query (index or full scan). */
  plan: string;
}

/** The plan in a few words, from MongoDB's or FerretDB's (PostgreSQL, SQLite) explain. */
function planOf(explain: unknown): string {
  const text = JSON.stringify(explain);
  if (text.includes('IXSCAN')) return 'index scan (IXSCAN)';
  if (text.includes('COLLSCAN')) return 'collection scan (COLLSCAN)';
  if (/Index (Only )?Scan|USING (COVERING )?INDEX/.test(text)) return 'index scan';
  if (/Seq Scan|"detail=SCAN /.test(text) || text.includes('detail=SCAN')) return 'full scan (the database ignores the index)';
  return 'unknown';
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

/** The median of five runs (the first run of a query pays for warming up). */
async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push((await timed(run)).ms);
  return times.sort((a, b) => a - b)[2];
}

/** A closed ticket's document as the projection stores it (a small state: the tick never reads it). */
function closedTicket(i: number) {
  const createdAt = new Date(Date.UTC(2025, 0, 1) + i * 60_000);
  const day = createdAt.toISOString().slice(0, 10);
  const ref = `BX-${day.replace(/-/g, '')}-${String(i).padStart(6, '0')}`;
  return {
    _id: ref,
    ref,
    seq: 6,
    kind: 'repair',
    status: 'closed',
    department: 'engineering',
    residentId: 200_000 + (i % 20_000),
    ownerId: 601,
    day,
    month: day.slice(0, 7),
    createdAt,
    responseDueAt: new Date(createdAt.getTime() + 5 * 60_000),
    resolutionDueAt: new Date(createdAt.getTime() + DAY),
    state: { ref, kind: 'repair', status: 'closed', department: 'engineering', createdAt, report: { description: `bench ${i}`, media: [] } },
  };
}

export async function benchTick(database: Database, log: (line: string) => void): Promise<TickFigures> {
  const clock = new ManualClock(new Date('2026-11-23T02:00:00Z')); // 10:00 in Shanghai, a Monday
  const policy = defaultOfficePolicy({ staffChatId: GROUPS[0], timezone: 'Asia/Shanghai' });
  const services = createServices({ database, policy, clock, texts: new Texts(), log: pino({ level: 'silent' }), probe: { isMember: async () => true } });
  const job = new AutoConfirmJob(followupDeps(services));

  // 100 repairs resolved now: their quiet period (3 days) ends on Thursday morning.
  const staff: Actor = { id: 601, name: '张', role: 'staff', chats: [GROUPS[0]], headOf: [] };
  for (let i = 0; i < DUE; i++) {
    const resident = { telegramId: 300_000 + i, name: `住户${i}`, phone: '+8613800000000', building: '3', room: String(1000 + i), language: 'zh-CN' };
    const ticket = await services.tickets.createRepair(
      resident,
      { repairKind: 'household', category: 'inspect', location: '', atHome: true, description: `bench due ${i}`, media: [], visit: { asap: true } },
      residentActor(resident.telegramId, resident.name),
    );
    const claimed = await services.tickets.claim(ticket.ref, staff);
    const resolved = await services.tickets.resolve(ticket.ref, staff, { text: '已修好', media: [] });
    if (!claimed.ok || !resolved.ok) throw new Error(`bench: could not resolve ${ticket.ref}`);
  }
  const emptySmall = await median(() => job.tick());

  log(`  inserting ${CLOSED.toLocaleString('en')} closed tickets...`);
  const inserting = performance.now();
  for (let start = 0; start < CLOSED; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, CLOSED - start) }, (_, k) => closedTicket(start + k));
    await database.models.Ticket.collection.insertMany(docs as never[], { ordered: false });
  }
  const insertSeconds = (performance.now() - inserting) / 1000;
  const emptyLarge = await median(() => job.tick());

  clock.advance(3 * DAY + 60_000);
  const explain = await database.models.Ticket.find({ status: 'resolved', autoConfirmAt: { $lte: clock.now() } }).sort({ autoConfirmAt: 1 }).limit(500).explain();
  const tick = await timed(() => job.tick());
  return {
    closedTickets: CLOSED,
    due: DUE,
    insertSeconds,
    emptyTickSmallMs: emptySmall,
    emptyTickLargeMs: emptyLarge,
    tickMs: tick.ms,
    confirmed: tick.result.confirmed,
    plan: planOf(explain),
  };
}
