/**
 * Key-value storage for conversation state. The state holds raw updates and Bot API results
 * (inline keyboards are arrays of arrays, which FerretDB rejects), so it is kept as a JSON string.
 * Read on every update and written on every scene step, by `_id` through the driver: the
 * documents have two fixed fields, and mongoose's query building and casting were a tenth of
 * an update's CPU (bench: per update).
 */
import type { Clock } from '../clock';
import { driverCollection, type Models } from './models';

export class ConversationStore<T = unknown> {
  constructor(private readonly deps: { models: Models; clock: Clock }) {}

  private get states() {
    return driverCollection<{ _id: string; json: string; updatedAt: Date }>(this.deps.models.ConversationState);
  }

  async read(key: string): Promise<T | undefined> {
    const doc = await this.states.findOne({ _id: key });
    return doc ? (JSON.parse(doc.json) as T) : undefined;
  }

  async write(key: string, value: T): Promise<void> {
    await this.states.updateOne(
      { _id: key },
      { $set: { json: JSON.stringify(value), updatedAt: this.deps.clock.now() } },
      { upsert: true },
    );
  }

  async delete(key: string): Promise<void> {
    await this.states.deleteOne({ _id: key });
  }
}
