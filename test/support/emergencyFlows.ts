/**
 * Emergencies and inquiries, driven like Telegram would: an office with several staff
 * groups, heads and a manager, and the resident's and staff's steps shared by the tests.
 */
import type { OfficePolicy } from '../../src/config/office';
import type { EmergencyType } from '../../src/tickets/types';
import { ALICE_PROFILE, answerRegistration, refIn, type Profile } from './flows';
import { people, STAFF_CHAT, testPolicy, type Harness } from './harness';
import { user, type TgUser } from './updates';

/** Security (where emergencies are routed) and the customer service centre (inquiries) get their own groups. */
export const SECURITY_CHAT = -1001000000003;
export const SERVICE_CHAT = -1001000000004;

export const more = {
  /** A guard in the security group. */
  guard: user(611, '吴', { language_code: 'zh-hans' }),
  /** A clerk of the customer service centre. */
  clerk: user(621, '周', { language_code: 'zh-hans' }),
  /** Head of security. */
  securityHead: user(811, '赵主管', { language_code: 'zh-hans' }),
  /** Head of cleaning, who never opened a private chat with the bot. */
  cleaningHead: user(821, '孙主管', { language_code: 'zh-hans' }),
  /** Never registered with the office; speaks English. */
  carol: user(503, 'Carol', { language_code: 'en' }),
};

/**
 * Engineering and cleaning share STAFF_CHAT, security and service have a group each: three
 * staff groups. Heads: engineering (head), security, cleaning; plus the manager.
 */
export function multiGroupPolicy(): OfficePolicy {
  const policy = testPolicy();
  const chats: Record<string, number> = { engineering: STAFF_CHAT, cleaning: STAFF_CHAT, security: SECURITY_CHAT, service: SERVICE_CHAT };
  const heads: Record<string, number[]> = {
    engineering: [people.head.id],
    cleaning: [more.cleaningHead.id],
    security: [more.securityHead.id],
    service: [],
  };
  policy.departments = policy.departments.map((d) => ({ ...d, chat: { chatId: chats[d.id] }, heads: heads[d.id] }));
  return policy;
}

/** Who is in which group, as getChatMember would say; the cleaning head never started the bot. */
export function seatStaff(h: Harness): void {
  h.fake.setChatMember(SECURITY_CHAT, more.guard.id, 'member');
  h.fake.setChatMember(SECURITY_CHAT, more.securityHead.id, 'member');
  h.fake.setChatMember(SERVICE_CHAT, more.clerk.id, 'member');
  h.fake.neverStarted(more.cleaningHead.id);
}

/** /profile for a resident without one: the registration questions, answered. */
export async function register(h: Harness, who: TgUser, profile: Profile = ALICE_PROFILE): Promise<void> {
  await h.send(h.u.command(who, 'profile'));
  await answerRegistration(h, who, profile);
}

export interface EmergencyAnswers {
  what: EmergencyType;
  /** 'home' = "my flat", 'skip' = can't say, anything else is typed. */
  where: 'home' | 'skip' | string;
  /** Only asked of unregistered residents: 'contact' shares it, 'refuse' declines, anything else is typed. */
  phone?: 'contact' | 'refuse' | string;
}

/** /emergency to the end; returns the reference the resident was given. */
export async function fileEmergency(h: Harness, who: TgUser, a: EmergencyAnswers): Promise<string> {
  await h.send(h.u.command(who, 'emergency'));
  await answerEmergency(h, who, a);
  return refIn(h.fake.lastTextTo(who.id));
}

/** The answers after the type question has been asked. */
export async function answerEmergency(h: Harness, who: TgUser, a: EmergencyAnswers): Promise<void> {
  await h.press(who, who.id, `sc:${a.what}`);
  if (a.where === 'home' || a.where === 'skip') await h.press(who, who.id, `sc:${a.where}`);
  else await h.say(who, a.where);
  if (a.phone === 'contact') await h.send(h.u.contact(who, '8613900001111'));
  else if (a.phone === 'refuse') await h.say(who, h.services.texts.plain(who.language_code === 'en' ? 'en' : 'zh-CN', 'btn-emergency-no-phone'));
  else if (a.phone !== undefined) await h.say(who, a.phone);
}

/** /ask with a registered resident: the question, a photo or skip; returns the reference. */
export async function fileInquiry(h: Harness, who: TgUser, question: string, photo?: string): Promise<string> {
  await h.send(h.u.command(who, 'ask'));
  await h.say(who, question);
  if (photo) await h.send(h.u.photo(who, photo));
  else await h.press(who, who.id, 'sc:skip');
  return refIn(h.fake.lastTextTo(who.id));
}

/** 💬 Reply on the card in the group, then the answer written in the private chat and sent. */
export async function answerInquiry(h: Harness, staff: TgUser, chatId: number, ref: string, text: string, photo?: string): Promise<void> {
  await h.press(staff, chatId, `tk:ans:${ref}`);
  await h.press(staff, staff.id, `tk:ans:${ref}`);
  await h.say(staff, text);
  if (photo) await h.send(h.u.photo(staff, photo));
  else await h.press(staff, staff.id, 'sc:skip');
  await h.press(staff, staff.id, 'sc:send');
}

/** The current text and button data of every copy of a ticket's card, wherever it was posted. */
export async function cardCopies(h: Harness, ref: string): Promise<{ chatId: number; text: string; buttons: string[] }[]> {
  const cards = await h.services.tickets.cards(ref);
  return cards.map((card) => {
    const message = h.fake.message(card.chatId, card.messageId);
    if (!message) throw new Error(`card of ${ref} in ${card.chatId} is gone`);
    return { chatId: card.chatId, text: message.text ?? '', buttons: h.fake.buttonsOf(message).map((b) => b.data ?? '') };
  });
}
