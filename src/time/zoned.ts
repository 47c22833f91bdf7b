/** Wall-clock fields of an instant in a time zone. Month is 1-12; weekday 0 = Sunday. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Building a DateTimeFormat is expensive and deadlines are computed in loops.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of `date` in `timeZone` (IANA name). */
export function localParts(date: Date, timeZone: string): LocalParts {
  const out: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0 };
  for (const p of formatterFor(timeZone).formatToParts(date)) {
    switch (p.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        out[p.type] = Number(p.value);
        break;
      case 'weekday':
        out.weekday = WEEKDAYS[p.value];
        break;
    }
  }
  return out;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local calendar date as 'YYYY-MM-DD'. */
export function localDateKey(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Local calendar month as 'YYYY-MM'. */
export function localMonthKey(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}`;
}

/** Zone offset at `instant` in ms (local wall clock minus UTC). */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant at which the wall clock in `timeZone` shows the given local time.
 * Out-of-range fields roll over like Date.UTC (day 32, hour 24 → next day).
 * Around DST changes it behaves like Temporal's "compatible" mode: a time skipped by a
 * spring-forward gap is moved forward by the gap, and a time repeated at fall-back
 * resolves to the earlier instant.
 */
export function zonedTime(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // At most one transition is assumed within a day either side, true for all real zones.
  const before = offsetAt(wallAsUtc - 86_400_000, timeZone);
  const after = offsetAt(wallAsUtc + 86_400_000, timeZone);
  const candidates = [wallAsUtc - before, wallAsUtc - after]
    .filter((t) => offsetAt(t, timeZone) === wallAsUtc - t)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);
  return new Date(wallAsUtc - before);
}

/**
 * Parses 'H:MM' or 'HH:MM' (24-hour). '24:00' is accepted as the end of a day.
 * @throws Error with an example when the text is not a valid time.
 */
export function parseHHMM(text: string): { hour: number; minute: number } {
  const m = /^\s*(\d{1,2})[:：](\d{2})\s*$/.exec(String(text));
  if (m) {
    const hour = Number(m[1]);
    const minute = Number(m[2]);
    if ((hour < 24 && minute < 60) || (hour === 24 && minute === 0)) return { hour, minute };
  }
  throw new Error(`Invalid time "${text}": use 24-hour HH:MM, e.g. "08:00" or "20:30" ("24:00" for end of day).`);
}

/**
 * Date and time for messages. Both languages use 'YYYY-MM-DD HH:MM' in the office's zone:
 * unambiguous to residents and staff alike, and independent of the current date.
 */
export function formatDateTime(date: Date, timeZone: string, lang: 'zh-CN' | 'en'): string {
  void lang;
  return `${localDateKey(date, timeZone)} ${formatTime(date, timeZone)}`;
}

/** Local time as 'HH:MM'. */
export function formatTime(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** True when the runtime's Intl data knows `tz` (an IANA name such as 'Asia/Shanghai'). */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
