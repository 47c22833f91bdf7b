/**
 * Photos and videos for the dashboard, fetched through the Bot API (getFile, then the file
 * URL, which contains the bot token) and streamed on by our server: the browser only ever
 * sees /media/<ref>/<n>, never the token or Telegram's file address.
 */
import type { Api } from 'grammy';

export interface MediaFile {
  body: ReadableStream<Uint8Array>;
  contentType?: string;
  length?: number;
}

export interface MediaSource {
  open(fileId: string): Promise<MediaFile>;
}

export class MediaUnavailable extends Error {}

export function telegramMedia(api: Api, token: string, apiRoot: string): MediaSource {
  return {
    async open(fileId) {
      const file = await api.getFile(fileId);
      if (!file.file_path) throw new MediaUnavailable('no file path (larger than the Bot API serves)');
      const response = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`);
      // The message names the status only: the URL holds the token.
      if (!response.ok || !response.body) throw new MediaUnavailable(`file download answered ${response.status}`);
      const length = Number(response.headers.get('content-length'));
      return { body: response.body, contentType: response.headers.get('content-type') ?? undefined, ...(length > 0 ? { length } : {}) };
    },
  };
}
