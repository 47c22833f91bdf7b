/**
 * Sends what follows from a ticket change: the staff card (posted or edited in place),
 * notes under the card, alerts, the resident's updates and background messages. All of
 * these go through the durable outbox (bot/outbox): recorded first, then sent by the
 * dispatcher, so a crash in between loses nothing and several instances send each once.
 * A call still sends its chat's items right away (within the limits) and waits for them,
 * so a card edit shows as soon as the button was pressed. Only the claimant's private
 * contact is the direct answer to a press and is sent directly.
 */
import { type Api } from 'grammy';
import type { Lang } from '../src/config/office';
import type { TicketEvent, TicketState } from '../src/tickets/types';
import type { Delivery } from '../src/outbox/types';
import type { AppServices } from './context';
import { renderContact } from './render/card';
import { renderResidentUpdate } from './render/resident';
import { cardTargets } from './render/targets';
import { pickLanguage } from './texts';
import { createOutbox, type Outbox } from './outbox';
import { cardLane, type MovedPayload, type PostPayload } from './outbox/cards';
import { isForbidden, isNotModified } from './outbox/errors';
import type { MessagePayload, ResidentPayload } from './outbox/messages';

export { isForbidden, isNotModified };

const HTML = { parse_mode: 'HTML' as const };

/** A message that is not the direct answer to what someone just did (survey, reminder, alert). */
export interface OutgoingMessage {
  /** Sent at most once per key (e.g. `survey:BX-20261122-007:1`); a repeat enqueue is ignored. */
  key?: string;
  chatId: number;
  threadId?: number;
  /** HTML, rendered with Texts (arguments escaped). */
  text: string;
  buttons?: { text: string; data?: string; url?: string }[][];
  /** Posted under this ticket's main card (in the card's chat) instead of to chatId alone. */
  underCardOf?: string;
  /** For logs and the office's record: which ticket, and what kind of message. */
  ref?: string;
  purpose: string;
}

export class Notifier {
  readonly outbox: Outbox;

  constructor(
    private readonly api: Api,
    private readonly services: AppServices,
    outbox?: Outbox,
  ) {
    this.outbox = outbox ?? createOutbox({ services, token: api.token, client: api.options });
  }

  /** Posts the ticket's cards (see render/targets.ts for where); throws when no chat at all could get one. */
  async postCard(ticket: TicketState): Promise<void> {
    await this.post(ticket, false);
  }

  /** After a transfer: the old cards say where it went, a new card goes to the new department. */
  async moveCard(ticket: TicketState): Promise<void> {
    const cards = await this.services.tickets.cards(ticket.ref);
    if (cards.length > 0) {
      const payload: MovedPayload = { cards, department: ticket.department };
      await this.outbox.send({ kind: 'card.moved', chatId: cards[0].chatId, ref: ticket.ref, purpose: 'card', payload }, 'now');
    }
    await this.post(ticket, true);
  }

  /** Edits every card of the ticket to its state when the edit is sent (the latest). */
  async refreshCard(ticket: TicketState): Promise<void> {
    const chatId = cardLane(ticket, this.services.policy);
    // The same state needs one edit: a repeat (a refused claim showing the winner) is a no-op.
    await this.outbox.send({ kind: 'card.refresh', id: `card:${ticket.ref}:${ticket.seq}`, chatId, ref: ticket.ref, purpose: 'card', payload: {} }, 'now');
  }

  /**
   * Sends a scheduled or background message once per key. While the dispatcher runs it is
   * left to it (a batch of surveys goes at Telegram's pace without holding the caller);
   * otherwise it is sent right away. False: a repeated key, or the recipient blocked the bot.
   */
  async enqueue(message: OutgoingMessage): Promise<boolean> {
    const card = message.underCardOf ? await this.services.tickets.card(message.underCardOf) : undefined;
    const keyboard = message.buttons
      ? { inline_keyboard: message.buttons.map((row) => row.map((b) => (b.url ? { text: b.text, url: b.url } : { text: b.text, callback_data: b.data ?? '' }))) }
      : undefined;
    const payload: MessagePayload = { text: message.text, keyboard, threadId: message.threadId, underCardOf: message.underCardOf };
    const delivery = await this.outbox.send(
      { key: message.key, kind: 'message', chatId: card?.chatId ?? message.chatId, ref: message.ref ?? message.underCardOf, purpose: message.purpose, payload },
      this.outbox.dispatcher.running ? 'background' : 'now',
    );
    return delivery !== 'duplicate' && delivery !== 'forbidden' && delivery !== 'failed';
  }

  /** Sends a private alert (a valid complaint to a head, a major one to the manager); false when they never started the bot. */
  async alertPerson(userId: number, text: string): Promise<boolean> {
    const payload: MessagePayload = { text };
    return reached(await this.outbox.send({ kind: 'message', chatId: userId, purpose: 'alert', payload }, 'now'));
  }

  /** A short message under the card, seen by the whole group. */
  async noteUnderCard(ticket: TicketState, text: string): Promise<void> {
    const card = await this.services.tickets.card(ticket.ref);
    const target = card ?? cardTargets(ticket, this.services.policy)[0];
    const payload: MessagePayload = { text, threadId: target.threadId, underCardOf: ticket.ref };
    await this.outbox.send({ kind: 'message', chatId: target.chatId, ref: ticket.ref, purpose: 'note', payload }, 'now');
  }

  /** Sends the resident's contact privately (the direct answer to a claim); false when the claimant never started the bot. */
  async sendContactTo(ticket: TicketState, userId: number): Promise<boolean> {
    // A backstop: anonymous complainants have no contact to give, whoever asks.
    if (ticket.anonymous) return true;
    try {
      await this.api.sendMessage(userId, renderContact(ticket, this.services.policy, this.services.texts), HTML);
      await this.services.staff.rememberProfile({ id: userId, firstName: ticket.owner?.name ?? '' }, true);
      return true;
    } catch (error) {
      if (isForbidden(error)) return false;
      throw error;
    }
  }

  async residentLanguage(ticket: TicketState): Promise<Lang> {
    const stored = await this.services.residents.language(ticket.resident.telegramId);
    return pickLanguage(stored ?? ticket.resident.language, undefined, this.services.policy.language);
  }

  /** Tells the resident about one change, in event order; a resident who blocked the bot is marked unreachable, not retried. */
  async tellResident(ticket: TicketState, event: TicketEvent): Promise<void> {
    const lang = await this.residentLanguage(ticket);
    const message = renderResidentUpdate(ticket, event, this.services.policy, this.services.texts, lang);
    if (!message) return;
    const media = event.type === 'resolved' || event.type === 'note_added' ? event.media ?? [] : [];
    const payload: ResidentPayload = { text: message.text, keyboard: message.keyboard ? { inline_keyboard: message.keyboard.inline_keyboard } : undefined, media };
    await this.outbox.send(
      { kind: 'resident', id: `tell:${ticket.ref}:${event.seq}`, chatId: ticket.resident.telegramId, ref: ticket.ref, purpose: `update:${event.type}`, payload },
      'now',
    );
  }

  private async post(ticket: TicketState, replace: boolean): Promise<void> {
    const targets = cardTargets(ticket, this.services.policy);
    const payload: PostPayload = { targets, department: ticket.department, replace };
    const delivery = await this.outbox.send({ kind: 'card.post', chatId: targets[0].chatId, ref: ticket.ref, purpose: 'card', payload }, 'now');
    if (delivery === 'failed' || delivery === 'forbidden') throw new Error(`no staff chat could get the card of ${ticket.ref}`);
  }
}

/** Sent, or still on its way: only a refusal counts as not reached. */
function reached(delivery: Delivery | 'duplicate'): boolean {
  return delivery !== 'forbidden' && delivery !== 'failed';
}
