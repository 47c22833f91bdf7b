/** The resident's private chat: welcome, main menu, entering the scenes; in groups, the way there. */
import { Composer, InlineKeyboard } from 'grammy';
import { isStaffRole, type Actor } from '../../src/people/actors';
import type { BotContext } from '../context';
import { html } from '../html';
import { mainMenu, menuItemOf } from '../keyboards';
import { pickLanguage } from '../texts';
import { showMyTickets } from './myTickets';
import { placeByCode } from '../../src/places/config';

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

/** The resident commands; in a group they point to the private chat (`?start=<command>` continues there). */
const RESIDENT_COMMANDS = {
  repair: (ctx: BotContext) => enter(ctx, 'repair'),
  complain: (ctx: BotContext) => enter(ctx, 'complaint'),
  emergency: (ctx: BotContext) => enter(ctx, 'emergency'),
  ask: (ctx: BotContext) => enter(ctx, 'inquiry'),
  my: (ctx: BotContext) => showMyTickets(ctx),
  profile: (ctx: BotContext) => enter(ctx, 'profile'),
} as const;
type ResidentCommand = keyof typeof RESIDENT_COMMANDS;
const isResidentCommand = (payload: string): payload is ResidentCommand => Object.hasOwn(RESIDENT_COMMANDS, payload);

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
  const payload = ctx.match.trim();
  // A scanned QR code of an office place (扫码报修): a repair already placed, for anyone.
  if (placeByCode(ctx.services.policy, payload)) return enter(ctx, 'repair', { place: payload });
  if (!isResidentCommand(payload)) {
    const actor = await ctx.services.staff.actorFor({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username });
    if (isStaffRole(actor.role)) return staffStart(ctx, actor);
  }
  await ctx.reply(ctx.t('welcome', { name: ctx.from.first_name, office: ctx.services.policy.name[ctx.lang] }), {
    parse_mode: 'HTML',
    reply_markup: mainMenu(ctx.services.texts, ctx.lang),
  });
  // From a group's "open the private chat" button: carry on with what was asked there.
  if (isResidentCommand(payload)) await RESIDENT_COMMANDS[payload](ctx);
});

privateChats.command('repair', (ctx) => RESIDENT_COMMANDS.repair(ctx));
privateChats.command('profile', (ctx) => RESIDENT_COMMANDS.profile(ctx));

privateChats.command('complain', (ctx) => RESIDENT_COMMANDS.complain(ctx));
privateChats.command('emergency', (ctx) => RESIDENT_COMMANDS.emergency(ctx));
privateChats.command('ask', (ctx) => RESIDENT_COMMANDS.ask(ctx));
privateChats.command('my', (ctx) => RESIDENT_COMMANDS.my(ctx));

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

/**
 * In a group, a resident's command or /help: reports are made privately (the contact and the
 * flat never show in a group), so answer with a button that opens the private chat with
 * `?start=<command>`: Start there carries on with what was asked (or just welcomes).
 */
export async function pointToPrivateChat(ctx: BotContext, command: string): Promise<void> {
  const { services } = ctx;
  const from = ctx.from!;
  // Addressed to whoever asked, in their language (the group's other messages use the office's).
  const lang = pickLanguage(await services.residents.language(from.id), from.language_code, services.policy.language);
  const t = (key: string, args?: Record<string, string>) => services.texts.t(lang, key, args);
  const lines = [command === 'help' ? t('help-group-resident', { office: services.policy.name[lang] }) : t('group-use-private')];
  if (command === 'emergency') {
    lines.unshift(t('group-emergency-call'), t('emergency-numbers'));
    const phone = services.policy.dutyPhone.trim();
    if (phone) lines.splice(2, 0, t('emergency-duty-phone', { phone }));
  }
  const keyboard = new InlineKeyboard().url(services.texts.plain(lang, 'btn-open-private'), `https://t.me/${ctx.me.username}?start=${command}`);
  await ctx.reply(lines.join('\n'), {
    parse_mode: 'HTML',
    reply_markup: keyboard,
    reply_parameters: { message_id: ctx.msg!.message_id, allow_sending_without_reply: true },
  });
}

const groups = resident.chatType(['group', 'supergroup']);
groups.command([...Object.keys(RESIDENT_COMMANDS), 'start', 'lang'], (ctx) => pointToPrivateChat(ctx, ctx.msg.text.slice(1).split(/[@\s]/)[0].toLowerCase()));
