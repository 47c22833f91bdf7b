/**
 * Key-value storage for conversation state. The state holds raw updates and Bot API results
 * (inline keyboards are arrays of arrays, which FerretDB rejects), so it is kept as a JSON string.
 */
import type { Clock } from '../clock';
import type { Models } from './models';

export class ConversationStore<T = unknown> {
  constructor(private readonly deps: { models: Models; clock: Clock }) {}

  async read(key: string): Promise<T | undefined> {
    const doc = await this.deps.models.ConversationState.findById(key).lean<{ json: string }>();
    return doc ? (JSON.parse(doc.json) as T) : undefined;
  }

  async write(key: string, value: T): Promise<void> {
    await this.deps.models.ConversationState.updateOne(
      { _id: key },
      { $set: { json: JSON.stringify(value), updatedAt: this.deps.clock.now() } },
      { upsert: true },
    );
  }

  async delete(key: string): Promise<void> {
    await this.deps.models.ConversationState.deleteOne({ _id: key });
  }
}
