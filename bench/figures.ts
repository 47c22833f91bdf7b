/**
 * Part 3 of the benchmark: one month's figures with a year of history. 100,000 tickets of
 * the twelve months before (their facts in those months' collections) and one month's
 * tickets at the same pace, each ticket's life written as events and turned into facts by
 * factsOf, as the event path records them. The month's figures read that month's collection
 * only, so their cost follows the month, not the history.
 */
import type { OfficePolicy } from '../src/config/office';
import { defaultOfficePolicy } from '../src/config/office';
import type { Database } from '../src/db/connection';
import { factsOfLog, type Fact } from '../src/figures/facts';
import { countFacts, figuresFromRows, monthlyFigures, previousMonth } from '../src/figures/monthly';
import { FactStore } from '../src/figures/store';
import type { Role } from '../src/people/actors';
import type { TicketEvent } from '../src/tickets/types';
import { localDateKey, localMonthKey } from '../src/time/zoned';
import { GROUPS } from './sending';

const HISTORY = Number(process.env.BENCH_FIGURES_HISTORY ?? 100_000);
const MONTH = '2026-10';
const HISTORY_FROM = Date.UTC(2025, 9, 1) - 8 * 3600_000; // 1 October 2025, 00:00 in Shanghai
const MONTH_FROM = Date.UTC(2026, 9, 1) - 8 * 3600_000;
const MONTH_TO = Date.UTC(2026, 10, 1) - 8 * 3600_000;
const MIN = 60_000;
const HOUR = 60 * MIN;
const BATCH = 5000;

export interface FiguresBench {
  historyTickets: number;
  historyFacts: number;
  historyMonths: number;
  monthTickets: number;
  monthFacts: number;
  insertSeconds: number;
  /** monthlyFigures(month): median of 5 and the slowest. */
  monthMs: number;
  monthMaxMs: number;
  /** A /report: this month and the one before, the office and every department. */
  reportMs: number;
  rows: number;
  received: number;
  satisfaction: string;
}

/** A deterministic pseudo-random source (the same office every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const STAFF = { id: 601, role: 'staff' as Role, name: '张' };
const RESIDENT = { id: 501, role: 'resident' as Role, name: '住户' };
const SYSTEM = { id: 0, role: 'system' as Role, name: 'system' };

/** One ticket's life: received, claimed (mostly in time), resolved, sometimes disputed, closed, sometimes surveyed; a few cancelled. */
function ticketLog(n: number, createdAt: number, policy: OfficePolicy, rnd: () => number): TicketEvent[] {
  const kinds = policy.repairKinds;
  const kind = kinds[Math.floor(rnd() * kinds.length)];
  const category = kind.categories[Math.floor(rnd() * kind.categories.length)];
  const day = localDateKey(new Date(createdAt), policy.timezone);
  const ref = `BX-${day.replace(/-/g, '')}-${String(n).padStart(6, '0')}`;
  const events: TicketEvent[] = [];
  const add = (type: TicketEvent['type'], at: number, actor: TicketEvent['actor'], data?: Record<string, unknown>) =>
    events.push({ ref, seq: events.length + 1, type, at: new Date(at), actor, ...(data ? { data } : {}) } as TicketEvent);
  add('created', createdAt, RESIDENT, {
    ref, kind: 'repair', status: 'open', department: category.department, priority: 'normal',
    resident: { telegramId: 200_000 + (n % 20_000), name: '住户', phone: '+8613800000000', building: String(1 + Math.floor(rnd() * 30)), room: '1201', language: 'zh-CN' },
    anonymous: false, showUnit: true,
    report: { description: 'bench', media: [], location: '', atHome: true, repairKind: kind.id, category: category.id, visit: { asap: true } },
    createdAt: new Date(createdAt), day, month: localMonthKey(new Date(createdAt), policy.timezone),
    responseDueAt: new Date(createdAt + policy.response.dispatch), resolutionDueAt: new Date(createdAt + category.resolution),
    nightIntake: false, reopenCount: 0,
  });
  let at = createdAt + (rnd() < 0.9 ? 3 : 12) * MIN;
  add('claimed', at, STAFF, {});
  if (rnd() < 0.02) {
    add('cancelled', at + 10 * MIN, RESIDENT);
    return events;
  }
  at += rnd() < 0.85 ? 0.5 * category.resolution : 1.5 * category.resolution;
  add('resolved', at, STAFF, { autoConfirmAt: new Date(at + 72 * HOUR) });
  if (rnd() < 0.05) {
    add('reopened', at + HOUR, RESIDENT);
    at += 5 * HOUR;
    add('resolved', at, STAFF, { autoConfirmAt: new Date(at + 72 * HOUR) });
  }
  at += 2 * HOUR;
  add('confirmed', at, RESIDENT);
  if (rnd() < 0.3) {
    const survey = `${ref}.${events.length}`;
    add('survey_sent', at + 24 * HOUR, SYSTEM, { survey, stage: 'first', round: 1 });
    if (rnd() < 0.8) {
      const score = () => 3 + Math.floor(rnd() * 3);
      const scores = { timeliness: score(), attitude: score(), quality: score() };
      add('survey_answered', at + 26 * HOUR, SYSTEM, { survey, stage: 'first', scores, solved: true, complete: true, dissatisfied: false });
    } else add('survey_no_answer', at + 6 * 24 * HOUR, SYSTEM, { survey, stage: 'first' });
  }
  return events;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

export async function benchFigures(database: Database, log: (line: string) => void): Promise<FiguresBench> {
  const policy = defaultOfficePolicy({ staffChatId: GROUPS[0], timezone: 'Asia/Shanghai' });
  const store = new FactStore(database.models, policy);
  const rnd = random(20261028);
  const historyStep = (MONTH_FROM - HISTORY_FROM) / HISTORY;
  const monthTickets = Math.round((MONTH_TO - MONTH_FROM) / historyStep);
  const historyFacts: Fact[] = [];
  const monthFacts: Fact[] = [];
  for (let n = 0; n < HISTORY + monthTickets; n++) {
    const createdAt = HISTORY_FROM + Math.floor(n * historyStep);
    for (const fact of factsOfLog(ticketLog(n, createdAt, policy, rnd), policy)) (fact.month === MONTH ? monthFacts : historyFacts).push(fact);
  }
  log(`  recording ${historyFacts.length.toLocaleString('en')} facts of ${HISTORY.toLocaleString('en')} tickets of history and ${monthFacts.length.toLocaleString('en')} of ${MONTH}...`);
  const inserting = performance.now();
  const all = [...historyFacts, ...monthFacts];
  for (let i = 0; i < all.length; i += BATCH) await store.record(all.slice(i, i + BATCH));
  const insertSeconds = (performance.now() - inserting) / 1000;

  const runs: number[] = [];
  let figures = await monthlyFigures(store, MONTH);
  for (let i = 0; i < 5; i++) {
    const run = await timed(() => monthlyFigures(store, MONTH));
    runs.push(run.ms);
    figures = run.result;
  }
  runs.sort((a, b) => a - b);
  const report = await timed(async () => {
    const [now, before] = [await countFacts(store, MONTH), await countFacts(store, previousMonth(MONTH))];
    for (const department of [undefined, ...policy.departments.map((d) => d.id)]) {
      figuresFromRows(now, policy, MONTH, { department });
      figuresFromRows(before, policy, previousMonth(MONTH), { department });
    }
  });
  return {
    historyTickets: HISTORY,
    historyFacts: historyFacts.length,
    historyMonths: (await store.months()).length - 1,
    monthTickets,
    monthFacts: monthFacts.length,
    insertSeconds,
    monthMs: runs[2],
    monthMaxMs: runs[4],
    reportMs: report.ms,
    rows: (await countFacts(store, MONTH)).length,
    received: figures.received,
    satisfaction: `${figures.satisfactionRate.num}/${figures.satisfactionRate.den}`,
  };
}
