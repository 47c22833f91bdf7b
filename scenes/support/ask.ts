/**
 * The one way scenes ask questions. Whatever arrives that does not answer the question —
 * a sticker, a photo where text is wanted, another command, an over-long text, a tap on an
 * old button — gets a short explanation and the same question again; /cancel leaves.
 */
import type { Conversation } from '@grammyjs/conversations';
import { GrammyError, InlineKeyboard, Keyboard, type Context } from 'grammy';
import type { ForceReply, InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import type { Lang } from '../../src/config/office';
import { isTicketCallback, sceneData } from '../../bot/callbacks';
import type { BotContext } from '../../bot/context';
import { mainMenu, isMenuText, menuItemOf } from '../../bot/keyboards';
import type { TextArgs, Texts } from '../../bot/texts';

export type SceneConversation = Conversation<BotContext, Context>;

export interface Choice {
  value: string;
  label: string;
}

/** What a scene needs besides the conversation: language, texts and limits. */
export interface Kit {
  conversation: SceneConversation;
  lang: Lang;
  texts: Texts;
  maxTextLength: number;
  t(key: string, args?: TextArgs): string;
}

export function makeKit(conversation: SceneConversation, lang: Lang, texts: Texts, maxTextLength: number): Kit {
  return { conversation, lang, texts, maxTextLength, t: (key, args) => texts.t(lang, key, args) };
}

type Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply | Keyboard | InlineKeyboard;

export interface Question {
  text: string;
  markup?: Markup;
}

/** An accepted answer, or the key of the explanation to give before asking again. */
export type Verdict<T> = { value: T } | { retry: string; args?: TextArgs };

const HTML = { parse_mode: 'HTML' as const };

/**
 * Sends the question and waits until `accept` takes an update. Callback data of the current
 * question's buttons arrives as `choice`; anything else goes to `accept` as the raw update.
 */
export async function ask<T>(
  kit: Kit,
  ctx: Context,
  question: Question,
  accept: (update: Context, choice: string | undefined) => Verdict<T> | undefined,
): Promise<T> {
  return (await askIn(kit, ctx, question, accept)).value;
}

/** Sends the question, or puts it in place of an earlier one (inline buttons only) when `replace` is given. */
async function putQuestion(ctx: Context, question: Question, replace?: number): Promise<{ message_id: number }> {
  if (replace !== undefined) {
    try {
      await ctx.api.editMessageText(ctx.chat!.id, replace, question.text, { ...HTML, reply_markup: question.markup as InlineKeyboard | undefined });
      return { message_id: replace };
    } catch (error) {
      if (error instanceof GrammyError && error.description.includes('message is not modified')) return { message_id: replace };
      // Gone or no longer editable: ask anew below.
    }
  }
  return ctx.reply(question.text, { ...HTML, reply_markup: question.markup });
}

/**
 * `ask`, also saying which message held the question when it was answered; `replace` edits
 * that earlier message instead of sending a new one (e.g. "Got 3 files" while an album arrives).
 */
export async function askIn<T>(
  kit: Kit,
  ctx: Context,
  question: Question,
  accept: (update: Context, choice: string | undefined) => Verdict<T> | undefined,
  replace?: number,
): Promise<{ value: T; promptId: number }> {
  const { conversation, t } = kit;
  let prompt = await putQuestion(ctx, question, replace);
  for (;;) {
    const update = await conversation.wait();
    const data = update.callbackQuery?.data;
    if (data !== undefined && isTicketCallback(data)) {
      // A Solved/Not solved tap or a staff card button: not an answer to this question.
      await conversation.skip({ next: true });
    }
    const text = update.message?.text;
    if (text !== undefined && /^\/cancel(@\w+)?(\s|$)/.test(text)) {
      await update.reply(t('scene-cancelled'), { ...HTML, reply_markup: mainMenu(kit.texts, kit.lang) });
      await conversation.halt();
    }
    // An emergency outranks whatever is being filled in: leave this scene and let the
    // emergency handler take the same update.
    if (text !== undefined && (/^\/emergency(@\w+)?(\s|$)/.test(text) || menuItemOf(kit.texts, text) === 'emergency')) {
      await conversation.halt({ next: true });
    }
    let verdict: Verdict<T>;
    if (data !== undefined) {
      const current = update.callbackQuery?.message?.message_id === prompt.message_id && data.startsWith('sc:');
      await update.answerCallbackQuery(current ? {} : { text: t('scene-old-button') }).catch(() => undefined);
      verdict = (current ? accept(update, data.slice(3)) : undefined) ?? { retry: 'scene-old-button' };
    } else if (text !== undefined && text.startsWith('/')) {
      verdict = { retry: 'scene-command' };
    } else if (text !== undefined && isMenuText(kit.texts, text)) {
      verdict = { retry: 'scene-menu' };
    } else if (text !== undefined && [...text].length > kit.maxTextLength) {
      verdict = { retry: 'scene-too-long', args: { max: kit.maxTextLength, length: [...text].length } };
    } else {
      verdict = accept(update, undefined) ?? { retry: 'scene-unexpected' };
    }
    if ('value' in verdict) return { value: verdict.value, promptId: prompt.message_id };
    const explanation = t(verdict.retry, verdict.args);
    prompt = await update.reply(`${explanation}\n\n${question.text}`, { ...HTML, reply_markup: question.markup });
  }
}

export function choiceKeyboard(choices: Choice[], perRow = 2): InlineKeyboard {
  const kb = new InlineKeyboard();
  choices.forEach((c, i) => {
    kb.text(c.label, sceneData(c.value));
    if ((i + 1) % perRow === 0 && i + 1 < choices.length) kb.row();
  });
  return kb;
}

/**
 * A label without its leading emoji or symbols ('✅ 我同意收费' → '我同意收费'). Only
 * non-letters go: `\W` would also strip Chinese, so that any Chinese text matched the first button.
 */
function bareLabel(text: string): string {
  return text.trim().toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
}

/** A question answered by a button; typing a button's label counts too. */
export function askChoice(kit: Kit, ctx: Context, text: string, choices: Choice[], perRow = 2): Promise<string> {
  return ask<string>(kit, ctx, { text, markup: choiceKeyboard(choices, perRow) }, (update, choice) => {
    if (choice !== undefined) return choices.some((c) => c.value === choice) ? { value: choice } : { retry: 'scene-old-button' };
    const typed = update.message?.text?.trim().toLowerCase();
    const bare = typed ? bareLabel(typed) : '';
    const match = typed ? choices.find((c) => (bare !== '' && bareLabel(c.label) === bare) || c.label.toLowerCase() === typed) : undefined;
    if (match) return { value: match.value };
    return { retry: typed ? 'scene-use-buttons' : 'scene-unexpected' };
  });
}

/** A free-text question; optional buttons (e.g. "my flat", "skip") answer with their value. */
export async function askText(
  kit: Kit,
  ctx: Context,
  text: string,
  options: { choices?: Choice[]; minLength?: number; validate?: (text: string) => Verdict<string> } = {},
): Promise<{ text?: string; choice?: string }> {
  const markup = options.choices?.length ? choiceKeyboard(options.choices, 1) : undefined;
  return ask<{ text?: string; choice?: string }>(kit, ctx, { text, markup }, (update, choice) => {
    if (choice !== undefined) {
      return options.choices?.some((c) => c.value === choice) ? { value: { choice } } : { retry: 'scene-old-button' };
    }
    const typed = update.message?.text?.trim();
    if (typed === undefined) return { retry: update.message?.sticker ? 'scene-sticker' : 'scene-want-text' };
    if ([...typed].length < (options.minLength ?? 1)) return { retry: 'scene-too-short', args: { min: options.minLength ?? 1 } };
    if (options.validate) {
      const verdict = options.validate(typed);
      return 'value' in verdict ? { value: { text: verdict.value } } : verdict;
    }
    return { value: { text: typed } };
  });
}

export function contactKeyboard(label: string, keepLabel?: string): Keyboard {
  const keyboard = new Keyboard().requestContact(label);
  if (keepLabel) keyboard.row().text(keepLabel);
  return keyboard.resized().oneTime();
}
