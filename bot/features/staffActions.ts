/**
 * The card's other buttons: Note, Reschedule and Release (typed in the private chat, in the
 * staffInput scene), Transfer and Reassign (a picker of departments or staff under the
 * card). Every press is decided by the domain core; a press on a card whose ticket has moved
 * on is answered with the current state and the card is brought up to date.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { departmentById, type OfficePolicy } from '../../src/config/office';
import type { Actor } from '../../src/people/actors';
import { accusedDepartment } from '../../src/reactions/consequences';
import { REF_SOURCE } from '../../src/tickets/reference';
import type { Refusal } from '../../src/tickets/rules';
import { STAFF_INPUT_CHECK, type StaffInputAction } from '../../scenes/staffInput';
import { staffCallback, staffData } from '../callbacks';
import type { BotContext } from '../context';
import { continueInPrivate, formAlreadyOpen, refusalHtml, refuseWithToast } from '../kit';
import { isNotModified } from '../outbox/errors';
import { departmentName } from '../render/format';

/** The picker's own "cancel": department ids start with a letter, user ids are digits. */
const CLOSE = '_';
/** Callback arguments are at most 24 characters; a longer department id goes by its position. */
const MAX_ARG = 24;
const HTML = { parse_mode: 'HTML' as const };
const DM_PROMPT: Record<StaffInputAction, string> = { note: 'note-dm', rsch: 'rsch-dm', rel: 'rel-dm', dup: 'dup-dm', pub: 'pub-dm' };
const DM_BUTTON: Record<StaffInputAction, string> = { note: 'btn-note-dm', rsch: 'btn-rsch-dm', rel: 'btn-rel-dm', dup: 'btn-dup-dm', pub: 'btn-pub-dm' };

function departmentArg(policy: OfficePolicy, id: string): string {
  return id.length <= MAX_ARG ? id : `_${policy.departments.findIndex((d) => d.id === id)}`;
}

function departmentOfArg(policy: OfficePolicy, arg: string): string | undefined {
  const byIndex = /^_(\d+)$/.exec(arg);
  return byIndex ? policy.departments[Number(byIndex[1])]?.id : departmentById(policy, arg)?.id;
}

export function staffActionsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  /** The presser as the domain sees them; staff are remembered by first name for the reassign picker. */
  async function actorOf(ctx: BotContext): Promise<Actor> {
    const user = { id: ctx.from!.id, firstName: ctx.from!.first_name, username: ctx.from!.username };
    const actor = await ctx.services.staff.actorFor(user);
    if (actor.role !== 'resident') await ctx.services.staff.rememberProfile(user);
    return actor;
  }

  /** Was the pressed message one of the ticket's cards (rather than a picker, a DM or a /ticket answer)? */
  async function pressedCard(ctx: BotContext, ref: string): Promise<boolean> {
    const message = ctx.callbackQuery?.message;
    if (!message) return false;
    const cards = await ctx.services.tickets.cards(ref);
    return cards.some((c) => c.chatId === message.chat.id && c.messageId === message.message_id);
  }

  /** An outdated message that is not a card loses its buttons: they no longer fit the ticket. */
  async function retireButtons(ctx: BotContext, ref: string): Promise<void> {
    if (!ctx.callbackQuery?.message || (await pressedCard(ctx, ref))) return;
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
  }

  /** A polite refusal; a picker or a private copy that no longer fits the ticket loses its buttons (the core updates the cards). */
  async function refuse(ctx: BotContext, ref: string, refusal: Refusal): Promise<void> {
    if (refusal.reason === 'wrong_state') await retireButtons(ctx, ref);
    await refuseWithToast(ctx, refusal, ref);
  }

  /** Says what the ticket is now instead of acting; `text` is plain. */
  async function answerCurrent(ctx: BotContext, ref: string, text: string): Promise<void> {
    await retireButtons(ctx, ref);
    await ctx.answerCallbackQuery({ text, show_alert: true });
  }

  // --- Note, Reschedule, Release: written in the private chat -----------------------------------

  async function enterScene(ctx: BotContext, action: StaffInputAction, ref: string): Promise<void> {
    if (await formAlreadyOpen(ctx)) return;
    await ctx.conversation.enter('staffInput', action, ref);
  }

  for (const action of ['note', 'rsch', 'rel', 'dup', 'pub'] as const) {
    composer.callbackQuery(staffCallback(action), async (ctx) => {
      const ref = ctx.match[1];
      const { services } = ctx;
      const { texts } = services;
      const lang = services.policy.language;
      const { refusal } = await services.tickets.check(ref, STAFF_INPUT_CHECK[action], await actorOf(ctx));
      if (refusal) return refuse(ctx, ref, refusal);
      if (ctx.chat?.type === 'private') {
        await ctx.answerCallbackQuery();
        return enterScene(ctx, action, ref);
      }
      await continueInPrivate(ctx, {
        text: texts.t(lang, DM_PROMPT[action], { ref }),
        button: texts.plain(lang, DM_BUTTON[action]),
        data: staffData(action, ref),
        toast: texts.plain(lang, 'staff-see-dm', { ref }),
        startPayload: `st_${action}_${ref}`,
      });
    });
  }

  // Deep links st_<action>_REF continue a Note, Reschedule or Release in the private chat.
  composer.chatType('private').command('start', async (ctx, next) => {
    const match = new RegExp(`^st_(note|rsch|rel|dup|pub)_(${REF_SOURCE})$`).exec(ctx.match);
    if (!match) return next();
    const action = match[1] as StaffInputAction;
    const ref = match[2];
    const { services } = ctx;
    await services.staff.rememberProfile({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username }, true);
    const { refusal } = await services.tickets.check(ref, STAFF_INPUT_CHECK[action], await actorOf(ctx));
    if (refusal) return void (await ctx.reply(refusalHtml(ctx, refusal, ref), HTML));
    await enterScene(ctx, action, ref);
  });

  // --- Transfer and Reassign: a picker under the pressed message --------------------------------

  async function showPicker(ctx: BotContext, text: string, keyboard: InlineKeyboard): Promise<void> {
    const pressed = ctx.callbackQuery!.message!;
    await ctx.reply(text, { ...HTML, reply_markup: keyboard, reply_parameters: { message_id: pressed.message_id, allow_sending_without_reply: true } });
    await ctx.answerCallbackQuery();
  }

  /** The picker says what became of it (and keeps no buttons); a card is left to the core (src/reactions). */
  async function closePicker(ctx: BotContext, ref: string, text?: string): Promise<void> {
    if (await pressedCard(ctx, ref)) return;
    if (text === undefined) {
      await ctx.deleteMessage().catch(() => undefined);
      return;
    }
    await ctx.editMessageText(text, { ...HTML, reply_markup: { inline_keyboard: [] } }).catch((error) => {
      if (!isNotModified(error)) throw error;
    });
  }

  composer.callbackQuery(staffCallback('tr'), async (ctx) => {
    const [, ref, arg] = ctx.match;
    const { services } = ctx;
    const { policy, texts } = services;
    const lang = policy.language;
    const actor = await actorOf(ctx);
    const { ticket, refusal } = await services.tickets.check(ref, 'transfer', actor);
    const to = arg && arg !== CLOSE ? departmentOfArg(policy, arg) : undefined;
    // A second press after the move: the ticket is already where this press would send it.
    if (ticket && to === ticket.department && actor.role !== 'resident') {
      return answerCurrent(ctx, ref, texts.plain(lang, 'tr-already-there', { ref, department: departmentName(policy, to, lang) }));
    }
    if (refusal) return refuse(ctx, ref, refusal);
    if (arg === CLOSE) {
      await closePicker(ctx, ref);
      return void (await ctx.answerCallbackQuery());
    }
    if (arg === undefined) {
      const keyboard = new InlineKeyboard();
      const others = policy.departments.filter((d) => d.id !== ticket!.department && d.id !== accusedDepartment(ticket!));
      others.forEach((d, i) => {
        keyboard.text(d.name[lang], staffData('tr', ref, departmentArg(policy, d.id)));
        if (i % 2 === 1) keyboard.row();
      });
      if (others.length % 2 === 1) keyboard.row();
      keyboard.text(texts.plain(lang, 'btn-cancel'), staffData('tr', ref, CLOSE));
      return showPicker(ctx, texts.t(lang, 'tr-pick', { ref, department: departmentName(policy, ticket!.department, lang) }), keyboard);
    }
    if (!to || to === accusedDepartment(ticket!)) return refuse(ctx, ref, { reason: 'not_applicable' });
    const result = await services.tickets.transfer(ref, actor, to);
    if (!result.ok) return refuse(ctx, ref, result);
    const department = departmentName(policy, to, lang);
    await closePicker(ctx, ref, texts.t(lang, 'tr-done', { ref, department, name: actor.name }));
    await ctx.answerCallbackQuery({ text: texts.plain(lang, 'tr-ok', { ref, department }) });
  });

  composer.callbackQuery(staffCallback('ra'), async (ctx) => {
    const [, ref, arg] = ctx.match;
    const { services } = ctx;
    const { policy, texts } = services;
    const lang = policy.language;
    const actor = await actorOf(ctx);
    const { ticket, refusal } = await services.tickets.check(ref, 'reassign', actor);
    if (refusal) return refuse(ctx, ref, refusal);
    const department = departmentById(policy, ticket!.department)!;
    const roster = () => services.staff.membersOf(department.chat.chatId, department.heads);
    if (arg === CLOSE) {
      await closePicker(ctx, ref);
      return void (await ctx.answerCallbackQuery());
    }
    if (arg === undefined) {
      const candidates = (await roster()).filter((m) => m.id !== ticket!.owner?.id).slice(0, 30);
      if (candidates.length === 0) {
        return void (await ctx.answerCallbackQuery({ text: texts.plain(lang, 'ra-nobody', { department: department.name[lang] }), show_alert: true }));
      }
      const keyboard = new InlineKeyboard();
      candidates.forEach((m, i) => {
        keyboard.text(m.firstName, staffData('ra', ref, m.id));
        if (i % 2 === 1) keyboard.row();
      });
      if (candidates.length % 2 === 1) keyboard.row();
      keyboard.text(texts.plain(lang, 'btn-cancel'), staffData('ra', ref, CLOSE));
      const owner = ticket!.owner?.name ?? texts.plain(lang, 'ra-no-owner');
      return showPicker(ctx, texts.t(lang, 'ra-pick', { ref, owner }), keyboard);
    }
    if (!/^\d{1,15}$/.test(arg)) return refuse(ctx, ref, { reason: 'not_applicable' });
    const targetId = Number(arg);
    if (ticket!.owner?.id === targetId) return answerCurrent(ctx, ref, texts.plain(lang, 'ra-already', { ref, name: ticket!.owner.name }));
    const name = (await roster()).find((m) => m.id === targetId)?.firstName ?? String(targetId);
    const target = await services.staff.actorFor({ id: targetId, firstName: name });
    const result = await services.tickets.reassign(ref, actor, target);
    if (!result.ok) {
      // The presser may reassign (checked above), so this refusal is about the person chosen.
      if (result.reason === 'wrong_department') {
        return void (await ctx.answerCallbackQuery({ text: texts.plain(lang, 'ra-target-not-staff', { ref, name }), show_alert: true }));
      }
      return refuse(ctx, ref, result);
    }
    await closePicker(ctx, ref, texts.t(lang, 'ra-done', { ref, name, by: actor.name }));
    await ctx.answerCallbackQuery({ text: texts.plain(lang, 'ra-ok', { ref, name }) });
  });

  return composer;
}
