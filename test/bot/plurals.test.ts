/**
 * Counts read as English: "1 file", "1 ticket", "1 entry", an urge's "first urge" / "urged 2
 * times" (Fluent plural selectors, fed numbers). An office working in English, so the staff
 * group's texts are English too.
 */
import { createHarness, people, STAFF_CHAT, testPolicy, type Harness } from '../support/harness';
import { cardText, refIn, startRepair } from '../support/flows';

const { bob } = people;
const BOB = { name: 'Bob Lee', phone: '139 0000 1111', address: 'Building 5 Unit 1 Room 302' };
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ policy: testPolicy({ language: 'en' }) });
});
afterEach(async () => {
  await h.close();
});

const last = () => h.fake.lastTextTo(bob.id)!;
const noteInGroup = (pattern: RegExp) =>
  h.fake.waitForCall((c) => c.params.chat_id === STAFF_CHAT && pattern.test(String(c.params.text ?? '')));

test('one photo, one ticket, one history entry, first and second urge', async () => {
  await startRepair(h, bob, BOB);
  await h.press(bob, bob.id, 'sc:household');
  await h.press(bob, bob.id, 'sc:inspect');
  await h.press(bob, bob.id, 'sc:home');
  await h.say(bob, 'The kitchen light flickers');
  await h.send(h.u.photo(bob, 'photo-light'));
  expect(last()).toContain('Got 1 file (up to 10)');
  await h.press(bob, bob.id, 'sc:done');
  await h.press(bob, bob.id, 'sc:asap');
  expect(last()).toContain('Attachments: 1 file\n');
  await h.press(bob, bob.id, 'sc:confirm');
  const ref = refIn(last());
  expect(cardText(h, STAFF_CHAT, ref)).toContain('📎 1 attachment (above)');

  await h.send(h.u.command(bob, 'my'));
  expect(last()).toContain('My tickets (1 ticket in all, page 1/1)');
  await h.press(bob, bob.id, `my:open:${ref}:0`);
  expect(last()).toContain('History (1 entry)');

  await h.press(bob, bob.id, `my:urge:${ref}:0`);
  const first = await noteInGroup(/urges ticket/);
  expect(first.params.text).toContain(`urges ticket <b>${ref}</b> (first urge); nobody has claimed it yet`);
  expect(last()).toContain('History (2 entries)');

  h.clock.advance(h.policy.residents.urgeInterval);
  await h.send(h.u.command(bob, 'my'));
  await h.press(bob, bob.id, `my:open:${ref}:0`);
  await h.press(bob, bob.id, `my:urge:${ref}:0`);
  const second = await noteInGroup(/urged 2 times/);
  expect(second.params.text).toContain(`urges ticket <b>${ref}</b> (urged 2 times); nobody has claimed it yet`);
});

test('/open and /mine count tickets in words', async () => {
  await startRepair(h, bob, BOB);
  await h.press(bob, bob.id, 'sc:household');
  await h.press(bob, bob.id, 'sc:inspect');
  await h.press(bob, bob.id, 'sc:home');
  await h.say(bob, 'The doorbell is dead');
  await h.press(bob, bob.id, 'sc:done');
  await h.press(bob, bob.id, 'sc:asap');
  await h.press(bob, bob.id, 'sc:confirm');
  const ref = refIn(last());

  await h.send(h.u.command(people.zhang, 'open', { id: STAFF_CHAT }));
  expect(h.fake.lastTextTo(STAFF_CHAT)).toContain('(1 ticket, unclaimed first)');
  await h.press(people.zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.send(h.u.command(people.zhang, 'mine', { id: STAFF_CHAT }));
  expect(h.fake.lastTextTo(STAFF_CHAT)).toContain("张's open tickets (1 ticket)");
});
