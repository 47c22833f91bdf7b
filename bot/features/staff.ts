/**
 * Staff side: card buttons (Claim, Arrived, Resolve), deep links into the private chat,
 * and learning who is staff from what happens in the staff groups.
 */
import { Composer, GrammyError, InlineKeyboard } from 'grammy';
import { canSeeContact } from '../../src/tickets/rules';
import { staffData } from '../callbacks';
import type { BotContext } from '../context';
import { isForbidden, type Notifier } from '../notify';
import { renderContact } from '../render/card';
import { refusalText } from '../refusals';

const MEMBER_STATUSES = ['creator', 'administrator', 'member'];

export function staffFeature(notifier: Notifier): Composer<BotContext> {
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

  staff.callbackQuery(/^tk:(claim|arr|res|rsp):([A-Z]{2}-\d{8}-\d{3,})$/, async (ctx) => {
    const [, action, ref] = ctx.match as RegExpMatchArray;
    const { services } = ctx;
    const t = (key: string, args?: Record<string, string>) => services.texts.plain(services.policy.language, key, args);
    const actor = await services.staff.actorFor({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username });
    const refuse = async (refusal: Parameters<typeof refusalText>[0]) => {
      const text = refusalText(refusal, ref, services.texts, services.policy.language).replace(/<[^>]+>/g, '');
      await ctx.answerCallbackQuery({ text, show_alert: refusal.reason !== 'already_claimed' });
    };

    if (action === 'claim') {
      const result = await services.tickets.claim(ref, actor);
      if (!result.ok) {
        if (result.ticket && result.reason !== 'not_staff' && result.reason !== 'wrong_department') await notifier.refreshCard(result.ticket);
        return refuse(result);
      }
      await notifier.refreshCard(result.ticket);
      await notifier.tellResident(result.ticket, result.event);
      // Anonymous complaints have no contact to give, to anyone.
      if (!canSeeContact(actor, result.ticket)) return void (await ctx.answerCallbackQuery({ text: t('claim-ok-anonymous', { ref }) }));
      // With contacts on cards nothing is sent privately, so don't say it was.
      if (services.policy.contactOnCard && result.ticket.kind !== 'emergency') {
        return void (await ctx.answerCallbackQuery({ text: t('claim-ok-on-card', { ref }) }));
      }
      const contactDelivered = await notifier.sendContactTo(result.ticket, ctx.from.id);
      if (contactDelivered) return void (await ctx.answerCallbackQuery({ text: t('claim-ok', { ref }) }));
      // Never started the bot: Telegram opens its chat, and Start there shows the contact.
      return void (await ctx.answerCallbackQuery({ url: `https://t.me/${ctx.me.username}?start=ct_${ref}` }));
    }

    if (action === 'arr') {
      const result = await services.tickets.arrive(ref, actor);
      if (!result.ok) return refuse(result);
      await notifier.refreshCard(result.ticket);
      await notifier.tellResident(result.ticket, result.event);
      return void (await ctx.answerCallbackQuery({ text: t('arrived-ok', { ref }) }));
    }

    // Resolve: the result is typed in the private chat with the bot.
    const { refusal } = await services.tickets.check(ref, 'resolve', actor);
    if (refusal) return refuse(refusal);
    if (ctx.chat?.type === 'private') {
      await ctx.answerCallbackQuery();
      if (Object.keys(await ctx.conversation.active()).length > 0) return void (await ctx.reply(ctx.t('scene-busy'), { parse_mode: 'HTML' }));
      return ctx.conversation.enter('resolve', ref);
    }
    try {
      await ctx.api.sendMessage(ctx.from.id, services.texts.t(services.policy.language, 'resolve-dm', { ref }), {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text(t('btn-write-result'), staffData('rsp', ref)),
      });
      await ctx.answerCallbackQuery({ text: t('resolve-see-dm', { ref }) });
    } catch (error) {
      if (!isForbidden(error)) throw error;
      // Never started: Telegram opens the bot's chat from this link, Start continues there.
      await ctx.answerCallbackQuery({ url: `https://t.me/${ctx.me.username}?start=rs_${ref}` });
    }
  });

  // Deep links: rs_REF continues a Resolve, ct_REF shows the claimed ticket's contact.
  staff.chatType('private').command('start', async (ctx, next) => {
    const match = /^(rs|ct)_([A-Z]{2}-\d{8}-\d{3,})$/.exec(ctx.match);
    if (!match) return next();
    const [, kind, ref] = match;
    const { services } = ctx;
    await services.staff.rememberProfile({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username }, true);
    const actor = await services.staff.actorFor({ id: ctx.from.id, firstName: ctx.from.first_name });
    if (kind === 'rs') {
      const { refusal } = await services.tickets.check(ref, 'resolve', actor);
      if (refusal) return void (await ctx.reply(refusalText(refusal, ref, services.texts, services.policy.language), { parse_mode: 'HTML' }));
      return ctx.conversation.enter('resolve', ref);
    }
    const ticket = await services.tickets.get(ref);
    if (ticket?.anonymous) return void (await ctx.reply(services.texts.t(services.policy.language, 'contact-anonymous', { ref }), { parse_mode: 'HTML' }));
    if (!ticket || !canSeeContact(actor, ticket)) {
      return void (await ctx.reply(refusalText({ reason: 'not_owner', owner: ticket?.owner }, ref, services.texts, services.policy.language), { parse_mode: 'HTML' }));
    }
    await ctx.reply(renderContact(ticket, services.policy, services.texts), { parse_mode: 'HTML' });
  });

  return staff;
}

export function isBadRequest(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400;
}
