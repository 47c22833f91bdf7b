/**
 * Telegram's rules for outgoing message content, used by the fake Bot API server
 * (fakeTelegram.ts) so tests fail the same way production would:
 *  - a re-implementation of the `parse_mode: 'HTML'` parser (modelled on tdlib's
 *    `parse_html`), returning the rendered text plus entities with UTF-16 offsets,
 *    i.e. what Telegram puts into the returned `Message`;
 *  - the input checks (text/caption length, inline keyboards, callback_data size)
 *    with the error descriptions the real Bot API uses.
 */
import type { MessageEntity } from 'grammy/types';

export class TelegramHtmlError extends Error {}

export interface ParsedHtml {
  text: string;
  entities: MessageEntity[];
}

export interface ParseOptions {
  /**
   * Real Telegram keeps a '&' that does not start a known entity as a literal
   * character. We reject it by default: an unescaped '&' in a test almost always
   * means user input was not escaped, and the same input containing '<' would
   * break in production.
   */
  strictAmpersand?: boolean;
}

const SUPPORTED_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins',
  'tg-spoiler', 'tg-emoji', 'span', 'pre', 'code', 'blockquote',
]);

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface OpenTag {
  name: string;
  offset: number; // UTF-16 offset in the rendered text
  argument: string;
  expandable: boolean;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Decodes an HTML entity starting at `pos` (which points at '&').
 * Like tdlib, the trailing ';' is optional. Returns null if it is not an entity.
 */
function decodeEntity(s: string, pos: number): { ch: string; end: number } | null {
  let end = pos + 1;
  let code: number | undefined;
  if (s[end] === '#') {
    end++;
    const hex = s[end] === 'x' || s[end] === 'X';
    if (hex) end++;
    const start = end;
    const re = hex ? /[0-9a-fA-F]/ : /[0-9]/;
    while (end < s.length && re.test(s[end])) end++;
    if (end === start || end - start > 8) return null;
    code = parseInt(s.slice(start, end), hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  } else {
    const start = end;
    while (end < s.length && /[A-Za-z]/.test(s[end])) end++;
    const ch = NAMED_ENTITIES[s.slice(start, end)];
    if (ch === undefined) return null;
    code = ch.codePointAt(0)!;
  }
  if (s[end] === ';') end++;
  return { ch: String.fromCodePoint(code), end };
}

function entityFor(tag: OpenTag, offset: number, length: number, parent?: OpenTag): MessageEntity | null {
  const base = { offset, length };
  switch (tag.name) {
    case 'b': case 'strong': return { type: 'bold', ...base };
    case 'i': case 'em': return { type: 'italic', ...base };
    case 'u': case 'ins': return { type: 'underline', ...base };
    case 's': case 'strike': case 'del': return { type: 'strikethrough', ...base };
    case 'tg-spoiler': case 'span': return { type: 'spoiler', ...base };
    case 'blockquote': return { type: tag.expandable ? 'expandable_blockquote' : 'blockquote', ...base };
    case 'tg-emoji': return tag.argument ? { type: 'custom_emoji', custom_emoji_id: tag.argument, ...base } : null;
    case 'a': return tag.argument ? { type: 'text_link', url: tag.argument, ...base } : null;
    case 'pre': return tag.argument ? { type: 'pre', language: tag.argument, ...base } : { type: 'pre', ...base };
    case 'code':
      // <pre><code class="language-x"> becomes one pre entity with a language.
      if (parent?.name === 'pre' && tag.argument) {
        parent.argument = tag.argument;
        return null;
      }
      return { type: 'code', ...base };
    default: return null;
  }
}

/** Throws TelegramHtmlError with tdlib's wording (minus the "can't parse entities: " prefix). */
export function parseTelegramHtml(html: string, opts: ParseOptions = {}): ParsedHtml {
  const strictAmp = opts.strictAmpersand ?? true;
  const byteOffset = (i: number) => Buffer.byteLength(html.slice(0, i), 'utf8');
  const fail = (msg: string): never => { throw new TelegramHtmlError(msg); };
  let text = '';
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === '&') {
      const dec = decodeEntity(html, i);
      if (dec) { text += dec.ch; i = dec.end; continue; }
      if (strictAmp) fail(`Unescaped "&" at byte offset ${byteOffset(i)}; use &amp; (real Telegram would keep it literally)`);
      text += c; i++; continue;
    }
    if (c !== '<') { text += c; i++; continue; }

    const begin = i++;
    if (html[i] !== '/') {
      // start tag
      while (i < html.length && !isSpace(html[i]) && html[i] !== '>') i++;
      if (i >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      const name = html.slice(begin + 1, i).toLowerCase();
      if (!SUPPORTED_TAGS.has(name)) fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(begin)}`);
      let argument = '';
      let expandable = false;
      while (html[i] !== '>') {
        while (i < html.length && isSpace(html[i])) i++;
        if (html[i] === '>') break;
        const attrBegin = i;
        while (i < html.length && !isSpace(html[i]) && html[i] !== '=' && html[i] !== '>') i++;
        const attr = html.slice(attrBegin, i);
        if (!attr) fail(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(begin)}`);
        while (i < html.length && isSpace(html[i])) i++;
        if (html[i] !== '=') {
          if (name === 'blockquote' && attr === 'expandable') { expandable = true; continue; }
          fail(`Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(begin)}`);
        }
        i++;
        while (i < html.length && isSpace(html[i])) i++;
        if (i >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
        let value = '';
        if (html[i] !== '"' && html[i] !== "'") {
          const tokBegin = i;
          while (i < html.length && /[A-Za-z0-9.-]/.test(html[i])) i++;
          value = html.slice(tokBegin, i).toLowerCase();
          if (i < html.length && !isSpace(html[i]) && html[i] !== '>') fail(`Unexpected end of name token at byte offset ${byteOffset(tokBegin)}`);
        } else {
          const quote = html[i++];
          while (i < html.length && html[i] !== quote) {
            const dec = html[i] === '&' ? decodeEntity(html, i) : null;
            if (dec) { value += dec.ch; i = dec.end; } else { value += html[i++]; }
          }
          if (html[i] === quote) i++;
        }
        if (i >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
        if (name === 'a' && attr === 'href') argument = value;
        else if (name === 'code' && attr === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (name === 'span' && attr === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (name === 'tg-emoji' && attr === 'emoji-id') argument = value;
      }
      if (name === 'span' && argument !== 'spoiler') fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
      stack.push({ name, offset: text.length, argument, expandable });
      i++; // skip '>'
    } else {
      // end tag; an empty name ("</>") closes the innermost tag, as in tdlib
      if (stack.length === 0) fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
      i++;
      const nameBegin = i;
      while (i < html.length && !isSpace(html[i]) && html[i] !== '>') i++;
      const endName = html.slice(nameBegin, i).toLowerCase();
      while (i < html.length && isSpace(html[i])) i++;
      if (html[i] !== '>') fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
      const open = stack.pop()!;
      if (endName && endName !== open.name) {
        fail(`Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${open.name}>", found "</${endName}>"`);
      }
      i++;
      const length = text.length - open.offset;
      if (length > 0) {
        const e = entityFor(open, open.offset, length, stack[stack.length - 1]);
        if (e) entities.push(e);
      }
    }
  }
  if (stack.length > 0) fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1].name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

// --- Bot API input validation ---------------------------------------------------------------------------------

export interface TgError { error_code: number; description: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } }

/** A Bot API error reply; the fake server turns it into `{ ok: false, ... }` with HTTP status = error_code. */
export class ApiError extends Error {
  constructor(readonly err: TgError) { super(err.description); }
}
export const bad = (what: string) => new ApiError({ error_code: 400, description: `Bad Request: ${what}` });

const CAPTIONED = new Set(['sendPhoto', 'sendVideo', 'sendDocument', 'sendAnimation', 'sendAudio', 'sendVoice', 'copyMessage', 'editMessageCaption']);

/** Renders text the way Telegram would store it; throws the Bot API error for broken HTML. */
export function render(raw: unknown, parseMode?: string, entities?: any[]): { text: string; entities?: any[] } {
  const s = raw == null ? '' : String(raw);
  if (typeof parseMode === 'string' && parseMode.toLowerCase() === 'html') {
    try {
      const r = parseTelegramHtml(s);
      return { text: r.text, entities: r.entities.length ? r.entities : undefined };
    } catch (e) {
      if (e instanceof TelegramHtmlError) throw bad(`can't parse entities: ${e.message}`);
      throw e;
    }
  }
  // Markdown modes are not parsed: the raw text is stored.
  return { text: s, entities: Array.isArray(entities) && entities.length ? entities : undefined };
}

function validateMarkup(markup: any): void {
  if (markup == null) return;
  if (typeof markup !== 'object') throw bad("can't parse reply keyboard markup JSON object");
  for (const key of ['inline_keyboard', 'keyboard'] as const) {
    if (!(key in markup)) continue;
    const rows = markup[key];
    const kind = key === 'inline_keyboard' ? 'InlineKeyboardMarkup' : 'ReplyKeyboardMarkup';
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw bad(`field "${key}" of the ${kind} must be an Array of Arrays`);
    if (key !== 'inline_keyboard') continue;
    for (const b of rows.flat()) {
      if (!b || typeof b.text !== 'string') throw bad("can't parse inline keyboard button: Field \"text\" must be of type String");
      if (b.callback_data !== undefined && Buffer.byteLength(String(b.callback_data), 'utf8') > 64) throw bad('BUTTON_DATA_INVALID');
      if (b.url !== undefined && !/^(https?|tg):\/\/\S+$/i.test(String(b.url))) throw bad(`inline keyboard button URL '${b.url}' is invalid: Wrong HTTP URL`);
      const actions = Object.keys(b).filter((k) => k !== 'text' && k !== 'style' && k !== 'icon_custom_emoji_id');
      if (actions.length === 0) throw bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }
  }
}

function validateCaption(raw: unknown, parseMode?: string): void {
  if (raw == null) return;
  if (render(raw, parseMode).text.length > 1024) throw bad('message caption is too long');
}

function validateText(raw: unknown, parseMode?: string): void {
  const { text } = render(raw, parseMode);
  if (text.trim() === '') throw bad('message text is empty');
  if (text.length > 4096) throw bad('message is too long');
}

/** Input checks Telegram performs before anything else (run even when a responder overrides the method). */
export function validate(method: string, p: Record<string, any>): void {
  validateMarkup(p.reply_markup);
  if (method === 'sendMessage' || method === 'editMessageText') validateText(p.text, p.parse_mode);
  if (CAPTIONED.has(method)) validateCaption(p.caption, p.parse_mode);
  if (method === 'sendMediaGroup') {
    if (!Array.isArray(p.media)) throw bad('wrong type of the media group');
    for (const m of p.media) validateCaption(m?.caption, m?.parse_mode);
  }
  if (method === 'editMessageMedia') validateCaption(p.media?.caption, p.media?.parse_mode);
}
