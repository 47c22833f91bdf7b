/** Who may use a staff command here, and which departments' tickets "here" means (/open, /late). */
import { isStaffRole, type Actor } from '../../src/people/actors';
import type { BotContext } from '../context';

const HTML = { parse_mode: 'HTML' as const };

export const STATUS_ICON: Record<string, string> = { open: '🟡', claimed: '🔵', on_site: '🟣', reopened: '🔴' };

/** The caller if they are staff, in a staff chat or privately; otherwise the refusal is sent and null returned. */
export async function staffCaller(ctx: BotContext): Promise<Actor | null> {
  const { services } = ctx;
  const user = { id: ctx.from!.id, firstName: ctx.from!.first_name, username: ctx.from!.username };
  const actor = await services.staff.actorFor(user);
  if (!isStaffRole(actor.role)) {
    ctx.log.info({ userId: user.id, command: ctx.msg?.text }, 'staff command refused: not staff');
    await ctx.reply(services.texts.t(ctx.lang, 'refuse-not-staff'), HTML);
    return null;
  }
  await services.staff.rememberProfile(user);
  if (ctx.chat!.type !== 'private' && !services.staff.isStaffChat(ctx.chat!.id)) {
    await ctx.reply(services.texts.t(ctx.lang, 'cmd-staff-chat-only'), HTML);
    return null;
  }
  return actor;
}

/**
 * In a group: the departments posting to this chat (or this forum topic) — so a complaint
 * about a colleague is never listed in the colleague's group. Privately: those the caller
 * serves; everything for the manager.
 */
export function departmentsHere(ctx: BotContext, actor: Actor): string[] {
  const { policy } = ctx.services;
  const chatId = ctx.chat!.id;
  if (ctx.chat!.type !== 'private') {
    const thread = ctx.msg?.is_topic_message ? ctx.msg.message_thread_id : undefined;
    const inChat = policy.departments.filter((d) => d.chat.chatId === chatId);
    const inTopic = inChat.filter((d) => d.chat.threadId !== undefined && d.chat.threadId === thread);
    return (inTopic.length > 0 ? inTopic : inChat).map((d) => d.id);
  }
  if (actor.role === 'manager') return policy.departments.map((d) => d.id);
  return policy.departments.filter((d) => actor.headOf.includes(d.id) || actor.chats.includes(d.chat.chatId)).map((d) => d.id);
}
