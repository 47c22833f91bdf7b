/**
 * Collecting photos and videos: zero or more, then "Done". Telegram delivers an album as
 * separate messages sharing a media_group_id; its files are counted in one "Got N files"
 * message, edited as they arrive, rather than one message (and one Done button) per file.
 */
import type { Context } from 'grammy';
import type { Media } from '../../src/tickets/types';
import { askIn, choiceKeyboard, type Kit } from './ask';

function mediaOf(update: Context): Media | undefined {
  const photos = update.message?.photo;
  if (photos && photos.length > 0) return { type: 'photo', fileId: photos[photos.length - 1].file_id };
  const video = update.message?.video;
  if (video) return { type: 'video', fileId: video.file_id };
  return undefined;
}

/** `initialAlbum`: the album the last of `initial` came in, when the question before took it. */
export async function askMedia(kit: Kit, ctx: Context, question: string, max: number, initial: Media[] = [], initialAlbum?: string): Promise<Media[]> {
  const collected = [...initial];
  let text = question;
  /** The album (media_group_id) of the file before, if any. */
  let lastAlbum = initialAlbum;
  /** The message this round edits instead of sending: the count shown for an album still arriving. */
  let replace: number | undefined;
  for (;;) {
    const doneLabel = collected.length === 0 ? kit.t('btn-skip') : kit.t('btn-done');
    const { value: answer, promptId } = await askIn<{ media?: Media; album?: string; done?: true }>(
      kit,
      ctx,
      { text, markup: choiceKeyboard([{ value: 'done', label: doneLabel }]) },
      (update, choice) => {
        if (choice === 'done') return { value: { done: true } };
        if (choice !== undefined) return { retry: 'scene-old-button' };
        const media = mediaOf(update);
        if (media) return { value: { media, album: update.message?.media_group_id } };
        if (update.message?.text) return { retry: 'media-want-media' };
        if (update.message?.document) return { retry: 'media-document' };
        return { retry: 'media-want-media' };
      },
      replace,
    );
    if (answer.done) return collected;
    // The second and later files of one album arrived at the count sent for the first: edit it.
    replace = answer.album !== undefined && answer.album === lastAlbum ? promptId : undefined;
    lastAlbum = answer.album;
    if (collected.length >= max) {
      text = kit.t('media-limit', { max });
      continue;
    }
    collected.push(answer.media!);
    text = kit.t('media-received', { count: collected.length, max });
  }
}
