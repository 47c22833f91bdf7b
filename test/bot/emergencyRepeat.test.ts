/**
 * A second emergency does not alert everyone again without a question (issue 9, item 2): a
 * resident whose own emergency is still open from the last few minutes is asked whether this
 * is a new one; a person without a profile raises only so many per hour and is then answered
 * with the numbers to phone. Every refusal is logged with ids and the reference only.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { createHarness, type Harness } from '../support/harness';
import { refIn } from '../support/flows';
import { answerEmergency, fileEmergency, more, multiGroupPolicy, register, seatStaff } from '../support/emergencyFlows';
import { people } from '../support/harness';
import { residentActor } from '../../src/people/actors';

const { alice } = people;
const { carol, guard } = more;
const MIN = 60_000;
let h: Harness;
let logText = '';

beforeEach(async () => {
  logText = '';
  const destination = new Writable({ write: (chunk, _e, done) => ((logText += chunk.toString()), done()) });
  const policy = multiGroupPolicy();
  policy.emergencies = { repeatWindow: 30 * MIN, unregisteredPerHour: 2 };
  h = await createHarness({ policy, log: pino({ level: 'info' }, destination) });
  seatStaff(h);
});
afterEach(async () => {
  await h.close();
});

/** Alert cards sent anywhere for this ticket. */
const alertsFor = (ref: string) =>
  h.fake.callsOf('sendMessage').filter((c) => !c.error && String(c.params.text).includes(ref) && String(c.params.text).includes('🚨🚨'));
const emergencyTickets = () => h.database.models.Ticket.countDocuments({ kind: 'emergency' });
const logged = (message: string) => logText.split('\n').filter((l) => l.includes(message)).map((l) => JSON.parse(l) as Record<string, unknown>);

test('a second emergency within the window asks first; "new" raises it and alerts everyone', async () => {
  await register(h, alice);
  const first = await fileEmergency(h, alice, { what: 'flood', where: 'home' });
  h.clock.advance(10 * MIN);

  await h.send(h.u.command(alice, 'emergency'));
  const asked = h.fake.lastTextTo(alice.id)!;
  expect(asked).toContain(first);
  expect(asked).toContain('10:00'); // when the first was reported, office time
  expect(asked).toContain('新的紧急情况');
  expect(await emergencyTickets()).toBe(1);

  await h.press(alice, alice.id, 'sc:new');
  expect(h.fake.lastTextTo(alice.id)).toContain('发生了什么');
  await answerEmergency(h, alice, { what: 'fire', where: 'home' });
  const second = refIn(h.fake.lastTextTo(alice.id));
  expect(second).not.toBe(first);
  expect(await emergencyTickets()).toBe(2);
  expect(alertsFor(second)).toHaveLength(6);
});

test('"it is the same one" alerts nobody and shows the earlier ticket where it stands', async () => {
  await register(h, alice);
  const first = await fileEmergency(h, alice, { what: 'gas', where: 'home' });
  await h.press(guard, -1001000000003, `tk:claim:${first}`);
  const alertsBefore = h.fake.callsOf('sendMessage').filter((c) => String(c.params.text).includes('🚨🚨')).length;
  h.clock.advance(5 * MIN);

  await h.send(h.u.command(alice, 'emergency'));
  await h.press(alice, alice.id, 'sc:same');
  const told = h.fake.lastTextTo(alice.id)!;
  expect(told).toContain(first);
  expect(told).toContain('已接单'); // the claimed status, as "My tickets" shows it
  expect(await emergencyTickets()).toBe(1);
  expect(h.fake.callsOf('sendMessage').filter((c) => String(c.params.text).includes('🚨🚨')).length).toBe(alertsBefore);
  const refusals = logged('the resident says it is the one already reported');
  expect(refusals).toEqual([expect.objectContaining({ level: 30, residentId: alice.id, ref: first })]);
});

test('after the window, or once the earlier one is no longer open, a new emergency is not questioned', async () => {
  await register(h, alice);
  await fileEmergency(h, alice, { what: 'lift', where: 'home' });
  h.clock.advance(31 * MIN);
  await h.send(h.u.command(alice, 'emergency'));
  expect(h.fake.lastTextTo(alice.id)).toContain('发生了什么');
  await answerEmergency(h, alice, { what: 'lift', where: 'home' });
  const second = refIn(h.fake.lastTextTo(alice.id));
  expect(alertsFor(second)).toHaveLength(6);

  // Withdrawn a minute later (a false alarm): a new report is simply a new one.
  h.clock.advance(MIN);
  const result = await h.services.tickets.cancel(second, residentActor(alice.id, alice.first_name), 'false alarm');
  expect(result.ok).toBe(true);
  await h.send(h.u.command(alice, 'emergency'));
  expect(h.fake.lastTextTo(alice.id)).toContain('发生了什么');
});

test('a person without a profile raises at most the hourly limit, then is refused politely with the numbers to phone', async () => {
  await fileEmergency(h, carol, { what: 'medical', where: 'skip', phone: 'refuse' });
  h.clock.advance(31 * MIN);
  await fileEmergency(h, carol, { what: 'fire', where: 'skip', phone: 'refuse' });
  expect(await emergencyTickets()).toBe(2);
  h.clock.advance(5 * MIN);

  const alertsBefore = h.fake.callsOf('sendMessage').filter((c) => String(c.params.text).includes('🚨🚨')).length;
  await h.send(h.u.command(carol, 'emergency'));
  const told = h.fake.lastTextTo(carol.id)!;
  expect(told).toContain('does not alert them again');
  for (const number of ['119', '120', '110', '0755-88886666']) expect(told).toContain(number);
  expect(await emergencyTickets()).toBe(2);
  expect(h.fake.callsOf('sendMessage').filter((c) => String(c.params.text).includes('🚨🚨')).length).toBe(alertsBefore);
  expect(logged('hourly limit')).toEqual([expect.objectContaining({ level: 30, residentId: carol.id, perHour: 2 })]);
  expect(logText).not.toContain('Carol');

  // An hour after the first, she may raise one again (asked first: her second is still open and recent).
  h.clock.advance(25 * MIN);
  await h.send(h.u.command(carol, 'emergency'));
  expect(h.fake.lastTextTo(carol.id)).toContain('Is this a new emergency?');
  await h.press(carol, carol.id, 'sc:new');
  await answerEmergency(h, carol, { what: 'other', where: 'skip', phone: 'refuse' });
  expect(await emergencyTickets()).toBe(3);
});

test('registered residents are not limited per hour', async () => {
  await register(h, alice);
  for (let i = 0; i < 3; i += 1) {
    await fileEmergency(h, alice, { what: 'other', where: 'home' });
    h.clock.advance(31 * MIN);
  }
  expect(await emergencyTickets()).toBe(3);
});
