/** Collecting photos and videos: zero or more, then "Done". */
import type { Context } from 'grammy';
import type { Media } from '../../src/tickets/types';
import { ask, choiceKeyboard, type Kit } from './ask';

function mediaOf(update: Context): Media | undefined {
  const photos = update.message?.photo;
  if (photos && photos.length > 0) return { type: 'photo', fileId: photos[photos.length - 1].file_id };
  const video = update.message?.video;
  if (video) return { type: 'video', fileId: video.file_id };
  return undefined;
}

export async function askMedia(kit: Kit, ctx: Context, question: string, max: number, initial: Media[] = []): Promise<Media[]> {
  const collected = [...initial];
  let text = question;
  for (;;) {
    const doneLabel = collected.length === 0 ? kit.t('btn-skip') : kit.t('btn-done');
    const answer = await ask<{ media?: Media; done?: true }>(
      kit,
      ctx,
      { text, markup: choiceKeyboard([{ value: 'done', label: doneLabel }]) },
      (update, choice) => {
        if (choice === 'done') return { value: { done: true } };
        if (choice !== undefined) return { retry: 'scene-old-button' };
        const media = mediaOf(update);
        if (media) return { value: { media } };
        if (update.message?.text) return { retry: 'media-want-media' };
        if (update.message?.document) return { retry: 'media-document' };
        return { retry: 'media-want-media' };
      },
    );
    if (answer.done) return collected;
    if (collected.length >= max) {
      text = kit.t('media-limit', { max });
      continue;
    }
    collected.push(answer.media!);
    text = kit.t('media-received', { count: collected.length, max });
  }
}
