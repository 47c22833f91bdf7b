/**
 * A real bot process killed (SIGKILL) between recording a notification and sending it:
 * after the restart the message is delivered, exactly once. Twice: killed before its
 * dispatcher touched the item, and killed while its send was in flight (Telegram never
 * answered it), when the next process takes it over after the lease.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { killed, startRecordingChild } from '../support/child';
import { createHarness, type Harness } from '../support/harness';
import { newInstance, outboxTestPolicy, sentTexts, type Instance } from './support';

let h: Harness;
let child: ChildProcess | undefined;
const instances: Instance[] = [];

beforeEach(async () => {
  // A lease long enough that a slow machine still tells "within" from "after" it.
  h = await createHarness({ policy: outboxTestPolicy({ lease: 10_000 }) });
});
afterEach(async () => {
  child?.kill('SIGKILL');
  for (const instance of instances.splice(0)) await instance.close();
  await h.close();
});

/** Starts the child bot; resolves once it has recorded the message. */
async function startChild(chatId: number, text: string, mode: 'run' | 'idle'): Promise<ChildProcess> {
  child = await startRecordingChild(path.join(__dirname, 'crashChild.ts'), [h.db.uri, h.db.dbName, h.fake.apiRoot, String(chatId), text, mode]);
  return child;
}

test('killed after recording, before sending: the restarted bot delivers it once', async () => {
  const proc = await startChild(4001, 'survey for 4001', 'idle');
  await killed(proc);
  expect(sentTexts(h, 4001)).toEqual([]);

  const restarted = await newInstance(h, 'restarted');
  instances.push(restarted);
  expect(await restarted.outbox.flush()).toBe(1);
  expect(await restarted.outbox.flush(200)).toBe(0);
  expect(sentTexts(h, 4001)).toEqual(['survey for 4001']);
}, 30_000);

test('killed while its send was in flight: after the lease the restarted bot delivers it once', async () => {
  // Telegram (the fake) takes the child's request and never answers it: no message results.
  let reached!: () => void;
  const reachedTelegram = new Promise<void>((resolve) => (reached = resolve));
  h.fake.on('sendMessage', (p) => {
    if (p.chat_id !== 4002) return undefined;
    reached();
    return new Promise(() => undefined);
  });
  const proc = await startChild(4002, 'survey for 4002', 'run');
  await reachedTelegram;
  await killed(proc);
  h.fake.off('sendMessage');

  // Within the lease (10 s) nobody sends it: the claim of the dead process still holds.
  const restarted = await newInstance(h, 'restarted');
  instances.push(restarted);
  expect(await restarted.outbox.flush(300)).toBe(0);
  expect(sentTexts(h, 4002)).toEqual([]);
  // Past the lease it is taken over and sent, once.
  const later = await newInstance(h, 'later', { now: () => Date.now() + 11_000 });
  instances.push(later);
  expect(await later.outbox.flush()).toBe(1);
  expect(await later.outbox.flush(200)).toBe(0);
  expect(sentTexts(h, 4002)).toEqual(['survey for 4002']);
}, 30_000);
