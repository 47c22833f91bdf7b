/**
 * My tickets: the resident's own tickets, newest first, a page at a time, navigation editing
 * the same message; opening one shows its details and history in the resident's language,
 * with staff by first name only and never an internal note; someone else's ticket is never
 * shown, whatever callback data is forged.
 */
import { residentActor } from '../../src/people/actors';
import type { ResidentContact } from '../../src/tickets/types';
import { callbackAnswers, fileRepair, sendCallback } from '../support/flows';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import type { TgUser } from '../support/updates';

const { alice, bob, zhang, mallory } = people;
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

/** A household repair reported a minute after the previous one, with its card posted. */
async function report(contact: ResidentContact, description: string): Promise<string> {
  h.clock.advance(MINUTE);
  const location = contact === BOB ? 'Bldg 5, Unit 1, Room 302' : '3栋2单元1201';
  const report = { repairKind: 'household' as const, category: 'inspect', location, atHome: true, description, media: [], visit: { asap: true } };
  const ticket = await h.services.tickets.createRepair(contact, report, residentActor(contact.telegramId, contact.name));
  await h.settle();
  return ticket.ref;
}

const staff = (who: TgUser) => h.services.staff.actorFor({ id: who.id, firstName: who.first_name });

/** The newest bot message in the resident's chat that holds My tickets buttons. */
function myMessage(who: TgUser) {
  return h.messageWithButton(who.id, /^my:/);
}

test('seven tickets: newest first, five on page 1 and two on page 2, ◀/▶ edit the same message', async () => {
  const refs: string[] = [];
  for (let i = 1; i <= 7; i++) refs.push(await report(ALICE, `问题 ${i}`));
  await report(BOB, 'Not Alice’s');
  await h.press(zhang, STAFF_CHAT, `tk:claim:${refs[6]}`);

  await h.send(h.u.command(alice, 'my'));
  const list = myMessage(alice);
  expect(list.text).toContain('我的工单（共 7 张，第 1/2 页）');
  const shown = (text: string) => refs.filter((ref) => text.includes(ref));
  expect(shown(list.text!)).toEqual(refs.slice(2));
  // Newest first in the text itself.
  const positions = [7, 6, 5, 4, 3].map((n) => list.text!.indexOf(refs[n - 1]));
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // Each line: reference, kind, status and the last change with its time in the office's zone.
  expect(list.text).toContain(`${refs[6]} 住户报修 · 检修 · 已接单`);
  expect(list.text).toMatch(/最近：已接单（2026-11-23 10:0\d）/);
  expect(list.text).toContain(`${refs[5]} 住户报修 · 检修 · 待接单`);
  expect(list.text).toContain('最近：已提交（2026-11-23 10:06）');
  expect(list.text).not.toContain('Not Alice');
  const data = h.fake.buttonsOf(list).map((b) => b.data);
  expect(data).toEqual([...[6, 5, 4, 3, 2].map((i) => `my:open:${refs[i]}:0`), 'my:page:1']);

  await h.press(alice, alice.id, 'my:page:1');
  const page2 = h.fake.message(alice.id, list.message_id)!;
  expect(page2.text).toContain('第 2/2 页');
  expect(shown(page2.text!)).toEqual([refs[0], refs[1]]);
  expect(page2.text!.indexOf(refs[1])).toBeLessThan(page2.text!.indexOf(refs[0]));
  expect(h.fake.buttonsOf(page2).map((b) => b.data)).toEqual([`my:open:${refs[1]}:1`, `my:open:${refs[0]}:1`, 'my:page:0']);
  // Navigation edited the list; it sent nothing new.
  expect(myMessage(alice).message_id).toBe(list.message_id);

  await h.press(alice, alice.id, 'my:page:0');
  expect(shown(h.fake.message(alice.id, list.message_id)!.text!)).toHaveLength(5);

  // The menu button does the same; an English resident reads English and only their own.
  await h.say(bob, '📋 My tickets');
  const bobs = myMessage(bob).text!;
  expect(bobs).toContain('My tickets (1 ticket in all, page 1/1)');
  expect(bobs).toContain('Household repair · Inspecting · unclaimed');
  expect(bobs).toContain('Last: submitted (2026-11-23 10:08)');
  expect(refs.some((ref) => bobs.includes(ref))).toBe(false);
});

test('no tickets yet: a friendly line, no buttons', async () => {
  await h.send(h.u.command(alice, 'my'));
  expect(h.fake.lastTextTo(alice.id)).toContain('您还没有提交过工单');
  expect(h.fake.buttonsOf(h.fake.callsOf('sendMessage').at(-1)!)).toEqual([]);
});

test('opening a ticket shows its details and history in the resident\'s language, never an internal note', async () => {
  const ref = await fileRepair(h, alice, { kind: 'household', category: 'inspect', description: '门铃<坏了>' });
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.press(zhang, STAFF_CHAT, `tk:arr:${ref}`);
  const actor = await staff(zhang);
  await h.services.tickets.note(ref, actor, { text: '住户脾气不好，注意沟通', media: [], toResident: false });
  await h.services.tickets.note(ref, actor, { text: '零件明天到货', media: [], toResident: true });
  await h.services.tickets.reschedule(ref, actor, { reason: '等待门铃配件', until: new Date('2026-11-24T02:00:00Z'), parts: true });

  await h.send(h.u.command(alice, 'my'));
  const list = myMessage(alice);
  await h.press(alice, alice.id, `my:open:${ref}:0`);
  const details = h.fake.message(alice.id, list.message_id)!.text!;
  expect(details).toContain(`📄 ${ref} 住户报修 · 检修`);
  expect(details).toContain('状态：处理中（张）');
  expect(details).toContain('内容：门铃<坏了>');
  expect(details).toContain('⏳ 等待门铃配件，预计 2026-11-24 10:00');
  expect(details).toContain('处理记录（5 条）');
  expect(details).toContain('2026-11-23 10:00 · 您 提交了工单');
  expect(details).toContain('· 张 接单');
  expect(details).toContain('· 张 到场处理');
  expect(details).toContain('· 张：零件明天到货');
  expect(details).toContain('· 张 等待配件：等待门铃配件，预计 2026-11-24 10:00');
  const order = ['您 提交了工单', '张 接单', '张 到场处理', '零件明天到货', '张 等待配件'].map((line) => details.indexOf(line));
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(details).not.toContain('脾气');
  expect(details).not.toContain('内部');
  expect(details).not.toContain('（员工）');
  // Work has started: adding information and urging are offered, cancelling is not.
  const buttons = h.fake.buttonsOf(h.fake.message(alice.id, list.message_id)!).map((b) => b.data);
  expect(buttons).toEqual([`my:add:${ref}:0`, `my:urge:${ref}:0`, 'my:page:0']);

  await h.press(alice, alice.id, 'my:page:0');
  expect(h.fake.message(alice.id, list.message_id)!.text).toContain('我的工单（共 1 张');
});

test('an English resident reads the history in English; a transfer names the department, not a person', async () => {
  const ref = await report(BOB, 'The hall light is broken');
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.services.tickets.transfer(ref, await staff(zhang), 'cleaning', '不是维修问题');

  await h.send(h.u.command(bob, 'my'));
  await h.press(bob, bob.id, `my:open:${ref}:0`);
  const details = myMessage(bob).text!;
  expect(details).toContain('Status: unclaimed');
  expect(details).toContain('History (3 entries)');
  expect(details).toContain('· You reported it');
  expect(details).toContain('· 张 claimed it');
  expect(details).toContain('· 张 transferred it to Cleaning & Landscaping');
  expect(details).not.toContain('不是维修问题');
  expect(details).not.toMatch(/[\u3400-\u9fff]{2}/); // no Chinese beyond the staff member's first name
  expect(h.fake.buttonsOf(myMessage(bob)).map((b) => b.data)).toEqual([`my:add:${ref}:0`, `my:urge:${ref}:0`, `my:cancel:${ref}:0`, 'my:page:0']);
});

test('forged my:* callbacks for someone else\'s ticket are refused and change nothing', async () => {
  const ref = await report(ALICE, '水龙头漏水');
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.send(h.u.command(bob, 'my')); // Bob has a My tickets message of his own to forge on
  const before = { ticket: await h.services.tickets.get(ref), events: (await h.services.tickets.history(ref)).length };
  const sentBefore = h.fake.calls.filter((c) => c.method !== 'answerCallbackQuery').length;

  for (const [who, text] of [
    [bob, 'Sorry, this is not your ticket.'],
    [mallory, 'Sorry, this is not your ticket.'],
  ] as const) {
    for (const action of ['open', 'add', 'urge', 'cancel']) {
      for (const data of [`my:${action}:${ref}`, `my:${action}:${ref}:0`]) {
        const answered = callbackAnswers(h).length;
        await sendCallback(h, who, who.id, data);
        expect(callbackAnswers(h).slice(answered)).toEqual([text]);
      }
    }
  }
  // A reference that does not exist gets the same answer: no telling which ones exist.
  await sendCallback(h, mallory, mallory.id, 'my:open:BX-20261123-999');
  expect(callbackAnswers(h).at(-1)).toBe('Sorry, this is not your ticket.');

  // Even the ticket's own resident cannot make the bot show it over a message in a group (the card).
  const card = (await h.services.tickets.card(ref))!;
  await h.send(h.u.callback(alice, `my:open:${ref}`, { chatId: STAFF_CHAT, messageId: card.messageId, chatType: 'supergroup' }));
  expect(callbackAnswers(h).at(-1)).toBe('这个按钮已失效，请使用最新消息里的按钮。');

  const after = { ticket: await h.services.tickets.get(ref), events: (await h.services.tickets.history(ref)).length };
  expect(after).toEqual(before);
  // Nothing was sent or edited anywhere: no details, no scene question, no note to staff.
  expect(h.fake.calls.filter((c) => c.method !== 'answerCallbackQuery').length).toBe(sentBefore);
  expect(await h.services.conversations.read(String(bob.id))).toBeUndefined();
});

test('a ticket with long texts and a long history still opens in one message', async () => {
  const long = (what: string) => `${what}${'很'.repeat(990)}`;
  const ref = await report(ALICE, long('描述'));
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const actor = await staff(zhang);
  await h.services.tickets.reschedule(ref, actor, { reason: long('原因'), until: new Date('2026-11-24T02:00:00Z'), parts: false });
  for (let i = 1; i <= 40; i++) await h.services.tickets.note(ref, actor, { text: long(`备注${i}`), media: [], toResident: true });

  await h.send(h.u.command(alice, 'my'));
  await h.press(alice, alice.id, `my:open:${ref}:0`);
  const edit = h.fake.callsOf('editMessageText').at(-1)!;
  expect(edit.error).toBeUndefined();
  const details = myMessage(alice).text!;
  expect(details).toContain('处理记录（43 条）');
  expect(details).toContain('备注40');
  expect(details).not.toContain('备注1很');
  expect(details.length).toBeLessThanOrEqual(4096);
});

test('an anonymous complaint is in its resident\'s My tickets like any other', async () => {
  const input = { subject: 'staff' as const, when: '昨天', where: '大堂', what: '保安态度差', wants: '道歉', media: [], anonymous: true, showUnit: false };
  const complaint = await h.services.tickets.createComplaint(ALICE, input, residentActor(alice.id, ALICE.name));
  await h.settle();
  await h.send(h.u.command(alice, 'my'));
  expect(myMessage(alice).text).toContain(`${complaint.ref} 投诉 · 员工态度 · 待接单`);
  await h.press(alice, alice.id, `my:open:${complaint.ref}:0`);
  const details = myMessage(alice).text!;
  expect(details).toContain('🕶 匿名投诉：处理人员看不到您的身份。');
  expect(details).toContain('· 您 提交了工单');
  expect(h.fake.buttonsOf(myMessage(alice)).map((b) => b.data)).toEqual([`my:add:${complaint.ref}:0`, `my:urge:${complaint.ref}:0`, `my:cancel:${complaint.ref}:0`, 'my:page:0']);
});
