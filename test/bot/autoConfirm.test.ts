/**
 * Auto-confirmation: a resolved ticket nobody answered is closed for the resident after the
 * quiet period — once, with one message in the resident's language and the card refreshed —
 * and then gets its follow-up decision like any closure. Not at night: the resident would be
 * messaged at 3 a.m. Answered or disputed tickets are left alone.
 */
import { residentActor } from '../../src/people/actors';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { cardText } from '../support/flows';
import { eventTypes, followupTestPolicy, resolvedRepair, shanghai, surveysOf, work } from '../followups/support';

const { alice, bob } = people;
let h: Harness;

beforeAll(async () => {
  h = await createHarness({ policy: followupTestPolicy(), start: shanghai('2026-11-23T10:00:00') });
});
afterAll(async () => {
  await h.close();
});

const autoConfirmTexts = (chatId: number) => h.fake.textsTo(chatId).filter((t) => /自动确认|confirmed and closed automatically/.test(t));

test('after the quiet period the ticket is confirmed once, the resident told once, the card closed', async () => {
  const quiet = await resolvedRepair(h, alice);
  const english = await resolvedRepair(h, bob);
  const confirmedByHand = await resolvedRepair(h, alice);
  await h.services.tickets.confirm(confirmedByHand.ref, residentActor(alice.id, 'Alice'));
  const disputed = await resolvedRepair(h, alice);
  await h.services.tickets.dispute(disputed.ref, residentActor(alice.id, 'Alice'));
  expect(quiet.autoConfirmAt).toEqual(shanghai('2026-11-23T10:00:30'));

  h.clock.set(shanghai('2026-11-23T10:00:29'));
  await work(h).tick();
  expect((await h.services.tickets.get(quiet.ref))!.status).toBe('resolved');

  // Two instances tick at the same moment.
  h.clock.set(shanghai('2026-11-23T10:00:31'));
  const [one, two] = [work(h), work(h)];
  const results = await Promise.all([one.autoConfirm.tick(), two.autoConfirm.tick()]);
  expect(results[0].confirmed + results[1].confirmed).toBe(2);
  await Promise.all([one.closures.tick(), two.closures.tick()]);

  expect((await h.services.tickets.get(quiet.ref))!.status).toBe('closed');
  expect(await eventTypes(h, quiet.ref)).toEqual(['created', 'claimed', 'resolved', 'auto_confirmed']);
  const aliceTold = autoConfirmTexts(alice.id);
  expect(aliceTold).toHaveLength(1);
  expect(aliceTold[0]).toContain(quiet.ref);
  expect(aliceTold[0]).toContain('30秒');
  const bobTold = autoConfirmTexts(bob.id);
  expect(bobTold).toHaveLength(1);
  expect(bobTold[0]).toContain(`Ticket ${english.ref}`);
  expect(cardText(h, STAFF_CHAT, quiet.ref)).toContain('已关闭');

  // Left alone: the one the resident confirmed (no auto event), the one they disputed.
  expect(await eventTypes(h, confirmedByHand.ref)).not.toContain('auto_confirmed');
  expect((await h.services.tickets.get(disputed.ref))!.status).toBe('reopened');

  // The auto-confirmed closure is decided like any other.
  expect(await surveysOf(h, quiet.ref)).toHaveLength(1);
});

test('a quiet period ending at night ends at the next opening', async () => {
  h.clock.set(shanghai('2026-11-23T19:59:50'));
  const late = await resolvedRepair(h, alice);
  h.clock.set(shanghai('2026-11-23T20:00:30'));
  await work(h).tick();
  h.clock.set(shanghai('2026-11-24T03:00:00'));
  await work(h).tick();
  expect((await h.services.tickets.get(late.ref))!.status).toBe('resolved');

  h.clock.set(shanghai('2026-11-24T08:00:00'));
  await work(h).tick();
  const ticket = (await h.services.tickets.get(late.ref))!;
  expect(ticket.status).toBe('closed');
  expect(ticket.closedAt).toEqual(shanghai('2026-11-24T08:00:00'));
  expect(autoConfirmTexts(alice.id).filter((t) => t.includes(late.ref))).toHaveLength(1);
});

test('a confirmation starting from a copy older than the log is decided on the log: the resident who confirmed meanwhile is not confirmed for again', async () => {
  const ticket = await resolvedRepair(h, alice);
  const copy = (await h.services.tickets.get(ticket.ref))!;
  await h.services.tickets.confirm(ticket.ref, residentActor(alice.id, 'Alice'));
  const result = await h.services.tickets.autoConfirm(ticket.ref, copy);
  expect(result.ok).toBe(false);
  expect(await eventTypes(h, ticket.ref)).toEqual(['created', 'claimed', 'resolved', 'confirmed']);

  // A copy that is current closes it as before.
  const other = await resolvedRepair(h, alice);
  expect((await h.services.tickets.autoConfirm(other.ref, (await h.services.tickets.get(other.ref))!)).ok).toBe(true);
  expect(await eventTypes(h, other.ref)).toEqual(['created', 'claimed', 'resolved', 'auto_confirmed']);
  await h.settle();
});
