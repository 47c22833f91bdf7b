/**
 * Residents of different buildings and the steps of "Already reported … Me too" that the
 * follower tests share: a report that stops at the offer, and one that goes on past it.
 */
import { answerRegistration, type Profile } from './flows';
import type { Harness } from './harness';
import { user, type TgUser } from './updates';

export const carol = user(503, 'Carol', { language_code: 'zh-hans' });
export const dave = user(504, 'Dave', { language_code: 'zh-hans' });
export const erin = user(505, 'Erin', { language_code: 'en' });

export const CAROL: Profile = { name: '卡萝', phone: '139 2222 3333', address: '3栋1单元502' };
export const DAVE: Profile = { name: '大卫', phone: '137 4444 5555', address: '5栋1单元101' };
export const ERIN: Profile = { name: 'Erin Wu', phone: '136 6666 7777', address: 'Building 7 Unit 2 Room 808' };

/** /repair up to the category; the bot then offers open tickets or asks where. */
export async function reportUpToCategory(h: Harness, who: TgUser, profile: Profile, kind: string, category: string): Promise<void> {
  const registered = (await h.services.residents.get(who.id))?.registered;
  await h.send(h.u.command(who, 'repair'));
  if (!registered) await answerRegistration(h, who, profile);
  await h.press(who, who.id, `sc:${kind}`);
  await h.press(who, who.id, `sc:${category}`);
}

/** After the offer (or none): where, what, no photos, confirm; returns the new reference. */
export async function finishPublicReport(h: Harness, who: TgUser, location: string, description: string): Promise<string> {
  await h.say(who, location);
  await h.say(who, description);
  await h.press(who, who.id, 'sc:done');
  await h.press(who, who.id, 'sc:confirm');
  const m = /[A-Z]{2}-\d{8}-\d{3,}/.exec(h.fake.lastTextTo(who.id) ?? '');
  if (!m) throw new Error(`no reference in ${h.fake.lastTextTo(who.id)}`);
  return m[0];
}

/** Everything the bot ever sent to a chat, as one text (for "never appears" checks). */
export function everythingTo(h: Harness, chatId: number): string {
  return h.fake.textsTo(chatId).join('\n');
}
