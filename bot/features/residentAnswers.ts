/** Solved / Not solved: the resident's answer to "resolved" (the core tells the card and the resident). */
import { Composer } from 'grammy';
import { residentActor } from '../../src/people/actors';
import { RESIDENT_CALLBACK } from '../callbacks';
import type { BotContext } from '../context';
import { refuseWithToast } from '../kit';

export function residentAnswers(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.callbackQuery(RESIDENT_CALLBACK, async (ctx) => {
    const [, answer, ref] = ctx.match as RegExpMatchArray;
    const { services } = ctx;
    const actor = residentActor(ctx.from.id, ctx.from.first_name);
    const result = answer === 'ok' ? await services.tickets.confirm(ref, actor) : await services.tickets.dispute(ref, actor);
    if (!result.ok) return refuseWithToast(ctx, result, ref);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    if (answer === 'no' && Object.keys(await ctx.conversation.active()).length === 0) await ctx.conversation.enter('disputeReason', ref);
  });

  return composer;
}
