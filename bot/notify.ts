/**
 * Background messages that are not about a ticket event: the morning handover list and other
 * scheduled notes, sent once per key through the durable outbox. What follows a ticket event
 * (cards, the resident's updates, alerts) never comes through here: the core writes it with
 * the event (src/reactions) and bot/delivery renders and sends it.
 */
import type { Outbox } from './outbox';

/** A message recorded for the outbox; `key` makes a repeat (another instance, a retry) a no-op. */
export interface OutgoingMessage {
  /** Sent at most once per key (e.g. `handover:2026-11-23`); a repeat enqueue is ignored. */
  key?: string;
  chatId: number;
  threadId?: number;
  /** HTML, rendered with Texts (arguments escaped). */
  text: string;
  buttons?: { text: string; data?: string; url?: string }[][];
  /** For logs and the office's record: which ticket, and what kind of message. */
  ref?: string;
  purpose: string;
}

export class Notifier {
  constructor(readonly outbox: Outbox) {}

  /**
   * Records a message and sends it right away, in the background (never waited for).
   * False: a repeated key.
   */
  async enqueue(message: OutgoingMessage): Promise<boolean> {
    const keyboard = message.buttons
      ? { inline_keyboard: message.buttons.map((row) => row.map((b) => (b.url ? { text: b.text, url: b.url } : { text: b.text, callback_data: b.data ?? '' }))) }
      : undefined;
    const delivery = await this.outbox.send(
      { key: message.key, kind: 'message', chatId: message.chatId, ref: message.ref, purpose: message.purpose, payload: { text: message.text, keyboard, threadId: message.threadId } },
      'soon',
    );
    return delivery !== 'duplicate';
  }
}
