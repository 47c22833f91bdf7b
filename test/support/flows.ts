/**
 * Resident and staff steps that many bot tests share, driven exactly like Telegram would:
 * updates in through the harness, buttons pressed on the messages the fake server holds.
 */
import type { Harness } from './harness';
import type { TgUser } from './updates';

export interface Profile {
  name: string;
  phone: string;
  address: string;
}

export const ALICE_PROFILE: Profile = { name: '爱丽丝', phone: '138 1234 5678', address: '3栋2单元1201' };

export interface RepairAnswers {
  kind: 'household' | 'public' | 'defect' | 'equipment';
  category: string;
  /** For paid categories: press "I agree to the fee". */
  agree?: boolean;
  /** 'home' presses "my flat"; anything else is typed. Defaults to 'home' or a public place. */
  location?: string;
  description: string;
  photos?: string[];
}

const REF = /[A-Z]{2}-\d{8}-\d{3,}/;

export function refIn(text: string | undefined): string {
  const m = REF.exec(text ?? '');
  if (!m) throw new Error(`no reference number in: ${text}`);
  return m[0];
}

/** Answers the registration questions; the bot must be asking for the name. */
export async function answerRegistration(h: Harness, who: TgUser, profile: Profile): Promise<void> {
  await h.say(who, profile.name);
  await h.say(who, profile.phone);
  await h.say(who, profile.address);
  await h.press(who, who.id, 'sc:save');
}

/** /repair, registering on the way when the resident has no profile yet. Leaves the kind question open. */
export async function startRepair(h: Harness, who: TgUser, profile: Profile = ALICE_PROFILE): Promise<void> {
  const registered = (await h.services.residents.get(who.id))?.registered;
  await h.send(h.u.command(who, 'repair'));
  if (!registered) await answerRegistration(h, who, profile);
}

/** From the kind question to the summary (not confirmed). */
export async function answerRepair(h: Harness, who: TgUser, a: RepairAnswers): Promise<void> {
  await h.press(who, who.id, `sc:${a.kind}`);
  await h.press(who, who.id, `sc:${a.category}`);
  if (a.agree) await h.press(who, who.id, 'sc:agree');
  const visited = a.kind === 'household' || a.kind === 'defect';
  const location = a.location ?? (visited ? 'home' : '5栋大堂门口');
  if (location === 'home') await h.press(who, who.id, 'sc:home');
  else await h.say(who, location);
  await h.say(who, a.description);
  for (const photo of a.photos ?? []) await h.send(h.u.photo(who, photo));
  await h.press(who, who.id, 'sc:done');
  if (visited) await h.press(who, who.id, 'sc:asap');
}

/** A whole report, confirmed; returns the reference number the resident was given. */
export async function fileRepair(h: Harness, who: TgUser, a: RepairAnswers, profile?: Profile): Promise<string> {
  await startRepair(h, who, profile);
  await answerRepair(h, who, a);
  await h.press(who, who.id, 'sc:confirm');
  return refIn(h.fake.lastTextTo(who.id));
}

/** The card's current text as the group sees it. */
export function cardText(h: Harness, chatId: number, ref: string): string {
  const card = h.fake.messagesIn(chatId).find((m) => !m.deleted && (m.text ?? '').includes(ref) && (m.text ?? '').includes('📝'));
  if (!card) throw new Error(`no card for ${ref} in ${chatId}`);
  return card.text!;
}

/** Resolve from the card: the owner (or head/manager) writes the result in private chat. */
export async function resolveTicket(h: Harness, staff: TgUser, chatId: number, ref: string, result: string, fee?: string): Promise<void> {
  await h.press(staff, chatId, `tk:res:${ref}`);
  await h.press(staff, staff.id, `tk:rsp:${ref}`);
  await h.say(staff, result);
  await h.press(staff, staff.id, 'sc:done');
  if (fee !== undefined) await h.press(staff, staff.id, `sc:${fee}`);
  await h.press(staff, staff.id, 'sc:yes');
}

/** Texts of all answerCallbackQuery calls so far (what the pressing user saw as a toast or alert). */
export function callbackAnswers(h: Harness): string[] {
  return h.fake.callsOf('answerCallbackQuery').map((c) => String(c.params.text ?? ''));
}

/**
 * A callback with any data on a given message (default: the newest message in that chat),
 * as an impatient user (a button already gone) or a forger would send it.
 */
export async function sendCallback(h: Harness, who: TgUser, chatId: number, data: string, messageId?: number): Promise<void> {
  const id = messageId ?? h.fake.messagesIn(chatId).at(-1)?.message_id ?? 1;
  await h.send(h.u.callback(who, data, { chatId, messageId: id }));
}
