/**
 * Who gets a follow-up and when: every mandatory kind (paid, defect, emergency, valid and
 * major complaints) always, anonymous and invalid complaints never; a construction defect a
 * second time later ("did it come back?"); and never at night — a survey or a reminder that
 * falls due after hours goes at the next opening.
 */
import { residentActor } from '../../src/people/actors';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { user, type TgUser } from '../support/updates';
import { closedComplaint, closedRepair, contactOf, followupTestPolicy, shanghai, staffActor, surveyMessagesTo, surveysOf, work } from '../followups/support';

const { alice, bob } = people;
// One resident per ticket in the first test: the outbox paces each chat at Telegram's speed.
const residents = [503, 504, 505, 506, 507, 508, 509, 510].map((id) => user(id, `R${id}`, { language_code: 'zh-hans' }));
let h: Harness;

beforeAll(async () => {
  h = await createHarness({ policy: followupTestPolicy(), start: shanghai('2026-11-23T10:00:00') });
});
afterAll(async () => {
  await h.close();
});

async function tickAt(local: string): Promise<void> {
  h.clock.set(shanghai(local));
  await work(h).tick();
}

async function closedEmergency(who: TgUser) {
  const ticket = await h.services.tickets.createEmergency(contactOf(who), { what: 'flood', location: '', atHome: true }, residentActor(who.id, who.first_name));
  const zhang = await staffActor(h);
  await h.services.tickets.claim(ticket.ref, zhang);
  await h.services.tickets.resolve(ticket.ref, zhang, { text: '关闭总阀，清理积水', media: [] });
  const closed = await h.services.tickets.confirm(ticket.ref, residentActor(who.id, who.first_name));
  if (!closed.ok) throw new Error(closed.reason);
  return closed.ticket;
}

test('mandatory kinds always get a survey; anonymous and invalid complaints never; everyday ones are drawn', async () => {
  const [r1, r2, r3, r4, r5, r6, r7, r8] = residents;
  const always = [
    await closedRepair(h, r1, { repairKind: 'household', category: 'unblock', atHome: true, agreedPrice: { amount: 80, unit: '次' } }),
    await closedRepair(h, r2, { repairKind: 'defect', category: 'window', atHome: true }),
    await closedEmergency(r3),
    await closedComplaint(h, r4, 'valid'),
    await closedComplaint(h, r5, 'major'),
  ];
  const anonymous = await closedComplaint(h, r6, 'valid', true);
  const invalid = await closedComplaint(h, r7, 'invalid');
  const everyday = await closedRepair(h, r8);
  await tickAt('2026-11-23T10:00:00');

  const first = async (ref: string) => (await surveysOf(h, ref)).find((s) => s.stage === 'first')!;
  const coverages = [];
  for (const ticket of always) {
    const survey = await first(ticket.ref);
    expect(survey).toMatchObject({ status: 'scheduled', sampled: false });
    coverages.push(survey.coverage);
  }
  expect(coverages).toEqual(['paid', 'defect', 'emergency', 'complaint', 'complaint']);
  expect(await first(anonymous.ref)).toMatchObject({ status: 'skipped', skipReason: 'anonymous' });
  expect(await first(invalid.ref)).toMatchObject({ status: 'skipped', skipReason: 'invalid' });
  expect(await first(everyday.ref)).toMatchObject({ coverage: 'repair', sampled: true });

  // Sent after each kind's delay: paid 5 s, the others 10 s.
  await tickAt('2026-11-23T10:00:05');
  expect((await first(always[0].ref)).status).toBe('sent');
  expect((await first(always[1].ref)).status).toBe('scheduled');
  await tickAt('2026-11-23T10:00:10');
  for (const ticket of always) expect((await first(ticket.ref)).status).toBe('sent');
  expect((await first(anonymous.ref)).status).toBe('skipped');
  expect(surveyMessagesTo(h, r1.id)).toHaveLength(1);
  expect(surveyMessagesTo(h, r6.id)).toHaveLength(0);
  expect(surveyMessagesTo(h, r7.id)).toHaveLength(0);
});

test('a construction defect gets a second follow-up later, asking whether the problem came back', async () => {
  h.clock.set(shanghai('2026-11-23T11:00:00'));
  const { ref } = await closedRepair(h, alice, { repairKind: 'defect', category: 'waterproof', atHome: true });
  await tickAt('2026-11-23T11:00:00');
  await tickAt('2026-11-23T11:00:10');
  const [firstSurvey, recheck] = await surveysOf(h, ref);
  expect(recheck).toMatchObject({ _id: `${firstSurvey._id}r`, stage: 'recheck', status: 'scheduled', dueAt: shanghai('2026-11-23T11:02:00') });
  for (const [code, value] of [['t', '5'], ['a', '5'], ['q', '4'], ['s', 'y']]) await h.press(alice, alice.id, `fu:${code}:${firstSurvey._id}:${value}`);
  expect((await h.services.tickets.get(ref))!.status).toBe('closed');

  const rechecks = () => surveyMessagesTo(h, alice.id).filter((c) => String(c.params.text).includes('有没有再次出现') && String(c.params.text).includes(ref));
  await tickAt('2026-11-23T11:01:59');
  expect(rechecks()).toHaveLength(0);
  await tickAt('2026-11-23T11:02:00');
  const asked = rechecks();
  expect(asked).toHaveLength(1);
  expect(h.fake.buttonsOf(asked[0]).map((b) => b.data)).toEqual([`fu:s:${recheck._id}:y`, `fu:s:${recheck._id}:n`, `fu:c:${recheck._id}`]);

  await h.press(alice, alice.id, `fu:s:${recheck._id}:n`);
  expect((await h.services.tickets.get(ref))!.status).toBe('reopened');
  expect(h.fake.textsTo(STAFF_CHAT).at(-1)).toContain('又出现了');
  expect((await surveysOf(h, ref))[1]).toMatchObject({ status: 'answered', solved: false, dissatisfied: true });
});

test('never at night: a survey or a reminder falling due after hours goes at the next opening', async () => {
  h.clock.set(shanghai('2026-11-23T19:59:30'));
  const early = await closedComplaint(h, bob, 'valid');
  await tickAt('2026-11-23T19:59:30');
  await tickAt('2026-11-23T19:59:40');
  expect(surveyMessagesTo(h, bob.id).filter((c) => String(c.params.text).includes(early.ref))).toHaveLength(1);
  // Its reminder would be due at 20:00:00, the end of the day: it waits for the morning.
  expect((await surveysOf(h, early.ref))[0]).toMatchObject({ status: 'sent', nextAt: shanghai('2026-11-24T08:00:00') });

  h.clock.set(shanghai('2026-11-23T19:59:55'));
  const late = await closedComplaint(h, alice, 'valid');
  await tickAt('2026-11-23T20:00:05');
  const [lateSurvey] = await surveysOf(h, late.ref);
  expect(lateSurvey).toMatchObject({ status: 'scheduled', dueAt: shanghai('2026-11-24T08:00:00'), deadlineAt: shanghai('2026-11-23T20:00:25') });
  const sentTo = (chatId: number, ref: string) => surveyMessagesTo(h, chatId).filter((c) => String(c.params.text).includes(ref));
  for (const at of ['2026-11-23T20:00:10', '2026-11-23T23:30:00', '2026-11-24T03:00:00', '2026-11-24T07:59:59']) {
    await tickAt(at);
    expect(sentTo(alice.id, late.ref)).toHaveLength(0);
    expect(sentTo(bob.id, early.ref)).toHaveLength(1);
  }
  await tickAt('2026-11-24T08:00:00');
  expect(sentTo(alice.id, late.ref)).toHaveLength(1);
  expect(sentTo(bob.id, early.ref)).toHaveLength(2);
  expect((await surveysOf(h, late.ref))[0].sentAt).toEqual(shanghai('2026-11-24T08:00:00'));
});
