/**
 * 二次投诉 / repeated repairs: the same resident reporting the same category at the same place
 * again within the window is flagged on the ticket (and its card) and the manager is alerted
 * — once, even with two instances. Another place, another category, another resident, a
 * withdrawn earlier report or one outside the window is not a repeat.
 */
import { createFollowupWork } from '../../bot/followups/jobs';
import { residentActor } from '../../src/people/actors';
import { seededRandom } from '../../src/followups/sampling';
import type { RepairReport, TicketState } from '../../src/tickets/types';
import { cardText } from '../support/flows';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import type { TgUser } from '../support/updates';
import { contactOf, followupTestPolicy, secondInstance, shanghai, work } from '../followups/support';

const { alice, bob, manager } = people;
let h: Harness;

beforeAll(async () => {
  h = await createHarness({ policy: followupTestPolicy(), start: shanghai('2026-11-23T10:00:00') });
});
afterAll(async () => {
  await h.close();
});

const LOBBY: RepairReport = { repairKind: 'public', category: 'inspect', location: '5栋大堂', atHome: false, description: '大堂灯不亮', media: [], visit: { asap: true } };

/** A report; with its card posted when the test looks at cards (a group takes 20 messages a minute). */
async function report(who: TgUser, changes: Partial<RepairReport> = {}, withCard = false): Promise<TicketState> {
  const ticket = await h.services.tickets.createRepair(contactOf(who), { ...LOBBY, ...changes }, residentActor(who.id, who.first_name));
  if (withCard) await h.settle();
  return ticket;
}

const alertsToManager = () => h.fake.textsTo(manager.id).filter((t) => t.includes('重复报事'));

test('the same resident, category and place again within the window: flagged once, the manager alerted once', async () => {
  const first = await report(alice, {}, true);
  h.clock.advance(60_000);
  const again = await report(alice, { location: '5栋 大堂。', description: '灯又不亮了' }, true);
  const other = await secondInstance(h);
  const instances = [work(h), createFollowupWork({ services: other.services, random: seededRandom(3) })];
  await Promise.all(instances.map((w) => w.repeats.tick()));
  await work(h).repeats.tick();

  const flagged = (await h.services.tickets.get(again.ref))!;
  expect(flagged.repeatOf).toBe(first.ref);
  expect((await h.services.tickets.get(first.ref))!.repeatOf).toBeUndefined();
  const history = await h.services.tickets.history(again.ref);
  expect(history.filter((e) => e.type === 'repeat_flagged')).toEqual([expect.objectContaining({ data: { of: first.ref, ofCreatedAt: new Date(first.createdAt) } })]);
  const alerts = alertsToManager();
  expect(alerts).toHaveLength(1);
  expect(alerts[0]).toContain(again.ref);
  expect(alerts[0]).toContain(first.ref);
  expect(alerts[0]).not.toContain('1201'); // never the room
  // The card was edited after the flag (what it shows: see the next test).
  const card = h.messageWithButton(STAFF_CHAT, `tk:claim:${again.ref}`);
  expect(h.fake.callsOf('editMessageText').some((c) => c.params.chat_id === STAFF_CHAT && c.params.message_id === card.message_id)).toBe(true);
});

test('the repeat shows on the card', async () => {
  const [, again] = (await h.services.tickets.listForResident(alice.id, 2)).reverse();
  expect(cardText(h, STAFF_CHAT, again.ref)).toContain(`重复报事：前次 ${again.repeatOf}`);
});

test('not a repeat: another place, another category, another resident, a withdrawn report, outside the window', async () => {
  h.clock.advance(10_000);
  const elsewhere = await report(alice, { location: '7栋电梯厅' });
  const otherCategory = await report(alice, { category: 'install' });
  const otherResident = await report(bob);
  const withdrawn = await report(bob, { repairKind: 'public', category: 'unblock', location: '3栋后门' });
  await h.services.tickets.cancel(withdrawn.ref, residentActor(bob.id, 'Bob'), '自己弄好了');
  h.clock.advance(10_000);
  const afterWithdrawn = await report(bob, { repairKind: 'public', category: 'unblock', location: '3栋后门' });
  h.clock.advance(301_000);
  const outsideWindow = await report(alice, { location: '7栋电梯厅' });
  await work(h).repeats.tick();

  for (const ticket of [elsewhere, otherCategory, otherResident, afterWithdrawn, outsideWindow]) {
    expect((await h.services.tickets.get(ticket.ref))!.repeatOf).toBeUndefined();
  }
  expect(alertsToManager()).toHaveLength(1);

  // Control: inside the window the same place again is one.
  h.clock.advance(1_000);
  const repeat = await report(alice, { location: '7栋电梯厅' });
  await work(h).repeats.tick();
  expect((await h.services.tickets.get(repeat.ref))!.repeatOf).toBe(outsideWindow.ref);
  expect(alertsToManager()).toHaveLength(2);
});
