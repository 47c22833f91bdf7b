/**
 * Plain outbox messages: alerts, background messages (surveys, reminders...), notes under
 * a card, and the resident's updates. Each step that sends something is remembered in the
 * item's progress, so a retry after a failure or a crash does not send the album twice.
 */
import type { Api } from 'grammy';
import type { InlineKeyboardMarkup, InputMediaPhoto, InputMediaVideo, Message } from 'grammy/types';
import type { DeliveryContext } from '../../src/outbox/types';
import type { Outcome } from '../../src/outbox/types';
import type { Media } from '../../src/tickets/types';
import type { AppServices } from '../context';
import { outcomeOfError } from './errors';

const HTML = { parse_mode: 'HTML' as const };

/** grammY types its abort signal with its polyfill's type; a native one works the same. */
export type GrammySignal = Parameters<Api['sendMessage']>[3];
export const signalOf = (ctx: DeliveryContext): GrammySignal => ctx.signal as unknown as GrammySignal;

export interface SenderDeps {
  api: Api;
  services: AppServices;
}

/** A background message; `underCardOf` replies to that ticket's main card when it is in this chat. */
export interface MessagePayload {
  text: string;
  keyboard?: InlineKeyboardMarkup;
  threadId?: number;
  underCardOf?: string;
}

/** A resident's update: the media of a result or a note first, then the text. */
export interface ResidentPayload {
  text: string;
  keyboard?: InlineKeyboardMarkup;
  media?: Media[];
}

/**
 * Sends once per item: the step's message ids are kept in the progress and reused on a
 * retry. The last step of an item need not be saved (the item is then finished as sent).
 */
export async function step(ctx: DeliveryContext, name: string, chatId: number, weight: number, send: () => Promise<number[]>, save = true): Promise<number[]> {
  const done = ctx.progress[name] as number[] | undefined;
  if (done) return done;
  await ctx.gate(chatId, weight);
  const ids = await send();
  ctx.progress[name] = ids;
  if (save) await ctx.saveProgress();
  return ids;
}

/** Up to 10 photos or videos: one as a single message, more as an album. */
export async function sendAlbum(api: Api, chatId: number, media: Media[], extra: { message_thread_id?: number }, signal: GrammySignal): Promise<number[]> {
  const album: (InputMediaPhoto | InputMediaVideo)[] = media.slice(0, 10).map((m) => ({ type: m.type, media: m.fileId }));
  if (album.length === 1) {
    const one = album[0];
    const sent: Message = one.type === 'photo' ? await api.sendPhoto(chatId, one.media as string, extra, signal) : await api.sendVideo(chatId, one.media as string, extra, signal);
    return [sent.message_id];
  }
  return (await api.sendMediaGroup(chatId, album, extra, signal)).map((m) => m.message_id);
}

export async function deliverMessage(ctx: DeliveryContext, deps: SenderDeps): Promise<Outcome> {
  const { item } = ctx;
  const payload = item.payload as MessagePayload;
  const card = payload.underCardOf ? await deps.services.tickets.card(payload.underCardOf) : undefined;
  const under = card && card.chatId === item.chatId ? card : undefined;
  const threadId = under ? under.threadId : payload.threadId;
  try {
    const ids = await step(ctx, 'msg', item.chatId, 1, async () => {
      const sent = await deps.api.sendMessage(
        item.chatId,
        payload.text,
        {
          ...HTML,
          ...(threadId ? { message_thread_id: threadId } : {}),
          ...(under ? { reply_parameters: { message_id: under.messageId, allow_sending_without_reply: true } } : {}),
          ...(payload.keyboard ? { reply_markup: payload.keyboard } : {}),
        },
        signalOf(ctx),
      );
      return [sent.message_id];
    }, false);
    return { type: 'sent', messageIds: ids };
  } catch (error) {
    return outcomeOfError(error, item.chatId);
  }
}

export async function deliverResidentUpdate(ctx: DeliveryContext, deps: SenderDeps): Promise<Outcome> {
  const { item } = ctx;
  const payload = item.payload as ResidentPayload;
  const media = payload.media ?? [];
  try {
    const album = media.length > 0 ? await step(ctx, 'album', item.chatId, Math.min(media.length, 10), () => sendAlbum(deps.api, item.chatId, media, {}, signalOf(ctx))) : [];
    const ids = await step(ctx, 'msg', item.chatId, 1, async () => {
      const sent = await deps.api.sendMessage(item.chatId, payload.text, { ...HTML, ...(payload.keyboard ? { reply_markup: payload.keyboard } : {}) }, signalOf(ctx));
      return [sent.message_id];
    }, false);
    return { type: 'sent', messageIds: [...album, ...ids] };
  } catch (error) {
    return outcomeOfError(error, item.chatId);
  }
}
