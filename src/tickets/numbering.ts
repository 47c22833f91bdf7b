/**
 * Human-friendly reference numbers (BX-20261122-007): one per insert into ref_numbers,
 * whose unique _id (the reference itself) decides between residents confirming in the same
 * second, in this process or another. Counters lose updates on the test database (FACTS.md),
 * so no counters; and the last number of the day is found by probing references by `_id` (the
 * only lookup FerretDB v1 serves from an index), never by sorting the collection, which grows
 * with every ticket.
 *
 * Within one process the next number is handed out in memory, so residents confirming at
 * the same moment each try their own number at once. When every one of them tried the same
 * number, the losers probed again one after another: 200 at once took 20,000 probes and
 * 13 s per confirmation (bench: 200 at once).
 */
import type { Models } from '../db/models';
import { insertRecord, isDuplicateKey } from '../db/models';
import { formatRef, type TicketKind } from './reference';

/** One day's sequence of one kind, as this process knows it. */
interface Sequence {
  /** The next number to try (0: not known yet). */
  next: number;
  /** Allocations of this sequence under way in this process. */
  inFlight: number;
  /** The look-up of where the sequence stands, shared by those who wait for it. */
  finding?: Promise<void>;
}

/** Gives up after this many numbers taken by other instances in a row. */
const ATTEMPTS = 200;
/** Days and kinds remembered; older ones are forgotten first. */
const REMEMBERED = 64;

export class RefNumbers {
  private readonly sequences = new Map<string, Sequence>();

  constructor(private readonly models: Models) {}

  /** `prefix`: the office's own prefix for the kind, when it has one (internal tasks). */
  async allocate(kind: TicketKind, dayKey: string, at: Date, prefix?: string): Promise<string> {
    const key = formatRef(kind, dayKey, 1, prefix).replace(/-\d+$/, '');
    const taken = async (n: number) => (await this.models.RefNumber.exists({ _id: formatRef(kind, dayKey, n, prefix) })) !== null;
    const sequence = this.sequenceOf(key);
    sequence.inFlight += 1;
    try {
      // Alone, what this process remembers is checked, not trusted: another database, or one
      // emptied. Beside others of this process, it is theirs and current.
      if (sequence.inFlight === 1 || sequence.next === 0) sequence.finding ??= this.find(sequence, taken);
      if (sequence.finding) await sequence.finding;
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const candidate = sequence.next++; // this caller's own: no await between reading and taking it
        const ref = formatRef(kind, dayKey, candidate, prefix);
        try {
          await insertRecord(this.models.RefNumber, { _id: ref, key, n: candidate, at });
          return ref;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          // Another instance took it: on from the first free number after it.
          sequence.next = Math.max(sequence.next, await firstFree(taken, candidate));
        }
      }
      throw new Error(`could not allocate a reference number for ${key} after ${ATTEMPTS} attempts`);
    } finally {
      sequence.inFlight -= 1;
    }
  }

  private sequenceOf(key: string): Sequence {
    let sequence = this.sequences.get(key);
    if (!sequence) {
      if (this.sequences.size >= REMEMBERED) this.sequences.delete(this.sequences.keys().next().value!);
      sequence = { next: 0, inFlight: 0 };
      this.sequences.set(key, sequence);
    }
    return sequence;
  }

  private find(sequence: Sequence, taken: (n: number) => Promise<boolean>): Promise<void> {
    return (async () => {
      const last = sequence.next - 1;
      sequence.next = await firstFree(taken, last > 0 && (await taken(last)) ? last : 0);
    })().finally(() => {
      sequence.finding = undefined;
    });
  }
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
