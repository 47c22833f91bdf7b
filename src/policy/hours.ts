import type { HoursWindow, OfficePolicy } from '../config/office';
import { localParts, parseHHMM, zonedTime } from '../time/zoned';

const DAY_MINUTES = 24 * 60;

function minutesOf(hhmm: string): number {
  const { hour, minute } = parseHHMM(hhmm);
  return hour * 60 + minute;
}

/** Window length in minutes; an end before the start runs over midnight. */
function windowMinutes(window: HoursWindow): number {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  return end > start ? end - start : end + DAY_MINUTES - start;
}

/**
 * True when `at` falls inside the window in `timeZone`: start inclusive, end exclusive.
 * Windows over midnight (e.g. night duty 20:00-08:00) are open from the start until the
 * end on the next day.
 */
export function isWithinHours(at: Date, window: HoursWindow, timeZone: string): boolean {
  const p = localParts(at, timeZone);
  const now = p.hour * 60 + p.minute + p.second / 60;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start < end) return now >= start && now < end;
  return now >= start || now < end;
}

/**
 * The first instant at or after `at` at which the window starts. When the window is
 * already open it is the next day's start, not the current opening.
 */
export function nextOpening(at: Date, window: HoursWindow, timeZone: string): Date {
  const { hour, minute } = parseHHMM(window.start);
  const p = localParts(at, timeZone);
  const today = zonedTime(timeZone, p.year, p.month, p.day, hour, minute);
  if (today.getTime() >= at.getTime()) return today;
  return zonedTime(timeZone, p.year, p.month, p.day + 1, hour, minute);
}

/** A bookable visit time. */
export interface VisitSlot {
  start: Date;
  end: Date;
}

// Guards against configurations that yield no slot at all (slot longer than the window).
const MAX_DAYS_AHEAD = 366;

/**
 * The next `policy.visits.slotsOffered` visit slots: consecutive slots of `slotLength`
 * counted from the window start on the wall clock (08-10, 10-12, …), only whole slots
 * inside the window, each starting at least `minLead` after `now`, continuing over
 * following days as needed.
 */
export function visitSlots(now: Date, policy: OfficePolicy): VisitSlot[] {
  const { visits, timezone } = policy;
  const slotMinutes = Math.max(1, Math.round(visits.slotLength / 60_000));
  const perDay = Math.floor(windowMinutes(visits) / slotMinutes);
  const earliest = now.getTime() + visits.minLead;
  const { hour, minute } = parseHHMM(visits.start);
  const p = localParts(now, timezone);
  const slots: VisitSlot[] = [];
  if (perDay === 0 || visits.slotsOffered <= 0) return slots;
  // Start a day early: an over-midnight window opened yesterday may still have slots left.
  for (let d = -1; d <= MAX_DAYS_AHEAD && slots.length < visits.slotsOffered; d++) {
    for (let k = 0; k < perDay && slots.length < visits.slotsOffered; k++) {
      // Wall-clock arithmetic keeps slots on their labels across DST changes.
      const at = (m: number) => zonedTime(timezone, p.year, p.month, p.day + d, hour, minute + m);
      const start = at(k * slotMinutes);
      if (start.getTime() < earliest) continue;
      slots.push({ start, end: at((k + 1) * slotMinutes) });
    }
  }
  return slots;
}
