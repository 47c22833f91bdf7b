/**
 * The follow-up loop end to end, as Telegram drives it: a paid repair is closed, its survey
 * comes after the configured delay, the resident answers in their own order (a comment typed
 * as a reply), the dissatisfied answer reopens the ticket and tells the owner and the head
 * under the card, the rework is closed again, a second survey comes and is answered
 * satisfied. Checked: the messages, the event log, and the scores stored as numbers.
 */
import { fileRepair, resolveTicket } from '../support/flows';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { TEST_BOT_INFO } from '../support/updates';
import { followupModels } from '../../src/followups/model';
import { eventTypes, followupTestPolicy, surveyMessagesTo, surveysOf, work } from '../followups/support';

const { alice, zhang, head } = people;
let h: Harness;

beforeAll(async () => {
  h = await createHarness({ policy: followupTestPolicy() });
  // The head is known by name (he wrote in the group once), so the mention shows it.
  await h.services.staff.rememberProfile({ id: head.id, firstName: head.first_name });
});
afterAll(async () => {
  await h.close();
});

const surveyText = () => surveyMessagesTo(h, alice.id).length;

async function closeByResident(ref: string, result: string): Promise<void> {
  await resolveTicket(h, zhang, STAFF_CHAT, ref, result, '80');
  await h.press(alice, alice.id, `rs:ok:${ref}`);
  expect((await h.services.tickets.get(ref))!.status).toBe('closed');
}

test('close → survey → dissatisfied → reopen → rework → close → survey → satisfied', async () => {
  const ref = await fileRepair(h, alice, { kind: 'household', category: 'unblock', agree: true, description: '厨房下水道堵了' });
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await closeByResident(ref, '疏通了下水管');
  const jobs = work(h);

  // The closure is decided at once (a paid service: always), but sent only after the delay.
  await jobs.tick();
  let [first] = await surveysOf(h, ref);
  expect(first).toMatchObject({ _id: expect.stringMatching(/^BX-\d{8}-\d{3}\.\d+$/), round: 1, coverage: 'paid', timing: 'paid', status: 'scheduled', month: '2026-11' });
  expect(surveyText()).toBe(0);

  h.clock.advance(5_000);
  await jobs.tick();
  expect(surveyText()).toBe(1);
  const sent = h.fake.lastTextTo(alice.id)!;
  expect(sent).toContain('服务回访');
  expect(sent).toContain(ref);
  expect(sent).toContain('疏通');
  expect(sent).toContain('及时性：待评价');

  // Any order: quality first, then "not solved"; each press edits the message in place.
  await h.press(alice, alice.id, `fu:q:${first._id}:1`);
  let message = h.messageWithButton(alice.id, `fu:t:${first._id}:4`);
  expect(message.text).toContain('处理质量：★☆☆☆☆');
  expect(message.text).toContain('及时性：待评价');
  await h.press(alice, alice.id, `fu:s:${first._id}:n`);
  expect((await h.services.tickets.get(ref))!.status).toBe('closed'); // not finished yet

  // The comment: a button, a force-reply prompt, the typed reply.
  await h.press(alice, alice.id, `fu:c:${first._id}`);
  const prompt = h.fake.messagesIn(alice.id).at(-1)!;
  expect(prompt.text).toContain('请直接回复这条消息');
  expect(prompt.reply_markup).toMatchObject({ force_reply: true });
  const promptMessage = { message_id: prompt.message_id, from: TEST_BOT_INFO, chat: { id: alice.id, type: 'private', first_name: 'Alice' }, date: 0, text: prompt.text };
  await h.send(h.u.text(alice, '水还是排得很慢', undefined, { reply_to_message: promptMessage }));
  expect(h.fake.callsOf('sendMessage').at(-1)!.params.text).toContain('留言已收到');
  message = h.fake.message(alice.id, message.message_id)!;
  expect(message.text).toContain('留言：水还是排得很慢');

  await h.press(alice, alice.id, `fu:t:${first._id}:4`);
  await h.press(alice, alice.id, `fu:a:${first._id}:5`);
  message = h.fake.message(alice.id, message.message_id)!;
  expect(message.text).toContain('很抱歉没能让您满意');

  // Dissatisfied: reopened, the owner and the head told under the card, with the comment.
  let ticket = (await h.services.tickets.get(ref))!;
  expect(ticket).toMatchObject({ status: 'reopened', reopenCount: 1, owner: { id: zhang.id } });
  const note = h.fake.callsOf('sendMessage').find((c) => c.params.chat_id === STAFF_CHAT && String(c.params.text).includes('回访不满意'))!;
  expect(note.params.text).toContain('水还是排得很慢');
  expect(note.params.text).toContain(`tg://user?id=${zhang.id}`);
  expect(note.params.text).toContain(`tg://user?id=${head.id}`);
  expect(note.params.text).toContain('王主管');
  expect(note.params.text).toContain('质量 ★☆☆☆☆');
  expect(note.params.reply_parameters).toBeDefined(); // under the card
  expect(h.fake.textsTo(alice.id).join('\n')).toContain(`工单 ${ref} 已重新打开`);
  [first] = await surveysOf(h, ref);
  expect(first).toMatchObject({ status: 'answered', complete: true, dissatisfied: true, solved: false, comment: '水还是排得很慢' });
  expect(first.scores).toEqual({ timeliness: 4, attitude: 5, quality: 1 });
  expect(typeof first.scores!.quality).toBe('number');

  // The rework, closed again: a new follow-up, always (rework), answered satisfied.
  h.clock.advance(60_000);
  await closeByResident(ref, '更换了存水弯');
  await jobs.tick();
  h.clock.advance(5_000);
  await jobs.tick();
  const surveys = await surveysOf(h, ref);
  expect(surveys).toHaveLength(2);
  const second = surveys[1];
  expect(second).toMatchObject({ round: 2, coverage: 'rework', status: 'sent' });
  expect(surveyText()).toBe(2);
  for (const [code, value] of [['s', 'y'], ['a', '5'], ['t', '4'], ['q', '5']]) await h.press(alice, alice.id, `fu:${code}:${second._id}:${value}`);
  expect(h.fake.message(alice.id, h.messageWithButton(alice.id, `fu:c:${second._id}`).message_id)!.text).toContain('感谢您的评价');

  ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.status).toBe('closed');
  const [, done] = await surveysOf(h, ref);
  expect(done).toMatchObject({ status: 'answered', dissatisfied: false, solved: true, scores: { timeliness: 4, attitude: 5, quality: 5 } });

  expect(await eventTypes(h, ref)).toEqual([
    'created', 'claimed', 'resolved', 'confirmed',
    'survey_sent', 'survey_answered', 'reopened',
    'resolved', 'confirmed',
    'survey_sent', 'survey_answered',
  ]);
  // Stored as numbers, so the month's figures are one $sum per $group in the database.
  const Survey = followupModels(h.database.conn).Survey;
  const quality = await Survey.aggregate([{ $match: { month: '2026-11', status: 'answered' } }, { $group: { _id: '$department', total: { $sum: '$scores.quality' } } }]);
  expect(quality).toEqual([{ _id: 'engineering', total: 6 }]);
  const answered = (await h.services.tickets.history(ref)).filter((e) => e.type === 'survey_answered');
  expect(answered[0]).toMatchObject({ text: '水还是排得很慢', data: { scores: { timeliness: 4, attitude: 5, quality: 1 }, solved: false, dissatisfied: true } });
});

test('a press on a finished survey is explained, and changes nothing', async () => {
  const [, done] = await surveysOf(h, (await h.services.tickets.listForResident(alice.id, 1))[0].ref);
  const before = h.fake.callsOf('answerCallbackQuery').length;
  await h.press(alice, alice.id, `fu:c:${done._id}`); // the comment button stays after finishing
  expect(h.fake.messagesIn(alice.id).at(-1)!.text).toContain('请直接回复这条消息');
  await h.send(h.u.callback(alice, `fu:q:${done._id}:1`, { chatId: alice.id, messageId: h.messageWithButton(alice.id, `fu:c:${done._id}`).message_id }));
  const answer = h.fake.callsOf('answerCallbackQuery').slice(before).at(-1)!;
  expect(answer.params).toMatchObject({ text: expect.stringContaining('已经完成了这份回访'), show_alert: true });
  const [, after] = await surveysOf(h, done.ref);
  expect(after.scores).toEqual({ timeliness: 4, attitude: 5, quality: 5 });
});
