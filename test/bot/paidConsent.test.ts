/**
 * Paid household repairs (有偿服务): the resident sees the price and must agree explicitly
 * before a ticket exists. Anything but the agree button — "choose another category",
 * cancel, or typing a refusal — leaves no ticket and nothing in the staff group.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { answerRepair, cardText, refIn, startRepair } from '../support/flows';

const { alice } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

async function nothingFiled(): Promise<void> {
  expect(await h.database.models.Ticket.countDocuments()).toBe(0);
  expect(await h.database.models.TicketEvent.countDocuments()).toBe(0);
  expect(h.fake.callsTo(STAFF_CHAT)).toEqual([]);
  // The scene is over: nothing half-finished waits for the next message.
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);
}

async function atFeeQuestion(): Promise<void> {
  await startRepair(h, alice);
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:unblock');
  const question = h.fake.lastTextTo(alice.id)!;
  expect(question).toContain('有偿服务');
  expect(question).toContain('¥80/次');
  expect(h.fake.buttonsOf(h.messageWithButton(alice.id, 'sc:agree')).map((b) => b.text)).toEqual(['✅ 我同意收费', '↩️ 选其他类别', '✖️ 取消']);
}

test('cancel at the price creates no ticket', async () => {
  await atFeeQuestion();
  await h.press(alice, alice.id, 'sc:cancel');
  expect(h.fake.lastTextTo(alice.id)).toContain('已取消');
  await nothingFiled();
});

test('"选其他类别" goes back to the categories and does not file the paid repair', async () => {
  await atFeeQuestion();
  await h.press(alice, alice.id, '↩️ 选其他类别');
  expect(h.fake.lastTextTo(alice.id)).toContain('「住户报修」—— 请选择具体类别');
  expect(await h.database.models.Ticket.countDocuments()).toBe(0);
  await h.send(h.u.command(alice, 'cancel'));
  expect(h.fake.lastTextTo(alice.id)).toContain('已取消');
  await nothingFiled();
});

test('typing a refusal (or anything else) is not consent', async () => {
  await atFeeQuestion();
  for (const typed of ['不同意', '太贵了', '同意？要先问问家人']) {
    await h.say(alice, typed);
    const reply = h.fake.lastTextTo(alice.id)!;
    // Asked again, with the buttons; not taken as agreement (which would move on to "where").
    expect(reply).toContain('请点击下面的按钮选择');
    expect(reply).toContain('有偿服务');
    expect(reply).not.toContain('问题在哪里');
  }
  // Typing a button's exact label counts as pressing it: here "取消".
  await h.say(alice, '取消');
  expect(h.fake.lastTextTo(alice.id)).toContain('已取消');
  await nothingFiled();
});

test('with consent the summary and the card show the agreed fee', async () => {
  await startRepair(h, alice);
  await answerRepair(h, alice, { kind: 'household', category: 'unblock', agree: true, description: '卫生间地漏堵了' });
  const summary = h.fake.lastTextTo(alice.id)!;
  expect(summary).toContain('收费：¥80/次（您已同意）');
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(h.fake.lastTextTo(alice.id));

  expect(cardText(h, STAFF_CHAT, ref)).toContain('💰 有偿服务：¥80/次（住户已同意）');
  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.report.agreedPrice).toEqual({ amount: 80, unit: '次' });
  // A paid repair owes the resident a price-and-feasibility answer within paidQuote (20 min).
  expect(new Date(ticket.responseDueAt).getTime() - new Date(ticket.createdAt).getTime()).toBe(h.policy.response.paidQuote);
});

test('changing to another paid category asks again and keeps only the new consent', async () => {
  await startRepair(h, alice);
  await answerRepair(h, alice, { kind: 'household', category: 'unblock', agree: true, description: '厨房水槽堵了' });
  await h.press(alice, alice.id, 'sc:edit');
  await h.press(alice, alice.id, 'sc:category');
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:install');
  expect(h.fake.lastTextTo(alice.id)).toContain('¥50/件');
  await h.press(alice, alice.id, 'sc:agree');
  const summary = h.fake.lastTextTo(alice.id)!;
  expect(summary).toContain('收费：¥50/件');
  expect(summary).not.toContain('¥80');
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(h.fake.lastTextTo(alice.id));
  expect(cardText(h, STAFF_CHAT, ref)).toContain('¥50/件');
  expect((await h.services.tickets.get(ref))!.report).toMatchObject({ category: 'install', agreedPrice: { amount: 50 } });
});

test('a free category never asks for consent and shows no fee', async () => {
  await startRepair(h, alice);
  await answerRepair(h, alice, { kind: 'household', category: 'inspect', description: '客厅插座没电' });
  const texts = h.fake.textsTo(alice.id);
  // "收费标准" is the price question's wording (the category list only marks paid ones with 💰).
  expect(texts.some((t) => t.includes('收费标准'))).toBe(false);
  expect(h.fake.callsTo(alice.id).some((c) => h.fake.buttonsOf(c).some((b) => b.data === 'sc:agree'))).toBe(false);
  expect(texts.at(-1)).not.toContain('收费');
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(h.fake.lastTextTo(alice.id));
  expect(cardText(h, STAFF_CHAT, ref)).not.toContain('💰');
  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.report.agreedPrice).toBeUndefined();
  expect(new Date(ticket.responseDueAt).getTime() - new Date(ticket.createdAt).getTime()).toBe(h.policy.response.dispatch);
});
