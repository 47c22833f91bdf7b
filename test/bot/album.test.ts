/**
 * An album sent at a media step. Telegram delivers it as separate messages sharing a
 * media_group_id; the bot answers the album with ONE "Got N files" message (with one Done
 * button), edited as its files arrive, and keeps every file.
 */
import type { Update } from 'grammy/types';
import { createHarness, people, STAFF_CHAT, testPolicy, type Harness } from '../support/harness';
import { refIn, startRepair } from '../support/flows';
import type { TgUser } from '../support/updates';

const { alice } = people;
let h: Harness;

afterEach(async () => {
  await h.close();
});

/** The messages of one album, as Telegram sends them. */
function album(who: TgUser, groupId: string, fileIds: string[]): Update[] {
  return fileIds.map((fileId) => {
    const update = h.u.photo(who, fileId);
    update.message!.media_group_id = groupId;
    return update;
  });
}

/** Up to the media question of a household repair. */
async function atMediaStep(): Promise<void> {
  await startRepair(h, alice);
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:inspect');
  await h.press(alice, alice.id, 'sc:home');
  await h.say(alice, '卫生间天花板渗水');
  expect(h.fake.lastTextTo(alice.id)).toContain('可以发送照片或视频');
}

/** Messages the bot sent (not edits) to the resident since `from`, that count files. */
const countMessages = (from: number) =>
  h.fake.callsTo(alice.id).slice(from).filter((c) => c.method === 'sendMessage' && /已收到|已达到/.test(String(c.params.text)));
/** The message a sendMessage call created, as it reads now (after any edits). */
const now = (call: { result?: unknown }) => h.fake.message(alice.id, (call.result as { message_id: number }).message_id)!;

test('an album of 4 photos gets one count message, edited to 4, and all 4 are filed', async () => {
  h = await createHarness();
  await atMediaStep();
  const before = h.fake.callsTo(alice.id).length;
  for (const update of album(alice, 'album-1', ['p1', 'p2', 'p3', 'p4'])) await h.send(update);

  const sent = countMessages(before);
  expect(sent).toHaveLength(1);
  const count = now(sent[0]);
  expect(count.text).toBe('📎 已收到 4 个附件（最多 10 个）。还可以继续发送，或点「完成」。');
  expect(h.fake.buttonsOf(count)).toEqual([{ text: '✅ 完成', data: 'sc:done' }]);
  // Only the question and the count carry a Done/Skip button.
  const withDone = h.fake.callsTo(alice.id).slice(before - 1).filter((c) => c.method === 'sendMessage' && h.fake.buttonsOf(c).some((b) => b.data === 'sc:done'));
  expect(withDone).toHaveLength(2);

  // A single photo after the album is a new count.
  await h.send(h.u.photo(alice, 'p5'));
  expect(countMessages(before)).toHaveLength(2);
  expect(h.fake.lastTextTo(alice.id)).toContain('已收到 5 个附件');

  await h.press(alice, alice.id, 'sc:done');
  await h.press(alice, alice.id, 'sc:asap');
  expect(h.fake.lastTextTo(alice.id)).toContain('附件：5 个');
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(h.fake.lastTextTo(alice.id));
  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.report.media.map((m) => m.fileId)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  const posted = await h.fake.waitForCall((c) => c.method === 'sendMediaGroup' && c.params.chat_id === STAFF_CHAT);
  expect(posted.params.media.map((m: { media: string }) => m.media)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
});

test('an album over the limit: one message, ending with the limit; the first files are kept', async () => {
  const policy = testPolicy();
  h = await createHarness({ policy: { ...policy, limits: { ...policy.limits, maxMedia: 3 } } });
  await atMediaStep();
  const before = h.fake.callsTo(alice.id).length;
  for (const update of album(alice, 'album-2', ['q1', 'q2', 'q3', 'q4', 'q5'])) await h.send(update);

  const sent = countMessages(before);
  expect(sent).toHaveLength(1);
  expect(now(sent[0]).text).toBe('已达到 3 个附件上限，请点「完成」。');
  await h.press(alice, alice.id, 'sc:done');
  await h.press(alice, alice.id, 'sc:asap');
  await h.press(alice, alice.id, 'sc:confirm');
  const ticket = (await h.services.tickets.get(refIn(h.fake.lastTextTo(alice.id))))!;
  expect(ticket.report.media.map((m) => m.fileId)).toEqual(['q1', 'q2', 'q3']);
});

test('two albums one after the other: one count message each', async () => {
  h = await createHarness();
  await atMediaStep();
  const before = h.fake.callsTo(alice.id).length;
  for (const update of [...album(alice, 'a', ['a1', 'a2']), ...album(alice, 'b', ['b1', 'b2', 'b3'])]) await h.send(update);
  const sent = countMessages(before);
  expect(sent).toHaveLength(2);
  expect(now(sent[0]).text).toContain('已收到 2 个附件');
  expect(now(sent[1]).text).toContain('已收到 5 个附件');
});

test('an album as the first answer when adding information: one count message, all files added', async () => {
  h = await createHarness();
  await atMediaStep();
  await h.press(alice, alice.id, 'sc:done');
  await h.press(alice, alice.id, 'sc:asap');
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(h.fake.lastTextTo(alice.id));

  await h.send(h.u.command(alice, 'my'));
  await h.press(alice, alice.id, `my:open:${ref}:0`);
  await h.press(alice, alice.id, `my:add:${ref}:0`);
  const before = h.fake.callsTo(alice.id).length;
  for (const update of album(alice, 'album-3', ['r1', 'r2', 'r3'])) await h.send(update);
  const sent = countMessages(before);
  expect(sent).toHaveLength(1);
  expect(now(sent[0]).text).toContain('已收到 3 个附件');
  await h.press(alice, alice.id, 'sc:done');
  const added = (await h.services.tickets.history(ref)).find((e) => e.type === 'info_added')!;
  expect(added.media!.map((m) => m.fileId)).toEqual(['r1', 'r2', 'r3']);
});
