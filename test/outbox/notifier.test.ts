/**
 * The Notifier on the outbox, driven through the bot like Telegram would: cards always show
 * the latest state even when the post was late, a resident's updates keep their order
 * through a 429, a resident who blocked the bot is marked unreachable on the card (and not
 * retried), and an emergency posted to many chats never posts a copy twice on a retry.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { cardText, fileRepair } from '../support/flows';
import { fileEmergency, more, multiGroupPolicy, register, seatStaff, SECURITY_CHAT, SERVICE_CHAT } from '../support/emergencyFlows';
import type { OfficePolicy } from '../../src/config/office';
import { FAST, failedCalls, sentTexts } from './support';

const { alice, zhang } = people;
const REPAIR = { kind: 'household' as const, category: 'inspect', description: '卫生间水龙头漏水' };
const UNREACHABLE = '住户无法接收消息';
let h: Harness;

async function harness(policy: OfficePolicy): Promise<Harness> {
  h = await createHarness({ policy: { ...policy, outbox: FAST } as OfficePolicy });
  return h;
}
afterEach(async () => {
  await h.close();
});

test('a card whose post had to wait shows the latest state: the edit before the post is dropped', async () => {
  await harness(multiGroupPolicy());
  // The staff group's server has an outage when the card is posted.
  h.fake.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, (p) => p.chat_id === STAFF_CHAT);
  const ref = await fileRepair(h, alice, REPAIR);
  expect(await h.services.tickets.cards(ref)).toEqual([]);
  // Claimed meanwhile (a domain call: its card edit follows from the core and waits behind the post).
  const actor = await h.services.staff.actorFor({ id: zhang.id, firstName: zhang.first_name });
  const claimed = await h.services.tickets.claim(ref, actor);
  if (!claimed.ok) throw new Error('claim refused');
  await h.settle();
  expect(h.fake.callsOf('editMessageText')).toHaveLength(0);

  await h.notifier.outbox.flush(2000);
  const cards = await h.services.tickets.cards(ref);
  expect(cards).toHaveLength(1);
  expect(cardText(h, STAFF_CHAT, ref)).toContain('已接单：张');
  // Posted once (after the failed try), never edited: the post already showed the claim.
  expect(h.fake.callsOf('sendMessage').filter((c) => !c.error && String(c.params.text).includes(ref) && c.params.chat_id === STAFF_CHAT)).toHaveLength(1);
  expect(h.fake.callsOf('editMessageText')).toHaveLength(0);
  expect(await h.notifier.outbox.store.countByStatus('dropped')).toBe(1);
});

test("a resident's updates keep their order through a 429: the later one waits for the earlier", async () => {
  await harness(multiGroupPolicy());
  const ref = await fileRepair(h, alice, REPAIR);
  h.fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }, (p) => p.chat_id === alice.id);
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.press(zhang, STAFF_CHAT, `tk:arr:${ref}`);
  // The card followed both presses at once; Alice's claim update is held by Telegram, so the arrival waits behind it.
  expect(cardText(h, STAFF_CHAT, ref)).toContain('已到场');
  const toAlice = () => sentTexts(h, alice.id).filter((t) => t.includes(ref) && !t.includes('已受理'));
  // Telegram's second may or may not be over by now on a busy machine; either way the arrival
  // never goes ahead of the claim.
  expect(toAlice()[0] ?? '接单').toContain('接单');

  await h.notifier.outbox.flush(3000);
  const told = toAlice();
  expect(told).toHaveLength(2);
  expect(told[0]).toContain('接单');
  expect(told[1]).toContain('到场');
});

test('a resident who blocked the bot: marked unreachable, not retried, and staff see it on the card until a message gets through', async () => {
  await harness(multiGroupPolicy());
  const ref = await fileRepair(h, alice, REPAIR);
  h.fake.blockUser(alice.id);
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const store = h.notifier.outbox.store;
  expect(await store.isUnreachable(alice.id)).toBe(true);
  expect(cardText(h, STAFF_CHAT, ref)).toContain(UNREACHABLE);
  expect(cardText(h, STAFF_CHAT, ref)).toContain('已接单：张');
  expect(failedCalls(h).filter((c) => c.params.chat_id === alice.id)).toHaveLength(1);

  // Not retried: nothing more is tried for that update, however long the dispatcher runs.
  await h.notifier.outbox.flush(500);
  expect(failedCalls(h).filter((c) => c.params.chat_id === alice.id)).toHaveLength(1);
  expect(await store.countByStatus('failed')).toBe(1);

  // She unblocks; the next update reaches her, and the card no longer warns.
  h.fake.started(alice.id);
  await h.press(zhang, STAFF_CHAT, `tk:arr:${ref}`);
  expect(await store.isUnreachable(alice.id)).toBe(false);
  expect(h.fake.lastTextTo(alice.id)).toContain('到场');
  expect(cardText(h, STAFF_CHAT, ref)).not.toContain(UNREACHABLE);
});

test("an event's notices derived twice (a recovery after a crash) are sent once", async () => {
  await harness(multiGroupPolicy());
  const ref = await fileRepair(h, alice, REPAIR);
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const ticket = (await h.services.tickets.get(ref))!;
  const claimed = (await h.services.tickets.history(ref)).find((e) => e.type === 'claimed')!;
  const before = { alice: sentTexts(h, alice.id).length, edits: h.fake.callsOf('editMessageText').length };
  await h.services.reactor.react(claimed, ticket);
  await h.settle();
  expect(sentTexts(h, alice.id)).toHaveLength(before.alice);
  expect(h.fake.callsOf('editMessageText')).toHaveLength(before.edits);
});

test('an emergency retried after an outage in one group: every chat gets one copy, the main card stays first', async () => {
  await harness(multiGroupPolicy());
  seatStaff(h);
  await register(h, alice);
  // STAFF_CHAT (the second target) has an outage: the copies go out together, so it holds up nobody else.
  h.fake.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, (p) => p.chat_id === STAFF_CHAT);
  const ref = await fileEmergency(h, alice, { what: 'fire', where: 'home' });
  // The resident is told it is on its way: the outbox has it.
  expect(h.fake.lastTextTo(alice.id)).toContain('已通知物业所有值班人员');
  expect((await h.services.tickets.cards(ref)).map((c) => c.chatId)).toEqual([SECURITY_CHAT, SERVICE_CHAT, people.head.id, more.securityHead.id, people.manager.id]);

  await h.notifier.outbox.flush(2000);
  const cards = await h.services.tickets.cards(ref);
  expect(cards[0].chatId).toBe(SECURITY_CHAT);
  expect(cards.map((c) => c.chatId)).toEqual(expect.arrayContaining([STAFF_CHAT, SERVICE_CHAT, people.head.id, people.manager.id]));
  for (const chatId of [SECURITY_CHAT, STAFF_CHAT, SERVICE_CHAT]) {
    expect(h.fake.callsOf('sendMessage').filter((c) => !c.error && c.params.chat_id === chatId && String(c.params.text).includes(ref))).toHaveLength(1);
  }
});
