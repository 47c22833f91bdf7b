/**
 * Sampling the everyday closures (everyday repairs, help-seeking complaints, inquiries) so that
 * each month's follow-ups reach the configured share — chosen at random, not "the first N".
 *
 * Stratified by arrival: a class's closures in a month are counted off in blocks (5 for 20%:
 * the shortest block the share divides into whole closures, at most 20), and each block gets
 * its whole number of follow-ups at uniformly random places in it — sequential selection
 * sampling (Knuth's Algorithm S: draw with probability still-to-draw / places-left), which
 * needs no knowledge of the closures still to come. So every closure has exactly the share as
 * its chance, wherever it falls in the month, and the count is on the share at the end of
 * every block: a month ends on it (within one block's draws) however many closures it had.
 * The decision is stored with the closure's running number, so a restart reads it back
 * instead of drawing again.
 */
import { isDuplicateKey } from '../db/models';
import type { FollowupModels, SampleDrawDoc } from './model';

/** A source of uniform numbers in [0, 1); Math.random in production, seeded in tests. */
export type RandomSource = () => number;

const MAX_BLOCK = 20;

/** The shortest run of closures in which the share is a whole number of follow-ups (at most 20). */
export function blockLength(share: number): number {
  for (let length = 1; length <= MAX_BLOCK; length++) {
    if (Math.abs(share * length - Math.round(share * length)) < 1e-9) return length;
  }
  return MAX_BLOCK;
}

/**
 * Whether the n-th closure (1-based) of the month is drawn, given how many of the n-1 before
 * it were. `u` is a uniform draw in [0, 1).
 */
export function decideSample(share: number, n: number, drawnBefore: number, u: number): boolean {
  if (share <= 0) return false;
  if (share >= 1) return true;
  const length = blockLength(share);
  const block = Math.floor((n - 1) / length);
  // Cumulative, so that a share that is not a whole number per block still adds up.
  const owed = Math.round(share * length * (block + 1)) - drawnBefore;
  const placesLeft = length - ((n - 1) % length);
  if (owed <= 0) return false;
  if (owed >= placesLeft) return true;
  return u < owed / placesLeft;
}

/** Where a class's month stands after a draw: its running number and how many were drawn. */
export interface DrawState {
  n: number;
  selectedCount: number;
}

/** The next closure's draw, after `last` (undefined: the month's first). */
export function nextDraw(last: DrawState | undefined, share: number, u: number): DrawState & { selected: boolean } {
  const n = (last?.n ?? 0) + 1;
  const before = last?.selectedCount ?? 0;
  const selected = decideSample(share, n, before, u);
  return { n, selectedCount: before + (selected ? 1 : 0), selected };
}

/** A tiny seeded generator (mulberry32) for reproducible tests and benchmarks. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SampleDraws {
  /**
   * Each class's month as this process last saw it, and a queue per class and month: draws of
   * one class take turns here, and the running number is read from the collection (a sort
   * over the month's draws) only on the first draw or after another instance took a number.
   */
  private readonly last = new Map<string, DrawState | undefined>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly models: FollowupModels,
    private readonly random: RandomSource,
  ) {}

  /**
   * The decision for one closure (`id`), drawn once: two instances deciding the same closure
   * get the same answer, two closures deciding at once get consecutive numbers.
   */
  decide(id: string, pool: string, month: string, share: number, at: Date): Promise<boolean> {
    const key = `${pool} ${month}`;
    const turn = (this.queues.get(key) ?? Promise.resolve()).then(() => this.draw(key, id, pool, month, share, at));
    const queued = turn.catch(() => undefined);
    this.queues.set(key, queued);
    void queued.then(() => {
      if (this.queues.get(key) === queued) this.queues.delete(key);
    });
    return turn;
  }

  private async draw(key: string, id: string, pool: string, month: string, share: number, at: Date): Promise<boolean> {
    const { SampleDraw } = this.models;
    for (let attempt = 0; attempt < 100; attempt++) {
      // The month's running number from memory; read (a sort over the month's draws) only when unknown here.
      const last = this.last.has(key) ? this.last.get(key) : ((await SampleDraw.findOne({ pool, month }).sort({ n: -1 }).lean<SampleDrawDoc>()) ?? undefined);
      const draw = nextDraw(last, share, this.random());
      try {
        await SampleDraw.create({ _id: id, pool, month, ...draw, at });
        this.last.set(key, { n: draw.n, selectedCount: draw.selectedCount });
        return draw.selected;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Either this closure was drawn before (a retry after a crash, or another instance: its
        // answer stands) or number n was taken by another instance (read the month again).
        const existing = await SampleDraw.findById(id).lean<SampleDrawDoc>();
        if (existing) return existing.selected;
        this.last.delete(key);
      }
    }
    throw new Error(`sampling ${pool} ${month}: too much contention for ${id}`);
  }
}
