/** When a follow-up goes out: after the configured delay, never at night. */
import type { HoursWindow } from '../config/office';
import { isWithinHours, nextOpening } from '../policy/hours';
import type { TimingClass, FollowupPolicy } from './config';

/** `at` itself when it is inside the hours, else the next opening. */
export function inDaytime(at: Date, hours: HoursWindow, timeZone: string): Date {
  return isWithinHours(at, hours, timeZone) ? at : nextOpening(at, hours, timeZone);
}

export interface FollowupTimes {
  /** When it is sent. */
  dueAt: Date;
  /** The office's limit, for the on-time figure; a closure late at night may make dueAt pass it. */
  deadlineAt: Date;
}

/** The first follow-up of a closure. */
export function firstFollowupTimes(closedAt: Date, timing: TimingClass, rules: FollowupPolicy, hours: HoursWindow, timeZone: string): FollowupTimes {
  const within = rules.within[timing];
  const delay = Math.min(rules.delay[timing], within);
  return {
    dueAt: inDaytime(new Date(closedAt.getTime() + delay), hours, timeZone),
    deadlineAt: new Date(closedAt.getTime() + within),
  };
}

/** The second follow-up of a construction defect ("did it come back?"), 1-2 months later by default. */
export function recheckTimes(closedAt: Date, rules: FollowupPolicy, hours: HoursWindow, timeZone: string): FollowupTimes {
  return {
    dueAt: inDaytime(new Date(closedAt.getTime() + rules.recheck.after), hours, timeZone),
    deadlineAt: new Date(closedAt.getTime() + rules.recheck.within),
  };
}
