/**
 * Classifying complaints from the card: each class sets the resolution time from the office's
 * table (counted from when the complaint came in), records who classified it, updates the card
 * and tells the resident; a valid complaint alerts the heads, a major one alerts the manager and
 * makes them the owner; an invalid one needs an explanation typed privately. Forged classify
 * callbacks (a non-staff user, staff of another department) are refused and change nothing.
 */
import { ALICE_PROFILE } from '../support/flows';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { clerk, complaintCard, complaintPolicy, fileComplaint, seatServiceStaff, serviceHead, SERVICE_CHAT, type ComplaintAnswers } from '../support/complaintFlows';
import type { TgUser } from '../support/updates';

const { alice, zhang, head, manager, mallory } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ policy: complaintPolicy() });
  seatServiceStaff(h);
});
afterEach(async () => {
  await h.close();
});

const ABOUT_SERVICE: ComplaintAnswers = { subject: 'service', when: 'today', where: '服务中心', what: '电话一直没人接', wants: '改进值班' };
const ABOUT_PLUMBER: ComplaintAnswers = { subject: 'staff', staffDepartment: 'engineering', when: 'yesterday', where: '5栋', what: '维修工态度恶劣', wants: '道歉' };

async function complain(answers: ComplaintAnswers = ABOUT_SERVICE): Promise<string> {
  return fileComplaint(h, alice, answers, ALICE_PROFILE);
}

/** Classify from the card as a staff member does: 🏷 on the card, then the class under it. */
async function classify(who: TgUser, chatId: number, ref: string, cls: string): Promise<void> {
  await h.press(who, chatId, `tk:cls:${ref}`);
  await h.press(who, chatId, `tk:cls:${ref}:${cls}`);
}

const iso = (d: Date | string | undefined) => (d === undefined ? undefined : new Date(d).toISOString());

test('each class sets its resolution time from the table, counted from when the complaint came in', async () => {
  // All filed at 10:00 on 23 Nov (Shanghai) = 02:00Z; classified an hour later.
  const refs: Record<string, string> = {};
  for (const cls of ['valid', 'help', 'inquiry', 'venting', 'major']) refs[cls] = await complain();
  h.clock.advance(60 * 60_000);

  await h.press(clerk, SERVICE_CHAT, `tk:cls:${refs.valid}`);
  const picker = h.messageWithButton(SERVICE_CHAT, `tk:cls:${refs.valid}:valid`);
  expect(picker.reply_to_message_id).toBe(complaintCard(h, SERVICE_CHAT, refs.valid).message_id);
  expect(h.fake.buttonsOf(picker).map((b) => b.text)).toEqual(['有效投诉', '求助型', '咨询型', '发泄型', '无效投诉', '重大投诉']);
  expect(picker.text).toContain('2天内办结');

  for (const cls of Object.keys(refs)) {
    if (cls === 'valid') await h.press(clerk, SERVICE_CHAT, `tk:cls:${refs.valid}:valid`);
    else await classify(clerk, SERVICE_CHAT, refs[cls], cls);
  }
  const expected: Record<string, { due: string; first?: string; local: string }> = {
    valid: { due: '2026-11-25T02:00:00.000Z', local: '2026-11-25 10:00' },
    help: { due: '2026-11-26T02:00:00.000Z', local: '2026-11-26 10:00' },
    inquiry: { due: '2026-11-26T02:00:00.000Z', local: '2026-11-26 10:00' },
    venting: { due: '2026-11-26T02:00:00.000Z', local: '2026-11-26 10:00' },
    major: { due: '2026-12-03T02:00:00.000Z', first: '2026-11-25T02:00:00.000Z', local: '2026-11-25 10:00' },
  };
  for (const [cls, want] of Object.entries(expected)) {
    const ticket = (await h.services.tickets.get(refs[cls]))!;
    expect([cls, iso(ticket.resolutionDueAt)]).toEqual([cls, want.due]);
    expect(iso(ticket.complaint!.firstAnswerDueAt)).toBe(want.first);
    expect(ticket.complaint).toMatchObject({ class: cls, classifiedBy: { id: clerk.id, name: '小周' } });
    const events = await h.services.tickets.history(refs[cls]);
    expect(events.at(-1)).toMatchObject({ type: 'classified', actor: { id: clerk.id, role: 'staff' }, data: { class: cls } });
    expect(iso(events.at(-1)!.at)).toBe('2026-11-23T03:00:00.000Z');
    // The resident hears when to expect an answer (the first answer, for a major one).
    expect(h.fake.textsTo(alice.id).join('\n')).toContain(`您的投诉 ${refs[cls]} 已登记处理，预计 ${want.local} 前答复您`);
  }
  const validCard = complaintCard(h, SERVICE_CHAT, refs.valid).text!;
  expect(validCard).toContain('🏷 分类：有效投诉（小周）');
  expect(validCard).toContain('完成时限：2026-11-25 10:00');
  expect(complaintCard(h, SERVICE_CHAT, refs.major).text).toContain('首次答复时限：2026-11-25 10:00');
  // The picker now says what was chosen and has no buttons left.
  const closed = h.fake.message(SERVICE_CHAT, picker.message_id)!;
  expect(closed.text).toContain('已分类为「有效投诉」（小周），办结时限 2026-11-25 10:00');
  expect(h.fake.buttonsOf(closed)).toEqual([]);
  // Pressing the same class again changes nothing.
  const seq = (await h.services.tickets.get(refs.help))!.seq;
  await classify(clerk, SERVICE_CHAT, refs.help, 'help');
  expect((await h.services.tickets.get(refs.help))!.seq).toBe(seq);
  expect(h.fake.callsOf('answerCallbackQuery').at(-1)!.params.text).toContain('已经是「求助型」');
});

test('a valid complaint alerts the heads of the service centre and of the staff member\'s department', async () => {
  const aboutService = await complain();
  const aboutPlumber = await complain(ABOUT_PLUMBER);
  await classify(clerk, SERVICE_CHAT, aboutService, 'valid');
  const serviceAlert = h.fake.textsTo(serviceHead.id).find((t) => t.includes(`有效投诉 ${aboutService}`))!;
  expect(serviceAlert).toContain('电话一直没人接');
  expect(serviceAlert).toContain('2026-11-25 10:00');
  expect(h.fake.textsTo(head.id).join('\n')).not.toContain(aboutService); // engineering has nothing to do with it

  await classify(clerk, SERVICE_CHAT, aboutPlumber, 'valid');
  for (const who of [serviceHead, head]) expect(h.fake.textsTo(who.id).join('\n')).toContain(`有效投诉 ${aboutPlumber}`);
  // The engineering head's copy of the card is kept up to date as well.
  expect(complaintCard(h, head.id, aboutPlumber).text).toContain('分类：有效投诉');
  // Asking the group whether the clerk is a member is a read; nothing was shown there.
  expect(h.fake.callsTo(STAFF_CHAT).filter((c) => c.method !== 'getChatMember')).toEqual([]);
  expect(h.fake.callsTo(manager.id)).toEqual([]);
});

test('a major complaint alerts the manager and makes them its owner', async () => {
  const ref = await complain();
  await h.press(clerk, SERVICE_CHAT, `tk:claim:${ref}`);
  await classify(clerk, SERVICE_CHAT, ref, 'major');
  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket).toMatchObject({ status: 'claimed', owner: { id: manager.id, name: '管理处主任' }, complaint: { class: 'major' } });
  const alert = h.fake.textsTo(manager.id).find((t) => t.includes(`重大投诉 ${ref}`))!;
  expect(alert).toContain('由您负责');
  expect(alert).toContain('首次答复：2026-11-25 10:00 前；办结：2026-12-03 10:00 前');
  expect(complaintCard(h, SERVICE_CHAT, ref).text).toContain('处理中：管理处主任');
  // The clerk is no longer the owner; the manager answers it.
  await h.press(clerk, SERVICE_CHAT, `tk:res:${ref}`);
  expect(h.fake.callsOf('answerCallbackQuery').at(-1)!.params.text).toContain('只有接单人（管理处主任）');
  await h.press(manager, SERVICE_CHAT, `tk:res:${ref}`);
  await h.press(manager, manager.id, `tk:rsp:${ref}`);
  await h.say(manager, '已约谈当事人并整改');
  await h.press(manager, manager.id, 'sc:done');
  await h.press(manager, manager.id, 'sc:yes');
  expect((await h.services.tickets.get(ref))!.status).toBe('resolved');
});

test('the manager classifying a complaint as major takes it under their own name', async () => {
  const ref = await complain();
  await classify(manager, SERVICE_CHAT, ref, 'major');
  expect((await h.services.tickets.get(ref))!.owner).toEqual({ id: manager.id, name: '陈主任' });
  expect(h.fake.textsTo(manager.id).join('\n')).not.toContain('由您负责'); // no alert to themselves
});

/** Replies in private to the bot's explanation prompt, as Telegram's force_reply makes the client do. */
async function replyToPrompt(who: TgUser, text: string): Promise<void> {
  const prompt = [...h.fake.messagesIn(who.id)].reverse().find((m) => (m.text ?? '').includes('请回复本消息'))!;
  const reply_to_message = { message_id: prompt.message_id, from: h.fake.botInfo, chat: { id: who.id, type: 'private', first_name: who.first_name }, date: 0, text: prompt.text };
  await h.send(h.u.text(who, text, undefined, { reply_to_message }));
}

test('invalid: the explanation is written in private and reaches the resident', async () => {
  const ref = await complain();
  await classify(clerk, SERVICE_CHAT, ref, 'invalid');
  expect(h.fake.callsOf('answerCallbackQuery').at(-1)!.params.text).toContain('请到与机器人的私聊中填写');
  const prompt = h.fake.callsTo(clerk.id).at(-1)!;
  expect(prompt.params.reply_markup).toEqual({ force_reply: true });
  expect(h.fake.callsTo(SERVICE_CHAT).filter((c) => (c.params.text ?? '').includes('请回复本消息'))).toEqual([]);

  // Typing without replying is not taken as the explanation; too short is asked again.
  await h.say(clerk, '不归我们管');
  await replyToPrompt(clerk, '不管');
  expect(h.fake.lastTextTo(clerk.id)).toContain('说明太短了');
  expect((await h.services.tickets.get(ref))!.status).toBe('open');

  const explanation = '小区外的市政道路由街道办负责，请拨打 12345 反映';
  await replyToPrompt(clerk, explanation);
  expect(h.fake.lastTextTo(clerk.id)).toContain(`投诉 ${ref} 已判为无效投诉`);
  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket).toMatchObject({ status: 'resolved', result: { text: explanation }, complaint: { class: 'invalid', classifiedBy: { id: clerk.id } } });
  expect(iso(ticket.resolutionDueAt)).toBe('2026-11-23T02:00:00.000Z'); // answered at once
  expect(iso(ticket.autoConfirmAt)).toBe('2026-11-26T02:00:00.000Z');
  const told = h.fake.lastTextTo(alice.id)!;
  expect(told).toContain('不属于物业服务范围');
  expect(told).toContain(explanation);
  expect(h.fake.buttonsOf(h.messageWithButton(alice.id, `rs:no:${ref}`)).map((b) => b.data)).toEqual([`rs:ok:${ref}`, `rs:no:${ref}`]);
  expect(complaintCard(h, SERVICE_CHAT, ref).text).toContain('无效投诉（小周）');
});

test("invalid when the staff member never started the bot: a link opens the bot's chat and Start asks there", async () => {
  const ref = await complain();
  h.fake.neverStarted(clerk.id);
  await classify(clerk, SERVICE_CHAT, ref, 'invalid');
  expect(h.fake.callsOf('answerCallbackQuery').at(-1)!.params.url).toBe(`https://t.me/${h.fake.botInfo.username}?start=ci_${ref}`);
  h.fake.started(clerk.id);
  await h.send(h.u.command(clerk, `start ci_${ref}`));
  expect(h.fake.lastTextTo(clerk.id)).toContain(`投诉 ${ref} 判为无效投诉：请回复本消息`);
  await replyToPrompt(clerk, '属于业主之间的私人纠纷，建议联系居委会调解');
  expect((await h.services.tickets.get(ref))!.complaint!.class).toBe('invalid');
});

test('invalid while a form is open in the private chat: asked to finish it first, so the form does not swallow the explanation', async () => {
  const answering = await complain();
  const invalid = await complain();
  await h.press(clerk, SERVICE_CHAT, `tk:claim:${answering}`);
  await h.press(clerk, SERVICE_CHAT, `tk:res:${answering}`);
  await h.press(clerk, clerk.id, `tk:rsp:${answering}`); // the answer form is waiting for text
  const promptsBefore = h.fake.textsTo(clerk.id).filter((t) => t.includes('请回复本消息')).length;
  await classify(clerk, SERVICE_CHAT, invalid, 'invalid');
  expect(h.fake.callsOf('answerCallbackQuery').at(-1)!.params).toMatchObject({ show_alert: true, text: expect.stringContaining('/cancel') });
  expect(h.fake.textsTo(clerk.id).filter((t) => t.includes('请回复本消息'))).toHaveLength(promptsBefore);

  await h.say(clerk, '/cancel');
  await h.press(clerk, SERVICE_CHAT, `tk:cls:${invalid}:invalid`);
  await replyToPrompt(clerk, '这是供电局的线路，请拨打 95598');
  expect((await h.services.tickets.get(invalid))!.complaint!.class).toBe('invalid');
  expect((await h.services.tickets.get(answering))!.status).toBe('claimed'); // the cancelled form changed nothing
});

async function snapshot(ref: string) {
  const t = (await h.services.tickets.get(ref))!;
  return { seq: t.seq, status: t.status, class: t.complaint?.class, due: iso(t.resolutionDueAt), events: (await h.services.tickets.history(ref)).length };
}

/** Sends a callback with any data on the newest message of a chat; returns the answer the presser saw. */
async function forge(who: TgUser, chatId: number, data: string): Promise<string> {
  const before = h.fake.callsOf('answerCallbackQuery').length;
  const messageId = h.fake.messagesIn(chatId).at(-1)?.message_id ?? 1;
  await h.send(h.u.callback(who, data, { chatId, messageId }));
  const answers = h.fake.callsOf('answerCallbackQuery').slice(before);
  expect(answers).toHaveLength(1);
  return String(answers[0].params.text ?? '');
}

test('forged classify callbacks by a non-staff user and by staff of another department are refused and change nothing', async () => {
  const ref = await complain(ABOUT_PLUMBER);
  await h.press(clerk, SERVICE_CHAT, `tk:cls:${ref}`); // a real picker is on screen
  const before = await snapshot(ref);
  const sentOrEdited = () => h.fake.calls.filter((c) => c.method === 'sendMessage' || c.method.startsWith('edit'));
  const sentBefore = sentOrEdited().length;

  for (const data of [`tk:cls:${ref}`, ...['valid', 'help', 'inquiry', 'venting', 'invalid', 'major'].map((c) => `tk:cls:${ref}:${c}`)]) {
    expect(await forge(mallory, SERVICE_CHAT, data)).toBe('抱歉，只有物业员工可以进行此操作。');
    // Privately, in Mallory's own language.
    expect(await forge(mallory, mallory.id, data)).toBe("Sorry, only the office's staff can do this.");
    // Engineering staff, and engineering's head who got a private copy of the card: not their department's complaint.
    expect(await forge(zhang, SERVICE_CHAT, data)).toContain('不属于您所在的部门');
    expect(await forge(zhang, STAFF_CHAT, data)).toContain('不属于您所在的部门');
    expect(await forge(head, head.id, data)).toContain('不属于您所在的部门');
  }
  // A forged private reply to an explanation prompt, and the deep link, by someone who is not staff.
  const prompt = h.services.texts.t('zh-CN', 'classify-invalid-ask', { ref });
  await h.send(h.u.text(mallory, '这不归物业管', undefined, { reply_to_message: { message_id: 5, from: h.fake.botInfo, chat: { id: mallory.id, type: 'private' }, date: 0, text: prompt } }));
  expect(h.fake.lastTextTo(mallory.id)).toBe("Sorry, only the office's staff can do this.");
  await h.send(h.u.command(mallory, `start ci_${ref}`));
  expect(h.fake.lastTextTo(mallory.id)).toBe("Sorry, only the office's staff can do this.");

  expect(await snapshot(ref)).toEqual(before);
  // Nothing was posted or edited anywhere but the refusals in the forgers' own private chats.
  const extra = sentOrEdited().slice(sentBefore);
  expect(extra.filter((c) => c.params.chat_id !== mallory.id)).toEqual([]);
  expect(h.fake.callsTo(alice.id).filter((c) => (c.params.text ?? '').includes('🏷'))).toEqual([]);
});
