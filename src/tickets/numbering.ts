/**
 * Human-friendly reference numbers (BX-20261122-007): one per insert into ref_numbers,
 * whose unique _id decides between residents confirming in the same second. Increment
 * counters lose updates on the test database (FACTS.md), so no counters.
 */
import type { Models } from '../db/models';
import { isDuplicateKey } from '../db/models';
import { formatRef, type TicketKind } from './reference';

/** `prefix`: the office's own prefix for the kind, when it has one (internal tasks). */
export async function allocateRef(models: Models, kind: TicketKind, dayKey: string, at: Date, prefix?: string): Promise<string> {
  const key = formatRef(kind, dayKey, 1, prefix).replace(/-\d+$/, '');
  let candidate = 0;
  for (let attempt = 0; attempt < 200; attempt++) {
    const last = await models.RefNumber.findOne({ key }).sort({ n: -1 }).lean();
    candidate = Math.max(candidate, last?.n ?? 0) + 1;
    const ref = formatRef(kind, dayKey, candidate, prefix);
    try {
      await models.RefNumber.create({ _id: ref, key, n: candidate, at });
      return ref;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error(`could not allocate a reference number for ${key} after 200 attempts`);
}
