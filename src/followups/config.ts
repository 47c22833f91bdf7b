/**
 * The office's follow-up rules (回访), every one a default from SPEC.md that the office may
 * change. Read from `policy.followups` (validated by src/config/office.ts) over the defaults,
 * so an office file only names what it changes.
 */
import { z } from 'zod';
import type { HoursWindow, OfficePolicy } from '../config/office';
import { checkWindow, defined, duration, window } from '../config/schemaParts';

/** The rows of SPEC.md's follow-up timing table. */
export type TimingClass = 'complaint' | 'repair' | 'paid' | 'emergency' | 'other';
export const TIMING_CLASSES: TimingClass[] = ['complaint', 'repair', 'paid', 'emergency', 'other'];

/**
 * Who gets a follow-up. `complaint`: valid, major and not-yet-classified complaints;
 * `help`: communication complaints (help-seeking, inquiry, venting); `repair`: everyday
 * repairs (household without a fee, public area, equipment); `rework`: a ticket reopened by a
 * dissatisfied follow-up and closed again.
 */
export type CoverageClass = 'complaint' | 'help' | 'invalid' | 'anonymous' | 'paid' | 'defect' | 'repair' | 'emergency' | 'inquiry' | 'rework';
export const COVERAGE_CLASSES: CoverageClass[] = ['complaint', 'help', 'invalid', 'anonymous', 'paid', 'defect', 'repair', 'emergency', 'inquiry', 'rework'];
export type Coverage = 'always' | 'sampled' | 'never';

export interface FollowupPolicy {
  /** The office's limit: the follow-up goes out within this long after closing. */
  within: Record<TimingClass, number>;
  /** When it goes out after closing (capped at `within`): late enough to see that the fix holds. */
  delay: Record<TimingClass, number>;
  /** Surveys (and auto-confirmations, which message the resident) only inside these hours; default: the front desk's. */
  hours?: Partial<HoursWindow>;
  /** Construction defects: a second follow-up asking whether the problem came back. */
  recheck: { after: number; within: number };
  coverage: Record<CoverageClass, Coverage>;
  /** Share of the month's closures of each sampled class that gets a follow-up (0..1). */
  share: number;
  /** An unanswered survey is sent once more after this long, then recorded as "no answer" after `noAnswerAfter`. */
  resendAfter: number;
  noAnswerAfter: number;
  /** A score at or below this (1-5) is dissatisfied, as is "not solved". */
  dissatisfiedAtOrBelow: number;
  /** The same resident, category and place again within this long is a repeat (二次投诉 / repeated repair). */
  repeatWindow: number;
  /** After pressing "Comment", a plain message (not a reply) within this long is taken as the comment. */
  commentWait: number;
  /** Events are read again this far back on every tick, for writers whose clock or insert lagged. */
  scanOverlap: number;
  /** On the very first run (no watermark yet), closures and reports this far back are looked at. */
  firstRunLookback: number;
  /** Most items handled per job per tick; the rest wait for the next tick. */
  batch: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const DEFAULT_FOLLOWUPS: FollowupPolicy = {
  within: { complaint: 3 * DAY, repair: 5 * DAY, paid: DAY, emergency: 7 * DAY, other: 7 * DAY },
  delay: { complaint: DAY, repair: DAY, paid: 2 * HOUR, emergency: 2 * DAY, other: DAY },
  recheck: { after: 30 * DAY, within: 60 * DAY },
  coverage: {
    complaint: 'always',
    help: 'sampled',
    // Outside the office's scope: scores would rate the explanation, not a service, and a
    // "not solved" could only reopen it to the same answer. The outcome is still recorded.
    invalid: 'never',
    // SPEC.md: anonymous complaints get no follow-up.
    anonymous: 'never',
    paid: 'always',
    defect: 'always',
    repair: 'sampled',
    emergency: 'always',
    inquiry: 'sampled',
    rework: 'always',
  },
  share: 0.2,
  resendAfter: 2 * DAY,
  noAnswerAfter: 3 * DAY,
  dissatisfiedAtOrBelow: 2,
  repeatWindow: 30 * DAY,
  commentWait: 30 * MIN,
  scanOverlap: 2 * MIN,
  firstRunLookback: 7 * DAY,
  batch: 200,
};

const timingDurations = (min: number) =>
  z.strictObject({
    complaint: duration(min).optional(),
    repair: duration(min).optional(),
    paid: duration(min).optional(),
    emergency: duration(min).optional(),
    other: duration(min).optional(),
  });

/** The `followups` section of the office policy file: every key optional, over DEFAULT_FOLLOWUPS. */
export const followupsSchema = z.strictObject({
  within: timingDurations(1).optional(),
  delay: timingDurations(0).optional(),
  hours: z.strictObject(window).refine(checkWindow, { message: 'start and end must differ', path: ['end'] }).optional(),
  recheck: z.strictObject({ after: duration(1).optional(), within: duration(1).optional() }).optional(),
  coverage: z.strictObject(Object.fromEntries(COVERAGE_CLASSES.map((c) => [c, z.enum(['always', 'sampled', 'never']).optional()]))).optional(),
  share: z.number().min(0).max(1).optional(),
  resendAfter: duration(1).optional(),
  noAnswerAfter: duration(1).optional(),
  dissatisfiedAtOrBelow: z.number().int().min(0).max(5).optional(),
  repeatWindow: duration(1).optional(),
  commentWait: duration(1).optional(),
  scanOverlap: duration(0).optional(),
  firstRunLookback: duration(0).optional(),
  batch: z.number().int().min(1).max(5000).optional(),
});

/** What an office file says about follow-ups (only what it changes). */
export type FollowupsSection = z.infer<typeof followupsSchema>;

/** The office's follow-up rules: its `followups` section (validated by the schema above) over the defaults. */
export function followupPolicy(policy: OfficePolicy): FollowupPolicy {
  const own: FollowupsSection = policy.followups ?? {};
  const d = DEFAULT_FOLLOWUPS;
  return {
    ...d,
    ...defined(own),
    within: { ...d.within, ...defined(own.within) },
    delay: { ...d.delay, ...defined(own.delay) },
    recheck: { ...d.recheck, ...defined(own.recheck) },
    coverage: { ...d.coverage, ...defined(own.coverage) },
  };
}

/** The hours in which residents may be messaged by the follow-up work (a file may give only one end). */
export function followupHours(policy: OfficePolicy): HoursWindow {
  const own = followupPolicy(policy).hours ?? {};
  return { ...policy.frontDesk, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) };
}
