/**
 * The monthly figures (统计分析), counted by the database from the facts (facts.ts).
 *
 * One pipeline per month: `$group` on the stored group key with ONE accumulator (`$sum` of
 * the weight `w`) — FerretDB v1 answers a second accumulator in the same `$group` with zeros
 * (../shared/FACTS.md). The grouped counts (a few hundred rows for an office's month, not
 * its tickets) are then added up here by key: the rates, the breakdowns and the
 * per-department view all come from the same rows, so a month costs one scan of its own
 * collection, whatever the history.
 *
 * Definitions (SPEC.md "Monthly figures"); cancelled tickets are left out of every rate:
 * - 及时率 on-time: resolved within the resolution limit ÷ resolved in the month; responded
 *   (first claim) within the response limit ÷ received in the month, less the cancelled;
 * - 合格率 first-time fix: closed never reopened ÷ closed in the month;
 * - 回访率 follow-up rate: surveys answered ÷ surveys finished in the month (answered, or
 *   "no answer" after the re-send); coverage: first surveys sent ÷ closures, per coverage
 *   class, against the class's rule (always 100%, sampled `followups.share`, never 0);
 * - 满意率 satisfaction rate: satisfied answers ÷ answers;
 * - 满意度 average satisfaction: stars given ÷ (5 × star questions answered);
 * - a rate with nothing to divide by is null (shown "—"), never NaN;
 * - staff's internal tasks (kind 'task') are not residents' reports: they are counted apart
 *   (`internalTasks`) and left out of every figure above.
 */
import type { OfficePolicy } from '../config/office';
import { COVERAGE_CLASSES, followupPolicy, type Coverage } from '../followups/config';
import { fieldsOfGroupKey, type Fact, type FactType, type GroupField } from './facts';
import { isMonthKey, type FactStore } from './store';

/** A month ('2026-11') or office-local days, both ends included ({ from: '2026-11-01', to: '2026-11-15' }). */
export type Period = string | { from: string; to: string };

export interface Rate {
  num: number;
  den: number;
  /** num ÷ den, or null when den is 0. */
  value: number | null;
}

export interface Count {
  key: string;
  n: number;
}

export interface CoverageFigure {
  coverage: string;
  rule: Coverage;
  closed: number;
  surveyed: number;
  rate: Rate;
  /** 1 (always), the sampled share, 0 (never). */
  target: number;
}

export interface Repeat {
  ref: string;
  of: string;
  category: string;
  building: string;
}

export interface MonthlyFigures {
  /** 'YYYY-MM' for a month; 'YYYY-MM-DD..YYYY-MM-DD' for a range of days. */
  period: string;
  from: string;
  to: string;
  /** Only this department's facts (undefined: the whole office). */
  department?: string;
  received: number;
  cancelled: number;
  anonymous: number;
  byKind: Count[];
  byCategory: Count[];
  byDepartment: Count[];
  byBuilding: Count[];
  /** Complaints received in the period by their class now ('none': not classified yet). */
  byComplaintClass: Count[];
  responseOnTime: Rate;
  resolutionOnTime: Rate;
  firstTimeFix: Rate;
  followupRate: Rate;
  coverage: CoverageFigure[];
  satisfactionRate: Rate;
  averageSatisfaction: Rate;
  resolved: number;
  closed: number;
  reopened: number;
  reopenedBySurvey: number;
  surveysSent: number;
  surveysAnswered: number;
  surveysNoAnswer: number;
  /** Tickets that went past a limit (the head was alerted), and the passes by limit. */
  overdue: { tickets: number; refs: string[]; byLimit: Count[] };
  /** Tickets escalated to the manager. */
  escalated: { tickets: number; refs: string[] };
  hotSpots: { buildings: Count[]; categories: Count[] };
  repeats: Repeat[];
  /** Staff's internal tasks (内部工作任务), apart from the residents' reports above. */
  internalTasks: InternalTaskFigures;
}

export interface InternalTaskFigures {
  received: number;
  resolved: number;
  /** Resolved within the internalTask limit ÷ resolved. */
  resolutionOnTime: Rate;
  /** Tasks that went past a limit. */
  overdue: number;
}

/** One group of the month's facts: their grouping fields, and n = Σ w of the facts in it. */
export type FactRow = Pick<Fact, GroupField> & { n: number };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The months a period reads, and the day filter within them (none for a whole month). */
export function periodMonths(period: Period): { label: string; from: string; to: string; months: string[]; days?: { from: string; to: string } } {
  if (typeof period === 'string') {
    if (!isMonthKey(period)) throw new Error(`a month is 'YYYY-MM', got ${JSON.stringify(period)}`);
    return { label: period, from: `${period}-01`, to: `${period}-${String(daysIn(period)).padStart(2, '0')}`, months: [period] };
  }
  const { from, to } = period;
  if (!DAY.test(from) || !DAY.test(to) || !isMonthKey(from.slice(0, 7)) || !isMonthKey(to.slice(0, 7))) {
    throw new Error(`a range is { from: 'YYYY-MM-DD', to: 'YYYY-MM-DD' }, got ${JSON.stringify(period)}`);
  }
  if (from > to) throw new Error(`the range starts after it ends: ${from} > ${to}`);
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = nextMonth(m)) months.push(m);
  return { label: `${from}..${to}`, from, to, months, days: { from, to } };
}

function daysIn(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The database's part: the facts of the period counted by their stored group key, one `$sum` in one `$group` per month. */
export async function countFacts(store: FactStore, period: Period): Promise<FactRow[]> {
  const { months, days } = periodMonths(period);
  const group = { $group: { _id: '$g', n: { $sum: '$w' } } };
  const rows: FactRow[] = [];
  for (const month of months) {
    const pipeline = days ? [{ $match: { day: { $gte: days.from, $lte: days.to } } }, group] : [group];
    const found = await store.aggregate<{ _id: string; n: number }>(month, pipeline);
    for (const { _id, n } of found) rows.push(rowOf(_id, n));
  }
  return rows;
}

function rowOf(key: string, n: number): FactRow {
  return { ...fieldsOfGroupKey(key), n };
}

export function rate(num: number, den: number): Rate {
  return { num, den, value: den > 0 ? num / den : null };
}

const byCountThenKey = (a: Count, b: Count) => b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function countBy(rows: FactRow[], key: (r: FactRow) => string): Count[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + r.n);
  return [...totals].map(([k, n]) => ({ key: k, n })).filter((c) => c.n !== 0).sort(byCountThenKey);
}

function itemsOf(rows: FactRow[]): string[] {
  return countBy(rows, (r) => r.item).filter((c) => c.key !== '' && c.n > 0).map((c) => c.key).sort();
}

/** The figures from the grouped counts (pure; `department` keeps that department's rows only). */
export function figuresFromRows(rows: FactRow[], policy: OfficePolicy, period: Period, options: { department?: string } = {}): MonthlyFigures {
  const { label, from, to } = periodMonths(period);
  const scoped = options.department === undefined ? rows : rows.filter((r) => r.department === options.department);
  const mine = scoped.filter((r) => r.kind !== 'task');
  const tasks = scoped.filter((r) => r.kind === 'task');
  const of = (type: FactType, also: (r: FactRow) => boolean = () => true) => mine.filter((r) => r.type === type && also(r));
  const taskOf = (type: FactType, also: (r: FactRow) => boolean = () => true) => tasks.filter((r) => r.type === type && also(r));
  const sum = (list: FactRow[], value: (r: FactRow) => number = () => 1) => list.reduce((a, r) => a + value(r) * r.n, 0);

  const received = of('received');
  const receivedCount = sum(received);
  const cancelled = sum(of('cancelled'));
  const answered = of('survey_answered');
  const answeredCount = sum(answered);
  const noAnswer = sum(of('survey_no_answer'));
  const rules = followupPolicy(policy);
  const coverage = COVERAGE_CLASSES.filter((c) => c !== 'rework').map((c): CoverageFigure => {
    const closed = sum(of('closed', (r) => r.coverage === c));
    const surveyed = sum(of('survey_sent', (r) => r.coverage === c && r.stage === 'first'));
    const rule = rules.coverage[c];
    return { coverage: c, rule, closed, surveyed, rate: rate(surveyed, closed), target: rule === 'always' ? 1 : rule === 'sampled' ? rules.share : 0 };
  });
  const hot = Math.max(1, policy.figures.hotSpots);
  const overdue = of('overdue');
  const escalated = of('escalated');
  const repeats = countBy(of('repeat'), (r) => JSON.stringify([r.item, r.of, r.category, r.building]))
    .filter((c) => c.n > 0)
    .map((c) => {
      const [ref, earlier, category, building] = JSON.parse(c.key) as string[];
      return { ref, of: earlier, category, building };
    })
    .sort((a, b) => (a.ref < b.ref ? -1 : 1));

  return {
    period: label,
    from,
    to,
    ...(options.department !== undefined ? { department: options.department } : {}),
    received: receivedCount,
    cancelled,
    anonymous: sum(received, (r) => r.anonymous),
    byKind: countBy(received, (r) => r.kind),
    byCategory: countBy(received, (r) => r.category),
    byDepartment: countBy(received, (r) => r.department),
    byBuilding: countBy(of('building'), (r) => r.building),
    byComplaintClass: countBy(of('class'), (r) => r.complaintClass),
    responseOnTime: rate(sum(of('responded', (r) => r.onTime === 1)), receivedCount - cancelled),
    resolutionOnTime: rate(sum(of('resolved', (r) => r.onTime === 1)), sum(of('resolved'))),
    firstTimeFix: rate(sum(of('closed', (r) => r.firstTime === 1)), sum(of('closed'))),
    followupRate: rate(answeredCount, answeredCount + noAnswer),
    coverage,
    satisfactionRate: rate(sum(answered, (r) => r.satisfied), answeredCount),
    averageSatisfaction: rate(sum(answered, (r) => r.points), sum(answered, (r) => r.maxPoints)),
    resolved: sum(of('resolved')),
    closed: sum(of('closed')),
    reopened: sum(of('reopened')),
    reopenedBySurvey: sum(of('reopened', (r) => r.source === 'survey')),
    surveysSent: sum(of('survey_sent')),
    surveysAnswered: answeredCount,
    surveysNoAnswer: noAnswer,
    overdue: { tickets: itemsOf(overdue).length, refs: itemsOf(overdue), byLimit: countBy(overdue, (r) => r.limit) },
    escalated: { tickets: itemsOf(escalated).length, refs: itemsOf(escalated) },
    hotSpots: {
      buildings: countBy(of('building'), (r) => r.building).filter((c) => c.key !== '').slice(0, hot),
      categories: countBy(received, (r) => r.category).slice(0, hot),
    },
    repeats,
    internalTasks: {
      received: sum(taskOf('received')),
      resolved: sum(taskOf('resolved')),
      resolutionOnTime: rate(sum(taskOf('resolved', (r) => r.onTime === 1)), sum(taskOf('resolved'))),
      overdue: itemsOf(taskOf('overdue')).length,
    },
  };
}

/**
 * A month's (or a range's) figures, counted by the database from the facts. With
 * `department`, that department's figures only (a head's view).
 */
export async function monthlyFigures(store: FactStore, period: Period, options: { department?: string } = {}): Promise<MonthlyFigures> {
  return figuresFromRows(await countFacts(store, period), store.policy, period, options);
}
