/**
 * Two bot instances on one database (a hot spare, two webhooks behind a load balancer) run
 * their follow-up jobs at the same moments: every survey, reminder and "no answer" happens
 * once — counted at the fake Bot API and in the event log. Two presses finishing one survey
 * at once (one per instance) record one answer and reopen once.
 */
import { createFollowupWork } from '../../bot/followups/jobs';
import { seededRandom } from '../../src/followups/sampling';
import { createHarness, STAFF_CHAT, type Harness } from '../support/harness';
import { user } from '../support/updates';
import { closedRepair, eventTypes, followupTestPolicy, secondInstance, shanghai, surveyMessagesTo, surveysOf, work } from '../followups/support';

let h: Harness;
const residents = Array.from({ length: 5 }, (_, i) => user(520 + i, `R${i}`, { language_code: 'zh-hans' }));
const PAID = { repairKind: 'household' as const, category: 'unblock', atHome: true, agreedPrice: { amount: 80, unit: '次' } };

beforeAll(async () => {
  h = await createHarness({ policy: followupTestPolicy(), start: shanghai('2026-11-23T10:00:00') });
});
afterAll(async () => {
  await h.close();
});

test('two instances ticking together send each survey and each reminder once', async () => {
  const refs: string[] = [];
  for (const resident of residents) refs.push((await closedRepair(h, resident, PAID)).ref);
  const other = await secondInstance(h);
  const instances = [work(h, 1), createFollowupWork({ services: other.services, random: seededRandom(2) })];
  const tickBoth = async (local: string) => {
    h.clock.set(shanghai(local));
    await Promise.all(instances.map((w) => w.tick()));
  };

  await tickBoth('2026-11-23T10:00:00');
  await tickBoth('2026-11-23T10:00:05'); // sent
  await tickBoth('2026-11-23T10:00:06');
  await tickBoth('2026-11-23T10:00:25'); // re-sent
  await tickBoth('2026-11-23T10:00:55'); // no answer
  await tickBoth('2026-11-23T10:01:30');

  for (const [i, resident] of residents.entries()) {
    const messages = surveyMessagesTo(h, resident.id);
    expect(messages).toHaveLength(2);
    expect(messages[1].params.text).toContain('温馨提醒');
    const types = await eventTypes(h, refs[i]);
    expect(types.filter((t) => t.startsWith('survey_'))).toEqual(['survey_sent', 'survey_resent', 'survey_no_answer']);
    expect(await surveysOf(h, refs[i])).toHaveLength(1);
  }
});

test('two presses finishing one survey at once, on two instances: one answer, one reopen', async () => {
  h.clock.set(shanghai('2026-11-23T11:00:00'));
  const resident = user(540, 'Quick', { language_code: 'zh-hans' });
  const { ref } = await closedRepair(h, resident, PAID);
  const jobs = work(h);
  await jobs.tick();
  h.clock.set(shanghai('2026-11-23T11:00:05'));
  await jobs.tick();
  const [survey] = await surveysOf(h, ref);
  await h.press(resident, resident.id, `fu:t:${survey._id}:2`);
  await h.press(resident, resident.id, `fu:a:${survey._id}:3`);
  await h.press(resident, resident.id, `fu:q:${survey._id}:3`);

  const other = await secondInstance(h);
  const message = h.messageWithButton(resident.id, `fu:s:${survey._id}:n`);
  const press = () => h.u.callback(resident, `fu:s:${survey._id}:n`, { chatId: resident.id, messageId: message.message_id });
  await Promise.all([h.bot.handleUpdate(press()), other.bot.handleUpdate(press())]);
  await Promise.all([h.settle(), other.notifier.outbox.settled()]);

  const types = await eventTypes(h, ref);
  expect(types.filter((t) => t === 'survey_answered')).toHaveLength(1);
  expect(types.filter((t) => t === 'reopened')).toHaveLength(1);
  expect(h.fake.textsTo(STAFF_CHAT).filter((t) => t.includes('回访不满意') && t.includes(ref))).toHaveLength(1);
  expect((await surveysOf(h, ref))[0]).toMatchObject({ status: 'answered', dissatisfied: true, scores: { timeliness: 2, attitude: 3, quality: 3 } });
});
