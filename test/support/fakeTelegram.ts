/**
 * A small fake Telegram Bot API server on node:http. grammY talks to it over
 * real HTTP (`client: { apiRoot: fake.apiRoot }`), so everything between the
 * bot's handlers and the wire (grammY, plugins, transformers) runs for real.
 * It records every call and keeps the state of the messages the bot sent, and
 * it rejects requests the way Telegram does (bad HTML, too long text, 64-byte
 * callback data, editing unchanged messages...) so those bugs show up in tests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update, UserFromGetMe } from 'grammy/types';
import { ApiError, bad, render, validate, type TgError } from './telegramHtml';
import { chatMemberOf, TEST_BOT_INFO } from './updates';

export type { TgError };
export interface RecordedCall { method: string; token: string; params: Record<string, any>; at: number; result?: unknown; error?: TgError }
/** Return a result, `{ error }` to fail the call, or undefined for the default behaviour. May be async. */
export type Responder = (params: Record<string, any>, call: RecordedCall) => unknown | { error: TgError } | undefined;
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

export interface FakeMessage {
  message_id: number; chat_id: number; text?: string; caption?: string; reply_markup?: any;
  media?: { type: string; file_id: string }[]; message_thread_id?: number; reply_to_message_id?: number; deleted?: boolean;
}
export interface Button { text: string; data?: string; url?: string }

export interface FakeTelegram {
  apiRoot: string;
  botInfo: UserFromGetMe;
  calls: RecordedCall[];
  on(method: string, responder: Responder): void;
  off(method: string): void;
  failNext(method: string, error: TgError, when?: (params: Record<string, any>) => boolean): void;
  /** The next request for `method` (one more each call) finds its kept-alive connection closed: reset, unanswered and unrecorded. */
  dropNextConnection(method: string): void;
  setChatMember(chatId: number, userId: number, status: MemberStatus): void;
  blockUser(chatId: number): void;
  neverStarted(chatId: number): void;
  /** The user opened the bot's chat and pressed Start (undoes neverStarted/blockUser). */
  started(chatId: number): void;
  callsOf(method: string): RecordedCall[];
  callsTo(chatId: number): RecordedCall[];
  textsTo(chatId: number): string[];
  lastTextTo(chatId: number): string | undefined;
  messagesIn(chatId: number): FakeMessage[];
  message(chatId: number, messageId: number): FakeMessage | undefined;
  buttonsOf(msg: FakeMessage | RecordedCall): Button[];
  waitForCall(predicate: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  reset(): void;
  close(): Promise<void>;
}

const NOT_MODIFIED = 'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** Methods that deliver something to `chat_id`, hence fail for users who blocked / never started the bot. */
const DELIVERY = /^(send[A-Z]\w*|copyMessages?|forwardMessages?)$/;
const MEDIA_KEYS = ['photo', 'video', 'document', 'animation', 'audio', 'voice', 'sticker', 'video_note'] as const;
const CONTENT_KEYS = ['text', 'entities', 'caption', 'caption_entities', ...MEDIA_KEYS, 'contact', 'location'];

interface Stored { tg: any; markup?: any; replyTo?: number; deleted: boolean }

/** A 96×72 blue PNG. */
const BLUE_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAGAAAABICAIAAACGBWc0AAAAcklEQVR42u3QMQ0AAAgDsOlDHfZwgwNujiZV0FQPhygQJEiQIEGCBAlCkCBBggQJEiQIQYIECRIkSJAgBAkSJEiQIEGCBCFIkCBBggQJEoQgQYIECRIkSBCCBAkSJEiQIEGCECRIkCBBggQJQpAgQYK+WKX+46S6fik6AAAAAElFTkSuQmCC';

const nowSec = () => Math.floor(Date.now() / 1000);
const json = (v: unknown) => JSON.stringify(v ?? null);
const inlineOnly = (m: any) => (m && Array.isArray(m.inline_keyboard) ? m : undefined);


// --- request body parsing -------------------------------------------------------------------------------------

function replaceAttachments(v: any): any {
  if (typeof v === 'string') return v.startsWith('attach://') ? '<file>' : v;
  if (Array.isArray(v)) return v.map(replaceAttachments);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceAttachments(x)]));
  return v;
}

/** Best effort: JSON-looking fields are parsed (Telegram accepts them JSON-serialized), integer *_id fields become numbers. */
function formValue(key: string, v: string): unknown {
  if (/^[[{]/.test(v)) {
    try { return replaceAttachments(JSON.parse(v)); } catch { /* keep the string */ }
  }
  if (/_id$/.test(key) && /^-?\d+$/.test(v)) return Number(v);
  return replaceAttachments(v);
}

function parseMultipart(body: Buffer, boundary: string): Record<string, any> {
  const params: Record<string, any> = {};
  for (const part of body.toString('latin1').split(`--${boundary}`)) {
    const sep = part.indexOf('\r\n\r\n');
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    // File parts are referenced from other fields via attach://<name>; those fields already read '<file>'.
    // Their name and content are kept in `__files` for tests that read an uploaded document.
    const filename = /filename="?([^";\r\n]*)"?/i.exec(head)?.[1];
    if (name && filename !== undefined) {
      const content = Buffer.from(part.slice(sep + 4).replace(/\r\n$/, ''), 'latin1').toString('utf8');
      params.__files = [...(params.__files ?? []), { field: name, filename, content }];
    }
    if (!name || /filename=/i.test(head)) continue;
    const value = Buffer.from(part.slice(sep + 4).replace(/\r\n$/, ''), 'latin1').toString('utf8');
    params[name] = formValue(name, value);
  }
  return params;
}

function parseBody(contentType: string, body: Buffer, query: URLSearchParams): Record<string, any> {
  const params: Record<string, any> = Object.fromEntries([...query].map(([k, v]) => [k, formValue(k, v)]));
  if (body.length === 0) return params;
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (/multipart\/form-data/i.test(contentType) && boundary) return { ...params, ...parseMultipart(body, boundary) };
  if (/x-www-form-urlencoded/i.test(contentType)) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = formValue(k, v);
    return params;
  }
  return { ...params, ...JSON.parse(body.toString('utf8')) };
}

// --- the server -----------------------------------------------------------------------------------------------

export async function startFakeTelegram(): Promise<FakeTelegram> {
  const botInfo: UserFromGetMe = { ...TEST_BOT_INFO };
  const calls: RecordedCall[] = [];
  const responders = new Map<string, Responder>();
  let failures: { method: string; error: TgError; when?: (p: Record<string, any>) => boolean }[] = [];
  const drops = new Map<string, number>(); // method → connections still to drop
  const members = new Map<string, MemberStatus>();
  const blocked = new Set<number>();
  const notStarted = new Set<number>();
  const chats = new Map<number, Map<number, Stored>>();
  const lastIds = new Map<number, number>();
  const waiters = new Set<{ pred: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void; reject: (e: Error) => void }>();
  let fileSeq = 0;

  const chatOf = (id: number) => (id > 0 ? { id, type: 'private', first_name: `User${id}` } : { id, type: 'supergroup', title: `Group ${id}` });
  const stored = (chatId: number, messageId: number) => chats.get(Number(chatId))?.get(Number(messageId));
  const fileId = (v: unknown) => (typeof v === 'string' && v !== '<file>' ? v : `uploaded-file-${++fileSeq}`);
  const file = (v: unknown, extra: Record<string, unknown> = {}) => {
    const id = fileId(v);
    return { file_id: id, file_unique_id: `uniq-${id}`, ...extra };
  };
  const mediaContent = (type: string, media: unknown): Record<string, unknown> => {
    switch (type) {
      case 'photo': return { photo: [file(media, { width: 1280, height: 960 })] };
      case 'video': return { video: file(media, { width: 1280, height: 720, duration: 10 }) };
      case 'animation': return { animation: file(media, { width: 480, height: 360, duration: 3 }) };
      case 'audio': case 'voice': case 'video_note': return { [type]: file(media, { duration: 5, ...(type === 'video_note' ? { length: 240 } : {}) }) };
      case 'sticker': return { sticker: file(media, { type: 'regular', width: 512, height: 512, is_animated: false, is_video: false }) };
      default: return { document: file(media) };
    }
  };
  const captionOf = (p: Record<string, any>) => {
    if (p.caption == null) return {};
    const r = render(p.caption, p.parse_mode, p.caption_entities);
    return r.entities ? { caption: r.text, caption_entities: r.entities } : { caption: r.text };
  };

  /** Creates, stores and returns a bot message in p.chat_id (ids per chat, from 1000). */
  function newMessage(p: Record<string, any>, content: Record<string, unknown>): any {
    const chatId = Number(p.chat_id);
    if (!Number.isFinite(chatId)) throw bad('chat not found');
    const id = (lastIds.get(chatId) ?? 999) + 1;
    lastIds.set(chatId, id);
    const tg: any = { message_id: id, from: botInfo, chat: chatOf(chatId), date: nowSec(), ...content };
    if (p.message_thread_id != null) Object.assign(tg, { message_thread_id: p.message_thread_id, is_topic_message: true });
    const replyTo = p.reply_parameters?.message_id ?? p.reply_to_message_id;
    const replied = replyTo != null ? stored(chatId, replyTo) : undefined;
    if (replied) tg.reply_to_message = { ...replied.tg, reply_to_message: undefined };
    if (inlineOnly(p.reply_markup)) tg.reply_markup = p.reply_markup; // Telegram echoes only inline keyboards
    if (!chats.has(chatId)) chats.set(chatId, new Map());
    chats.get(chatId)!.set(id, { tg, markup: p.reply_markup, replyTo: replyTo ?? undefined, deleted: false });
    return tg;
  }

  function copyContent(src: Stored | undefined): Record<string, unknown> {
    if (!src) return {};
    return Object.fromEntries(CONTENT_KEYS.filter((k) => src.tg[k] !== undefined).map((k) => [k, src.tg[k]]));
  }

  /** The stored message an edit targets, or null for inline messages (Telegram answers `true` for those). */
  function editTarget(p: Record<string, any>): Stored | null {
    if (p.inline_message_id != null) return null;
    const s = stored(p.chat_id, p.message_id);
    if (!s || s.deleted) throw bad('message to edit not found');
    return s;
  }

  function applyEdit(s: Stored, changes: Record<string, unknown>, markup: any): any {
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) delete s.tg[k];
      else s.tg[k] = v;
    }
    s.markup = markup;
    if (inlineOnly(markup)) s.tg.reply_markup = markup;
    else delete s.tg.reply_markup;
    s.tg.edit_date = nowSec();
    return s.tg;
  }

  const unchanged = (s: Stored, fields: Record<string, unknown>, markup: any) =>
    Object.entries(fields).every(([k, v]) => json(s.tg[k]) === json(v)) && json(inlineOnly(s.tg.reply_markup)) === json(inlineOnly(markup));

  function defaultResult(method: string, p: Record<string, any>): unknown {
    if (DELIVERY.test(method)) {
      const chatId = Number(p.chat_id);
      if (p.chat_id == null || p.chat_id === '') throw bad('chat_id is empty');
      if (blocked.has(chatId)) throw new ApiError({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
      if (notStarted.has(chatId)) throw new ApiError({ error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" });
    }
    switch (method) {
      case 'getMe': return botInfo;
      case 'sendMessage': {
        const r = render(p.text, p.parse_mode, p.entities);
        return newMessage(p, r.entities ? { text: r.text, entities: r.entities } : { text: r.text });
      }
      case 'sendPhoto': case 'sendVideo': case 'sendDocument': case 'sendAnimation': case 'sendAudio':
      case 'sendVoice': case 'sendSticker': case 'sendVideoNote': {
        const type = method === 'sendVideoNote' ? 'video_note' : method.slice(4).toLowerCase();
        return newMessage(p, { ...mediaContent(type, p[type]), ...captionOf(p) });
      }
      case 'sendContact':
        return newMessage(p, { contact: { phone_number: p.phone_number, first_name: p.first_name, ...(p.last_name ? { last_name: p.last_name } : {}) } });
      case 'sendLocation': return newMessage(p, { location: { latitude: p.latitude, longitude: p.longitude } });
      case 'sendMediaGroup': {
        const groupId = `${Date.now()}${++fileSeq}`;
        return p.media.map((m: any) => newMessage({ ...p, reply_markup: undefined }, { media_group_id: groupId, ...mediaContent(m.type, m.media), ...captionOf(m) }));
      }
      case 'copyMessage': {
        const content = copyContent(stored(p.from_chat_id, p.message_id));
        return { message_id: newMessage(p, { ...content, ...captionOf(p) }).message_id };
      }
      case 'forwardMessage': {
        const src = stored(p.from_chat_id, p.message_id);
        const origin = src ? { type: 'user', sender_user: botInfo, date: src.tg.date } : { type: 'hidden_user', sender_user_name: 'Hidden User', date: nowSec() };
        return newMessage(p, { ...copyContent(src), forward_origin: origin });
      }
      case 'editMessageText': {
        const s = editTarget(p);
        if (!s) return true;
        if (s.tg.text === undefined) throw bad('there is no text in the message to edit');
        const r = render(p.text, p.parse_mode, p.entities);
        if (unchanged(s, { text: r.text, entities: r.entities }, p.reply_markup)) throw bad(NOT_MODIFIED);
        return applyEdit(s, { text: r.text, entities: r.entities }, p.reply_markup);
      }
      case 'editMessageCaption': {
        const s = editTarget(p);
        if (!s) return true;
        if (s.tg.text !== undefined) throw bad('there is no caption in the message to edit');
        const c: Record<string, unknown> = { caption: undefined, caption_entities: undefined, ...captionOf(p) };
        if (unchanged(s, c, p.reply_markup)) throw bad(NOT_MODIFIED);
        return applyEdit(s, c, p.reply_markup);
      }
      case 'editMessageReplyMarkup': {
        const s = editTarget(p);
        if (!s) return true;
        if (unchanged(s, {}, p.reply_markup)) throw bad(NOT_MODIFIED);
        return applyEdit(s, {}, p.reply_markup);
      }
      case 'editMessageMedia': {
        const s = editTarget(p);
        if (!s) return true;
        const cleared = Object.fromEntries([...MEDIA_KEYS, 'caption', 'caption_entities'].map((k) => [k, undefined]));
        return applyEdit(s, { ...cleared, ...mediaContent(p.media?.type, p.media?.media), ...captionOf(p.media ?? {}) }, p.reply_markup);
      }
      case 'deleteMessage': {
        const s = stored(p.chat_id, p.message_id);
        if (s?.deleted) throw bad('message to delete not found');
        if (s) s.deleted = true;
        return true;
      }
      case 'deleteMessages':
        for (const id of p.message_ids ?? []) { const s = stored(p.chat_id, id); if (s) s.deleted = true; }
        return true;
      case 'getChatMember': {
        const userId = Number(p.user_id);
        const u = { id: userId, is_bot: userId === botInfo.id, first_name: userId === botInfo.id ? botInfo.first_name : `User${userId}` };
        return chatMemberOf(u, members.get(`${Number(p.chat_id)}:${userId}`) ?? 'left');
      }
      case 'getChatAdministrators':
        return [...members].filter(([k, st]) => k.startsWith(`${Number(p.chat_id)}:`) && (st === 'creator' || st === 'administrator'))
          .map(([k, st]) => { const id = Number(k.split(':')[1]); return chatMemberOf({ id, is_bot: false, first_name: `User${id}` }, st); });
      case 'banChatMember': members.set(`${Number(p.chat_id)}:${Number(p.user_id)}`, 'kicked'); return true;
      case 'unbanChatMember': {
        const key = `${Number(p.chat_id)}:${Number(p.user_id)}`;
        if (!p.only_if_banned || members.get(key) === 'kicked') members.set(key, 'left');
        return true;
      }
      case 'getChat': {
        const gifts = { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false, gifts_from_channels: false };
        return { ...chatOf(Number(p.chat_id)), accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: gifts };
      }
      case 'getFile': return { file_id: p.file_id, file_unique_id: `uniq-${p.file_id}`, file_size: 16, file_path: `files/${p.file_id}` };
      case 'getMyCommands': case 'getUpdates': return [];
      case 'getWebhookInfo': return { url: '', has_custom_certificate: false, pending_update_count: 0 };
      default: return true; // answerCallbackQuery, setMyCommands, sendChatAction, pinChatMessage, ... and unknown methods
    }
  }

  function record(call: RecordedCall): void {
    calls.push(call);
    for (const w of [...waiters]) {
      let hit = false;
      try { hit = w.pred(call); } catch { /* a predicate that throws simply does not match */ }
      if (hit) { waiters.delete(w); w.resolve(call); }
    }
  }

  /**
   * Order: one-shot failNext → Telegram's input validation (so overrides cannot hide unescaped HTML etc.)
   * → responder from on() → default behaviour (which includes blockUser/neverStarted).
   */
  async function dispatch(method: string, token: string, params: Record<string, any>): Promise<object> {
    const call: RecordedCall = { method, token, params, at: Date.now() };
    try {
      const i = failures.findIndex((f) => f.method === method && (!f.when || f.when(params)));
      if (i >= 0) throw new ApiError(failures.splice(i, 1)[0].error);
      validate(method, params);
      const responder = responders.get(method);
      let result = responder ? await responder(params, call) : undefined;
      if (result && typeof result === 'object' && 'error' in result && (result as any).error?.error_code) throw new ApiError((result as any).error);
      if (result === undefined) result = defaultResult(method, params);
      // Snapshot: stored messages keep changing with later edits; the record must show what was answered then.
      result = JSON.parse(JSON.stringify(result));
      call.result = result;
      record(call);
      return { ok: true, result };
    } catch (e) {
      const err: TgError = e instanceof ApiError ? e.err : { error_code: 500, description: `Internal Server Error: fake Bot API crashed: ${(e as Error)?.message ?? e}` };
      call.error = err;
      record(call);
      return { ok: false, ...err };
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const send = (status: number, body: string, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      };
      const fileMatch = /^\/file\/bot[^/]+\/(.+)$/.exec(url.pathname);
      if (fileMatch) {
        // A file whose id ends in .png is a real (small, blue) image, for pages a browser renders.
        if (fileMatch[1].endsWith('.png')) {
          res.writeHead(200, { 'content-type': 'image/png' });
          return res.end(Buffer.from(BLUE_PNG, 'base64'));
        }
        return send(200, `fake file ${fileMatch[1]}`, 'application/octet-stream');
      }
      const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!m) return send(404, JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      const dropping = drops.get(m[2]) ?? 0;
      if (dropping > 0) {
        drops.set(m[2], dropping - 1);
        return req.socket.destroy();
      }
      let params: Record<string, any>;
      try {
        params = parseBody(String(req.headers['content-type'] ?? ''), Buffer.concat(chunks), url.searchParams);
      } catch {
        return send(400, JSON.stringify({ ok: false, error_code: 400, description: "Bad Request: can't parse JSON" }));
      }
      const reply: any = await dispatch(m[2], decodeURIComponent(m[1]), params);
      send(reply.ok ? 200 : reply.error_code, JSON.stringify(reply));
    });
  });
  // Node's default of 5 s closed idle kept-alive connections as the client reused them, and
  // the reset requests failed at random under load (the crowd bench lost scene steps). Servers
  // in front of the Bot API keep idle connections for about a minute; dropNextConnection
  // makes that reset on purpose.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const toFake = (s: Stored): FakeMessage => {
    const tg = s.tg;
    const media = MEDIA_KEYS.filter((k) => tg[k] !== undefined)
      .map((k) => ({ type: k, file_id: Array.isArray(tg[k]) ? tg[k][tg[k].length - 1].file_id : tg[k].file_id }));
    const fm: FakeMessage = { message_id: tg.message_id, chat_id: tg.chat.id };
    if (tg.text !== undefined) fm.text = tg.text;
    if (tg.caption !== undefined) fm.caption = tg.caption;
    if (s.markup !== undefined) fm.reply_markup = structuredClone(s.markup);
    if (media.length) fm.media = media;
    if (tg.message_thread_id !== undefined) fm.message_thread_id = tg.message_thread_id;
    if (s.replyTo !== undefined) fm.reply_to_message_id = s.replyTo;
    if (s.deleted) fm.deleted = true;
    return fm;
  };
  const callsTo = (chatId: number) => calls.filter((c) => !c.error && c.params.chat_id != null && String(c.params.chat_id) === String(chatId));

  /** Rendered texts (what the user sees), taken from the results Telegram returned, in call order. */
  const textsTo = (chatId: number): string[] => {
    const out: string[] = [];
    for (const c of callsTo(chatId)) {
      for (const r of (Array.isArray(c.result) ? c.result : [c.result]) as any[]) {
        if (!r || typeof r !== 'object') continue;
        if (c.method === 'sendMessage' || c.method === 'editMessageText') { if (typeof r.text === 'string') out.push(r.text); }
        else if (/^(send|editMessageCaption|editMessageMedia)/.test(c.method) && typeof r.caption === 'string') out.push(r.caption);
      }
    }
    return out;
  };

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    botInfo,
    calls,
    on: (method, responder) => { responders.set(method, responder); },
    off: (method) => { responders.delete(method); },
    failNext: (method, error, when) => { failures.push({ method, error, when }); },
    dropNextConnection: (method) => { drops.set(method, (drops.get(method) ?? 0) + 1); },
    setChatMember: (chatId, userId, status) => { members.set(`${chatId}:${userId}`, status); },
    blockUser: (chatId) => { blocked.add(chatId); },
    neverStarted: (chatId) => { notStarted.add(chatId); },
    started: (chatId) => { notStarted.delete(chatId); blocked.delete(chatId); },
    callsOf: (method) => calls.filter((c) => c.method === method),
    callsTo,
    textsTo,
    lastTextTo: (chatId) => textsTo(chatId).at(-1),
    messagesIn: (chatId) => [...(chats.get(chatId)?.values() ?? [])].map(toFake),
    message: (chatId, messageId) => { const s = stored(chatId, messageId); return s && toFake(s); },
    buttonsOf(msg) {
      const markup = 'method' in msg && 'params' in msg ? msg.params.reply_markup : (msg as FakeMessage).reply_markup;
      const rows: any[][] = Array.isArray(markup?.inline_keyboard) ? markup.inline_keyboard : [];
      return rows.flat().map((b) => {
        const out: Button = { text: b.text };
        if (b.callback_data !== undefined) out.data = b.callback_data;
        if (b.url !== undefined) out.url = b.url;
        return out;
      });
    },
    waitForCall(pred, timeoutMs = 5000) {
      const found = calls.find((c) => { try { return pred(c); } catch { return false; } });
      if (found) return Promise.resolve(found);
      return new Promise<RecordedCall>((resolve, reject) => {
        const w = {
          pred,
          resolve: (c: RecordedCall) => { clearTimeout(timer); resolve(c); },
          reject: (e: Error) => { clearTimeout(timer); reject(e); },
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          const last = calls.slice(-10).map((c) => `  ${c.method} ${JSON.stringify(c.params).slice(0, 200)}${c.error ? ` -> ${c.error.error_code} ${c.error.description}` : ''}`);
          reject(new Error(`waitForCall: no matching call within ${timeoutMs}ms; last ${last.length} of ${calls.length} calls:\n${last.join('\n') || '  (none)'}`));
        }, timeoutMs);
        waiters.add(w);
      });
    },
    reset() {
      calls.length = 0; // keep the array identity: tests may hold `fake.calls`
      responders.clear();
      failures = [];
      drops.clear();
      members.clear();
      blocked.clear();
      notStarted.clear();
      chats.clear();
      lastIds.clear();
    },
    async close() {
      for (const w of waiters) w.reject(new Error('waitForCall: fake Telegram server closed'));
      waiters.clear();
      // grammY uses a keep-alive agent; without closing idle sockets server.close() would wait for them.
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
    },
  };
}

/** Long polling against the fake: each getUpdates hands out what is queued (a short poll when nothing is); returns the queue. */
export function serveUpdates(fake: FakeTelegram, handedOutAt?: Map<number, number>): Update[] {
  const queue: Update[] = [];
  fake.on('getUpdates', async () => {
    if (queue.length === 0) await new Promise((r) => setTimeout(r, 20));
    const batch = queue.splice(0, 100);
    for (const update of batch) handedOutAt?.set(update.update_id, Date.now());
    return batch;
  });
  return queue;
}
