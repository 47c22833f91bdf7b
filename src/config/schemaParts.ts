/**
 * The pieces every part of the office policy's schema is written with: durations with a
 * unit, local HH:MM windows. Each module (limits, follow-ups, outbox...) writes its own
 * fragment with them; config/office.ts composes the fragments into the file's schema.
 */
import { z } from 'zod';
import { parseDuration } from '../time/duration';
import { parseHHMM } from '../time/zoned';

/** A duration text with a unit ("5m", "2h", "3d") as ms, at least `min`. */
export const duration = (min: number) =>
  z.unknown().transform((v, ctx) => {
    try {
      if (typeof v !== 'string') throw new Error('must be a duration text with a unit, e.g. "5m", "2h", "3d"');
      const ms = parseDuration(v);
      if (ms < min) throw new Error(`must be ${min === 0 ? 'zero or more' : 'longer than zero'}, e.g. "5m"`);
      return ms;
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  });

export const validHHMM = (s: string): boolean => {
  try {
    parseHHMM(s);
    return true;
  } catch {
    return false;
  }
};
export const hhmm = z.string().refine(validHHMM, { message: 'must be a 24-hour time HH:MM' });
export const window = { start: hhmm.optional(), end: hhmm.optional() };
// '24:00' differs from '00:00' on purpose: 00:00-24:00 is the way to say "all day".
const rawMinutes = (s: string) => parseHHMM(s).hour * 60 + parseHHMM(s).minute;
export const checkWindow = (w: { start?: string; end?: string }) =>
  !(w.start && w.end && validHHMM(w.start) && validHHMM(w.end) && rawMinutes(w.start) === rawMinutes(w.end));

/** The given keys of an object, without those left undefined (what a file set, to merge over defaults). */
export const defined = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
