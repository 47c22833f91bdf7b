/**
 * The resident adds information to a ticket from My tickets: a text, photos or videos, or
 * both. Staff see it under the card (photos in the same chat); an owner also gets it
 * privately (the core decides that). Nothing about the resident is added, so an anonymous
 * complaint stays anonymous.
 */
import type { Context } from 'grammy';
import { residentActor } from '../src/people/actors';
import type { Media } from '../src/tickets/types';
import { mainMenu } from '../bot/keyboards';
import { refusalText } from '../bot/refusals';
import { ask, choiceKeyboard, type SceneConversation } from './support/ask';
import { sceneKit, type SceneDeps } from './support/deps';
import { askMedia } from './support/media';

function mediaOf(update: Context): Media | undefined {
  const photos = update.message?.photo;
  if (photos && photos.length > 0) return { type: 'photo', fileId: photos[photos.length - 1].file_id };
  const video = update.message?.video;
  return video ? { type: 'video', fileId: video.file_id } : undefined;
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
    const outcome = await conversation.external(async () => {
      const added = await deps.services.tickets.addInfo(ref, residentActor(userId, name), text, media);
      if (!added.ok) return refusalText(added, ref, texts, kit.lang, policy);
      return kit.t('my-add-done', { ref });
    });
    await ctx.reply(outcome, { parse_mode: 'HTML', reply_markup: mainMenu(texts, kit.lang) });
  };
}
