/**
 * The resident adds information to a ticket from My tickets: a text, photos or videos, or
 * both. Staff see it under the card (photos in the same chat); an owner also gets it
 * privately. Nothing about the resident is added, so an anonymous complaint stays anonymous.
 */
import type { Api, Context } from 'grammy';
import { residentActor } from '../src/people/actors';
import type { Media, TicketState } from '../src/tickets/types';
import { mainMenu } from '../bot/keyboards';
import { isForbidden } from '../bot/notify';
import { refusalText } from '../bot/refusals';
import { departmentTarget } from '../bot/render/targets';
import { ask, choiceKeyboard, type SceneConversation } from './support/ask';
import { sceneKit, type SceneDeps } from './support/deps';
import { askMedia } from './support/media';

function mediaOf(update: Context): Media | undefined {
  const photos = update.message?.photo;
  if (photos && photos.length > 0) return { type: 'photo', fileId: photos[photos.length - 1].file_id };
  const video = update.message?.video;
  return video ? { type: 'video', fileId: video.file_id } : undefined;
}

/** One photo or video as itself, several as an album. */
async function sendMedia(api: Api, chatId: number, media: Media[], extra: Record<string, unknown> = {}): Promise<void> {
  if (media.length === 0) return;
  if (media.length === 1) {
    const [m] = media;
    await (m.type === 'photo' ? api.sendPhoto(chatId, m.fileId, extra) : api.sendVideo(chatId, m.fileId, extra));
    return;
  }
  await api.sendMediaGroup(chatId, media.slice(0, 10).map((m) => ({ type: m.type, media: m.fileId })), extra);
}

/** Under the card (text first, then the photos replying to the card) and to the owner. */
async function passOn(deps: SceneDeps, api: Api, ticket: TicketState, text: string, media: Media[]): Promise<void> {
  const { texts, policy, tickets } = deps.services;
  const lang = policy.language;
  const ref = ticket.ref;
  const lines = [text ? texts.t(lang, 'my-add-card', { ref, text }) : texts.t(lang, 'my-add-card-media-only', { ref, count: media.length })];
  if (text && media.length > 0) lines.push(texts.t(lang, 'my-add-card-attachments', { count: media.length }));
  const note = lines.join('\n');
  await deps.notifier.noteUnderCard(ticket, note);
  const card = await tickets.card(ref);
  const { chatId, threadId } = card ?? departmentTarget(policy, ticket.department);
  await sendMedia(api, chatId, media, {
    ...(threadId ? { message_thread_id: threadId } : {}),
    ...(card ? { reply_parameters: { message_id: card.messageId, allow_sending_without_reply: true } } : {}),
  });
  if (!ticket.owner) return;
  if (!(await deps.notifier.alertPerson(ticket.owner.id, note))) return;
  try {
    await sendMedia(api, ticket.owner.id, media);
  } catch (error) {
    if (!isForbidden(error)) throw error;
  }
}

export function createAddInfoScene(deps: SceneDeps) {
  const { policy, texts } = deps.services;
  const max = policy.limits.maxMedia;
  return async function addInfo(conversation: SceneConversation, ctx: Context, ref: string): Promise<void> {
    const kit = await sceneKit(conversation, ctx, deps);
    const userId = ctx.from!.id;
    const name = ctx.from!.first_name;
    // Text or a first photo both answer; "photos only" skips the text.
    const first = await ask<{ text?: string; media?: Media; album?: string }>(
      kit,
      ctx,
      { text: kit.t('my-add-ask', { ref, max }), markup: choiceKeyboard([{ value: 'photos', label: kit.t('btn-my-add-photos-only') }]) },
      (update, choice) => {
        if (choice === 'photos') return { value: {} };
        if (choice !== undefined) return { retry: 'scene-old-button' };
        const media = mediaOf(update);
        if (media) return { value: { media, album: update.message?.media_group_id } };
        const typed = update.message?.text?.trim();
        if (typed) return [...typed].length >= 2 ? { value: { text: typed } } : { retry: 'scene-too-short', args: { min: 2 } };
        return { retry: update.message?.sticker ? 'scene-sticker' : 'scene-unexpected' };
      },
    );
    const initial = first.media ? [first.media] : [];
    const question = initial.length > 0 ? kit.t('media-received', { count: 1, max }) : kit.t('my-add-ask-media', { max });
    const media = await askMedia(kit, ctx, question, max, initial, first.album);
    const text = first.text ?? '';
    if (!text && media.length === 0) {
      await ctx.reply(kit.t('my-add-nothing', { ref }), { parse_mode: 'HTML', reply_markup: mainMenu(texts, kit.lang) });
      return;
    }
    const outcome = await conversation.external(async (outside) => {
      const added = await deps.services.tickets.addInfo(ref, residentActor(userId, name), text, media);
      if (!added.ok) return refusalText(added, ref, texts, kit.lang, policy);
      await passOn(deps, outside.api, added.ticket, text, media);
      return kit.t('my-add-done', { ref });
    });
    await ctx.reply(outcome, { parse_mode: 'HTML', reply_markup: mainMenu(texts, kit.lang) });
  };
}
