/**
 * Ten staff members press Claim on the same card at the same moment. The insert of the
 * 'claimed' event against the unique (ref, seq) index must pick exactly one winner; the
 * other nine are told who has it, and the card ends up showing that owner.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { fileRepair } from '../support/flows';
import { user } from '../support/updates';

const { alice } = people;
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

// Distinct first names, so an answer naming the owner names exactly one of them.
const crew = Array.from({ length: 10 }, (_, i) => user(700 + i, `师傅${String.fromCharCode(0x7532 + i)}`, { language_code: 'zh-hans' }));

test('10 concurrent claims: one owner, one claimed event, nine answers naming the owner', async () => {
  for (const member of crew) h.fake.setChatMember(STAFF_CHAT, member.id, 'member');
  const ref = await fileRepair(h, alice, { kind: 'household', category: 'inspect', description: '热水器不出热水' });
  const card = h.messageWithButton(STAFF_CHAT, `tk:claim:${ref}`);
  const answersBefore = h.fake.callsOf('answerCallbackQuery').length;

  const presses = crew.map((member) => h.u.callback(member, `tk:claim:${ref}`, { chatId: STAFF_CHAT, messageId: card.message_id, text: card.text }));
  await Promise.all(presses.map((update) => h.send(update)));

  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.status).toBe('claimed');
  const owner = crew.find((m) => m.id === ticket.owner?.id)!;
  expect(owner).toBeDefined();
  expect(ticket.owner!.name).toBe(owner.first_name);

  const history = await h.services.tickets.history(ref);
  expect(history.filter((e) => e.type === 'claimed')).toHaveLength(1);
  expect(history.map((e) => e.seq)).toEqual([1, 2]);
  expect(await h.database.models.Ticket.countDocuments({ ref })).toBe(1);

  // Every press is answered once; the winner's says it worked, the others name the winner.
  const answers = h.fake.callsOf('answerCallbackQuery').slice(answersBefore);
  expect(answers).toHaveLength(10);
  const texts = answers.map((a) => String(a.params.text ?? ''));
  expect(texts.filter((t) => t.startsWith('接单成功'))).toHaveLength(1);
  const losing = texts.filter((t) => t.includes('已由'));
  expect(losing).toHaveLength(9);
  for (const text of losing) expect(text).toBe(`工单 ${ref} 已由 ${owner.first_name} 接单。`);
  // The winner's answer goes to the winner's press.
  const winnerPress = presses[crew.indexOf(owner)].callback_query!.id;
  expect(answers.find((a) => a.params.callback_query_id === winnerPress)!.params.text).toContain('接单成功');

  // The card shows the owner with Arrived/Resolve; only the owner got the contact.
  const shown = h.fake.message(STAFF_CHAT, card.message_id)!;
  expect(shown.text).toContain(`已接单：${owner.first_name}`);
  const buttons = h.fake.buttonsOf(shown).map((b) => b.data);
  expect(buttons.slice(0, 2)).toEqual([`tk:arr:${ref}`, `tk:res:${ref}`]);
  expect(buttons).not.toContain(`tk:claim:${ref}`);
  for (const member of crew) {
    const gotContact = h.fake.textsTo(member.id).some((t) => t.includes('13812345678'));
    expect(gotContact).toBe(member === owner);
  }
  // The resident hears of one claim, by the owner.
  const told = h.fake.textsTo(alice.id).filter((t) => t.includes('师傅接单'));
  expect(told).toEqual([expect.stringContaining(`${owner.first_name} 师傅接单`)]);
});
