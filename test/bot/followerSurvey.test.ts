/**
 * Followers get the follow-up survey (回访) by the same coverage rules as the reporter: when
 * the closure is surveyed, each follower is asked too, in their own chat, and answers their
 * own copy; a follower who stopped following is not asked.
 */
import { residentActor } from '../../src/people/actors';
import { DEFAULT_FOLLOWUPS } from '../../src/followups/config';
import { createHarness, people, type Harness } from '../support/harness';
import { carol, dave } from '../support/followerFlows';
import { contactOf, followupTestPolicy, shanghai, staffActor, surveyMessagesTo, surveysOf, work } from '../followups/support';

const { alice } = people;
let h: Harness;

afterEach(async () => {
  await h.close();
});

async function followedAndClosed(): Promise<string> {
  const report = { repairKind: 'equipment' as const, category: 'lift', location: '3栋电梯', atHome: false, description: '电梯停了', media: [], visit: { asap: true } };
  const { ref } = await h.services.tickets.createRepair(contactOf(alice), report, residentActor(alice.id, alice.first_name));
  for (const who of [carol, dave]) {
    const followed = await h.services.followers.follow(ref, contactOf(who), residentActor(who.id, who.first_name), 'me_too');
    expect(followed.ok).toBe(true);
  }
  await h.services.followers.unfollow(ref, residentActor(dave.id, dave.first_name));
  const zhang = await staffActor(h);
  expect((await h.services.tickets.claim(ref, zhang)).ok).toBe(true);
  expect((await h.services.tickets.resolve(ref, zhang, { text: '已修好', media: [] })).ok).toBe(true);
  const closed = await h.services.tickets.confirm(ref, residentActor(alice.id, alice.first_name));
  expect(closed.ok).toBe(true);
  await h.settle();
  return ref;
}

test('a surveyed closure asks each follower too; each answers their own copy', async () => {
  h = await createHarness({ policy: followupTestPolicy({ coverage: { ...DEFAULT_FOLLOWUPS.coverage, repair: 'always' } }), start: shanghai('2026-11-23T10:00:00') });
  const ref = await followedAndClosed();
  await work(h).tick();
  h.clock.set(shanghai('2026-11-23T10:00:15'));
  await work(h).tick();

  const surveys = await surveysOf(h, ref);
  expect(surveys.map((s) => [s.residentId, s.follower ?? false, s.status]).sort()).toEqual([[alice.id, false, 'sent'], [carol.id, true, 'sent']]);
  expect(surveyMessagesTo(h, alice.id)).toHaveLength(1);
  const [carols] = surveyMessagesTo(h, carol.id);
  expect(String(carols.params.text)).toContain(ref);
  // The follower's copy names nobody: the category only.
  expect(String(carols.params.text)).not.toContain('1201');
  expect(surveyMessagesTo(h, dave.id)).toHaveLength(0);

  await h.press(carol, carol.id, /^fu:t:.*f503:5$/);
  const carolsSurvey = (await surveysOf(h, ref)).find((s) => s.residentId === carol.id)!;
  expect(carolsSurvey.scores).toMatchObject({ timeliness: 5 });
  expect((await surveysOf(h, ref)).find((s) => s.residentId === alice.id)!.scores ?? {}).toEqual({});
});

test('a closure the rules do not survey asks no follower either', async () => {
  h = await createHarness({ policy: followupTestPolicy({ coverage: { ...DEFAULT_FOLLOWUPS.coverage, repair: 'never' } }), start: shanghai('2026-11-23T10:00:00') });
  const ref = await followedAndClosed();
  await work(h).tick();
  h.clock.set(shanghai('2026-11-23T10:00:15'));
  await work(h).tick();
  expect((await surveysOf(h, ref)).map((s) => [s.residentId, s.status])).toEqual([[alice.id, 'skipped']]);
  expect(surveyMessagesTo(h, carol.id)).toHaveLength(0);
});
