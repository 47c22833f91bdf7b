/**
 * Telegram may deliver an update twice (webhook retries, a restart before the offset moved).
 * Every update passes here first, so the record is inserted through the driver (insertRecord).
 */
import type { Clock } from '../clock';
import type { Models } from './models';
import { insertRecord, isDuplicateKey } from './models';

export class ProcessedUpdates {
  constructor(private readonly deps: { models: Models; clock: Clock }) {}

  /** True the first time an update id is seen; the unique _id makes this race-free. */
  async firstTime(updateId: number): Promise<boolean> {
    try {
      await insertRecord(this.deps.models.ProcessedUpdate, { _id: updateId, at: this.deps.clock.now() });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** No TTL indexes on the test database, so old ids are pruned by a scheduled call. */
  async pruneOlderThan(ms: number): Promise<number> {
    const cutoff = new Date(this.deps.clock.now().getTime() - ms);
    const result = await this.deps.models.ProcessedUpdate.deleteMany({ at: { $lt: cutoff } });
    return result.deletedCount ?? 0;
  }
}
