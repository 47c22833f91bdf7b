/**
 * The time-limit feature in chats: the head's "Approve extension" button on an overdue
 * alert (→ how long → tickets.extendDeadline; heads of the ticket's department and the
 * manager only, as the domain decides), and the /late command.
 */
import { Composer } from 'grammy';
import { LimitStore } from '../../src/limits/store';
import { timeLimitsPolicy } from '../../src/limits/settings';
import { formatDuration } from '../../src/time/duration';
import type { Refusal } from '../../src/tickets/rules';
import type { BotContext } from '../context';
import { refusalHtml, toastText } from '../kit';
import { isNotModified } from '../outbox/errors';
import { when } from '../render/format';
import { lateCommand } from './late';
import { approveButtons, BACK_CALLBACK, EXTEND_CALLBACK, extensionButtons, inlineKeyboard, type Buttons } from './render';

async function setButtons(ctx: BotContext, buttons: Buttons): Promise<void> {
  await ctx.editMessageReplyMarkup({ reply_markup: inlineKeyboard(buttons) }).catch((error) => {
    if (!isNotModified(error)) throw error;
  });
}

export function limitsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  let store: LimitStore | undefined;
  const storeOf = (ctx: BotContext) => (store ??= new LimitStore(ctx.services.db));

  composer.command('late', (ctx) => lateCommand(storeOf(ctx))(ctx));

  composer.callbackQuery(EXTEND_CALLBACK, async (ctx) => {
    const [, ref, arg] = ctx.match as RegExpMatchArray;
    const { services } = ctx;
    const { policy, texts } = services;
    const lang = policy.language;
    const plain = (key: string, args?: Record<string, string>) => texts.plain(lang, key, args);
    // "Not a head" is said in this feature's words: the shared text speaks of reassigning.
    const refuse = (refusal: Refusal) =>
      ctx.answerCallbackQuery({
        text: refusal.reason === 'not_head' ? plain('lim-refuse-not-head', { ref }) : toastText(refusalHtml(ctx, refusal, ref)),
        show_alert: true,
      });
    const actor = await services.staff.actorFor({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username });
    // Refused before offering choices: only the department's heads and the manager approve.
    const { ticket, refusal } = await services.tickets.check(ref, 'extend', actor);
    if (refusal || !ticket) {
      ctx.log.info({ ref, userId: actor.id, reason: refusal?.reason }, 'extension refused');
      return refuse(refusal ?? { reason: 'not_found' });
    }
    const settings = timeLimitsPolicy(policy);
    if (arg === undefined) {
      await setButtons(ctx, extensionButtons(texts, lang, ref, settings.extensionChoices));
      return void (await ctx.answerCallbackQuery({ text: plain('lim-extend-choose') }));
    }
    const ms = Number(arg);
    // The data comes from the client: only the office's own choices are accepted.
    if (!settings.extensionChoices.includes(ms)) return void (await ctx.answerCallbackQuery({ text: plain('lim-extend-invalid'), show_alert: true }));
    const from = Math.max(services.clock.now().getTime(), new Date(ticket.resolutionDueAt).getTime());
    const until = new Date(from + ms);
    const duration = formatDuration(ms, lang);
    const reason = ticket.waiting ? plain('lim-extend-reason-waiting', { duration, reason: ticket.waiting.reason }) : plain('lim-extend-reason', { duration });
    const result = await services.tickets.extendDeadline(ref, actor, until, reason);
    if (!result.ok) return refuse(result);
    await setButtons(ctx, []);
    const untilText = when(until, policy, lang);
    await ctx.answerCallbackQuery({ text: plain('lim-extended-done', { ref, until: untilText }) });
  });

  composer.callbackQuery(BACK_CALLBACK, async (ctx) => {
    const { texts, policy } = ctx.services;
    await setButtons(ctx, approveButtons(texts, policy.language, ctx.match[1]));
    await ctx.answerCallbackQuery();
  });

  return composer;
}
