/** Solved / Not solved: the resident's answer to "resolved". */
import { Composer } from 'grammy';
import { residentActor } from '../../src/people/actors';
import { RESIDENT_CALLBACK } from '../callbacks';
import type { BotContext } from '../context';
import type { Notifier } from '../notify';
import { refusalText } from '../refusals';

export function residentAnswers(notifier: Notifier): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.callbackQuery(RESIDENT_CALLBACK, async (ctx) => {
    const [, answer, ref] = ctx.match as RegExpMatchArray;
    const { services } = ctx;
    const actor = residentActor(ctx.from.id, ctx.from.first_name);
    const result = answer === 'ok' ? await services.tickets.confirm(ref, actor) : await services.tickets.dispute(ref, actor);
    if (!result.ok) {
      const text = refusalText(result, ref, services.texts, ctx.lang).replace(/<[^>]+>/g, '');
      return void (await ctx.answerCallbackQuery({ text, show_alert: true }));
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    await notifier.refreshCard(result.ticket);
    await notifier.tellResident(result.ticket, result.event);
    if (answer === 'no') {
      const owner = result.ticket.owner?.name ?? '—';
      const args = { ref, owner, count: result.ticket.reopenCount };
      const lang = services.policy.language;
      const note = result.ticket.kind === 'inquiry' ? services.texts.t(lang, 'card-note-inquiry-more', args) : services.texts.t(lang, 'card-note-reopened', args);
      await notifier.noteUnderCard(result.ticket, note);
      if (Object.keys(await ctx.conversation.active()).length === 0) await ctx.conversation.enter('disputeReason', ref);
    }
  });

  return composer;
}
