/**
 * The outbox's promises, against the real database and the fake Bot API over HTTP:
 * recorded notifications survive a crash and go out once; 429 and 5xx are retried with
 * every message delivered once and in order per chat; two instances on one database send
 * each item once; shutdown flushes, and the next start continues.
 */
import { createHarness, type Harness } from '../support/harness';
import { failedCalls, message, newInstance, outboxTestPolicy, sentTexts, type Instance } from './support';

let h: Harness;
const extra: Instance[] = [];

beforeEach(async () => {
  h = await createHarness({ policy: outboxTestPolicy() });
});
afterEach(async () => {
  for (const instance of extra.splice(0)) await instance.close();
  await h.close();
});

async function instance(name: string, options: Parameters<typeof newInstance>[2] = {}): Promise<Instance> {
  const created = await newInstance(h, name, options);
  extra.push(created);
  return created;
}

test('recorded, then the process is gone before sending: the next start sends it, once', async () => {
  const first = await instance('first');
  // Recorded for the dispatcher (which never ran: the process "died" here).
  expect(await first.outbox.send(message(701, 'survey for 701', 'survey:1'), 'background')).toBe('pending');
  expect(sentTexts(h, 701)).toEqual([]);
  await first.close();

  const next = await instance('next');
  expect(await next.outbox.flush()).toBe(1);
  expect(await next.outbox.flush()).toBe(0);
  expect(sentTexts(h, 701)).toEqual(['survey for 701']);
  // The key stays used: enqueued again after the restart, it is not sent again.
  expect(await next.outbox.send(message(701, 'survey for 701', 'survey:1'), 'now')).toBe('duplicate');
  expect(await next.outbox.store.countByStatus('sent')).toBe(1);
});

test('a claimant that died holding an item: nobody sends it during the lease, the next instance after it, once', async () => {
  const policy = outboxTestPolicy({ lease: 10_000 });
  const dead = await instance('dead', { policy });
  await dead.outbox.send(message(702, 'reminder for 702'), 'background');
  // Claimed (the unique insert made) and then the process died before the Bot API call.
  const item = (await dead.outbox.store.head(702))!;
  expect(await dead.outbox.store.claim(item, 10_000, 'dead')).toMatchObject({ attempt: 0, tookOver: false });
  await dead.close();

  const alive = await instance('alive', { policy });
  expect(await alive.outbox.flush(300)).toBe(0);
  expect(sentTexts(h, 702)).toEqual([]);

  // Seen 11 s later (past the 10 s lease): taken over with the next attempt number and sent.
  const later = await instance('later', { policy, now: () => Date.now() + 11_000 });
  expect(await later.outbox.flush()).toBe(1);
  expect(sentTexts(h, 702)).toEqual(['reminder for 702']);
  expect(await later.outbox.store.get(item.id)).toMatchObject({ status: 'sent', attempt: 1, failures: 1 });
  expect(await alive.outbox.flush(300)).toBe(0);
  expect(sentTexts(h, 702)).toHaveLength(1);
});

test('429 with retry_after and 502: every message delivered once, in order per chat', async () => {
  const a = await instance('a');
  const chats = [711, 712, 713];
  for (let n = 1; n <= 4; n++) for (const chatId of chats) await a.outbox.send(message(chatId, `${chatId}-${n}`), 'background');
  // Telegram pushes back on 711's second message and has an outage on 712's first, twice.
  h.fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }, (p) => p.text === '711-2');
  h.fake.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, (p) => p.text === '712-1');
  h.fake.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, (p) => p.text === '712-1');
  // Flushed until all 12 are out (each flush is bounded in time; a busy machine may need more than one).
  let finished = 0;
  for (let round = 0; round < 20 && finished < 12; round++) finished += await a.outbox.flush();
  expect(finished).toBeGreaterThanOrEqual(12);
  for (const chatId of chats) expect(sentTexts(h, chatId)).toEqual([1, 2, 3, 4].map((n) => `${chatId}-${n}`));
  // Which chat's failure came first is the chats' race; within each chat the order is fixed.
  expect(failedCalls(h).map((c) => String(c.params.text)).sort()).toEqual(['711-2', '712-1', '712-1']);
  // 711's second message waited Telegram's second; nothing of 711 went in between.
  const times = (text: string) => h.fake.callsOf('sendMessage').filter((c) => c.params.text === text).map((c) => c.at);
  expect(times('711-2')[1] - times('711-2')[0]).toBeGreaterThanOrEqual(1000);
  expect(await a.outbox.store.countByStatus('sent')).toBe(12);
});

test('5xx past maxAttempts: given up and recorded as failed, not retried forever', async () => {
  const a = await instance('a', { policy: outboxTestPolicy({ maxAttempts: 3 }) });
  h.fake.on('sendMessage', (p) => (p.chat_id === 720 ? { error: { error_code: 500, description: 'Internal Server Error' } } : undefined));
  await a.outbox.send(message(720, 'doomed'), 'background');
  await a.outbox.send(message(721, 'fine'), 'background');
  await a.outbox.flush(3000);
  expect(failedCalls(h).filter((c) => c.params.chat_id === 720)).toHaveLength(3);
  expect(sentTexts(h, 721)).toEqual(['fine']);
  expect(await a.outbox.store.countByStatus('failed')).toBe(1);
  expect(await a.outbox.store.countByStatus('pending')).toBe(0);
});

test('two instances on one database: each of 90 items sent exactly once, in order per chat', async () => {
  const one = await instance('one');
  const two = await instance('two');
  const chats = Array.from({ length: 30 }, (_, i) => 800 + i);
  // Recorded by both, interleaved, as two webhook instances would.
  for (let n = 1; n <= 3; n++) {
    for (const chatId of chats) await (chatId % 2 ? one : two).outbox.send(message(chatId, `${chatId}#${n}`), 'background');
  }
  // Flushed together until all are out (each flush is bounded in time; a busy machine needs several).
  let [byOne, byTwo] = [0, 0];
  for (let round = 0; round < 30 && byOne + byTwo < 90; round++) {
    const [a, b] = await Promise.all([one.outbox.flush(), two.outbox.flush()]);
    [byOne, byTwo] = [byOne + a, byTwo + b];
  }
  expect(byOne + byTwo).toBe(90);
  // Both did part of the work (the claims, not luck, kept them apart).
  expect(byOne).toBeGreaterThan(0);
  expect(byTwo).toBeGreaterThan(0);
  const calls = h.fake.callsOf('sendMessage');
  expect(calls).toHaveLength(90);
  for (const chatId of chats) expect(sentTexts(h, chatId)).toEqual([1, 2, 3].map((n) => `${chatId}#${n}`));
});

test('stop(): the loop ends, what is due is flushed within the timeout; later items wait for the next start', async () => {
  const a = await instance('a');
  a.outbox.dispatcher.start();
  expect(a.outbox.dispatcher.running).toBe(true);
  for (let i = 0; i < 20; i++) await a.outbox.send(message(900 + i, `before stop ${i}`), 'background');
  await a.outbox.dispatcher.stop(3000);
  expect(a.outbox.dispatcher.running).toBe(false);
  for (let i = 0; i < 20; i++) expect(sentTexts(h, 900 + i)).toEqual([`before stop ${i}`]);

  // After stop nothing goes out, not even a Notifier call: it is recorded for the next start.
  expect(await a.outbox.send(message(950, 'after stop'), 'now')).toBe('pending');
  expect(sentTexts(h, 950)).toEqual([]);
  const next = await instance('next');
  next.outbox.dispatcher.start();
  await h.fake.waitForCall((c) => c.params.text === 'after stop', 3000);
  await next.outbox.dispatcher.stop(1000);
  expect(sentTexts(h, 950)).toEqual(['after stop']);
});

test('shutdown with more than the timeout allows: stops on time, the rest goes after the next start', async () => {
  // 5 a second: 30 messages need 6 s; stop gives it 1 s.
  const slow = outboxTestPolicy({ globalPerSecond: 5 });
  const a = await instance('a', { policy: slow });
  for (let i = 0; i < 30; i++) await a.outbox.send(message(1000 + i, `m${i}`), 'background');
  a.outbox.dispatcher.start();
  // Stopped with most still to go: the rest was left for the next start, not sent first.
  await a.outbox.dispatcher.stop(1000);
  const sentBefore = h.fake.callsOf('sendMessage').length;
  expect(sentBefore).toBeGreaterThan(0);
  expect(sentBefore).toBeLessThan(30);

  const next = await instance('next');
  await next.outbox.flush(5000);
  expect(h.fake.callsOf('sendMessage')).toHaveLength(30);
  for (let i = 0; i < 30; i++) expect(sentTexts(h, 1000 + i)).toEqual([`m${i}`]);
});

test('cleanup deletes finished items and their claims; a key stays used after its item is gone', async () => {
  const a = await instance('a');
  await a.outbox.send(message(1100, 'once only', 'weekly:1100:2026-47'), 'now');
  await a.outbox.send(message(1100, 'plain'), 'now');
  await a.outbox.send(message(1101, 'still waiting'), 'background');
  expect(await a.outbox.store.cleanup(new Date(Date.now() + 1000))).toEqual({ deleted: 2 });
  expect(await a.outbox.store.countByStatus('sent')).toBe(0);
  // The pending one stays; the key is still used.
  expect(await a.outbox.store.countByStatus('pending')).toBe(1);
  expect(await a.outbox.send(message(1100, 'once only', 'weekly:1100:2026-47'), 'now')).toBe('duplicate');
  expect(sentTexts(h, 1100)).toEqual(['once only', 'plain']);
  expect(await a.database.conn.collection('outbox_claims').countDocuments()).toBe(0);
});
