/**
 * Editing a repair report from its summary. A new kind asks again what depends on it (where,
 * and the visit time — or none), so nothing the resident did not see in the summary reaches
 * the card. Cancelling at the price while editing goes back to the summary with the report
 * as it was; "choose another category" goes back to the same kind's categories.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { cardText, refIn, startRepair } from '../support/flows';

const { alice } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const last = () => h.fake.lastTextTo(alice.id)!;
const buttonData = (data: string) => h.fake.buttonsOf(h.messageWithButton(alice.id, data)).map((b) => b.data);

/** A household inspection at home with a chosen visit slot, left at the summary. */
async function householdWithSlot(): Promise<string> {
  await startRepair(h, alice);
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:inspect');
  await h.press(alice, alice.id, 'sc:home');
  await h.say(alice, '客厅灯不亮');
  await h.press(alice, alice.id, 'sc:done');
  const slot = h.fake.buttonsOf(h.messageWithButton(alice.id, 'sc:slot0')).find((b) => b.data === 'sc:slot0')!.text;
  await h.press(alice, alice.id, 'sc:slot0');
  expect(last()).toContain(`上门时间：${slot}`);
  expect(last()).toContain('位置：3栋2单元1201');
  return slot;
}

test('household → public area: the place is asked again without "my flat", and the visit slot is dropped', async () => {
  const slot = await householdWithSlot();
  await h.press(alice, alice.id, 'sc:edit');
  await h.press(alice, alice.id, 'sc:category');
  await h.press(alice, alice.id, 'sc:public');
  await h.press(alice, alice.id, 'sc:inspect');

  // Asked where again, saying why; a public area has no "my flat" button.
  expect(last()).toContain('报修类型已更改');
  expect(last()).toContain('请输入具体位置');
  expect(h.fake.buttonsOf(h.fake.messagesIn(alice.id).at(-1)!).map((b) => b.data)).not.toContain('sc:home');
  await h.say(alice, '5栋大堂门口');

  // Straight back to the summary: no visit question for a public area, and no visit line.
  const summary = last();
  expect(summary).toContain('类型：公共部位报修 · 检修');
  expect(summary).toContain('位置：5栋大堂门口');
  expect(summary).not.toContain('上门时间');
  expect(summary).not.toContain('1201');
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(last());

  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.report).toMatchObject({ repairKind: 'public', category: 'inspect', location: '5栋大堂门口', atHome: false, visit: { asap: true } });
  const card = cardText(h, STAFF_CHAT, ref);
  expect(card).toContain('📍 位置：5栋大堂门口');
  expect(card).not.toContain('住户家中');
  expect(card).not.toContain(slot.split(' ')[1]); // the slot's time never reaches the card
});

test('public area → household: "my flat" is offered again and the visit time is asked', async () => {
  await startRepair(h, alice);
  await h.press(alice, alice.id, 'sc:public');
  await h.press(alice, alice.id, 'sc:inspect');
  await h.say(alice, '3栋大堂');
  await h.say(alice, '灯不亮');
  await h.press(alice, alice.id, 'sc:done');
  expect(last()).not.toContain('上门时间');

  await h.press(alice, alice.id, 'sc:edit');
  await h.press(alice, alice.id, 'sc:category');
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:inspect');
  expect(buttonData('sc:home')).toContain('sc:home');
  await h.press(alice, alice.id, 'sc:home');
  expect(last()).toContain('希望师傅什么时候上门');
  await h.press(alice, alice.id, 'sc:asap');
  expect(last()).toContain('位置：3栋2单元1201');
  expect(last()).toContain('上门时间：⚡ 尽快');
  await h.press(alice, alice.id, 'sc:confirm');
  const ticket = (await h.services.tickets.get(refIn(last())))!;
  expect(ticket.report).toMatchObject({ repairKind: 'household', atHome: true, location: '3栋2单元1201' });
});

test('another category of the same kind keeps the place and the visit slot', async () => {
  const slot = await householdWithSlot();
  await h.press(alice, alice.id, 'sc:edit');
  await h.press(alice, alice.id, 'sc:category');
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:unblock');
  await h.press(alice, alice.id, 'sc:agree');
  const summary = last();
  expect(summary).toContain('类型：住户报修 · 疏通');
  expect(summary).toContain('收费：¥80/次（您已同意）');
  expect(summary).toContain('位置：3栋2单元1201');
  expect(summary).toContain(`上门时间：${slot}`);
});

test('Edit → a paid category → Cancel at the price returns to the summary, the report unchanged', async () => {
  await householdWithSlot();
  const before = last();
  await h.press(alice, alice.id, 'sc:edit');
  await h.press(alice, alice.id, 'sc:category');
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:unblock');
  expect(last()).toContain('有偿服务');
  await h.press(alice, alice.id, 'sc:cancel');

  expect(last()).toBe(before);
  expect(h.fake.textsTo(alice.id).some((t) => t.includes('已取消'))).toBe(false);
  expect(await h.database.models.ConversationState.countDocuments()).toBe(1); // still filling in
  await h.press(alice, alice.id, 'sc:confirm');
  const ticket = (await h.services.tickets.get(refIn(last())))!;
  expect(ticket.report).toMatchObject({ repairKind: 'household', category: 'inspect', atHome: true });
  expect(ticket.report.agreedPrice).toBeUndefined();
});

test('Edit → the kinds offer Back to the summary', async () => {
  await householdWithSlot();
  const before = last();
  await h.press(alice, alice.id, 'sc:edit');
  await h.press(alice, alice.id, 'sc:category');
  await h.press(alice, alice.id, 'sc:_summary');
  expect(last()).toBe(before);
});

test('"choose another category" at the price goes back to the same kind\'s categories, while reporting and while editing', async () => {
  await startRepair(h, alice);
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:unblock');
  await h.press(alice, alice.id, 'sc:other');
  expect(last()).toContain('「住户报修」—— 请选择具体类别');
  expect(buttonData('sc:inspect')).toContain('sc:unblock');
  await h.press(alice, alice.id, 'sc:inspect');
  await h.press(alice, alice.id, 'sc:home');
  await h.say(alice, '插座没电');
  await h.press(alice, alice.id, 'sc:done');
  await h.press(alice, alice.id, 'sc:asap');
  expect(last()).toContain('类型：住户报修 · 检修');

  await h.press(alice, alice.id, 'sc:edit');
  await h.press(alice, alice.id, 'sc:category');
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:install');
  await h.press(alice, alice.id, 'sc:other');
  expect(last()).toContain('「住户报修」—— 请选择具体类别');
  // "Back" on the categories still reaches the kinds.
  await h.press(alice, alice.id, 'sc:_back');
  expect(last()).toContain('请选择报修类型');
});
