/**
 * Part 3 of the benchmark: what a growing history costs. The same measurements at 1,000 and
 * at 100,000 closed tickets of history (each with its log, its reference number, its survey
 * and its place in the resident's list, as the bot writes them): the scheduler's tick with
 * nothing due and with 100 tickets due for auto-confirmation (every follow-up, time-limit and
 * recovery job, as main.ts composes them), My tickets, /open and a claim. On the embedded
 * database only `{_id}` lookups use an index, so each must cost the same at both sizes
 * (goal: at most 2x), and the tick with 100 due must stay under 2 s. The scheduler ticks while
 * the 100 are reported and resolved, as it does every minute, and each size ends with a quiet
 * week, so the recent activity the ticks read is the same at both sizes: only the history differs.
 */
import pino from 'pino';
import { createServices } from '../bot/services';
import { Texts } from '../bot/texts';
import { createFollowupJobs } from '../bot/followups/jobs';
import { createLimitJobs } from '../bot/limits/jobs';
import { ManualClock } from '../src/clock';
import { defaultOfficePolicy } from '../src/config/office';
import type { Database } from '../src/db/connection';
import type { Job } from '../src/jobs/scheduler';
import { residentActor, type Actor } from '../src/people/actors';
import type { AppServices } from '../bot/context';
import { GROUPS } from './sending';

const SIZES = [1_000, Number(process.env.BENCH_TICK_HISTORY ?? 100_000)];
const DUE = 100;
const BATCH = 2000;
const DAY = 24 * 3600_000;
/** Past the follow-up scans' first-run lookback (7 days), so a size's tickets are no longer "recent" at the next. */
const QUIET_WEEK = 8 * DAY;
/** Residents of the history: each has had several tickets. */
const RESIDENTS = 20_000;
/** The resident whose My tickets is measured: the history's first 5 tickets are theirs, at every size. */
const REGULAR = 200_000;
const REGULAR_TICKETS = 5;

export interface TickSize {
  closedTickets: number;
  emptyTickMs: number;
  dueTickMs: number;
  confirmed: number;
  myTicketsMs: number;
  openListMs: number;
  claimMs: number;
}

export interface TickFigures {
  sizes: TickSize[];
  insertSeconds: number;
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

/** A closed ticket as the bot leaves it: projection, a three-event log, its reference, its survey and its resident's list entry. */
function closedTicket(i: number) {
  const createdAt = new Date(Date.UTC(2024, 0, 1) + i * 5 * 60_000);
  const day = createdAt.toISOString().slice(0, 10);
  const ref = `BX-${day.replace(/-/g, '')}-${String(i).padStart(6, '0')}`;
  const residentId = i < REGULAR_TICKETS ? REGULAR : REGULAR + 1 + (i % RESIDENTS);
  const actor = { id: residentId, role: 'resident', name: '住户' };
  const at = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000);
  return {
    residentId,
    entry: { ref, createdAt },
    ticket: {
      _id: ref, ref, seq: 3, kind: 'repair', status: 'closed', department: 'engineering', residentId, ownerId: 601, day, month: day.slice(0, 7), createdAt,
      responseDueAt: at(5), resolutionDueAt: at(24 * 60),
      state: { ref, seq: 3, kind: 'repair', status: 'closed', department: 'engineering', createdAt, closedAt: at(600), resident: { telegramId: residentId, name: '住户' }, report: { description: `history ${i}`, media: [] } },
    },
    events: [
      { _id: `${ref}:1`, ref, seq: 1, type: 'created', at: createdAt, actor, data: {} },
      { _id: `${ref}:2`, ref, seq: 2, type: 'claimed', at: at(3), actor: { id: 601, role: 'staff', name: '张' } },
      { _id: `${ref}:3`, ref, seq: 3, type: 'confirmed', at: at(600), actor },
    ],
    refNumber: { _id: ref, key: ref.replace(/-\d+$/, ''), n: i, at: createdAt },
    survey: { _id: `${ref}.3`, ref, round: 1, stage: 'first', kind: 'repair', department: 'engineering', category: 'inspect', building: '3', residentId, coverage: 'everyday', timing: 'standard', sampled: true, month: day.slice(0, 7), day, closedAt: at(600), status: i % 5 === 0 ? 'answered' : 'skipped' },
  };
}

export async function insertHistory(database: Database, from: number, to: number, log: (line: string) => void): Promise<void> {
  const db = database.conn.db!;
  for (let start = from; start < to; start += BATCH) {
    if (start > from && start % 20_000 === 0) log(`    ${start.toLocaleString('en')} written`);
    const batch = Array.from({ length: Math.min(BATCH, to - start) }, (_, k) => closedTicket(start + k));
    await Promise.all([
      db.collection('tickets').insertMany(batch.map((b) => b.ticket) as never[], { ordered: false }),
      db.collection('ticket_events').insertMany(batch.flatMap((b) => b.events) as never[], { ordered: false }),
      db.collection('ref_numbers').insertMany(batch.map((b) => b.refNumber) as never[], { ordered: false }),
      db.collection('surveys').insertMany(batch.map((b) => b.survey) as never[], { ordered: false }),
    ]);
    const byResident = new Map<number, { ref: string; createdAt: Date }[]>();
    for (const b of batch) byResident.set(b.residentId, [...(byResident.get(b.residentId) ?? []), b.entry]);
    await db.collection('resident_tickets').bulkWrite(
      [...byResident].map(([id, refs]) => ({ updateOne: { filter: { _id: id as never }, update: { $push: { refs: { $each: refs } } } as never, upsert: true } })),
      { ordered: false },
    );
  }
}

const staff: Actor = { id: 601, name: '张', role: 'staff', chats: [GROUPS[0]], headOf: [] };

export async function newRepair(services: AppServices, n: number) {
  const resident = { telegramId: 400_000 + n, name: `住户${n}`, phone: '+8613800000000', building: '3', room: String(1000 + (n % 1000)), language: 'zh-CN' };
  return services.tickets.createRepair(
    resident,
    { repairKind: 'household', category: 'inspect', location: '', atHome: true, description: `bench ${n}`, media: [], visit: { asap: true } },
    residentActor(resident.telegramId, resident.name),
  );
}

export async function benchTick(database: Database, log: (line: string) => void): Promise<TickFigures> {
  const clock = new ManualClock(new Date('2026-11-23T02:00:00Z')); // 10:00 in Shanghai, a Monday
  const policy = defaultOfficePolicy({ staffChatId: GROUPS[0], timezone: 'Asia/Shanghai' });
  const services = createServices({ database, policy, clock, texts: new Texts(), log: pino({ level: 'silent' }), probe: { isMember: async () => true } });
  const jobs: Job[] = [...createFollowupJobs({ services }), ...createLimitJobs(services), { name: 'reactions-recover', run: () => services.reactor.recover() }];
  const tick = async () => {
    for (const job of jobs) await job.run();
  };
  let made = 0;
  let inserted = 0;
  let insertMs = 0;
  const sizes: TickSize[] = [];
  for (const size of SIZES) {
    log(`  history of ${size.toLocaleString('en')} closed tickets...`);
    const started = performance.now();
    await insertHistory(database, inserted, size, log);
    insertMs += performance.now() - started;
    inserted = size;
    await tick(); // whatever the history's arrival left to do
    const emptyTickMs = await median(tick);

    // 100 repairs resolved now; their quiet period (3 days) ends three days later.
    const due = [];
    for (let i = 0; i < DUE; i++) due.push(await newRepair(services, made++));
    for (const ticket of due) {
      if (!(await services.tickets.claim(ticket.ref, staff)).ok || !(await services.tickets.resolve(ticket.ref, staff, { text: '已修好', media: [] })).ok) {
        throw new Error(`bench: could not resolve ${ticket.ref}`);
      }
    }
    await tick(); // the minute's tick: the new reports' repeat checks
    clock.advance(3 * DAY + 60_000);
    const dueTick = await timed(tick);
    const confirmed = (await Promise.all(due.map((t) => services.tickets.get(t.ref)))).filter((t) => t?.status === 'closed').length;

    const myTicketsMs = await median(() => services.tickets.listForResident(REGULAR, 10));
    const openListMs = await median(() => services.tickets.listLive({ departments: ['engineering'] }));
    const toClaim = [];
    for (let i = 0; i < 5; i++) toClaim.push(await newRepair(services, made++));
    const claims: number[] = [];
    for (const ticket of toClaim) claims.push((await timed(() => services.tickets.claim(ticket.ref, staff))).ms);
    for (const ticket of toClaim) await services.tickets.resolve(ticket.ref, staff, { text: '已修好', media: [] });
    const figures = { closedTickets: size, emptyTickMs, dueTickMs: dueTick.ms, confirmed, myTicketsMs, openListMs, claimMs: claims.sort((a, b) => a - b)[2] };
    sizes.push(figures);
    log(`  at ${size.toLocaleString('en')}: ${JSON.stringify(figures, (_, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`);
    clock.advance(3 * DAY + 60_000);
    await tick(); // the claimed ones close before the next size
    clock.advance(QUIET_WEEK);
    await tick(); // ... and leave the recent window
  }
  return { sizes, insertSeconds: insertMs / 1000 };
}

/** The rows of the report: each figure at both sizes, the ratio and its goal. */
export function tickRows(t: TickFigures): [string, string, string][] {
  const [small, large] = t.sizes;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const sizeNote = `${small.closedTickets.toLocaleString('en')} → ${large.closedTickets.toLocaleString('en')} closed tickets (history written in ${t.insertSeconds.toFixed(0)} s)`;
  const row = (name: string, pick: (s: TickSize) => number, extra = ''): [string, string, string] => [
    name,
    `${ms(pick(small))} → ${ms(pick(large))} (${(pick(large) / pick(small)).toFixed(2)}x)`,
    `goal ≤ 2x${extra}; ${sizeNote}`,
  ];
  return [
    row('tick, nothing due (follow-up, time-limit, recovery jobs; median of 5)', (s) => s.emptyTickMs),
    row(`tick, ${DUE} due for auto-confirmation`, (s) => s.dueTickMs, `, and < 2 s at ${large.closedTickets.toLocaleString('en')} (${large.confirmed} of ${DUE} confirmed)`),
    row('My tickets (a resident with 5 tickets; median of 5)', (s) => s.myTicketsMs),
    row('/open for a department (median of 5)', (s) => s.openListMs),
    row('a claim (median of 5)', (s) => s.claimMs),
  ];
}
