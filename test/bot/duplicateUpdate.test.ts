/**
 * Telegram may deliver an update twice (a webhook retry, a restart before the offset was
 * confirmed). The second delivery — one after the other, or at the same moment, or after a
 * restart — must create nothing and say nothing.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { answerRepair, refIn, startRepair } from '../support/flows';

const { alice, zhang } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

/** The Confirm press on the summary, as one update object that can be delivered again. */
async function confirmUpdate(description: string) {
  await startRepair(h, alice);
  await answerRepair(h, alice, { kind: 'household', category: 'inspect', description });
  const summary = h.messageWithButton(alice.id, 'sc:confirm');
  return h.u.callback(alice, 'sc:confirm', { chatId: alice.id, messageId: summary.message_id, text: summary.text });
}

const accepted = () => h.fake.textsTo(alice.id).filter((t) => t.includes('报修已受理'));
const cards = () => h.fake.callsTo(STAFF_CHAT).filter((c) => c.method === 'sendMessage');

test('Confirm delivered twice, one after the other, creates one ticket', async () => {
  const update = await confirmUpdate('冰箱插座冒火花');
  await h.send(update);
  await h.send(structuredClone(update));

  expect(await h.database.models.Ticket.countDocuments()).toBe(1);
  expect(await h.database.models.TicketEvent.countDocuments()).toBe(1);
  expect(accepted()).toHaveLength(1);
  expect(cards()).toHaveLength(1);
  expect(h.fake.callsOf('answerCallbackQuery').filter((c) => c.params.callback_query_id === update.callback_query!.id)).toHaveLength(1);
});

test('Confirm delivered twice at the same moment creates one ticket', async () => {
  const update = await confirmUpdate('冰箱插座冒火花');
  await Promise.all([h.send(update), h.send(structuredClone(update))]);
  expect(await h.database.models.Ticket.countDocuments()).toBe(1);
  expect(accepted()).toHaveLength(1);
  expect(cards()).toHaveLength(1);
});

test('Confirm delivered again after a restart creates nothing more', async () => {
  const update = await confirmUpdate('冰箱插座冒火花');
  await h.send(update);
  await h.restart();
  await h.send(structuredClone(update));
  expect(await h.database.models.Ticket.countDocuments()).toBe(1);
  expect(accepted()).toHaveLength(1);
});

test('a Claim delivered twice makes one claim and one answer', async () => {
  const update = await confirmUpdate('冰箱插座冒火花');
  await h.send(update);
  const ref = refIn(accepted()[0]);
  const card = h.messageWithButton(STAFF_CHAT, `tk:claim:${ref}`);
  const claim = h.u.callback(zhang, `tk:claim:${ref}`, { chatId: STAFF_CHAT, messageId: card.message_id });
  await h.send(claim);
  await h.send(structuredClone(claim));
  expect((await h.services.tickets.history(ref)).map((e) => e.type)).toEqual(['created', 'claimed']);
  expect(h.fake.callsOf('answerCallbackQuery').filter((c) => c.params.callback_query_id === claim.callback_query!.id)).toHaveLength(1);
  expect(h.fake.textsTo(alice.id).filter((t) => t.includes('师傅接单'))).toHaveLength(1);
});

test('/start delivered twice answers once; a new /start answers again', async () => {
  const start = h.u.command(alice, 'start');
  await h.send(start);
  await h.send(structuredClone(start));
  const welcomes = () => h.fake.textsTo(alice.id).filter((t) => t.includes('您好，Alice'));
  expect(welcomes()).toHaveLength(1);
  // The same command as a new update (a new update_id) is not a duplicate.
  await h.send(h.u.command(alice, 'start'));
  expect(welcomes()).toHaveLength(2);
});
