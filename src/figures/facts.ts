/**
 * Facts for the monthly figures (统计分析): what one ticket event means for the office's
 * numbers, as small documents the database can count. Pure: the same event, states and
 * policy always give the same facts with the same ids, so recording an event twice — or
 * rebuilding a month from the log — changes nothing.
 *
 * FerretDB (../shared/FACTS.md) has no date operators and only one right accumulator per
 * $group, so every fact carries its grouping keys precomputed in the office's zone (month,
 * day, kind, category, department, building, complaint class) and its flags as 0/1 numbers.
 * A month's figures are then one `$group` with one `$sum` over that month's collection.
 *
 * Which month a fact counts in:
 * - what happened in the month (resolutions, closures, reopens, survey answers, overdue
 *   alerts, repeats) counts in the month of its event, in the office's zone;
 * - a survey sent counts in the month of the closure it follows up (coverage is "the
 *   month's closures that were surveyed");
 * - what is said about the tickets *received* in a month (how many, their complaint class,
 *   whether they were answered within the response limit, whether they were cancelled)
 *   counts in the month the ticket was received, whenever it is learnt — so "responded in
 *   time ÷ received" compares the same tickets;
 * - a fact that is undone later (a resolution or closure followed by a reopen, a response
 *   of a ticket later cancelled, a complaint classified again) gets a retraction: the same
 *   fact with weight `w: -1`, in the month and with the keys of what it undoes. Every count
 *   is a sum of `w`, so each ticket's resolution and closure count once, at the last one.
 */
import type { OfficePolicy } from '../config/office';
import { categoryKey, coverageClass } from '../followups/coverage';
import { localDateKey, localMonthKey } from '../time/zoned';
import { applyEvent } from '../tickets/projection';
import type { TicketKind } from '../tickets/reference';
import type { TicketEvent, TicketState } from '../tickets/types';

export type FactType =
  /** Received: one per ticket, counted by kind, category and department. */
  | 'received'
  /**
   * The building a received ticket came from, counted apart from its category: one stored
   * key per category and building would make a large month's groups many, and FerretDB's
   * $group slows with the number of groups.
   */
  | 'building'
  /** A complaint's class (+1 for the class it has, -1 for the one it had): 'none' until classified. */
  | 'class'
  /** The first response (claim, reassignment, classification with an owner); `onTime` against the response limit. */
  | 'responded'
  | 'cancelled'
  /** Resolved; `onTime` against the resolution limit (an approved extension counts). */
  | 'resolved'
  /** Closed (confirmed by the resident or automatically); `firstTime`: never reopened. */
  | 'closed'
  /** Reopened; `source`: 'resident' (not solved) or 'survey' (a dissatisfied follow-up). */
  | 'reopened'
  /** A time limit passed (the head was alerted); `limit` says which. */
  | 'overdue'
  /** Escalated to the manager (late by another share of the limit). */
  | 'escalated'
  /** Flagged as a repeat (二次投诉 / repeated repair) of `of`. */
  | 'repeat'
  | 'survey_sent'
  /** A finished survey; `satisfied`, and the stars given (`points` of `maxPoints`). */
  | 'survey_answered'
  | 'survey_no_answer';

export const FACT_TYPES: FactType[] = [
  'received', 'building', 'class', 'responded', 'cancelled', 'resolved', 'closed', 'reopened', 'overdue', 'escalated', 'repeat',
  'survey_sent', 'survey_answered', 'survey_no_answer',
];

export interface Fact {
  /** `${ref}:${seq}` of the event, plus `:suffix` for the event's further facts. */
  _id: string;
  ref: string;
  seq: number;
  type: FactType;
  /** The event's time. */
  at: Date;
  /** Office-local 'YYYY-MM' and 'YYYY-MM-DD' it counts in (see above). */
  month: string;
  day: string;
  /** +1, or -1 for a retraction. */
  w: 1 | -1;
  kind: TicketKind;
  /** Received and repeat facts: 'household/unblock', 'complaint/staff', 'emergency/flood', 'inquiry' (followups/coverage.ts). */
  category: string;
  department: string;
  /** Building and repeat facts: the resident's building ('' when unknown). */
  building: string;
  /** Class facts: the complaint's class, 'none' until classified. */
  complaintClass: string;
  /**
   * Closures and surveys sent: the follow-up coverage class (followups/config.ts) whose target
   * the survey share is held to; 'rework' for a survey after a reopen by a survey. '' otherwise.
   */
  coverage: string;
  anonymous: 0 | 1;
  onTime: 0 | 1;
  firstTime: 0 | 1;
  satisfied: 0 | 1;
  /** Stars given (1-5 each) and 5 × the number of star questions answered. */
  points: number;
  maxPoints: number;
  /** overdue / escalated: 'response' | 'onSite' | 'resolution' | 'firstAnswer'. */
  limit: string;
  /** reopened: 'resident' | 'survey'. */
  source: string;
  /** Survey facts: 'first' | 'recheck'. */
  stage: string;
  /** Facts whose tickets the figures name (repeat, overdue, escalated): the reference. '' otherwise. */
  item: string;
  /** repeat: the earlier reference. */
  of: string;
}

/** The fields the figures group facts by, in the order of the stored group key. */
export const GROUP_FIELDS = [
  'type', 'kind', 'category', 'department', 'building', 'complaintClass', 'coverage', 'anonymous',
  'onTime', 'firstTime', 'satisfied', 'points', 'maxPoints', 'limit', 'source', 'stage', 'item', 'of',
] as const satisfies readonly (keyof Fact)[];
export type GroupField = (typeof GROUP_FIELDS)[number];

/**
 * All of a fact's grouping fields as one string (a JSON array in GROUP_FIELDS order). The
 * database groups by this one stored value: FerretDB v1 compares compound `$group` keys one
 * by one (measured: 1,240 distinct compound keys over 5,000 facts took 2.2 s, a string key
 * 0.24 s), so the month is counted with a scalar key whatever the number of combinations.
 */
export function groupKeyOf(fact: Pick<Fact, GroupField>): string {
  const values: unknown[] = GROUP_FIELDS.map((field) => fact[field]);
  // Trailing empty keys and zero flags are left out (read back as '' and 0): shorter keys, faster scans.
  while (values.length > 1 && (values[values.length - 1] === '' || values[values.length - 1] === 0)) values.pop();
  return JSON.stringify(values);
}

const NUMERIC: GroupField[] = ['anonymous', 'onTime', 'firstTime', 'satisfied', 'points', 'maxPoints'];

/** The fields back from a stored group key. */
export function fieldsOfGroupKey(key: string): Pick<Fact, GroupField> {
  const values = JSON.parse(key) as unknown[];
  return Object.fromEntries(GROUP_FIELDS.map((field, i) => [field, values[i] ?? (NUMERIC.includes(field) ? 0 : '')])) as Pick<Fact, GroupField>;
}

type Keys = Pick<Fact, 'kind' | 'category' | 'department' | 'building' | 'complaintClass' | 'coverage' | 'anonymous'>;
type Extra = Partial<Pick<Fact, 'onTime' | 'firstTime' | 'satisfied' | 'points' | 'maxPoints' | 'limit' | 'source' | 'stage' | 'item' | 'of'>>;

const time = (d: Date | string | undefined): number => (d === undefined ? NaN : new Date(d).getTime());
const flag = (b: boolean): 0 | 1 => (b ? 1 : 0);

/** The grouping keys of a ticket as it is in `state`. */
export function keysOf(state: TicketState): Keys {
  return {
    kind: state.kind,
    category: categoryKey(state),
    department: state.department,
    building: state.resident?.building ?? '',
    complaintClass: state.kind === 'complaint' ? (state.complaint?.class ?? 'none') : '',
    // Internal tasks have no follow-up coverage (and count apart from residents' reports).
    coverage: state.kind === 'task' ? '' : coverageClass(state),
    anonymous: flag(state.anonymous),
  };
}

interface Place {
  month: string;
  day: string;
}

function placeOf(at: Date | string, policy: OfficePolicy): Place {
  const date = new Date(at);
  return { month: localMonthKey(date, policy.timezone), day: localDateKey(date, policy.timezone) };
}

/** The month and day the ticket was received in (stored on the ticket when it was created). */
function cohortOf(state: TicketState, policy: OfficePolicy): Place {
  return state.month && state.day ? { month: state.month, day: state.day } : placeOf(state.createdAt, policy);
}

/**
 * The ticket keys each kind of fact keeps: those its figures read. FerretDB's $group slows
 * with the number of distinct keys (measured: 8,400 groups over 40,000 facts took 13 s, where
 * a few hundred take a scan's time), so a resolution does not carry its building and category
 * when no figure counts resolutions by them. Kind and department stay on every fact: the
 * kinds and a head's department view read them.
 */
const KEPT: Record<FactType, (keyof Keys)[]> = {
  received: ['category', 'anonymous'],
  building: ['building'],
  class: ['complaintClass'],
  responded: [],
  cancelled: [],
  resolved: [],
  closed: ['coverage'],
  reopened: [],
  overdue: [],
  escalated: [],
  repeat: ['category', 'building'],
  survey_sent: ['coverage'],
  survey_answered: [],
  survey_no_answer: [],
};

function kept(type: FactType, keys: Keys): Keys {
  const keep = KEPT[type];
  const blank = (k: keyof Keys) => !keep.includes(k);
  return {
    kind: keys.kind,
    department: keys.department,
    category: blank('category') ? '' : keys.category,
    building: blank('building') ? '' : keys.building,
    complaintClass: blank('complaintClass') ? '' : keys.complaintClass,
    coverage: blank('coverage') ? '' : keys.coverage,
    anonymous: blank('anonymous') ? 0 : keys.anonymous,
  };
}

function fact(event: TicketEvent, suffix: string, type: FactType, place: Place, keys: Keys, extra: Extra = {}, w: 1 | -1 = 1): Fact {
  return {
    _id: `${event.ref}:${event.seq}${suffix ? `:${suffix}` : ''}`,
    ref: event.ref,
    seq: event.seq,
    type,
    at: new Date(event.at),
    month: place.month,
    day: place.day,
    w,
    ...kept(type, keys),
    onTime: 0,
    firstTime: 0,
    satisfied: 0,
    points: 0,
    maxPoints: 0,
    limit: '',
    source: '',
    stage: '',
    item: '',
    of: '',
    ...extra,
  };
}

/** Stars of a finished survey: the sum of the 1-5 scores given and 5 × their number. */
function stars(scores: unknown): { points: number; maxPoints: number } {
  const given = Object.values((scores as Record<string, unknown> | undefined) ?? {}).filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 1 && v <= 5,
  );
  return { points: given.reduce((a, b) => a + b, 0), maxPoints: 5 * given.length };
}

/**
 * The facts one event adds. `after` is the ticket with the event applied, `before` without it
 * (undefined for 'created'). Events that change nothing the figures count give none.
 */
export function factsOf(event: TicketEvent, after: TicketState, before: TicketState | undefined, policy: OfficePolicy): Fact[] {
  const facts: Fact[] = [];
  const here = placeOf(event.at, policy);
  const keys = keysOf(after);
  const cohort = cohortOf(after, policy);
  // Facts read a few fields of several event types by name: one loose view of the typed data.
  const data: Record<string, unknown> = { ...event.data };

  if (event.type === 'created') {
    facts.push(fact(event, '', 'received', cohort, keys));
    facts.push(fact(event, 'building', 'building', cohort, keys));
    if (after.kind === 'complaint') facts.push(fact(event, 'class', 'class', cohort, { ...keys, complaintClass: 'none' }));
    return facts;
  }
  if (!before) return facts;

  // A complaint (re)classified: its cohort's class counts move from the old class to the new.
  if (event.type === 'classified' && after.kind === 'complaint') {
    const was = before.complaint?.class ?? 'none';
    const now = after.complaint?.class ?? 'none';
    if (was !== now) {
      facts.push(fact(event, '', 'class', cohort, { ...keys, complaintClass: now }));
      facts.push(fact(event, 'was', 'class', cohort, { ...keys, complaintClass: was }, {}, -1));
    }
  }

  // The first time anyone took it on: judged against the response limit it had then.
  if (!before.firstResponse && after.firstResponse) {
    const { at, dueAt, department } = after.firstResponse;
    const suffix = event.type === 'claimed' || event.type === 'reassigned' ? '' : 'response';
    facts.push(fact(event, suffix, 'responded', cohort, { ...keys, department }, { onTime: flag(time(at) <= time(dueAt)) }));
  }

  // Resolved (a staff member's result, or an invalid complaint answered with the explanation).
  const resolvedNow = after.status === 'resolved' && before.status !== 'resolved' && after.resolvedAt !== undefined;
  if (resolvedNow) {
    const onTime = flag(time(after.resolvedAt) <= time(after.resolutionDueAt));
    facts.push(fact(event, event.type === 'resolved' ? '' : 'resolved', 'resolved', here, keys, { onTime }));
  }

  // A duplicate closes without work of its own: the ticket it joined counts the closure (and its survey).
  if (after.status === 'closed' && before.status !== 'closed' && event.type !== 'closed_as_duplicate') {
    facts.push(fact(event, '', 'closed', here, keys, { firstTime: flag(after.reopenCount === 0) }));
  }

  if (event.type === 'reopened') {
    facts.push(fact(event, '', 'reopened', here, keys, { source: data.source === 'survey' ? 'survey' : 'resident' }));
    // The resolution (and closure) it undoes no longer count where they were counted.
    const old = keysOf(before);
    if (before.resolvedAt !== undefined) {
      const onTime = flag(time(before.resolvedAt) <= time(before.resolutionDueAt));
      facts.push(fact(event, 'unresolved', 'resolved', placeOf(before.resolvedAt, policy), old, { onTime }, -1));
    }
    if (before.status === 'closed' && before.closedAt !== undefined) {
      facts.push(fact(event, 'unclosed', 'closed', placeOf(before.closedAt, policy), old, { firstTime: flag(before.reopenCount === 0) }, -1));
    }
  }

  if (after.status === 'cancelled' && before.status !== 'cancelled') {
    facts.push(fact(event, '', 'cancelled', cohort, keys));
    // Cancelled tickets are left out of the rates: a response it had is taken back.
    const response = before.firstResponse;
    if (response) {
      const onTime = flag(time(response.at) <= time(response.dueAt));
      facts.push(fact(event, 'response', 'responded', cohort, { ...keys, department: response.department }, { onTime }, -1));
    }
  }

  if (event.type === 'escalated') {
    const type: FactType = data.level === 'manager' ? 'escalated' : 'overdue';
    facts.push(fact(event, '', type, here, keys, { limit: String(data.limit ?? ''), item: event.ref }));
  }

  if (event.type === 'repeat_flagged') {
    facts.push(fact(event, '', 'repeat', here, keys, { item: event.ref, of: String(data.of ?? '') }));
  }

  // Anonymous complainants are never surveyed: nothing of a survey counts for them.
  if (!after.anonymous) {
    const stage = data.stage === 'recheck' ? 'recheck' : 'first';
    if (event.type === 'survey_sent') {
      // Coverage is "surveyed ÷ the month's closures": a survey counts with the closure it
      // follows up (the sender only sends while the ticket is closed at that closure). A
      // ticket is only closed again after a dissatisfied survey reopened it: from the second
      // round on, it is the rework's follow-up, which is always sent.
      const place = after.closedAt !== undefined ? placeOf(after.closedAt, policy) : here;
      const coverage = Number(data.round ?? 1) > 1 ? 'rework' : keys.coverage;
      facts.push(fact(event, '', 'survey_sent', place, { ...keys, coverage }, { stage }));
    }
    if (event.type === 'survey_no_answer') facts.push(fact(event, '', 'survey_no_answer', here, keys, { stage }));
    // A comment written after the answers is recorded as its own event: not a second answer.
    if (event.type === 'survey_answered' && data.part !== 'comment') {
      const satisfied = flag(data.dissatisfied !== true);
      facts.push(fact(event, '', 'survey_answered', here, keys, { stage, satisfied, ...stars(data.scores) }));
    }
  }
  return facts;
}

/**
 * The facts of a whole log (one ticket's events, in any order): replays it and derives each
 * event's facts. For the catch-up rebuild and for tests.
 */
export function factsOfLog(events: TicketEvent[], policy: OfficePolicy): Fact[] {
  const facts: Fact[] = [];
  let state: TicketState | undefined;
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const next = applyEvent(state, event);
    facts.push(...factsOf(event, next, state, policy));
    state = next;
  }
  return facts;
}
