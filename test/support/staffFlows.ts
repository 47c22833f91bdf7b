/**
 * Staff steps the card-action and staff-command tests share: an office with engineering and
 * cleaning in different groups, the private-chat flows behind Note / Reschedule / Release,
 * and what a ticket looks like before and after a press (to prove a refusal changed nothing).
 */
import type { OfficePolicy } from '../../src/config/office';
import { callbackAnswers, sendCallback } from './flows';
import { STAFF_CHAT, testPolicy, type Harness } from './harness';
import { user, type TgUser } from './updates';

/** Engineering keeps STAFF_CHAT (zhang, li, head); cleaning and the rest have their own groups. */
export const CLEANING_CHAT = -1001000000002;
export const OFFICE_CHAT = -1001000000003;

/** A cleaner: staff, but of another department than engineering. */
export const wu = user(611, '吴', { language_code: 'zh-hans' });

export function twoGroupPolicy(): OfficePolicy {
  const policy = testPolicy();
  const chatOf: Record<string, number> = { engineering: STAFF_CHAT, cleaning: CLEANING_CHAT };
  policy.departments = policy.departments.map((d) => ({ ...d, chat: { chatId: chatOf[d.id] ?? OFFICE_CHAT } }));
  return policy;
}

/** Who is in which group, as getChatMember would say (the harness already puts zhang, li, head in STAFF_CHAT). */
export function seatCleaner(h: Harness): void {
  h.fake.setChatMember(CLEANING_CHAT, wu.id, 'member');
}

export async function snapshot(h: Harness, ref: string) {
  const ticket = (await h.services.tickets.get(ref))!;
  return { status: ticket.status, owner: ticket.owner, department: ticket.department, seq: ticket.seq, events: (await h.services.tickets.history(ref)).length };
}

/** Sends a callback and returns the one answer it got (a refusal must never be silent). */
export async function pressData(h: Harness, who: TgUser, chatId: number, data: string, messageId?: number): Promise<string> {
  const before = callbackAnswers(h).length;
  await sendCallback(h, who, chatId, data, messageId);
  const answers = callbackAnswers(h).slice(before);
  if (answers.length !== 1) throw new Error(`expected one answer to ${data}, got ${JSON.stringify(answers)}`);
  return answers[0];
}

/** The card message (the one with this ticket's buttons) in a chat. */
export function cardMessageId(h: Harness, chatId: number, ref: string): number {
  return h.messageWithButton(chatId, new RegExp(`^tk:\\w+:${ref}$`)).message_id;
}

/** A card button pressed in the group; the staff member continues in the private chat. */
export async function openInPrivate(h: Harness, who: TgUser, chatId: number, action: 'note' | 'rsch' | 'rel', ref: string): Promise<void> {
  await h.press(who, chatId, `tk:${action}:${ref}`);
  await h.press(who, who.id, `tk:${action}:${ref}`);
}

export async function addNote(h: Harness, who: TgUser, chatId: number, ref: string, note: { text?: string; photos?: string[]; tell: boolean }): Promise<void> {
  await openInPrivate(h, who, chatId, 'note', ref);
  if (note.text) await h.say(who, note.text);
  else await h.press(who, who.id, 'sc:photos');
  for (const photo of note.photos ?? []) await h.send(h.u.photo(who, photo));
  await h.press(who, who.id, 'sc:done');
  await h.press(who, who.id, note.tell ? 'sc:tell' : 'sc:internal');
}

export async function release(h: Harness, who: TgUser, chatId: number, ref: string, reason: 'notmine' | 'unreachable' | string): Promise<void> {
  await openInPrivate(h, who, chatId, 'rel', ref);
  if (reason === 'notmine' || reason === 'unreachable') await h.press(who, who.id, `sc:${reason}`);
  else await h.say(who, reason);
}
