/**
 * Complaint steps shared by the complaint tests: an office whose customer service centre has
 * its own group (so "which group saw what" means something), filing a complaint the way a
 * resident does, and a scan of everything the bot sent anywhere but the resident's chat.
 */
import type { OfficePolicy } from '../../src/config/office';
import type { RecordedCall } from './fakeTelegram';
import { answerRegistration, refIn, type Profile } from './flows';
import { people, STAFF_CHAT, testPolicy, type Harness } from './harness';
import { user, type TgUser } from './updates';

/** The customer service centre's own group (complaints go there). */
export const SERVICE_CHAT = -1001000000002;
/** A clerk of the customer service centre, and its head. */
export const clerk = user(701, '小周', { language_code: 'zh-hans', username: 'zhou_cs' });
export const serviceHead = user(802, '刘主管', { language_code: 'zh-hans' });

/** Engineering (zhang, li, head) in STAFF_CHAT; customer service (clerk, serviceHead) in SERVICE_CHAT. */
export function complaintPolicy(overrides: Partial<OfficePolicy> = {}): OfficePolicy {
  const base = testPolicy();
  const departments = base.departments.map((d) => (d.id === 'service' ? { ...d, chat: { chatId: SERVICE_CHAT }, heads: [serviceHead.id] } : d));
  return testPolicy({ departments, ...overrides });
}

/** Who is in the service group, as getChatMember says. */
export function seatServiceStaff(h: Harness): void {
  h.fake.setChatMember(SERVICE_CHAT, clerk.id, 'member');
  h.fake.setChatMember(SERVICE_CHAT, serviceHead.id, 'member');
}

export interface ComplaintAnswers {
  subject: 'service' | 'staff' | 'fees' | 'environment' | 'neighbours' | 'developer' | 'other';
  /** For 'staff': a department id, or 'unsure'. */
  staffDepartment?: string;
  /** 'today' | 'yesterday' | 'week' press a quick answer; anything else is typed. */
  when: string;
  /** 'none' presses "no particular place"; anything else is typed. */
  where: string;
  what: string;
  wants: string;
  photos?: string[];
  videos?: string[];
  anonymous?: boolean;
  /** For anonymous complaints: may staff see the unit? */
  showUnit?: boolean;
}

/** /complain, registering on the way when the resident has no profile yet. Leaves the subject question open. */
export async function startComplaint(h: Harness, who: TgUser, profile?: Profile): Promise<void> {
  const registered = (await h.services.residents.get(who.id))?.registered;
  await h.send(h.u.command(who, 'complain'));
  if (!registered) {
    if (!profile) throw new Error(`${who.first_name} is not registered: give a profile`);
    await answerRegistration(h, who, profile);
  }
}

/** From the subject question to the summary (not confirmed). */
export async function answerComplaint(h: Harness, who: TgUser, a: ComplaintAnswers): Promise<void> {
  const at = who.id;
  await h.press(who, at, `sc:${a.subject}`);
  if (a.subject === 'staff') await h.press(who, at, a.staffDepartment === 'unsure' || !a.staffDepartment ? 'sc:_unsure' : `sc:${a.staffDepartment}`);
  if (['today', 'yesterday', 'week'].includes(a.when)) await h.press(who, at, `sc:${a.when}`);
  else await h.say(who, a.when);
  if (a.where === 'none') await h.press(who, at, 'sc:none');
  else await h.say(who, a.where);
  await h.say(who, a.what);
  await h.say(who, a.wants);
  for (const photo of a.photos ?? []) await h.send(h.u.photo(who, photo));
  for (const video of a.videos ?? []) await h.send(h.u.video(who, video));
  await h.press(who, at, 'sc:done');
  await h.press(who, at, a.anonymous ? 'sc:anonymous' : 'sc:named');
  if (a.anonymous && a.showUnit !== undefined) await h.press(who, at, a.showUnit ? 'sc:show' : 'sc:hide');
}

/** A whole complaint, confirmed; returns the reference the resident was given. */
export async function fileComplaint(h: Harness, who: TgUser, a: ComplaintAnswers, profile?: Profile): Promise<string> {
  await startComplaint(h, who, profile);
  await answerComplaint(h, who, a);
  await h.press(who, who.id, 'sc:confirm');
  return refIn(h.fake.lastTextTo(who.id));
}

/** The complaint card in a chat (group or a head's private chat): the message whose text names the reference and has card buttons. */
export function complaintCard(h: Harness, chatId: number, ref: string) {
  const card = h.fake.messagesIn(chatId).find((m) => !m.deleted && (m.text ?? '').includes(`投诉 ${ref}`) && (m.text ?? '').includes('🎯'));
  if (!card) throw new Error(`no complaint card for ${ref} in ${chatId}`);
  return card;
}

/** Everything a person must never learn about an anonymous complainant. */
export interface Identity {
  name: string;
  phoneDigits: string; // 11-digit national mobile, e.g. 13812345678
  room: string;
  telegramId: number;
  username?: string;
  firstName: string;
  lastName?: string;
}

function phoneForms(digits: string): string[] {
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)];
  return [`+86${digits}`, `86${digits}`, digits, `${a} ${b} ${c}`, `${a}-${b}-${c}`, `${a}****${c}`, `+86 ${a}****${c}`];
}

/**
 * Every call the bot made that anyone but the resident sees: all calls to another chat, and
 * all answerCallbackQuery toasts (shown to whoever pressed). Reads are left out.
 */
export function callsSeenByOthers(h: Harness, residentId: number): RecordedCall[] {
  return h.fake.calls.filter((c) => {
    if (c.method.startsWith('get')) return false;
    if (c.method === 'answerCallbackQuery') return true;
    return c.params.chat_id !== undefined && String(c.params.chat_id) !== String(residentId);
  });
}

function stringsIn(call: RecordedCall): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk([call.params, call.result]);
  return out;
}

/** The places where an identity shows up in these calls, as "method → chat: what"; empty when none. */
export function identityLeaks(calls: RecordedCall[], who: Identity): string[] {
  const words = [who.name, who.firstName, ...(who.lastName ? [who.lastName] : []), ...(who.username ? [who.username, `@${who.username}`] : []), ...phoneForms(who.phoneDigits)];
  const numbers = [who.room, String(who.telegramId)];
  const leaks: string[] = [];
  for (const call of calls) {
    // Everything sent and everything Telegram showed back (rendered texts, captions, buttons).
    const seen = JSON.stringify({ params: call.params, result: call.result });
    const found = [
      ...words.filter((w) => seen.includes(w)),
      ...numbers.filter((n) => new RegExp(`(?<!\\d)${n}(?!\\d)`).test(seen)),
      // A number written any other way ("138 1234 5678", "138.1234.5678") within one text.
      ...(stringsIn(call).some((s) => s.replace(/\D/g, '').includes(who.phoneDigits)) ? ['phone digits'] : []),
    ];
    if (found.length > 0) leaks.push(`${call.method} → ${call.params.chat_id ?? 'toast'}: ${found.join(', ')}`);
  }
  return leaks;
}

export { people, STAFF_CHAT };
