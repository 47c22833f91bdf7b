/**
 * Inside a scene, whatever does not answer the question gets a short explanation and the
 * same question again, and the scene goes on; /cancel always leaves, says so, and leaves
 * no state and no ticket behind.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { refIn, sendCallback, startRepair } from '../support/flows';

const { alice } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

/** Opens a household repair and answers up to the description (a free-text question); returns its text. */
async function atDescription(): Promise<string> {
  await startRepair(h, alice);
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:inspect');
  await h.press(alice, alice.id, 'sc:home');
  const question = h.fake.lastTextTo(alice.id)!;
  expect(question).toContain('请描述一下问题');
  return question;
}

/** Sends something and expects exactly one reply: the explanation, a blank line, the question. */
async function expectReask(send: () => Promise<void>, explanation: string, question: string): Promise<void> {
  const before = h.fake.textsTo(alice.id).length;
  await send();
  const replies = h.fake.textsTo(alice.id).slice(before);
  expect(replies).toEqual([`${explanation}\n\n${question}`]);
  expect(explanation.length).toBeLessThan(80); // short
}

test('sticker, photo, /help, a menu tap, 10,000 characters and an old button each re-ask the description', async () => {
  const question = await atDescription();
  const kindQuestion = h.messageWithButton(alice.id, 'sc:household');

  await expectReask(() => h.send(h.u.sticker(alice)), '收到了表情贴纸 🙂 不过这里需要文字回答。', question);
  await expectReask(() => h.send(h.u.photo(alice, 'photo-not-now')), '这里需要文字回答。', question);
  await expectReask(() => h.send(h.u.command(alice, 'help')), '正在填写中，暂时不能使用其他命令。请回答下面的问题，或发送 /cancel 取消。', question);
  await expectReask(() => h.say(alice, '📋 我的工单'), '正在填写中。请回答下面的问题，或发送 /cancel 取消后再选菜单。', question);
  await expectReask(() => h.say(alice, '漏'.repeat(10_000)), '内容太长了（10,000 字），请精简到 1,000 字以内。', question);
  await expectReask(() => sendCallback(h, alice, alice.id, 'sc:household', kindQuestion.message_id), '这个按钮已失效，请使用最新消息里的按钮。', question);
  // The old button's press is answered too, so the client stops its spinner.
  expect(h.fake.callsOf('answerCallbackQuery').at(-1)!.params.text).toBe('这个按钮已失效，请使用最新消息里的按钮。');
  // None of them did what it would do outside the scene.
  const all = h.fake.textsTo(alice.id).join('\n');
  expect(all).not.toContain('我能为您做什么');
  expect(all).not.toContain('即将上线');

  // The scene goes on to the end with the real answer.
  await h.say(alice, '书房的空调不制冷');
  expect(h.fake.lastTextTo(alice.id)).toContain('可以发送照片或视频');
  await h.press(alice, alice.id, 'sc:done');
  await h.press(alice, alice.id, 'sc:asap');
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(h.fake.lastTextTo(alice.id));
  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.report).toMatchObject({ category: 'inspect', description: '书房的空调不制冷', media: [] });
  expect(await h.database.models.Ticket.countDocuments()).toBe(1);
});

test('button and media questions re-ask too', async () => {
  await startRepair(h, alice);
  const kind = h.fake.lastTextTo(alice.id)!;
  await expectReask(() => h.say(alice, '随便'), '请点击下面的按钮选择。', kind);
  await expectReask(() => h.send(h.u.sticker(alice)), '没能看懂这条回复。', kind);
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:inspect');
  await h.press(alice, alice.id, 'sc:home');
  await h.say(alice, '卧室窗户关不上');
  const media = h.fake.lastTextTo(alice.id)!;
  await expectReask(() => h.say(alice, '没有照片'), '这里需要发送照片或视频；发完请点下面的按钮。', media);
  await expectReask(() => h.send(h.u.document(alice, 'doc-1', 'window.pdf')), '请以「照片」或「视频」方式发送，而不是文件。', media);
  await h.send(h.u.photo(alice, 'photo-window'));
  await h.press(alice, alice.id, 'sc:done');
  await h.press(alice, alice.id, 'sc:asap');
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(h.fake.lastTextTo(alice.id));
  expect((await h.services.tickets.get(ref))!.report.media).toEqual([{ type: 'photo', fileId: 'photo-window' }]);
});

test('/cancel leaves the scene, says so, and leaves no state and no ticket', async () => {
  await atDescription();
  expect(await h.database.models.ConversationState.countDocuments()).toBe(1);
  await h.send(h.u.command(alice, 'cancel'));
  expect(h.fake.lastTextTo(alice.id)).toBe('已取消，本次填写的内容未提交。');
  // The main menu is back.
  const menu = h.fake.callsTo(alice.id).at(-1)!.params.reply_markup;
  expect(JSON.stringify(menu.keyboard)).toContain('🔧 报修');

  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);
  expect(await h.database.models.Ticket.countDocuments()).toBe(0);
  expect(h.fake.callsTo(STAFF_CHAT)).toEqual([]);

  // Out of the scene: a text is no longer taken as the description, /cancel has nothing to leave.
  await h.say(alice, '书房的空调不制冷');
  expect(h.fake.lastTextTo(alice.id)).toContain('请从下方菜单选择');
  await h.send(h.u.command(alice, 'cancel'));
  expect(h.fake.lastTextTo(alice.id)).toContain('当前没有正在填写的内容');
  expect(await h.database.models.Ticket.countDocuments()).toBe(0);
  // A new report starts from the beginning (the profile is kept).
  await h.send(h.u.command(alice, 'repair'));
  expect(h.fake.lastTextTo(alice.id)).toContain('请选择报修类型');
});
