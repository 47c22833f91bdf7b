/**
 * The outbox's collections and indexes. Payloads are JSON strings: inline keyboards are
 * arrays of arrays, which FerretDB refuses (../../../shared/FACTS.md).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { ItemStatus } from './types';

export interface ItemDoc {
  _id: string;
  chatId: number;
  order: number;
  kind: string;
  ref?: string;
  purpose: string;
  payload: string;
  status: ItemStatus;
  dueAt: Date;
  attempt: number;
  failures: number;
  progress?: string;
  messageIds?: number[];
  keyed: boolean;
  createdAt: Date;
  finishedAt?: Date;
  error?: string;
}

const itemSchema = new Schema<ItemDoc>(
  {
    _id: String,
    chatId: { type: Number, required: true },
    order: { type: Number, required: true },
    kind: { type: String, required: true },
    ref: String,
    purpose: { type: String, required: true },
    payload: { type: String, default: '' },
    status: { type: String, required: true },
    dueAt: { type: Date, required: true },
    attempt: { type: Number, required: true },
    failures: { type: Number, required: true },
    progress: String,
    messageIds: { type: [Number], default: undefined },
    keyed: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    finishedAt: Date,
    error: String,
  },
  { collection: 'outbox', versionKey: false },
);
// The dispatcher's poll, a chat's oldest pending item, and the cleanup.
itemSchema.index({ status: 1, dueAt: 1 });
itemSchema.index({ chatId: 1, status: 1, order: 1 });
itemSchema.index({ status: 1, finishedAt: 1 });
itemSchema.index({ ref: 1, kind: 1, status: 1 });

const claimSchema = new Schema({ _id: String, at: { type: Date, required: true }, by: String }, { collection: 'outbox_claims', versionKey: false });
claimSchema.index({ at: 1 });

/** Keys of items sent once per key: kept after the items are cleaned up, so a key is never used twice. */
const keySchema = new Schema({ _id: String, at: { type: Date, required: true } }, { collection: 'outbox_keys', versionKey: false });

/** People the bot cannot reach (they blocked it): staff see it on the ticket's card. */
const unreachableSchema = new Schema({ _id: Number, at: { type: Date, required: true }, error: String }, { collection: 'outbox_unreachable', versionKey: false });

export function outboxModels(conn: Connection) {
  return {
    Item: (conn.models.OutboxItem as Model<ItemDoc>) ?? conn.model<ItemDoc>('OutboxItem', itemSchema),
    Claim: conn.models.OutboxClaim ?? conn.model('OutboxClaim', claimSchema),
    Key: conn.models.OutboxKey ?? conn.model('OutboxKey', keySchema),
    Unreachable: conn.models.OutboxUnreachable ?? conn.model('OutboxUnreachable', unreachableSchema),
  };
}

export type OutboxModels = ReturnType<typeof outboxModels>;
