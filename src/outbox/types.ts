/** What the outbox stores and what a delivery attempt can come to. */

export type ItemStatus = 'pending' | 'sent' | 'failed' | 'dropped';

/** A notification to record; `payload` is whatever the sender needs, stored as JSON. */
export interface NewItem {
  /** Sent at most once per key, ever (the key outlives the cleanup of old items). */
  key?: string;
  /** An id that makes a repeat of the same notification a no-op while the item is kept. */
  id?: string;
  /** The chat whose order the item keeps: items of one chat go out one after another. */
  chatId: number;
  kind: string;
  ref?: string;
  purpose: string;
  payload?: unknown;
}

export interface OutboxItem {
  id: string;
  chatId: number;
  order: number;
  kind: string;
  ref?: string;
  purpose: string;
  payload: any;
  status: ItemStatus;
  dueAt: number;
  /** The claim number to take next (or held now): each try is a new unique insert. */
  attempt: number;
  /** Server and network errors so far. */
  failures: number;
  /** Steps of a multi-message item already sent, so that a retry does not repeat them. */
  progress: Record<string, any>;
  messageIds: number[];
}

export type Outcome =
  | { type: 'sent'; messageIds: number[] }
  /** Nothing to send any more (a card edit before its post, a post superseded by a transfer). */
  | { type: 'dropped'; reason: string }
  /** Try again after `afterMs`; `counts` is false for waits Telegram asked for (429) or our own limits. */
  | { type: 'retry'; afterMs: number; counts: boolean; error: string; pauseChat?: number }
  /** Given up: refused for good. `unreachable`: a person who blocked the bot (or never started it). */
  | { type: 'failed'; error: string; unreachable?: number };

/** What a Notifier call learns about its own item. */
export type Delivery = ItemStatus | 'forbidden';

/** Thrown by `gate` when the limits would hold a send past the time this attempt has. */
export class DeferredSend extends Error {
  constructor(readonly waitMs: number) {
    super(`held back by the sending limits for ${waitMs} ms`);
  }
}

export interface DeliveryContext {
  item: OutboxItem;
  /** Steps done so far; call saveProgress after each step that sent something. */
  progress: Record<string, any>;
  saveProgress(): Promise<void>;
  /** Waits until a message to `chatId` fits the limits and counts it (throws DeferredSend). */
  gate(chatId: number, weight?: number): Promise<void>;
  /** Aborted shortly before the lease ends, when another instance may take the item over. */
  signal: AbortSignal;
}

/** The adapter's side: renders and sends one item, and says how it went. */
export type Deliver = (ctx: DeliveryContext) => Promise<Outcome>;
