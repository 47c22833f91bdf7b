/** The resident's private chat: welcome, main menu, entering the scenes. */
import { Composer } from 'grammy';
import type { BotContext } from '../context';
import { mainMenu, menuItemOf } from '../keyboards';
import { showMyTickets } from './myTickets';

export const resident = new Composer<BotContext>();
const privateChats = resident.chatType('private');

async function enter(ctx: BotContext, scene: string, ...args: unknown[]): Promise<void> {
  // Only one scene at a time per chat; the open one keeps its answers.
  if (Object.keys(await ctx.conversation.active()).length > 0) {
    await ctx.reply(ctx.t('scene-busy'), { parse_mode: 'HTML' });
    return;
  }
  await ctx.conversation.enter(scene, ...args);
}

privateChats.command('start', async (ctx, next) => {
  if (ctx.match) return next(); // deep links (staff actions) are handled in the staff feature
  await ctx.reply(ctx.t('welcome', { name: ctx.from.first_name, office: ctx.services.policy.name[ctx.lang] }), {
    parse_mode: 'HTML',
    reply_markup: mainMenu(ctx.services.texts, ctx.lang),
  });
});

privateChats.command('repair', (ctx) => enter(ctx, 'repair'));
privateChats.command('profile', (ctx) => enter(ctx, 'profile'));

privateChats.command('complain', (ctx) => enter(ctx, 'complaint'));
privateChats.command('emergency', (ctx) => enter(ctx, 'emergency'));
privateChats.command('ask', (ctx) => enter(ctx, 'inquiry'));
privateChats.command('my', (ctx) => showMyTickets(ctx));

const SCENE_OF_MENU = { repair: 'repair', complaint: 'complaint', emergency: 'emergency', inquiry: 'inquiry' } as const;

privateChats.on('message:text', async (ctx, next) => {
  const item = menuItemOf(ctx.services.texts, ctx.msg.text);
  if (!item) return next();
  if (item === 'my') return showMyTickets(ctx);
  return enter(ctx, SCENE_OF_MENU[item]);
});

// Anything else in private chat outside a scene: point at the menu rather than stay silent.
privateChats.on('message', async (ctx) => {
  await ctx.reply(ctx.t('fallback'), { parse_mode: 'HTML', reply_markup: mainMenu(ctx.services.texts, ctx.lang) });
});
