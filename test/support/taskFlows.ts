/**
 * Internal tasks (内部工作任务) as staff file them: an office with engineering, cleaning and
 * security in their own groups, a guard who belongs to security, and `/task` answered step by
 * step in the guard's private chat.
 */
import type { OfficePolicy } from '../../src/config/office';
import { refIn } from './flows';
import type { Harness } from './harness';
import { seatCleaner, twoGroupPolicy } from './staffFlows';
import { user, type TgUser } from './updates';

/** The security department's own group. */
export const SECURITY_CHAT = -1001000000004;

/** A security guard on patrol: staff through the security group. */
export const guard = user(612, '赵', { language_code: 'zh-hans' });

export const SEC = 1000;

/** Engineering, cleaning, security and the rest in their own groups; internal tasks due in 100 s, a response in 10 s. */
export function taskPolicy(): OfficePolicy {
  const policy = twoGroupPolicy();
  policy.departments = policy.departments.map((d) => (d.id === 'security' ? { ...d, chat: { chatId: SECURITY_CHAT } } : d));
  policy.internalTask = 100 * SEC;
  policy.response = { ...policy.response, dispatch: 10 * SEC, onSiteAfterClaim: 20 * SEC };
  policy.timeLimits = { ...policy.timeLimits, remindAt: 0.8, escalateManagerAfter: 1.0, reannounceAfter: 10 * SEC, noProgressRelease: 30 * SEC };
  return policy;
}

/** The guard in the security group, the cleaner in the cleaning group (as getChatMember says). */
export function seatStaff(h: Harness): void {
  seatCleaner(h);
  h.fake.setChatMember(SECURITY_CHAT, guard.id, 'member');
}

export interface TaskAnswers {
  department: string;
  category: string;
  place: string;
  description: string;
  photos?: string[];
}

/** From the department question (already asked) to the summary, not confirmed. */
export async function answerTask(h: Harness, who: TgUser, a: TaskAnswers): Promise<void> {
  await h.press(who, who.id, `sc:${a.department}`);
  await h.press(who, who.id, `sc:${a.category}`);
  await h.say(who, a.place);
  await h.say(who, a.description);
  for (const photo of a.photos ?? []) await h.send(h.u.photo(who, photo));
  await h.press(who, who.id, 'sc:done');
}

/** `/task` in the private chat, answered and confirmed; returns the reference the filer was given. */
export async function fileTask(h: Harness, who: TgUser, a: TaskAnswers): Promise<string> {
  await h.send(h.u.command(who, 'task'));
  await answerTask(h, who, a);
  await h.press(who, who.id, 'sc:confirm');
  return refIn(h.fake.lastTextTo(who.id));
}
