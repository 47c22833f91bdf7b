/**
 * Start in the private chat. Residents get the welcome and the menu — also from a deep link
 * the bot does not know (a lobby poster's ?start=lobby3). Staff, heads and the manager get a
 * staff hint instead: their open tickets and the commands for their work. The staff's own
 * deep links (ct_, rs_, st_) still do what they did.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { fileRepair } from '../support/flows';

const { alice, bob, zhang, li, head, manager } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

/** The last message to a chat, with its keyboard. */
const lastCall = (chatId: number) => h.fake.callsTo(chatId).filter((c) => c.method === 'sendMessage').at(-1)!;
const menuOf = (chatId: number) => (lastCall(chatId).params.reply_markup?.keyboard ?? []).flat().map((b: { text: string }) => b.text);

test('an unknown payload (a lobby poster) gets the normal welcome and menu', async () => {
  await h.send(h.u.command(alice, 'start lobby3'));
  expect(h.fake.lastTextTo(alice.id)).toContain('您好，Alice！这里是物业管理处的线上服务台');
  expect(h.fake.lastTextTo(alice.id)).not.toContain('请从下方菜单选择');
  expect(menuOf(alice.id)).toEqual(['🔧 报修', '📢 投诉', '🚨 紧急', '📋 我的工单', '💬 咨询建议']);
  // A payload that looks like a staff link but is none, in English.
  await h.send(h.u.command(bob, 'start rs_nonsense'));
  expect(h.fake.lastTextTo(bob.id)).toContain('Hello, Bob! This is the online service desk');
  expect(menuOf(bob.id)).toContain('🔧 Repair');
  // Only Start: nothing else was sent and nothing is being filled in.
  expect(h.fake.textsTo(alice.id)).toHaveLength(1);
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);
});

test('staff get their open tickets and the staff commands, not the residents\' menu', async () => {
  const refs = [];
  for (const description of ['厨房灯不亮', '门铃坏了']) refs.push(await fileRepair(h, alice, { kind: 'household', category: 'inspect', description }));
  for (const ref of refs) await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);

  await h.send(h.u.command(zhang, 'start'));
  const hint = h.fake.lastTextTo(zhang.id)!;
  expect(hint).toContain('张，您好！您是物业管理处的工作人员');
  expect(hint).toContain('您负责的未完成工单 2 张：');
  for (const ref of refs) expect(hint).toContain(ref);
  expect(hint).toContain('/mine');
  expect(hint).toContain('/open');
  expect(hint).not.toContain('线上服务台');
  expect(lastCall(zhang.id).params.reply_markup).toBeUndefined();
  // The reference numbers are tap-to-copy.
  expect(lastCall(zhang.id).params.text).toContain(`<code>${refs[0]}</code>`);
  // Start opened the private chat: reminders may go there now.
  expect(await h.services.staff.privateChatOpen(zhang.id)).toBe(true);

  // A member with nothing claimed, a head and the manager (in no staff group) are staff too.
  await h.send(h.u.command(li, 'start'));
  expect(h.fake.lastTextTo(li.id)).toContain('目前没有由您负责的未完成工单');
  await h.send(h.u.command(head, 'start'));
  expect(h.fake.lastTextTo(head.id)).toContain('工作人员');
  h.fake.setChatMember(STAFF_CHAT, manager.id, 'left');
  await h.send(h.u.command(manager, 'start'));
  expect(h.fake.lastTextTo(manager.id)).toContain('陈主任，您好！您是物业管理处的工作人员');

  // The resident still gets the welcome.
  await h.send(h.u.command(alice, 'start'));
  expect(h.fake.lastTextTo(alice.id)).toContain('您好，Alice');
});

test('a long list names five references and counts the rest', async () => {
  const refs = [];
  for (let i = 1; i <= 7; i++) refs.push(await fileRepair(h, alice, { kind: 'household', category: 'inspect', description: `第${i}处插座没电` }));
  for (const ref of refs) await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.send(h.u.command(zhang, 'start'));
  const hint = h.fake.lastTextTo(zhang.id)!;
  expect(hint).toContain('您负责的未完成工单 7 张：');
  expect(refs.filter((ref) => hint.includes(ref))).toHaveLength(5);
  expect(hint).toContain('另有 2 张');
});

test('the staff deep links still work: ct_ shows the contact, rs_ opens the result, st_ the note', async () => {
  const ref = await fileRepair(h, alice, { kind: 'household', category: 'inspect', description: '阳台漏水' });
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);

  await h.send(h.u.command(zhang, `start ct_${ref}`));
  expect(h.fake.lastTextTo(zhang.id)).toContain('13812345678');

  await h.send(h.u.command(zhang, `start st_note_${ref}`));
  expect(h.fake.lastTextTo(zhang.id)).toContain(`工单 ${ref} 的备注：请输入内容`);
  await h.send(h.u.command(zhang, 'cancel'));

  await h.send(h.u.command(zhang, `start rs_${ref}`));
  expect(h.fake.lastTextTo(zhang.id)).toContain('做了哪些处理');
});
