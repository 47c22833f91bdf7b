/**
 * Human-friendly reference numbers (BX-20261122-007): one per insert into ref_numbers,
 * whose unique _id (the reference itself) decides between residents confirming in the same
 * second. Counters lose updates on the test database (FACTS.md), so no counters; and the
 * last number of the day is found by probing references by `_id` (the only lookup FerretDB
 * v1 serves from an index), never by sorting the collection, which grows with every ticket.
 */
import type { Models } from '../db/models';
import { isDuplicateKey } from '../db/models';
import { formatRef, type TicketKind } from './reference';

/** The last number this process allocated or saw taken, per day and kind: usually the next one is free. */
const lastKnown = new Map<string, number>();

/** `prefix`: the office's own prefix for the kind, when it has one (internal tasks). */
export async function allocateRef(models: Models, kind: TicketKind, dayKey: string, at: Date, prefix?: string): Promise<string> {
  const key = formatRef(kind, dayKey, 1, prefix).replace(/-\d+$/, '');
  const taken = async (n: number) => (await models.RefNumber.exists({ _id: formatRef(kind, dayKey, n, prefix) })) !== null;
  // What this process remembers is checked, not trusted: another database, or one emptied.
  let known = lastKnown.get(key) ?? 0;
  if (known > 0 && !(await taken(known))) known = 0;
  let candidate = await firstFree(taken, known);
  for (let attempt = 0; attempt < 200; attempt++) {
    const ref = formatRef(kind, dayKey, candidate, prefix);
    try {
      await models.RefNumber.create({ _id: ref, key, n: candidate, at });
      lastKnown.set(key, candidate);
      return ref;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      candidate = await firstFree(taken, candidate);
    }
  }
  throw new Error(`could not allocate a reference number for ${key} after 200 attempts`);
}

/**
 * The first free number after `known` (taken, or 0), in a gapless sequence: doubling steps
 * until a free one, then halving back to the first free. About 2·log2(n) `_id` probes from
 * a cold start, one when `known` is the last one taken.
 */
export async function firstFree(taken: (n: number) => Promise<boolean>, known: number): Promise<number> {
  let low = known;
  let step = 1;
  let high = low + step;
  while (await taken(high)) {
    low = high;
    step *= 2;
    high = low + step;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await taken(middle)) low = middle;
    else high = middle;
  }
  return high;
}
