/**
 * The month's figures for people: a message with the headline numbers, each against its
 * target and against the month before (▲/▼), and the full table as CSV. Rendered from
 * plain figures (src/figures/monthly.ts) in one place, for /report and the monthly job alike.
 * Everything typed by residents (building names) or by the office (department names) goes
 * through the texts' escaping in the message and the CSV's quoting and formula guard.
 */
import type { FiguresPolicy, Lang, OfficePolicy } from '../../src/config/office';
import type { Count, CoverageFigure, MonthlyFigures, Rate } from '../../src/figures/monthly';
import type { LimitId } from '../../src/limits/rules';
import { formatBuildingUnit } from '../../src/people/address';
import { formatDateTime } from '../../src/time/zoned';
import { html } from '../html';
import { limitName } from '../limits/render';
import { departmentName, kindName } from '../render/format';
import type { Texts } from '../texts';
import { findCategory, type RepairKindId } from '../../src/config/office';

export interface Compared {
  current: MonthlyFigures;
  previous: MonthlyFigures;
}

export interface FiguresView {
  /** 'YYYY-MM'. */
  month: string;
  /** For the month still running: the time the figures were counted. */
  asOf?: Date;
  office: Compared;
  /** Every department's figures (the CSV has them all). */
  departments: (Compared & { id: string })[];
  /** The departments the reader heads: shown first in the message. */
  first: string[];
}

type RateKey = 'responseOnTime' | 'resolutionOnTime' | 'firstTimeFix' | 'followupRate' | 'satisfactionRate' | 'averageSatisfaction';

/** The headline rates in the order the office reads them, with their label and their target in the policy. */
export const HEADLINES: { key: RateKey; label: string; target: keyof FiguresPolicy }[] = [
  { key: 'responseOnTime', label: 'figures-label-response', target: 'responseOnTime' },
  { key: 'resolutionOnTime', label: 'figures-label-resolution', target: 'resolutionOnTime' },
  { key: 'firstTimeFix', label: 'figures-label-first-time', target: 'firstTimeFix' },
  { key: 'followupRate', label: 'figures-label-followup', target: 'followupRate' },
  { key: 'satisfactionRate', label: 'figures-label-satisfaction', target: 'satisfactionRate' },
  { key: 'averageSatisfaction', label: 'figures-label-average', target: 'averageSatisfaction' },
];

const KIND_KEYS: Record<string, string> = {
  repair: 'figures-kind-repair',
  complaint: 'figures-kind-complaint',
  emergency: 'figures-kind-emergency',
  inquiry: 'figures-kind-inquiry',
};

const LIST_MAX = 10;

/** '62.5%', '100%', '—' for no value (never NaN). */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** Percentage points between two rates, one decimal: '2.5'. */
function points(diff: number): string {
  return Math.abs(diff * 100).toFixed(1).replace(/\.0$/, '');
}

export function targetOf(policy: OfficePolicy, key: keyof FiguresPolicy): number | undefined {
  const value = policy.figures[key];
  return typeof value === 'number' && key !== 'reportDay' && key !== 'hotSpots' ? value : undefined;
}

export function categoryLabel(key: string, policy: OfficePolicy, texts: Texts, lang: Lang): string {
  const [head, rest = ''] = key.split('/');
  const what = rest === '' ? 'other' : rest;
  if (key === 'inquiry') return texts.plain(lang, 'figures-kind-inquiry');
  if (head === 'complaint') return `${texts.plain(lang, 'figures-kind-complaint')}·${texts.plain(lang, `complaint-subject-${what}`)}`;
  if (head === 'emergency') return `${texts.plain(lang, 'figures-kind-emergency')}·${texts.plain(lang, `emergency-${what}`)}`;
  const category = findCategory(policy, head as RepairKindId, rest);
  return `${kindName(policy, head, lang)}·${category?.name[lang] ?? rest}`;
}

export function buildingLabel(building: string, texts: Texts, lang: Lang): string {
  return building === '' ? texts.plain(lang, 'figures-building-unknown') : formatBuildingUnit({ building }, lang);
}

function complaintClassLabel(cls: string, texts: Texts, lang: Lang): string {
  return cls === 'none' ? texts.plain(lang, 'figures-class-none') : texts.plain(lang, `complaint-class-${cls}`);
}

function coverageLabel(cls: string, texts: Texts, lang: Lang): string {
  return texts.plain(lang, `figures-coverage-${cls}`);
}

function kindLabel(kind: string, texts: Texts, lang: Lang): string {
  return KIND_KEYS[kind] ? texts.plain(lang, KIND_KEYS[kind]) : kind;
}

// --- the message ----------------------------------------------------------------------------

function periodTitle(view: FiguresView, policy: OfficePolicy, texts: Texts, lang: Lang): string {
  const office = policy.name[lang];
  if (view.asOf) return texts.t(lang, 'figures-title-so-far', { period: view.month, now: formatDateTime(view.asOf, policy.timezone, lang), office });
  return texts.t(lang, 'figures-title', { period: view.month, office });
}

function rateLine(compared: Compared, headline: (typeof HEADLINES)[number], policy: OfficePolicy, texts: Texts, lang: Lang): string {
  const current: Rate = compared.current[headline.key];
  const previous: Rate = compared.previous[headline.key];
  const value =
    current.value === null
      ? texts.t(lang, 'figures-value-none')
      : texts.t(lang, 'figures-value', { percent: percent(current.value), num: String(current.num), den: String(current.den) });
  const target = targetOf(policy, headline.target);
  let targetText = '';
  if (target !== undefined) {
    const key = current.value === null ? 'figures-target-plain' : current.value >= target ? 'figures-target-met' : 'figures-target-missed';
    targetText = texts.t(lang, key, { target: percent(target) });
  }
  let change: string;
  if (current.value === null || previous.value === null) change = texts.t(lang, 'figures-change-none', { previous: percent(previous.value) });
  else {
    const diff = current.value - previous.value;
    const key = points(diff) === '0' ? 'figures-change-same' : diff > 0 ? 'figures-change-up' : 'figures-change-down';
    change = texts.t(lang, key, { previous: percent(previous.value), diff: points(diff) });
  }
  // Fluent trims a message's leading space: the parts are spaced here.
  const rest = [targetText, change].filter((part) => part !== '').map((part) => ` ${part}`).join('');
  return texts.t(lang, 'figures-line', { label: texts.plain(lang, headline.label), value: html(value), rest: html(rest) });
}

function countChange(current: number, previous: number, texts: Texts, lang: Lang): string {
  if (current === previous) return texts.t(lang, 'figures-count-same');
  return texts.t(lang, current > previous ? 'figures-count-up' : 'figures-count-down', { previous: String(previous), diff: String(Math.abs(current - previous)) });
}

/** The headline block of one scope (a department or the office). */
function headlineBlock(compared: Compared, policy: OfficePolicy, texts: Texts, lang: Lang): string[] {
  const { current, previous } = compared;
  const kinds = current.byKind.map((c) => texts.t(lang, 'figures-kind-count', { kind: kindLabel(c.key, texts, lang), count: String(c.n) }));
  const change = html(countChange(current.received, previous.received, texts, lang));
  const lines = [
    kinds.length === 0
      ? texts.t(lang, 'figures-received-none', { change, cancelled: String(current.cancelled) })
      : texts.t(lang, 'figures-received', { count: String(current.received), change, kinds: html(kinds.join(' · ')), cancelled: String(current.cancelled) }),
    ...HEADLINES.map((h) => rateLine(compared, h, policy, texts, lang)),
    texts.t(lang, 'figures-trouble', { overdue: String(current.overdue.tickets), escalated: String(current.escalated.tickets), reopened: String(current.reopened) }),
  ];
  return lines;
}

function list(items: string[], texts: Texts, lang: Lang): string {
  const shown = items.slice(0, LIST_MAX).join(lang === 'en' ? ', ' : '、');
  return items.length > LIST_MAX ? `${shown} ${texts.t(lang, 'figures-more')}` : shown;
}

function coverageMark(c: CoverageFigure): string {
  if (c.rule === 'never' || c.rate.value === null) return '';
  return c.rate.value >= c.target ? ' ✅' : ' ⚠️';
}

function isEmpty(f: MonthlyFigures): boolean {
  return f.received === 0 && f.internalTasks.received === 0 && f.internalTasks.resolved === 0 && f.resolved === 0 && f.closed === 0 && f.surveysSent === 0 && f.surveysAnswered === 0 && f.surveysNoAnswer === 0 && f.overdue.tickets === 0;
}

/** The readable summary (HTML): the reader's departments first, then the office with its hot spots and repeats. */
export function renderFiguresMessage(view: FiguresView, policy: OfficePolicy, texts: Texts, lang: Lang): string {
  const out = [periodTitle(view, policy, texts, lang)];
  const { current } = view.office;
  if (isEmpty(current)) {
    out.push('', texts.t(lang, 'figures-empty'));
    return out.join('\n');
  }
  for (const id of view.first) {
    const department = view.departments.find((d) => d.id === id);
    if (!department) continue;
    out.push('', texts.t(lang, 'figures-scope-department', { department: departmentName(policy, id, lang) }), ...headlineBlock(department, policy, texts, lang));
  }
  out.push('', texts.t(lang, 'figures-scope-office'), ...headlineBlock(view.office, policy, texts, lang));
  const coverage = current.coverage
    .filter((c) => c.closed !== 0 || c.surveyed !== 0)
    .map((c) => texts.t(lang, 'figures-coverage-item', { name: coverageLabel(c.coverage, texts, lang), surveyed: String(c.surveyed), closed: String(c.closed), mark: coverageMark(c) }));
  if (coverage.length > 0) out.push(texts.t(lang, 'figures-coverage', { list: html(list(coverage, texts, lang)) }));
  const hot = (counts: Count[], label: (key: string) => string) => counts.map((c) => texts.t(lang, 'figures-hot-item', { name: label(c.key), count: String(c.n) }));
  const buildings = hot(current.hotSpots.buildings, (b) => buildingLabel(b, texts, lang));
  const categories = hot(current.hotSpots.categories, (k) => categoryLabel(k, policy, texts, lang));
  if (buildings.length > 0) out.push(texts.t(lang, 'figures-hot-buildings', { list: html(list(buildings, texts, lang)) }));
  if (categories.length > 0) out.push(texts.t(lang, 'figures-hot-categories', { list: html(list(categories, texts, lang)) }));
  const tasks = current.internalTasks;
  if (tasks.received !== 0 || tasks.resolved !== 0) {
    const args = { received: String(tasks.received), resolved: String(tasks.resolved), onTime: percent(tasks.resolutionOnTime.value), overdue: String(tasks.overdue) };
    out.push(texts.t(lang, 'figures-internal-tasks', args));
  }
  if (current.repeats.length > 0) {
    const repeats = current.repeats.map((r) => texts.t(lang, 'figures-repeat-item', { ref: r.ref, of: r.of }));
    out.push(texts.t(lang, 'figures-repeats', { count: current.repeats.length, list: html(list(repeats, texts, lang)) }));
  }
  out.push('', texts.t(lang, 'figures-csv-note'));
  return out.join('\n');
}

// --- the CSV --------------------------------------------------------------------------------

/** One CSV cell: quoted when needed; text a spreadsheet would run as a formula is defused. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type Row = (string | number)[];

/** The full table: every scope's rates and counts, then the office's breakdowns, coverage, hot spots and named tickets. UTF-8 with a BOM, CRLF. */
export function renderFiguresCsv(view: FiguresView, policy: OfficePolicy, texts: Texts, lang: Lang): string {
  const p = (key: string) => texts.plain(lang, key);
  const rows: Row[] = [[p('figures-csv-scope'), p('figures-csv-metric'), p('figures-csv-item'), p('figures-csv-value'), p('figures-csv-numerator'), p('figures-csv-denominator'), p('figures-csv-target'), p('figures-csv-previous')]];
  const scopes: [string, Compared][] = [[p('figures-csv-office'), view.office], ...view.departments.map((d): [string, Compared] => [departmentName(policy, d.id, lang), d])];
  for (const [scope, { current, previous }] of scopes) {
    for (const h of HEADLINES) {
      const c = current[h.key];
      const target = targetOf(policy, h.target);
      rows.push([scope, p(h.label), '', percent(c.value), c.num, c.den, target === undefined ? '' : percent(target), percent(previous[h.key].value)]);
    }
    const counts: [string, (f: MonthlyFigures) => number][] = [
      ['figures-csv-received', (f) => f.received],
      ['figures-csv-cancelled', (f) => f.cancelled],
      ['figures-csv-anonymous', (f) => f.anonymous],
      ['figures-csv-resolved', (f) => f.resolved],
      ['figures-csv-closed', (f) => f.closed],
      ['figures-csv-reopened', (f) => f.reopened],
      ['figures-csv-reopened-survey', (f) => f.reopenedBySurvey],
      ['figures-csv-surveys-sent', (f) => f.surveysSent],
      ['figures-csv-surveys-answered', (f) => f.surveysAnswered],
      ['figures-csv-surveys-no-answer', (f) => f.surveysNoAnswer],
      ['figures-csv-overdue', (f) => f.overdue.tickets],
      ['figures-csv-escalated', (f) => f.escalated.tickets],
      ['figures-csv-tasks-received', (f) => f.internalTasks.received],
      ['figures-csv-tasks-resolved', (f) => f.internalTasks.resolved],
      ['figures-csv-tasks-overdue', (f) => f.internalTasks.overdue],
    ];
    for (const [key, value] of counts) rows.push([scope, p(key), '', value(current), '', '', '', value(previous)]);
    const tasksOnTime = current.internalTasks.resolutionOnTime;
    rows.push([scope, p('figures-csv-tasks-on-time'), '', percent(tasksOnTime.value), tasksOnTime.num, tasksOnTime.den, '', percent(previous.internalTasks.resolutionOnTime.value)]);
  }
  const office = p('figures-csv-office');
  const { current, previous } = view.office;
  const breakdown = (metric: string, now: Count[], before: Count[], label: (key: string) => string) => {
    for (const c of now) rows.push([office, p(metric), label(c.key), c.n, '', '', '', before.find((b) => b.key === c.key)?.n ?? 0]);
  };
  breakdown('figures-csv-by-kind', current.byKind, previous.byKind, (k) => kindLabel(k, texts, lang));
  breakdown('figures-csv-by-category', current.byCategory, previous.byCategory, (k) => categoryLabel(k, policy, texts, lang));
  breakdown('figures-csv-by-department', current.byDepartment, previous.byDepartment, (k) => departmentName(policy, k, lang));
  breakdown('figures-csv-by-building', current.byBuilding, previous.byBuilding, (k) => buildingLabel(k, texts, lang));
  breakdown('figures-csv-by-class', current.byComplaintClass, previous.byComplaintClass, (k) => complaintClassLabel(k, texts, lang));
  for (const c of current.coverage) {
    const before = previous.coverage.find((b) => b.coverage === c.coverage);
    rows.push([office, p('figures-csv-coverage'), coverageLabel(c.coverage, texts, lang), percent(c.rate.value), c.surveyed, c.closed, percent(c.target), percent(before?.rate.value)]);
  }
  breakdown('figures-csv-overdue-limit', current.overdue.byLimit, previous.overdue.byLimit, (k) => limitName(texts, lang, k as LimitId));
  for (const c of current.hotSpots.buildings) rows.push([office, p('figures-csv-hot-building'), buildingLabel(c.key, texts, lang), c.n, '', '', '', '']);
  for (const c of current.hotSpots.categories) rows.push([office, p('figures-csv-hot-category'), categoryLabel(c.key, policy, texts, lang), c.n, '', '', '', '']);
  for (const r of current.repeats) rows.push([office, p('figures-csv-repeat'), r.ref, r.of, '', '', '', '']);
  for (const ref of current.overdue.refs) rows.push([office, p('figures-csv-overdue-ticket'), ref, '', '', '', '', '']);
  for (const ref of current.escalated.refs) rows.push([office, p('figures-csv-escalated-ticket'), ref, '', '', '', '', '']);
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
