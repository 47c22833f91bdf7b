/**
 * Sends what follows from a ticket change: the staff card (posted or edited in place),
 * notes under the card, the claimant's private contact, and the resident's updates.
 */
import { GrammyError, type Api } from 'grammy';
import type { InputMediaPhoto, InputMediaVideo } from 'grammy/types';
import type { Lang } from '../src/config/office';
import { departmentById } from '../src/config/office';
import type { Media, TicketEvent, TicketState } from '../src/tickets/types';
import type { AppServices } from './context';
import { renderCard, renderContact } from './render/card';
import { renderResidentUpdate } from './render/resident';
import { pickLanguage } from './texts';

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

export class Notifier {
  constructor(
    private readonly api: Api,
    private readonly services: AppServices,
  ) {}

  private target(ticket: TicketState) {
    const department = departmentById(this.services.policy, ticket.department);
    if (!department) throw new Error(`ticket ${ticket.ref}: department ${ticket.department} is not configured`);
    return department.chat;
  }

  /** Posts the card to the department's group or topic; photos go first as an album. */
  async postCard(ticket: TicketState): Promise<void> {
    const { chatId, threadId } = this.target(ticket);
    const thread = threadId ? { message_thread_id: threadId } : {};
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
    await this.services.tickets.setCard(ticket.ref, { chatId, threadId, messageId: message.message_id, mediaMessageIds });
  }

  /** Edits the card in place to the ticket's current state. */
  async refreshCard(ticket: TicketState): Promise<void> {
    const card = await this.services.tickets.card(ticket.ref);
    if (!card) return;
    const rendered = renderCard(ticket, this.services.policy, this.services.texts);
    try {
      await this.api.editMessageText(card.chatId, card.messageId, rendered.text, {
        ...HTML,
        reply_markup: rendered.keyboard ?? { inline_keyboard: [] },
      });
    } catch (error) {
      if (!isNotModified(error)) throw error;
    }
  }

  /** A short message under the card, seen by the whole group. */
  async noteUnderCard(ticket: TicketState, text: string): Promise<void> {
    const card = await this.services.tickets.card(ticket.ref);
    const { chatId, threadId } = card ?? this.target(ticket);
    await this.api.sendMessage(chatId, text, {
      ...HTML,
      ...(threadId ? { message_thread_id: threadId } : {}),
      ...(card ? { reply_parameters: { message_id: card.messageId, allow_sending_without_reply: true } } : {}),
    });
  }

  /** Sends the resident's contact privately; false when the claimant never started the bot. */
  async sendContactTo(ticket: TicketState, userId: number): Promise<boolean> {
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
      if (event.type === 'resolved' && event.media && event.media.length > 0) {
        const album = albumOf(event.media.slice(0, 10));
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
