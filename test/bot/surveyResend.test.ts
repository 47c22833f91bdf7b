/**
 * An unanswered survey is re-sent once after the configured wait and then recorded as "no
 * answer" — each step once, in the event log; a press after that is explained. A survey
 * answered only in part is finished with what was given when the time runs out.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { callbackAnswers } from '../support/flows';
import { closedRepair, eventTypes, followupTestPolicy, shanghai, surveyMessagesTo, surveysOf, work } from '../followups/support';

const { alice, bob } = people;
let h: Harness;
const PAID = { repairKind: 'household' as const, category: 'unblock', atHome: true, agreedPrice: { amount: 80, unit: '次' } };

beforeAll(async () => {
  h = await createHarness({ policy: followupTestPolicy(), start: shanghai('2026-11-23T10:00:00') });
});
afterAll(async () => {
  await h.close();
});

async function tickAt(local: string): Promise<void> {
  h.clock.set(shanghai(local));
  await work(h).tick();
}

test('re-sent once after the wait, then "no answer"; a press after that is explained', async () => {
  const { ref } = await closedRepair(h, alice, PAID);
  await tickAt('2026-11-23T10:00:00');
  await tickAt('2026-11-23T10:00:05');
  expect(surveyMessagesTo(h, alice.id)).toHaveLength(1);
  const [sent] = await surveysOf(h, ref);
  expect(sent).toMatchObject({ status: 'sent', sentAt: shanghai('2026-11-23T10:00:05') });

  await tickAt('2026-11-23T10:00:24');
  expect(surveyMessagesTo(h, alice.id)).toHaveLength(1);
  await tickAt('2026-11-23T10:00:25');
  const messages = surveyMessagesTo(h, alice.id);
  expect(messages).toHaveLength(2);
  expect(messages[1].params.text).toContain('温馨提醒');
  expect((await surveysOf(h, ref))[0]).toMatchObject({ status: 'resent', resentAt: shanghai('2026-11-23T10:00:25') });

  await tickAt('2026-11-23T10:00:54');
  expect((await surveysOf(h, ref))[0].status).toBe('resent');
  await tickAt('2026-11-23T10:00:55');
  await tickAt('2026-11-23T10:05:00');
  const [gone] = await surveysOf(h, ref);
  expect(gone).toMatchObject({ status: 'no_answer', noAnswerAt: shanghai('2026-11-23T10:00:55') });
  expect(gone.nextAt).toBeUndefined();
  expect(surveyMessagesTo(h, alice.id)).toHaveLength(2);
  expect(await eventTypes(h, ref)).toEqual(['created', 'claimed', 'resolved', 'confirmed', 'survey_sent', 'survey_resent', 'survey_no_answer']);
  expect((await h.services.tickets.get(ref))!.status).toBe('closed');

  // A late press: told it has closed; the message loses its buttons; nothing is stored.
  await h.press(alice, alice.id, `fu:t:${gone._id}:5`);
  expect(callbackAnswers(h).at(-1)).toContain('这份回访已经结束');
  const edited = h.fake.message(alice.id, (messages[1].result as { message_id: number }).message_id)!;
  expect(edited.text).toContain('这份回访已结束');
  expect(h.fake.buttonsOf(edited)).toEqual([]);
  expect((await surveysOf(h, ref))[0].scores ?? {}).toEqual({});

  // Someone else's survey: refused.
  await h.send(h.u.callback(bob, `fu:t:${gone._id}:5`, { chatId: bob.id, messageId: 1 }));
  expect(callbackAnswers(h).at(-1)).toBe('This follow-up is not yours.');
});

test('answered in part: finished with what was given when the time runs out (and "not solved" reopens)', async () => {
  h.clock.set(shanghai('2026-11-23T11:00:00'));
  // Another category: the same one at the same place again would (rightly) be a repeat.
  const { ref } = await closedRepair(h, alice, { ...PAID, category: 'replace' });
  await tickAt('2026-11-23T11:00:00');
  await tickAt('2026-11-23T11:00:05');
  const [survey] = await surveysOf(h, ref);
  await h.press(alice, alice.id, `fu:a:${survey._id}:4`);
  await h.press(alice, alice.id, `fu:s:${survey._id}:n`);
  await tickAt('2026-11-23T11:00:25'); // the reminder: two questions still open
  expect(surveyMessagesTo(h, alice.id).at(-1)!.params.text).toContain('服务态度：★★★★☆');
  await tickAt('2026-11-23T11:00:55');

  const [done] = await surveysOf(h, ref);
  expect(done).toMatchObject({ status: 'answered', complete: false, dissatisfied: true, solved: false, scores: { attitude: 4 } });
  expect((await h.services.tickets.get(ref))!.status).toBe('reopened');
  expect(await eventTypes(h, ref)).toEqual(['created', 'claimed', 'resolved', 'confirmed', 'survey_sent', 'survey_resent', 'survey_answered', 'reopened']);
  expect(h.fake.textsTo(STAFF_CHAT).join('\n')).toContain(`回访不满意：${ref}`);
});
