/**
 * The office's settings for watching time limits (时效): when the owner is reminded, when
 * the head and the manager hear of a late ticket, re-announcing unclaimed tickets, giving
 * back tickets nobody works on, and the weekly word to the resident. Read from the office
 * policy's `timeLimits` key, merged over the defaults below (SPEC.md "Time limits").
 */
import type { OfficePolicy } from '../config/office';
import { z } from 'zod';
import { defined, duration } from '../config/schemaParts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface TimeLimitSettings {
  /** The owner is reminded when this share of a limit has passed (0.8: at 80%). */
  remindAt: number;
  /** The manager hears of a late ticket when it is late by this share of its limit again. */
  escalateManagerAfter: number;
  /** An unclaimed ticket is announced again after this long (ms), repeated up to reannounceTimes. */
  reannounceAfter: number;
  reannounceTimes: number;
  /** Unclaimed emergencies are announced again this often (ms), up to emergencyReannounceTimes. */
  emergencyReannounceEvery: number;
  emergencyReannounceTimes: number;
  /** A claimed ticket with no progress this long after its on-site time goes back to the pool (ms). */
  noProgressRelease: number;
  /** A ticket still open this long gets a progress message to the resident, and again every such period (ms). */
  weeklyProgressEvery: number;
  /** What a head may extend a resolution limit by, from the approval button (ms). */
  extensionChoices: number[];
}

export const DEFAULT_TIME_LIMITS: TimeLimitSettings = {
  remindAt: 0.8,
  escalateManagerAfter: 1.0,
  reannounceAfter: 10 * MIN,
  reannounceTimes: 3,
  emergencyReannounceEvery: 2 * MIN,
  // Half an hour of announcements every two minutes; by then the head and the manager have
  // long been alerted (the emergency's 5-minute limit), so more would only be noise.
  emergencyReannounceTimes: 15,
  noProgressRelease: 2 * HOUR,
  weeklyProgressEvery: 7 * DAY,
  extensionChoices: [DAY, 3 * DAY, 7 * DAY],
};

/** The `timeLimits` section of the office policy file: every key optional, over DEFAULT_TIME_LIMITS. */
export const timeLimitsSchema = z.strictObject({
  remindAt: z.number().gt(0).max(1).optional(),
  escalateManagerAfter: z.number().min(0).optional(),
  reannounceAfter: duration(1).optional(),
  reannounceTimes: z.number().int().min(0).optional(),
  emergencyReannounceEvery: duration(1).optional(),
  emergencyReannounceTimes: z.number().int().min(0).optional(),
  noProgressRelease: duration(1).optional(),
  weeklyProgressEvery: duration(1).optional(),
  extensionChoices: z.array(duration(1)).min(1).max(6).optional(),
});

/** The office's settings: `policy.timeLimits`, validated and merged over the defaults when the policy was read. */
export function timeLimitsPolicy(policy: OfficePolicy): TimeLimitSettings {
  return { ...DEFAULT_TIME_LIMITS, ...defined(policy.timeLimits) };
}
