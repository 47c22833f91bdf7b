/**
 * Staff side: card buttons (Claim, Arrived, Resolve), deep links into the private chat,
 * and learning who is staff from what happens in the staff groups.
 */
import { Composer, GrammyError } from 'grammy';
import { REF_SOURCE } from '../../src/tickets/reference';
import { canSeeContact } from '../../src/tickets/rules';
import type { TicketState } from '../../src/tickets/types';
import { staffData } from '../callbacks';
import type { BotContext } from '../context';
import { continueInPrivate, formAlreadyOpen, refusalHtml, refuseWithToast } from '../kit';
import { isForbidden } from '../outbox/errors';
import { renderContact } from '../render/card';

/** The resident's contact to whoever just claimed (the direct answer to the press); false when they never started the bot. */
async function sendContact(ctx: BotContext, ticket: TicketState): Promise<boolean> {
  const { services } = ctx;
  try {
    await ctx.api.sendMessage(ctx.from!.id, renderContact(ticket, services.policy, services.texts), { parse_mode: 'HTML' });
    await services.staff.rememberProfile({ id: ctx.from!.id, firstName: ctx.from!.first_name, username: ctx.from!.username }, true);
    return true;
  } catch (error) {
    if (isForbidden(error)) return false;
    throw error;
  }
}

const MEMBER_STATUSES = ['creator', 'administrator', 'member'];

export function staffFeature(): Composer<BotContext> {
  const staff = new Composer<BotContext>();

  // Learning membership: someone who writes in a staff group is a member of it.
  const seen = new Map<string, number>();
  staff.on('message', async (ctx, next) => {
    const { services } = ctx;
    if (ctx.chat.type !== 'private' && services.staff.isStaffChat(ctx.chat.id)) {
      const key = `${ctx.chat.id}:${ctx.from.id}`;
      const now = services.clock.now().getTime();
      if (!ctx.from.is_bot && (seen.get(key) ?? 0) < now - 10 * 60_000) {
        seen.set(key, now);
        await services.staff.recordMembership(ctx.chat.id, ctx.from.id, true);
        // Remembered so that a head reassigning a ticket sees names, not ids.
        await services.staff.rememberProfile({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username });
      }
      for (const left of ctx.msg.left_chat_member ? [ctx.msg.left_chat_member] : []) {
        seen.delete(`${ctx.chat.id}:${left.id}`);
        await services.staff.recordMembership(ctx.chat.id, left.id, false);
      }
    }
    await next();
  });

  staff.on('chat_member', async (ctx) => {
    const { services } = ctx;
    if (!services.staff.isStaffChat(ctx.chat.id)) return;
    const member = ctx.chatMember.new_chat_member;
    const isMember = MEMBER_STATUSES.includes(member.status) || (member.status === 'restricted' && member.is_member);
    seen.delete(`${ctx.chat.id}:${member.user.id}`);
    await services.staff.recordMembership(ctx.chat.id, member.user.id, isMember);
    ctx.log.info({ chatId: ctx.chat.id, userId: member.user.id, isMember }, 'staff membership changed');
  });

  staff.callbackQuery(new RegExp(`^tk:(claim|arr|res|rsp):(${REF_SOURCE})$`), async (ctx) => {
    const [, action, ref] = ctx.match as RegExpMatchArray;
    const { services } = ctx;
    const t = (key: string, args?: Record<string, string>) => services.texts.plain(ctx.lang, key, args);
    const actor = await services.staff.actorFor({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username });

    if (action === 'claim') {
      const result = await services.tickets.claim(ref, actor);
      if (!result.ok) return refuseWithToast(ctx, result, ref);
      // Internal tasks name their filer on the card; anonymous complaints have no contact to give, to anyone.
      if (result.ticket.kind === 'task') return void (await ctx.answerCallbackQuery({ text: t('claim-ok-task', { ref }) }));
      if (!canSeeContact(actor, result.ticket)) return void (await ctx.answerCallbackQuery({ text: t('claim-ok-anonymous', { ref }) }));
      // With contacts on cards nothing is sent privately, so don't say it was.
      if (services.policy.contactOnCard && result.ticket.kind !== 'emergency') {
        return void (await ctx.answerCallbackQuery({ text: t('claim-ok-on-card', { ref }) }));
      }
      if (await sendContact(ctx, result.ticket)) return void (await ctx.answerCallbackQuery({ text: t('claim-ok', { ref }) }));
      // Never started the bot: Telegram opens its chat, and Start there shows the contact.
      return void (await ctx.answerCallbackQuery({ url: `https://t.me/${ctx.me.username}?start=ct_${ref}` }));
    }

    if (action === 'arr') {
      const result = await services.tickets.arrive(ref, actor);
      if (!result.ok) return refuseWithToast(ctx, result, ref);
      return void (await ctx.answerCallbackQuery({ text: t('arrived-ok', { ref }) }));
    }

    // Resolve: the result is typed in the private chat with the bot.
    const { refusal } = await services.tickets.check(ref, 'resolve', actor);
    if (refusal) return refuseWithToast(ctx, refusal, ref);
    if (ctx.chat?.type === 'private') {
      await ctx.answerCallbackQuery();
      if (await formAlreadyOpen(ctx)) return;
      return ctx.conversation.enter('resolve', ref);
    }
    await continueInPrivate(ctx, {
      text: services.texts.t(ctx.lang, 'resolve-dm', { ref }),
      button: t('btn-write-result'),
      data: staffData('rsp', ref),
      toast: t('resolve-see-dm', { ref }),
      startPayload: `rs_${ref}`,
    });
  });

  // Deep links: rs_REF continues a Resolve, ct_REF shows the claimed ticket's contact.
  staff.chatType('private').command('start', async (ctx, next) => {
    const match = new RegExp(`^(rs|ct)_(${REF_SOURCE})$`).exec(ctx.match);
    if (!match) return next();
    const [, kind, ref] = match;
    const { services } = ctx;
    await services.staff.rememberProfile({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username }, true);
    const actor = await services.staff.actorFor({ id: ctx.from.id, firstName: ctx.from.first_name });
    if (kind === 'rs') {
      const { refusal } = await services.tickets.check(ref, 'resolve', actor);
      if (refusal) return void (await ctx.reply(refusalHtml(ctx, refusal, ref), { parse_mode: 'HTML' }));
      return ctx.conversation.enter('resolve', ref);
    }
    const ticket = await services.tickets.get(ref);
    if (ticket?.anonymous) return void (await ctx.reply(services.texts.t(services.policy.language, 'contact-anonymous', { ref }), { parse_mode: 'HTML' }));
    if (!ticket || !canSeeContact(actor, ticket)) {
      return void (await ctx.reply(refusalHtml(ctx, { reason: 'not_owner', owner: ticket?.owner }, ref), { parse_mode: 'HTML' }));
    }
    await ctx.reply(renderContact(ticket, services.policy, services.texts), { parse_mode: 'HTML' });
  });

  return staff;
}

export function isBadRequest(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400;
}
