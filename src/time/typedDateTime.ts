/**
 * A date and time typed by staff on a phone, read in the office's time zone:
 * '2026-11-25 14:00', '2026/11/25 14:00', '11-25 14:00', '11/25 9:30', '11月25日 14:00',
 * '11月25日14点', full-width digits and colons included. Deliberately small: anything
 * fancier is offered as buttons.
 */
import { localParts, zonedTime } from './zoned';

const WITH_YEAR = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*(\d{1,2})[:点](\d{2})?分?$/;
const WITHOUT_YEAR = /^(\d{1,2})[-/.](\d{1,2})\s*(\d{1,2})[:点](\d{2})?分?$/;
const CHINESE = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]\s*(\d{1,2})[:点](\d{2})?分?$/;

/** A date without a year this far in the past means next year (typed in December for January). */
const NEXT_YEAR_AFTER_MS = 180 * 24 * 60 * 60_000;

/** The instant, or null when the text is not such a date and time (or names no real day). */
export function parseTypedDateTime(text: string, now: Date, timeZone: string): Date | null {
  if (typeof text !== 'string' || text.length > 40) return null;
  const compact = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  let year: number | undefined;
  let fields: string[];
  const withYear = WITH_YEAR.exec(compact);
  const withoutYear = WITHOUT_YEAR.exec(compact);
  const chinese = CHINESE.exec(compact);
  if (withYear) {
    year = Number(withYear[1]);
    fields = withYear.slice(2);
  } else if (withoutYear) {
    fields = withoutYear.slice(1);
  } else if (chinese) {
    year = chinese[1] ? Number(chinese[1]) : undefined;
    fields = chinese.slice(2);
  } else {
    return null;
  }
  const [month, day, hour] = fields.slice(0, 3).map(Number);
  const minute = fields[3] ? Number(fields[3]) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const build = (y: number) => zonedTime(timeZone, y, month, day, hour, minute);
  let result = build(year ?? localParts(now, timeZone).year);
  if (year === undefined && now.getTime() - result.getTime() > NEXT_YEAR_AFTER_MS) result = build(localParts(now, timeZone).year + 1);
  // 02-30 would roll over into March: not a day anyone meant.
  const check = localParts(result, timeZone);
  if (check.month !== month || check.day !== day) return null;
  return result;
}
