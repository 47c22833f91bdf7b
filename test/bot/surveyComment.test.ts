/**
 * The optional comment and the resident's language: a plain message soon after pressing
 * "Add a comment" counts too (people don't always use Reply), a menu tap or a late message
 * does not; a comment after a dissatisfied finish still reaches staff under the card; an
 * English-speaking resident gets the whole survey in English.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { closedRepair, followupTestPolicy, shanghai, surveysOf, work } from '../followups/support';

const { alice, bob } = people;
let h: Harness;
const PAID = { repairKind: 'household' as const, category: 'unblock', atHome: true, agreedPrice: { amount: 80, unit: '次' } };

beforeAll(async () => {
  h = await createHarness({ policy: followupTestPolicy(), start: shanghai('2026-11-23T10:00:00') });
});
afterAll(async () => {
  await h.close();
});

async function sentSurvey(who: typeof alice, category = 'unblock') {
  const { ref } = await closedRepair(h, who, { ...PAID, category });
  const jobs = work(h);
  await jobs.tick();
  h.clock.advance(5_000);
  await jobs.tick();
  return (await surveysOf(h, ref))[0];
}

test('a plain message soon after "Add a comment" is the comment; a menu tap and a late message are not', async () => {
  const survey = await sentSurvey(alice);
  await h.press(alice, alice.id, `fu:c:${survey._id}`);
  await h.say(alice, '📋 我的工单'); // the menu still works while a comment is awaited
  expect((await surveysOf(h, survey.ref))[0].comment).toBeUndefined();
  await h.say(alice, '师傅很准时');
  expect((await surveysOf(h, survey.ref))[0].comment).toBe('师傅很准时');
  expect(h.fake.callsOf('sendMessage').at(-1)!.params.text).toContain('留言已收到');
  // The survey message shows it and no longer offers the button.
  const message = h.fake.messagesIn(alice.id).find((m) => (m.text ?? '').includes('留言：师傅很准时'))!;
  expect(h.fake.buttonsOf(message).some((b) => b.data === `fu:c:${survey._id}`)).toBe(false);

  // Later, with no prompt pending, a message is just a message (the usual fallback).
  h.clock.advance(120_000);
  await h.say(alice, '你好');
  expect((await surveysOf(h, survey.ref))[0].comment).toBe('师傅很准时');
  expect(h.fake.lastTextTo(alice.id)).not.toContain('留言已收到');
});

test('too long a comment is refused; a comment after a dissatisfied finish reaches staff under the card', async () => {
  const survey = await sentSurvey(alice, 'replace');
  for (const [code, value] of [['t', '1'], ['a', '3'], ['q', '3'], ['s', 'n']]) await h.press(alice, alice.id, `fu:${code}:${survey._id}:${value}`);
  expect((await h.services.tickets.get(survey.ref))!.status).toBe('reopened');

  await h.press(alice, alice.id, `fu:c:${survey._id}`);
  await h.say(alice, '太'.repeat(h.policy.limits.maxTextLength + 1));
  expect(h.fake.lastTextTo(alice.id)).toContain('留言太长了');
  await h.say(alice, '等了三天才来');
  expect((await surveysOf(h, survey.ref))[0]).toMatchObject({ status: 'answered', comment: '等了三天才来' });
  const note = h.fake.callsOf('sendMessage').filter((c) => c.params.chat_id === STAFF_CHAT).at(-1)!;
  expect(note.params.text).toContain('补充留言');
  expect(note.params.text).toContain('等了三天才来');
  expect(note.params.reply_parameters).toBeDefined();
  const history = await h.services.tickets.history(survey.ref);
  expect(history.filter((e) => e.type === 'survey_answered').map((e) => e.data?.part ?? 'answers')).toEqual(['answers', 'comment']);
});

test('an English-speaking resident gets the survey in English', async () => {
  const survey = await sentSurvey(bob);
  const text = h.fake.lastTextTo(bob.id)!;
  expect(text).toContain('Follow-up');
  expect(text).toContain('Timeliness: not rated yet');
  const message = h.messageWithButton(bob.id, `fu:c:${survey._id}`);
  expect(h.fake.buttonsOf(message).map((b) => b.text)).toContain('👎 Not solved');
  await h.press(bob, bob.id, `fu:t:${survey._id}:3`);
  expect(h.fake.message(bob.id, message.message_id)!.text).toContain('Timeliness: ★★★☆☆');
});

test('with a report being filled in, a survey press is still an answer; the comment waits until it is done', async () => {
  const survey = await sentSurvey(alice, 'install');
  await h.send(h.u.command(alice, 'repair')); // a scene opens (registration first)
  expect(h.fake.lastTextTo(alice.id)).toContain('怎么称呼');
  await h.press(alice, alice.id, `fu:t:${survey._id}:4`);
  expect((await surveysOf(h, survey.ref))[0].scores).toEqual({ timeliness: 4 });
  expect(callbackText()).toBe('已记录，谢谢！');
  await h.press(alice, alice.id, `fu:c:${survey._id}`);
  expect(callbackText()).toContain('请先完成或 /cancel');
  // The scene is still where it was: the next typed text answers its question, not the survey.
  await h.say(alice, '爱丽丝');
  expect((await surveysOf(h, survey.ref))[0].comment).toBeUndefined();
  expect(h.fake.lastTextTo(alice.id)).toContain('手机号');
});

const callbackText = () => String(h.fake.callsOf('answerCallbackQuery').at(-1)!.params.text ?? '');
