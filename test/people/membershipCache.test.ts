/**
 * The role check on nearly every update reads a user's recorded staff-chat memberships; this
 * process keeps them for MEMBERSHIP_CACHE_MS (real time, injected here), writes through what
 * it learns itself, and sees another instance's answers once its copy has expired.
 */
import { MEMBERSHIP_CACHE_MS, StaffDirectory } from '../../src/people/staff';
import { commandsDuring as sentDuring } from '../support/commands';
import { createHarness, STAFF_CHAT, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const someone = { id: 7_700_001, firstName: '小王' };

/** How many commands the connection sends while `fn` runs. */
const commandsDuring = async (fn: () => Promise<unknown>) => (await sentDuring(h.database.conn, fn)).length;

test('memberships are read once, learned ones written through, and another instance is seen when the copy expires', async () => {
  let realTime = 1_000_000;
  const asked: number[] = [];
  const deps = { models: h.database.models, clock: h.clock, policy: h.policy, now: () => realTime };
  const here = new StaffDirectory({ ...deps, probe: { isMember: async (chatId) => (asked.push(chatId), false) } });
  const elsewhere = new StaffDirectory({ ...deps, probe: { isMember: async () => true } });

  // First sight: the chat is asked ("not a member") and the answer recorded.
  expect((await here.actorFor(someone)).role).toBe('resident');
  expect(asked).toEqual([STAFF_CHAT]);
  // Within the cache: no database command at all, and the chat is not asked again.
  expect(await commandsDuring(async () => expect((await here.actorFor(someone)).role).toBe('resident'))).toBe(0);
  expect(asked).toHaveLength(1);

  // Another instance learns that they joined the staff group.
  await elsewhere.recordMembership(STAFF_CHAT, someone.id, true);
  expect((await elsewhere.actorFor(someone)).role).toBe('staff');
  // Here the old copy stands until it expires, then the database is read again.
  expect((await here.actorFor(someone)).role).toBe('resident');
  realTime += MEMBERSHIP_CACHE_MS + 1;
  expect(await commandsDuring(async () => expect((await here.actorFor(someone)).role).toBe('staff'))).toBe(1);

  // What this instance learns (they left: a chat_member update) counts at once.
  await here.recordMembership(STAFF_CHAT, someone.id, false);
  expect((await here.actorFor(someone)).role).toBe('resident');
});
