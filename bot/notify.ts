/**
 * Sends what follows from a ticket change: the staff card (posted or edited in place),
 * notes under the card, the claimant's private contact, and the resident's updates.
 */
import { GrammyError, type Api } from 'grammy';
import type { InputMediaPhoto, InputMediaVideo } from 'grammy/types';
import type { ChatTarget, Lang } from '../src/config/office';
import type { CardLocation } from '../src/tickets/repository';
import type { Media, TicketEvent, TicketState } from '../src/tickets/types';
import type { AppServices } from './context';
import { renderCard, renderContact } from './render/card';
import { departmentName } from './render/format';
import { renderResidentUpdate } from './render/resident';
import { cardTargets, departmentTarget } from './render/targets';
import { pickLanguage } from './texts';
import { claimOnce } from '../src/jobs/once';

const HTML = { parse_mode: 'HTML' as const };

export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.description.includes('message is not modified');
}

export function isForbidden(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 403;
}

function albumOf(media: Media[]): (InputMediaPhoto | InputMediaVideo)[] {
  return media.map((m) => ({ type: m.type, media: m.fileId }));
}

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
  constructor(
    private readonly api: Api,
    private readonly services: AppServices,
  ) {}

  /** Posts one card to one chat; photos go first as an album. A private chat that was never started is skipped. */
  private async postCardTo(ticket: TicketState, target: ChatTarget): Promise<CardLocation | undefined> {
    const { chatId, threadId } = target;
    const thread = threadId ? { message_thread_id: threadId } : {};
    try {
      let mediaMessageIds: number[] = [];
      if (ticket.report.media.length > 0) {
        const album = albumOf(ticket.report.media.slice(0, 10));
        const sent =
          album.length === 1
            ? [await (album[0].type === 'photo' ? this.api.sendPhoto(chatId, album[0].media as string, thread) : this.api.sendVideo(chatId, album[0].media as string, thread))]
            : await this.api.sendMediaGroup(chatId, album, thread);
        mediaMessageIds = sent.map((m) => m.message_id);
      }
      const card = renderCard(ticket, this.services.policy, this.services.texts);
      const message = await this.api.sendMessage(chatId, card.text, {
        ...HTML,
        ...thread,
        reply_markup: card.keyboard,
        ...(mediaMessageIds.length > 0 ? { reply_parameters: { message_id: mediaMessageIds[0], allow_sending_without_reply: true } } : {}),
      });
      return { chatId, threadId, messageId: message.message_id, mediaMessageIds };
    } catch (error) {
      if (chatId > 0 && isForbidden(error)) {
        this.services.log.warn({ ref: ticket.ref, userId: chatId }, 'could not alert a head or manager privately: they never started the bot');
        return undefined;
      }
      throw error;
    }
  }

  /** Posts the ticket's cards (see render/targets.ts for where) and remembers them for edits. */
  async postCard(ticket: TicketState): Promise<void> {
    const cards: CardLocation[] = [];
    let firstError: unknown;
    // One broken chat (the bot removed from a group) must not keep the others from hearing,
    // least of all in an emergency; the cards that did go out are still kept for edits.
    for (const target of cardTargets(ticket, this.services.policy)) {
      try {
        const card = await this.postCardTo(ticket, target);
        if (card) cards.push(card);
      } catch (error) {
        firstError ??= error;
        this.services.log.error({ err: error, ref: ticket.ref, chatId: target.chatId }, 'posting a card failed');
      }
    }
    await this.services.tickets.setCards(ticket.ref, cards);
    if (cards.length === 0 && firstError) throw firstError;
  }

  /** After a transfer: the old cards say where it went, a new card goes to the new department. */
  async moveCard(ticket: TicketState): Promise<void> {
    const { policy, texts } = this.services;
    for (const card of await this.services.tickets.cards(ticket.ref)) {
      const text = texts.t(policy.language, 'card-moved', { ref: ticket.ref, department: departmentName(policy, ticket.department, policy.language) });
      await this.api.editMessageText(card.chatId, card.messageId, text, { ...HTML, reply_markup: { inline_keyboard: [] } }).catch((error) => {
        if (!isNotModified(error)) throw error;
      });
    }
    await this.postCard(ticket);
  }

  /** Edits every card of the ticket in place to its current state. */
  async refreshCard(ticket: TicketState): Promise<void> {
    const rendered = renderCard(ticket, this.services.policy, this.services.texts);
    for (const card of await this.services.tickets.cards(ticket.ref)) {
      try {
        await this.api.editMessageText(card.chatId, card.messageId, rendered.text, {
          ...HTML,
          reply_markup: rendered.keyboard ?? { inline_keyboard: [] },
        });
      } catch (error) {
        if (!isNotModified(error)) throw error;
      }
    }
  }

  /**
   * Sends a scheduled or background message once per key. A recipient who blocked the bot
   * is logged and skipped, not retried. (The durable outbox with rate limits replaces the
   * direct send here; callers do not change.)
   */
  async enqueue(message: OutgoingMessage): Promise<boolean> {
    if (message.key && !(await claimOnce(this.services.db, `msg:${message.key}`, this.services.clock.now()))) return false;
    const card = message.underCardOf ? await this.services.tickets.card(message.underCardOf) : undefined;
    const chatId = card?.chatId ?? message.chatId;
    const threadId = card?.threadId ?? message.threadId;
    const reply_markup = message.buttons ? { inline_keyboard: message.buttons.map((row) => row.map((b) => (b.url ? { text: b.text, url: b.url } : { text: b.text, callback_data: b.data ?? '' }))) } : undefined;
    try {
      await this.api.sendMessage(chatId, message.text, {
        ...HTML,
        ...(threadId ? { message_thread_id: threadId } : {}),
        ...(card ? { reply_parameters: { message_id: card.messageId, allow_sending_without_reply: true } } : {}),
        reply_markup,
      });
      return true;
    } catch (error) {
      if (!isForbidden(error)) throw error;
      this.services.log.warn({ ref: message.ref, chatId, purpose: message.purpose }, 'recipient unreachable (blocked the bot or never started it)');
      return false;
    }
  }

  /** Sends a private alert (a valid complaint to a head, a major one to the manager). */
  async alertPerson(userId: number, text: string): Promise<boolean> {
    try {
      await this.api.sendMessage(userId, text, HTML);
      return true;
    } catch (error) {
      if (isForbidden(error)) return false;
      throw error;
    }
  }

  /** A short message under the card, seen by the whole group. */
  async noteUnderCard(ticket: TicketState, text: string): Promise<void> {
    const card = await this.services.tickets.card(ticket.ref);
    const { chatId, threadId } = card ?? departmentTarget(this.services.policy, ticket.department);
    await this.api.sendMessage(chatId, text, {
      ...HTML,
      ...(threadId ? { message_thread_id: threadId } : {}),
      ...(card ? { reply_parameters: { message_id: card.messageId, allow_sending_without_reply: true } } : {}),
    });
  }

  /** Sends the resident's contact privately; false when the claimant never started the bot. */
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

  /** Tells the resident about one change; a resident who blocked the bot is logged, not retried. */
  async tellResident(ticket: TicketState, event: TicketEvent): Promise<void> {
    const lang = await this.residentLanguage(ticket);
    const message = renderResidentUpdate(ticket, event, this.services.policy, this.services.texts, lang);
    if (!message) return;
    const chatId = ticket.resident.telegramId;
    try {
      const media = event.type === 'resolved' || event.type === 'note_added' ? event.media ?? [] : [];
      if (media.length > 0) {
        const album = albumOf(media.slice(0, 10));
        if (album.length === 1) {
          await (album[0].type === 'photo' ? this.api.sendPhoto(chatId, album[0].media as string) : this.api.sendVideo(chatId, album[0].media as string));
        } else {
          await this.api.sendMediaGroup(chatId, album);
        }
      }
      await this.api.sendMessage(chatId, message.text, { ...HTML, reply_markup: message.keyboard });
    } catch (error) {
      if (!isForbidden(error)) throw error;
      this.services.log.warn({ ref: ticket.ref, residentId: chatId }, 'resident unreachable (blocked the bot)');
    }
  }
}
