/**
 * Small pieces every feature needs, written once: a toast's plain text, a refusal in the
 * reader's language and the office's time zone, "a form is already open", and "continue in
 * the private chat" (a DM with a button, or Telegram's deep link for someone who never
 * started the bot).
 */
import { InlineKeyboard } from 'grammy';
import type { Refusal } from '../src/tickets/rules';
import type { BotContext } from './context';
import { isForbidden } from './outbox/errors';
import { refusalText } from './refusals';

/** Toasts and alerts show plain text: tags dropped, entities turned back into characters. */
export function toastText(htmlText: string): string {
  return htmlText
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The refusal as HTML, in this update's language (the person's in private, the office's in groups). */
export function refusalHtml(ctx: BotContext, refusal: Refusal, ref: string): string {
  return refusalText(refusal, ref, ctx.services.texts, ctx.lang, ctx.services.policy);
}

/** Answers a press with the refusal; losing a claim race is a toast, anything else an alert. */
export async function refuseWithToast(ctx: BotContext, refusal: Refusal, ref: string): Promise<void> {
  ctx.log.info({ ref, reason: refusal.reason }, 'press refused');
  await ctx.answerCallbackQuery({ text: toastText(refusalHtml(ctx, refusal, ref)), show_alert: refusal.reason !== 'already_claimed' });
}

/** True (and the person told so) when a form is already open in this chat. */
export async function formAlreadyOpen(ctx: BotContext): Promise<boolean> {
  if (Object.keys(await ctx.conversation.active()).length === 0) return false;
  await ctx.reply(ctx.t('scene-busy'), { parse_mode: 'HTML' });
  return true;
}

/**
 * A press in a group whose input belongs in the private chat: a message there with a button
 * that continues, and a toast saying so; for someone who never started the bot, Telegram
 * opens its chat from the deep link `start=<startPayload>`.
 */
export async function continueInPrivate(
  ctx: BotContext,
  options: { text: string; button: string; data: string; toast: string; startPayload: string },
): Promise<void> {
  try {
    await ctx.api.sendMessage(ctx.from!.id, options.text, { parse_mode: 'HTML', reply_markup: new InlineKeyboard().text(options.button, options.data) });
    await ctx.answerCallbackQuery({ text: options.toast });
  } catch (error) {
    if (!isForbidden(error)) throw error;
    await ctx.answerCallbackQuery({ url: `https://t.me/${ctx.me.username}?start=${options.startPayload}` });
  }
}
