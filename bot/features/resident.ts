/** The resident's private chat: welcome, main menu, entering the scenes. */
import { Composer } from 'grammy';
import { isStaffRole, type Actor } from '../../src/people/actors';
import type { BotContext } from '../context';
import { html } from '../html';
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

/** How many of a staff member's open tickets the Start hint names. */
const STAFF_START_REFS = 5;

/** Start for staff: their open tickets in a line, and the commands for their work. */
async function staffStart(ctx: BotContext, actor: Actor): Promise<void> {
  const { services } = ctx;
  const from = ctx.from!;
  // Start opened the private chat: contacts, results and reminders can now reach them here.
  await services.staff.rememberProfile({ id: from.id, firstName: from.first_name, username: from.username }, true);
  const owned = await services.tickets.listLive({ ownerId: actor.id });
  const shown = owned.slice(0, STAFF_START_REFS).map((t) => `<code>${t.ref}</code>`);
  const more = owned.length - shown.length;
  const refs = html(more > 0 ? `${shown.join(', ')} ${ctx.t('start-staff-more', { count: more })}` : shown.join(', '));
  await ctx.reply(ctx.t('start-staff', { name: from.first_name, office: services.policy.name[ctx.lang], count: owned.length, refs }), {
    parse_mode: 'HTML',
  });
}

// Deep links of the staff (rs_, ct_, st_, ci_, ans_) are handled by their features before this.
// Any other payload — a poster's link (?start=lobby3), a stale one — is an ordinary Start.
privateChats.command('start', async (ctx) => {
  const actor = await ctx.services.staff.actorFor({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username });
  if (isStaffRole(actor.role)) return staffStart(ctx, actor);
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
