/**
 * A real process killed (SIGKILL) between recording an event and writing what follows it:
 * the claim is in the log, nobody has heard of it; the next process's recovery derives the
 * notices from the log and sends each once — and deriving them again sends nothing more.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { killed, startRecordingChild } from '../support/child';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { cardText, fileRepair } from '../support/flows';
import { newInstance, outboxTestPolicy, sentTexts, type Instance } from '../outbox/support';

const { alice } = people;
let h: Harness;
let child: ChildProcess | undefined;
const instances: Instance[] = [];

beforeEach(async () => {
  h = await createHarness({ policy: outboxTestPolicy() });
});
afterEach(async () => {
  child?.kill('SIGKILL');
  for (const instance of instances.splice(0)) await instance.close();
  await h.close();
});

/** Starts the child; resolves once its event is appended and it is stuck writing the notices. */
async function claimInChild(ref: string): Promise<ChildProcess> {
  child = await startRecordingChild(path.join(__dirname, 'crashChild.ts'), [h.db.uri, h.db.dbName, ref, String(STAFF_CHAT)]);
  return child;
}

test('killed between the event and its notices: recovery tells the card and the resident, once', async () => {
  const ref = await fileRepair(h, alice, { kind: 'household', category: 'inspect', description: '卫生间水龙头漏水' });
  const toAlice = () => sentTexts(h, alice.id).filter((t) => t.includes(ref) && t.includes('接单'));
  await killed(await claimInChild(ref));

  // The claim is the office's record now; nobody was told of it.
  expect((await h.services.tickets.history(ref)).map((e) => e.type)).toEqual(['created', 'claimed']);
  expect(cardText(h, STAFF_CHAT, ref)).not.toContain('已接单');
  expect(toAlice()).toEqual([]);

  const restarted = await newInstance(h, 'restarted');
  instances.push(restarted);
  // A note younger than the grace may be a live writer's: left alone.
  expect(await restarted.services.reactor.recover(60_000)).toBe(0);
  expect(await restarted.services.reactor.recover(0)).toBe(1);
  await restarted.outbox.flush();
  expect(cardText(h, STAFF_CHAT, ref)).toContain('已接单：张');
  expect(toAlice()).toHaveLength(1);

  // Nothing is left to recover, and the same notices derived again are not sent again.
  expect(await restarted.services.reactor.recover(0)).toBe(0);
  const claimed = (await h.services.tickets.history(ref)).find((e) => e.type === 'claimed')!;
  await restarted.services.reactor.react(claimed, (await h.services.tickets.get(ref))!);
  await restarted.outbox.flush(300);
  expect(toAlice()).toHaveLength(1);
  expect(h.fake.callsOf('editMessageText').filter((c) => String(c.params.text).includes('已接单'))).toHaveLength(1);
}, 60_000);
