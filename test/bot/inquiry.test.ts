/**
 * Inquiries (issue 4, item 5): the question and an optional photo make a `ZX-…` ticket for
 * the customer service centre; staff answer with 💬 Reply in their private chat; the
 * resident may ask once more or close it. Every step is one event in the log.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { answerRegistration, callbackAnswers, fileRepair, refIn, sendCallback } from '../support/flows';
import { cardCopies, fileInquiry, more, multiGroupPolicy, register, seatStaff, SECURITY_CHAT, SERVICE_CHAT } from '../support/emergencyFlows';

const { alice, zhang, mallory } = people;
const { clerk, guard } = more;
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ policy: multiGroupPolicy() });
  seatStaff(h);
});
afterEach(async () => {
  await h.close();
});

const eventTypes = async (ref: string) => (await h.services.tickets.history(ref)).map((e) => e.type);

test('asked with a photo, answered in private, asked once more, answered again, closed', async () => {
  const { fake, u } = h;
  // Registration comes first for a new resident, then the question and the photo.
  await h.say(alice, '💬 咨询建议');
  expect(fake.textsTo(alice.id).join('\n')).toContain('第一次使用');
  await answerRegistration(h, alice, { name: '爱丽丝', phone: '138 1234 5678', address: '3栋2单元1201' });
  expect(fake.lastTextTo(alice.id)).toContain('请写下您的问题');
  await h.say(alice, '小区游泳池几点开放？');
  await h.send(u.photo(alice, 'photo-pool'));
  const accepted = fake.lastTextTo(alice.id)!;
  const ref = refIn(accepted);
  expect(ref).toMatch(/^ZX-20261123-\d{3}$/);
  expect(accepted).toContain('客户服务中心');

  // The card goes to the service centre's group only, the photo just above it.
  expect(fake.callsOf('sendPhoto').some((c) => c.params.chat_id === SERVICE_CHAT && c.params.photo === 'photo-pool')).toBe(true);
  const [card] = await cardCopies(h, ref);
  expect(card.chatId).toBe(SERVICE_CHAT);
  expect((await cardCopies(h, ref)).length).toBe(1);
  expect(card.text).toContain('小区游泳池几点开放？');
  expect(card.buttons).toContain(`tk:ans:${ref}`);
  for (const chat of [STAFF_CHAT, SECURITY_CHAT]) expect(fake.textsTo(chat).join('\n')).not.toContain(ref);

  // 💬 Reply in the group: a button in the private chat, which opens the answer there.
  await h.press(clerk, SERVICE_CHAT, `tk:ans:${ref}`);
  expect(callbackAnswers(h).at(-1)).toBe(`请到与机器人的私聊中回复 ${ref}。`);
  expect(fake.lastTextTo(clerk.id)).toContain('小区游泳池几点开放？');
  await h.press(clerk, clerk.id, `tk:ans:${ref}`);
  expect(fake.lastTextTo(clerk.id)).toContain(`回复咨询 ${ref}`);
  await h.say(clerk, '每天 9:00-21:00 开放，周一清洁停开。');
  await h.press(clerk, clerk.id, 'sc:skip');
  expect(fake.lastTextTo(clerk.id)).toContain('每天 9:00-21:00 开放');
  await h.press(clerk, clerk.id, 'sc:send');
  expect(fake.lastTextTo(clerk.id)).toContain(`已回复 ${ref}`);

  let ticket = (await h.services.tickets.get(ref))!;
  expect(ticket).toMatchObject({ status: 'resolved', owner: { id: clerk.id }, result: { text: '每天 9:00-21:00 开放，周一清洁停开。' } });
  const answer = h.messageWithButton(alice.id, `rs:ok:${ref}`);
  expect(answer.text).toContain(`${ref} 的回复（${clerk.first_name}）`);
  expect(answer.text).toContain('每天 9:00-21:00 开放');
  expect(h.fake.buttonsOf(answer).map((b) => b.text)).toEqual(['✅ 结束', '💬 再问一句']);
  // The claim and the answer come as one: no "X is handling it" just before the answer.
  expect(fake.textsTo(alice.id).join('\n')).not.toContain('正在处理您的');
  let [copy] = await cardCopies(h, ref);
  expect(copy.text).toContain('答复：每天 9:00-21:00 开放');
  expect(copy.buttons).not.toContain(`tk:ans:${ref}`);

  // Ask once more: reopened, the follow-up goes under the card, and Reply is offered again.
  await h.press(alice, alice.id, `rs:no:${ref}`);
  expect((await h.services.tickets.get(ref))!.status).toBe('reopened');
  expect(fake.textsTo(alice.id).join('\n')).toContain(`${ref} 会再次回复您`);
  await h.say(alice, '周末也一样吗？');
  expect(fake.textsTo(SERVICE_CHAT).join('\n')).toContain('周末也一样吗？');
  [copy] = await cardCopies(h, ref);
  expect(copy.buttons).toContain(`tk:ans:${ref}`);

  // The second answer shows the staff member the follow-up.
  await h.press(clerk, SERVICE_CHAT, `tk:ans:${ref}`);
  await h.press(clerk, clerk.id, `tk:ans:${ref}`);
  expect(fake.lastTextTo(clerk.id)).toContain('住户追问：周末也一样吗？');
  await h.say(clerk, '周末同样开放。');
  await h.send(u.photo(clerk, 'photo-timetable'));
  await h.press(clerk, clerk.id, 'sc:send');
  expect(fake.callsTo(alice.id).some((c) => c.method === 'sendPhoto' && c.params.photo === 'photo-timetable')).toBe(true);
  expect(h.messageWithButton(alice.id, `rs:ok:${ref}`).text).toContain('周末同样开放。');

  await h.press(alice, alice.id, `rs:ok:${ref}`);
  ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.status).toBe('closed');
  expect(ticket.result).toMatchObject({ text: '周末同样开放。', media: [{ type: 'photo', fileId: 'photo-timetable' }] });
  expect(fake.lastTextTo(alice.id)).toContain('已关闭');
  expect(await eventTypes(ref)).toEqual(['created', 'claimed', 'resolved', 'reopened', 'info_added', 'resolved', 'confirmed']);
  [copy] = await cardCopies(h, ref);
  expect(copy.text).toContain('已关闭');
});

test('staff who never started the bot get the deep link, and /start ans_<ref> opens the answer', async () => {
  await register(h, alice);
  const ref = await fileInquiry(h, alice, '快递柜在哪里？');
  h.fake.neverStarted(clerk.id);
  await h.press(clerk, SERVICE_CHAT, `tk:ans:${ref}`);
  const [link] = h.fake.callsOf('answerCallbackQuery').slice(-1);
  expect(link.params.url).toBe(`https://t.me/${h.fake.botInfo.username}?start=ans_${ref}`);

  h.fake.started(clerk.id);
  await h.send(h.u.command(clerk, `start ans_${ref}`));
  expect(h.fake.lastTextTo(clerk.id)).toContain('快递柜在哪里？');
  await h.say(clerk, '在 2 栋大堂左侧。');
  await h.press(clerk, clerk.id, 'sc:skip');
  // Cancel before sending: nothing reaches the resident, nothing changes.
  await h.press(clerk, clerk.id, 'sc:cancel');
  expect(await eventTypes(ref)).toEqual(['created']);
  expect(h.fake.textsTo(alice.id).join('\n')).not.toContain('2 栋大堂');

  await h.send(h.u.command(clerk, `start ans_${ref}`));
  await h.say(clerk, '在 2 栋大堂左侧。');
  await h.press(clerk, clerk.id, 'sc:skip');
  await h.press(clerk, clerk.id, 'sc:send');
  expect(await eventTypes(ref)).toEqual(['created', 'claimed', 'resolved']);
  expect(h.messageWithButton(alice.id, `rs:no:${ref}`).text).toContain('在 2 栋大堂左侧。');
});

test('forged Reply by a non-staff user, by staff of another department, or on a repair is refused; nothing changes', async () => {
  await register(h, alice);
  const ref = await fileInquiry(h, alice, '可以在阳台装晾衣架吗？');
  const repair = await fileRepair(h, alice, { kind: 'household', category: 'inspect', description: '门铃坏了' });
  const snapshot = async () => ({ inquiry: await h.services.tickets.get(ref), repair: await h.services.tickets.get(repair), events: await eventTypes(ref) });
  const before = await snapshot();
  const aliceMessages = h.fake.textsTo(alice.id).length;
  const card = (await h.services.tickets.cards(ref))[0].messageId;
  const answers = () => callbackAnswers(h).slice(-1)[0];

  for (const chatId of [SERVICE_CHAT, mallory.id]) {
    await sendCallback(h, mallory, chatId, `tk:ans:${ref}`, chatId === SERVICE_CHAT ? card : undefined);
    expect(answers()).toBe(chatId === SERVICE_CHAT ? '抱歉，只有物业员工可以进行此操作。' : "Sorry, only the office's staff can do this.");
  }
  await h.send(h.u.command(mallory, `start ans_${ref}`));
  expect(h.fake.lastTextTo(mallory.id)).toBe("Sorry, only the office's staff can do this.");
  // Not left inside an answer scene: his next text gets the menu hint, not an answer.
  await h.say(mallory, 'the answer is 42');
  expect(h.fake.lastTextTo(mallory.id)).toBe(h.services.texts.t('en', 'fallback'));

  // The guard is staff, but of security, not of the service centre.
  await sendCallback(h, guard, SERVICE_CHAT, `tk:ans:${ref}`, card);
  expect(answers()).toBe(`抱歉，工单 ${ref} 不属于您所在的部门。`);
  // Reply belongs to inquiries; a repair is resolved with ✅ Resolve.
  await sendCallback(h, zhang, STAFF_CHAT, `tk:ans:${repair}`);
  expect(answers()).toBe(`工单 ${repair} 不适用此操作。`);

  expect(await snapshot()).toEqual(before);
  expect(h.fake.textsTo(alice.id)).toHaveLength(aliceMessages);
  for (const who of [mallory, guard, zhang]) expect(h.fake.textsTo(who.id).join('\n')).not.toContain('请回复咨询');
});
