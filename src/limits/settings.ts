/**
 * The office's settings for watching time limits (时效): when the owner is reminded, when
 * the head and the manager hear of a late ticket, re-announcing unclaimed tickets, giving
 * back tickets nobody works on, and the weekly word to the resident. Read from the office
 * policy's `timeLimits` key, merged over the defaults below (SPEC.md "Time limits").
 */
import type { OfficePolicy } from '../config/office';
import { parseDuration } from '../time/duration';

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

/** A duration given in ms (the parsed policy) or as text ("10m", before the schema parses it). */
function asMs(value: unknown, fallback: number): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (typeof value === 'string') return parseDuration(value);
  return fallback;
}

function asNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** The office's settings: `policy.timeLimits` over the defaults. */
export function timeLimitsPolicy(policy: OfficePolicy): TimeLimitSettings {
  const raw = ((policy as unknown as { timeLimits?: Record<string, unknown> }).timeLimits ?? {}) as Record<string, unknown>;
  const d = DEFAULT_TIME_LIMITS;
  const choices = Array.isArray(raw.extensionChoices) ? raw.extensionChoices.map((c) => asMs(c, 0)).filter((ms) => ms > 0) : [];
  return {
    remindAt: Math.min(asNumber(raw.remindAt, d.remindAt), 1),
    escalateManagerAfter: asNumber(raw.escalateManagerAfter, d.escalateManagerAfter),
    reannounceAfter: asMs(raw.reannounceAfter, d.reannounceAfter),
    reannounceTimes: Math.floor(asNumber(raw.reannounceTimes, d.reannounceTimes)),
    emergencyReannounceEvery: asMs(raw.emergencyReannounceEvery, d.emergencyReannounceEvery),
    emergencyReannounceTimes: Math.floor(asNumber(raw.emergencyReannounceTimes, d.emergencyReannounceTimes)),
    noProgressRelease: asMs(raw.noProgressRelease, d.noProgressRelease),
    weeklyProgressEvery: asMs(raw.weeklyProgressEvery, d.weeklyProgressEvery),
    extensionChoices: choices.length > 0 ? choices : [...d.extensionChoices],
  };
}
