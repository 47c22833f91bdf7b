/** Commands that work everywhere: /chatid for setting up an office, /help, /lang, /cancel. */
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context';
import { mainMenu } from '../keyboards';
import { LANGS } from '../texts';
import { pointToPrivateChat } from './resident';

export const general = new Composer<BotContext>();

general.command('chatid', async (ctx) => {
  const thread = ctx.msg.message_thread_id && ctx.msg.is_topic_message ? ctx.msg.message_thread_id : undefined;
  const key = thread ? 'chatid-topic' : 'chatid';
  await ctx.reply(ctx.t(key, { id: String(ctx.chat.id), thread: String(thread ?? '') }), {
    parse_mode: 'HTML',
    ...(thread ? { message_thread_id: thread } : {}),
  });
});

general.command('help', async (ctx) => {
  if (ctx.chat.type === 'private') return void (await ctx.reply(ctx.t('help-private'), { parse_mode: 'HTML' }));
  // How staff claim and where contacts go is for staff groups; anywhere else residents are asking.
  if (!ctx.services.staff.isStaffChat(ctx.chat.id)) return pointToPrivateChat(ctx, 'help');
  await ctx.reply(ctx.t('help-group'), { parse_mode: 'HTML' });
});

const privateChats = general.chatType('private');

privateChats.command('lang', async (ctx) => {
  const keyboard = new InlineKeyboard();
  for (const lang of LANGS) keyboard.text(ctx.services.texts.plain(lang, 'lang-name'), `lang:${lang}`);
  await ctx.reply(ctx.t('lang-choose'), { parse_mode: 'HTML', reply_markup: keyboard });
});

privateChats.callbackQuery(/^lang:(zh-CN|en)$/, async (ctx) => {
  const lang = ctx.match[1] as 'zh-CN' | 'en';
  await ctx.services.residents.setLanguage(ctx.from.id, ctx.from.first_name, lang);
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.services.texts.t(lang, 'lang-set'), { parse_mode: 'HTML', reply_markup: mainMenu(ctx.services.texts, lang) });
});

// Inside a scene /cancel is handled by the scene; here there is nothing to leave.
privateChats.command('cancel', async (ctx) => {
  await ctx.reply(ctx.t('cancel-nothing'), { parse_mode: 'HTML', reply_markup: mainMenu(ctx.services.texts, ctx.lang) });
});

// Added to a group: say its id at once, so whoever sets up the office need not ask.
general.on('my_chat_member', async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  const joined = (status === 'member' || status === 'administrator') && ['left', 'kicked'].includes(ctx.myChatMember.old_chat_member.status);
  if (!joined || ctx.chat.type === 'private' || ctx.chat.type === 'channel') return;
  const configured = ctx.services.staff.isStaffChat(ctx.chat.id);
  await ctx.reply(ctx.t(configured ? 'added-to-staff-group' : 'added-to-group', { id: String(ctx.chat.id) }), { parse_mode: 'HTML' });
});
