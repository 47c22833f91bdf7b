/**
 * What a resident does from My tickets: add information or photos (under the card, and to
 * the owner once claimed), urge (at most once per interval, told to the owner or the group,
 * recorded), cancel (only before work started, with a reason; the card and group follow).
 */
import { residentActor } from '../../src/people/actors';
import type { ResidentContact } from '../../src/tickets/types';
import { callbackAnswers, cardText, sendCallback } from '../support/flows';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';

const { alice, bob, zhang } = people;
const MINUTE = 60_000;
let h: Harness;

const ALICE: ResidentContact = { telegramId: alice.id, name: '爱丽丝', phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' };
const BOB: ResidentContact = { telegramId: bob.id, name: 'Bob Lee', phone: '+8613900001111', building: '5', unit: '1', room: '302', language: 'en' };

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

async function report(contact: ResidentContact, description: string): Promise<string> {
  const report = { repairKind: 'household' as const, category: 'inspect', location: 'home', atHome: true, description, media: [], visit: { asap: true } };
  const ticket = await h.services.tickets.createRepair(contact, report, residentActor(contact.telegramId, contact.name));
  await h.settle();
  return ticket.ref;
}

async function events(ref: string, type?: string) {
  return (await h.services.tickets.history(ref)).filter((e) => !type || e.type === type);
}

/** /my, then open the ticket, then press one of its actions. */
async function openAndPress(who: typeof alice, ref: string, action: 'add' | 'urge' | 'cancel'): Promise<void> {
  await h.send(h.u.command(who, 'my'));
  await h.press(who, who.id, `my:open:${ref}:0`);
  await h.press(who, who.id, `my:${action}:${ref}:0`);
}

/** What the bot sent to the staff group in reply to the ticket's card. */
async function underCard(ref: string) {
  const card = (await h.services.tickets.card(ref))!;
  expect(card.chatId).toBe(STAFF_CHAT);
  return h.fake.callsTo(STAFF_CHAT).filter((c) => c.params.reply_parameters?.message_id === card.messageId);
}

test('add information: text and a photo go under the card; once claimed, photos alone reach the owner too', async () => {
  const ref = await report(ALICE, '卫生间漏水');
  await openAndPress(alice, ref, 'add');
  expect(h.fake.lastTextTo(alice.id)).toContain(`工单 ${ref}：请写下要补充的内容`);
  await h.say(alice, '楼下邻居说天花板也<湿>了');
  await h.send(h.u.photo(alice, 'photo-ceiling'));
  await h.press(alice, alice.id, 'sc:done');
  expect(h.fake.lastTextTo(alice.id)).toBe(`✅ 已补充到工单 ${ref}，并转达给处理人员。`);

  const [added] = await events(ref, 'info_added');
  expect(added).toMatchObject({ text: '楼下邻居说天花板也<湿>了', media: [{ type: 'photo', fileId: 'photo-ceiling' }], actor: { id: alice.id, role: 'resident' } });
  const notes = await underCard(ref);
  expect(notes.map((c) => c.method)).toEqual(['sendMessage', 'sendPhoto']);
  expect(notes[0].params.text).toContain(`➕ 住户补充（<b>${ref}</b>）：楼下邻居说天花板也&lt;湿&gt;了`);
  expect(notes[0].params.text).toContain('附件 1 个');
  expect(notes[1].params.photo).toBe('photo-ceiling');
  expect(h.fake.textsTo(zhang.id)).toEqual([]);

  // Claimed: the owner is told privately as well. A photo as the first answer is fine.
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const toZhang = h.fake.callsTo(zhang.id).length;
  await openAndPress(alice, ref, 'add');
  await h.send(h.u.photo(alice, 'photo-2'));
  await h.send(h.u.photo(alice, 'photo-3'));
  await h.press(alice, alice.id, 'sc:done');
  const second = (await events(ref, 'info_added'))[1];
  expect(second).toMatchObject({ text: '', media: [{ fileId: 'photo-2' }, { fileId: 'photo-3' }] });
  expect((await underCard(ref)).at(-1)!.method).toBe('sendMediaGroup');
  const dm = h.fake.callsTo(zhang.id).slice(toZhang);
  expect(dm.map((c) => c.method)).toEqual(['sendMessage', 'sendMediaGroup']);
  expect(dm[0].params.text).toBe(`➕ 住户为 <b>${ref}</b> 补充了 2 个附件（见下方）。`);
  expect(dm[1].params.media.map((m: { media: string }) => m.media)).toEqual(['photo-2', 'photo-3']);
});

test('add information: skipping both changes nothing', async () => {
  const ref = await report(ALICE, '门铃坏了');
  await openAndPress(alice, ref, 'add');
  await h.press(alice, alice.id, 'sc:photos');
  await h.press(alice, alice.id, 'sc:done');
  expect(h.fake.lastTextTo(alice.id)).toBe(`没有收到任何内容，工单 ${ref} 未作改动。`);
  expect(await events(ref, 'info_added')).toHaveLength(0);
});

test('urge: told to the group, refused again within the interval with the time, allowed after it, recorded', async () => {
  const ref = await report(ALICE, '电梯异响');
  await openAndPress(alice, ref, 'urge');
  expect(callbackAnswers(h).at(-1)).toBe(`🔔 已催办 ${ref}，已通知处理人员。`);
  expect((await underCard(ref)).at(-1)!.params.text).toBe(`🔔 住户催办工单 <b>${ref}</b>（第 1 次），目前无人接单，请尽快安排。`);
  // The details were refreshed in place with the urge in the history.
  expect(h.fake.lastTextTo(alice.id)).toContain('· 您 催办');
  expect(await events(ref, 'urged')).toHaveLength(1);

  const groupCalls = h.fake.callsTo(STAFF_CHAT).length;
  h.clock.advance(119 * MINUTE);
  await sendCallback(h, alice, alice.id, `my:urge:${ref}:0`); // the button of a view from before the urge
  expect(callbackAnswers(h).at(-1)).toBe('已经催办过了，2026-11-23 12:00 后可以再次催办。');
  expect(h.fake.callsOf('answerCallbackQuery').at(-1)!.params.show_alert).toBe(true);
  expect(await events(ref, 'urged')).toHaveLength(1);
  expect(h.fake.callsTo(STAFF_CHAT)).toHaveLength(groupCalls);

  // Claimed in the meantime: after the interval the owner is told privately, not the group.
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const groupAfterClaim = h.fake.callsTo(STAFF_CHAT).length;
  h.clock.advance(MINUTE);
  await openAndPress(alice, ref, 'urge');
  expect(callbackAnswers(h).at(-1)).toBe(`🔔 已催办 ${ref}，已通知处理人员。`);
  expect(h.fake.lastTextTo(zhang.id)).toBe(`🔔 住户催办工单 ${ref}（第 2 次），请尽快处理并告知进展。`);
  expect(h.fake.callsTo(STAFF_CHAT)).toHaveLength(groupAfterClaim);
  const urged = await events(ref, 'urged');
  expect(urged).toHaveLength(2);
  expect(urged.map((e) => e.at.toISOString())).toEqual(['2026-11-23T02:00:00.000Z', '2026-11-23T04:00:00.000Z']);
});

test('urge: an owner the bot cannot reach privately is reached under the card instead', async () => {
  const ref = await report(BOB, 'Lift is noisy');
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  h.fake.blockUser(zhang.id);
  await openAndPress(bob, ref, 'urge');
  expect(callbackAnswers(h).at(-1)).toBe(`🔔 ${ref} urged; the staff have been told.`);
  expect((await underCard(ref)).at(-1)!.params.text).toBe(`🔔 住户催办工单 <b>${ref}</b>（第 1 次），请 张 尽快处理并告知进展。`);
});

test('cancel: allowed while open (quick reason) and while claimed (typed reason); card and group follow', async () => {
  const open = await report(ALICE, '空调滴水');
  await openAndPress(alice, open, 'cancel');
  expect(h.fake.lastTextTo(alice.id)).toContain(`取消工单 ${open}：请说说取消的原因`);
  await h.press(alice, alice.id, 'sc:solved');
  expect(h.fake.lastTextTo(alice.id)).toContain('原因：问题已经自行解决');
  await h.press(alice, alice.id, 'sc:yes');
  expect(h.fake.lastTextTo(alice.id)).toBe(`工单 ${open} 已取消。如有需要可随时重新提交。`);
  expect(await h.services.tickets.get(open)).toMatchObject({ status: 'cancelled' });
  expect((await events(open, 'cancelled'))[0]).toMatchObject({ text: '问题已经自行解决', actor: { id: alice.id } });
  expect(cardText(h, STAFF_CHAT, open)).toContain('已取消');
  expect(h.fake.buttonsOf(h.fake.messagesIn(STAFF_CHAT).find((m) => m.text?.includes(open) && m.text.includes('📝'))!)).toEqual([]);
  expect((await underCard(open)).at(-1)!.params.text).toBe(`✖️ 住户已取消工单 <b>${open}</b>，原因：问题已经自行解决`);

  // An English resident, a claimed ticket, a typed reason: the owner hears it too.
  const claimed = await report(BOB, 'Door bell');
  await h.press(zhang, STAFF_CHAT, `tk:claim:${claimed}`);
  await openAndPress(bob, claimed, 'cancel');
  await h.say(bob, 'Fixed it <myself>');
  await h.press(bob, bob.id, '✅ Yes, cancel it');
  expect(h.fake.lastTextTo(bob.id)).toBe(`Ticket ${claimed} is cancelled. You can report again at any time.`);
  expect(await h.services.tickets.get(claimed)).toMatchObject({ status: 'cancelled' });
  expect((await underCard(claimed)).at(-1)!.params.text).toBe(`✖️ 住户已取消工单 <b>${claimed}</b>，原因：Fixed it &lt;myself&gt;`);
  expect(h.fake.lastTextTo(zhang.id)).toBe(`✖️ 住户已取消工单 ${claimed}，原因：Fixed it <myself>`);
});

test('cancel: "No" keeps the ticket; after Arrived it is refused politely and nothing changes', async () => {
  const ref = await report(ALICE, '灯不亮');
  await openAndPress(alice, ref, 'cancel');
  await h.press(alice, alice.id, 'sc:mistake');
  await h.press(alice, alice.id, 'sc:no');
  expect(h.fake.lastTextTo(alice.id)).toBe(`好的，工单 ${ref} 保持不变。`);
  expect((await h.services.tickets.get(ref))!.status).toBe('open');

  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.press(zhang, STAFF_CHAT, `tk:arr:${ref}`);
  const before = (await events(ref)).length;
  // The details no longer offer Cancel; an old button still arrives and is refused.
  await h.send(h.u.command(alice, 'my'));
  await h.press(alice, alice.id, `my:open:${ref}:0`);
  expect(h.fake.buttonsOf(h.messageWithButton(alice.id, /^my:/)).map((b) => b.data)).not.toContain(`my:cancel:${ref}:0`);
  const sentToAlice = h.fake.callsTo(alice.id).filter((c) => c.method !== 'answerCallbackQuery').length;
  await h.send(h.u.callback(alice, `my:cancel:${ref}:0`, { chatId: alice.id, messageId: h.messageWithButton(alice.id, /^my:/).message_id }));
  expect(callbackAnswers(h).at(-1)).toBe(`抱歉，工单 ${ref} 已经开始处理（当前：处理中），不能再取消。如有变化，可以在「我的工单」里补充信息告诉处理人员。`);
  expect((await h.services.tickets.get(ref))!.status).toBe('on_site');
  expect(await events(ref)).toHaveLength(before);
  expect(h.fake.callsTo(alice.id).filter((c) => c.method !== 'answerCallbackQuery')).toHaveLength(sentToAlice);
});

test('cancel: work that starts while the resident is still answering wins; the scene ends politely', async () => {
  const ref = await report(ALICE, '窗户关不上');
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await openAndPress(alice, ref, 'cancel');
  await h.say(alice, '不需要了');
  await h.press(zhang, STAFF_CHAT, `tk:arr:${ref}`);
  await h.press(alice, alice.id, 'sc:yes');
  expect(h.fake.lastTextTo(alice.id)).toContain(`工单 ${ref} 已经开始处理（当前：处理中），不能再取消`);
  expect(await h.services.tickets.get(ref)).toMatchObject({ status: 'on_site' });
  expect(await events(ref, 'cancelled')).toHaveLength(0);
});
