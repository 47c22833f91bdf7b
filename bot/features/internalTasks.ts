/**
 * `/task`: a staff member files an internal task (内部工作任务). In the private chat it opens
 * the form; in a group it says so and continues in the private chat (a message there with a
 * button, or the deep link `?start=task` for someone who never started the bot). Residents
 * are told politely, in their language, that it is for staff.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { mayFileTask } from '../../src/tickets/rules';
import type { BotContext } from '../context';
import { formAlreadyOpen } from '../kit';
import { isForbidden } from '../outbox/errors';
import { pickLanguage } from '../texts';

const HTML = { parse_mode: 'HTML' as const };
const START_TASK = 'task:go';

async function filer(ctx: BotContext) {
  const from = ctx.from!;
  return ctx.services.staff.actorFor({ id: from.id, firstName: from.first_name, username: from.username });
}

/** Someone who may file: the form opens (unless another is open). Anyone else: the refusal. */
async function openForm(ctx: BotContext): Promise<void> {
  if (!mayFileTask(await filer(ctx))) {
    ctx.log.info({ userId: ctx.from!.id }, '/task refused: not staff');
    return void (await ctx.reply(ctx.t('task-refuse-resident'), HTML));
  }
  if (await formAlreadyOpen(ctx)) return;
  await ctx.conversation.enter('internalTask');
}

/** In a group: the form is private. A message there with a button; the group hears where it went. */
async function continueTaskInPrivate(ctx: BotContext): Promise<void> {
  const { services } = ctx;
  const from = ctx.from!;
  // Addressed to whoever asked, in their language (the group's other messages use the office's).
  const lang = pickLanguage(await services.residents.language(from.id), from.language_code, services.policy.language);
  const under = { reply_parameters: { message_id: ctx.msg!.message_id, allow_sending_without_reply: true } };
  if (!mayFileTask(await filer(ctx))) return void (await ctx.reply(services.texts.t(lang, 'task-refuse-resident'), { ...HTML, ...under }));
  try {
    const button = new InlineKeyboard().text(services.texts.plain(lang, 'btn-task-start'), START_TASK);
    await ctx.api.sendMessage(from.id, services.texts.t(lang, 'task-dm'), { ...HTML, reply_markup: button });
    await ctx.reply(services.texts.t(lang, 'task-see-private'), { ...HTML, ...under });
  } catch (error) {
    if (!isForbidden(error)) throw error;
    // Never started the bot: Telegram opens its chat from the link, and Start there opens the form.
    const link = new InlineKeyboard().url(services.texts.plain(lang, 'btn-open-private'), `https://t.me/${ctx.me.username}?start=task`);
    await ctx.reply(services.texts.t(lang, 'task-open-private'), { ...HTML, ...under, reply_markup: link });
  }
}

export function internalTasksFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.chatType('private').command('task', openForm);
  composer.chatType(['group', 'supergroup']).command('task', continueTaskInPrivate);

  composer.chatType('private').callbackQuery(START_TASK, async (ctx) => {
    await ctx.answerCallbackQuery();
    await openForm(ctx);
  });

  // From a group's link: Start opens the form. Any other payload is someone else's.
  composer.chatType('private').command('start', async (ctx, next) => {
    if (ctx.match.trim() !== 'task') return next();
    await ctx.services.staff.rememberProfile({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username }, true);
    await openForm(ctx);
  });

  return composer;
}
