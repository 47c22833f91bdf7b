/**
 * The rate limiter on an injected clock: Telegram's limits as numbers, no sleeping. The
 * outbox keeps a margin on window edges (15 ms on the second, 100 ms on a group's minute):
 * the server sees our sends a little later than we do.
 */
import { acquire, RateLimiter, type Limits } from '../../src/outbox/limiter';

const LIMITS: Limits = { globalPerSecond: 30, perChatPerSecond: 1, perChatBurst: 3, perGroupPerMinute: 20 };
const GROUP = -1001;
const SECOND_MARGIN = 15;
const MINUTE_MARGIN = 100;

function limiterAt(start = 1_000_000, limits: Limits = LIMITS) {
  let now = start;
  const limiter = new RateLimiter(limits, () => now);
  return {
    limiter,
    advance: (ms: number) => (now += ms),
    get now() {
      return now;
    },
  };
}

/** Sends as the outbox would: waits (moving the clock) until allowed, then takes. Returns the send times. */
function sendAll(t: ReturnType<typeof limiterAt>, chats: number[]): number[] {
  const times: number[] = [];
  for (const chatId of chats) {
    for (let wait = t.limiter.delay(chatId, 1, 'outbox'); wait > 0; wait = t.limiter.delay(chatId, 1, 'outbox')) t.advance(wait);
    t.limiter.take(chatId, 1, 'outbox');
    times.push(t.now);
  }
  return times;
}

const maxInWindow = (times: number[], windowMs: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

test('overall: 300 messages to 300 people go at 30 a second, evenly spread, never 31 in any second', () => {
  const t = limiterAt();
  const start = t.now;
  const times = sendAll(t, Array.from({ length: 300 }, (_, i) => i + 1));
  expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(30);
  // Evenly: one every 1000/30 ms, so 300 take about 10 s, not 10 bursts.
  expect(times[299] - start).toBeGreaterThanOrEqual(9900);
  expect(times[299] - start).toBeLessThan(10_400);
  expect(times[1] - times[0]).toBe(34); // ceil(33.3)
});

test('one chat: a burst of 3, then one a second', () => {
  const t = limiterAt();
  const start = t.now;
  const times = sendAll(t, [7, 7, 7, 7, 7]).map((x) => x - start);
  // The first three only spaced by the overall pace; then the chat's allowance refills at 1/s.
  expect(times.slice(0, 3)).toEqual([0, 34, 68]);
  expect(times[3]).toBeGreaterThanOrEqual(1000);
  expect(times[4] - times[3]).toBe(1000);
});

test('one group: 20 in a minute, the 21st after the first has left the minute (with the margin)', () => {
  const t = limiterAt(1_000_000, { ...LIMITS, perChatBurst: 100, perChatPerSecond: 100 });
  const times = sendAll(t, Array.from({ length: 20 }, () => GROUP));
  expect(t.limiter.groupCount(GROUP)).toBe(20);
  expect(t.limiter.delay(GROUP, 1, 'outbox')).toBe(times[0] + 60_000 + MINUTE_MARGIN - t.now);
  times.push(...sendAll(t, [GROUP]));
  expect(times[20] - times[0]).toBe(60_000 + MINUTE_MARGIN);
  expect(maxInWindow(times, 60_000)).toBeLessThanOrEqual(20);
});

test('a 429 pauses that chat until retry_after; other chats go on', () => {
  const t = limiterAt();
  t.limiter.pause(7, t.now + 5000);
  expect(t.limiter.delay(7, 1, 'outbox')).toBe(5000);
  expect(t.limiter.delay(8, 1, 'outbox')).toBe(0);
  t.advance(5000);
  expect(t.limiter.delay(7, 1, 'outbox')).toBe(0);
});

test('interactive replies wait only for the overall limit, and count against every limit first', () => {
  const t = limiterAt();
  // Three interactive replies to one person: no per-chat wait for them...
  for (let i = 0; i < 3; i++) {
    expect(t.limiter.delay(7, 1, 'interactive')).toBe(0);
    t.limiter.take(7, 1, 'interactive');
  }
  // ...but they used the chat's allowance: the outbox now waits a second for that chat.
  expect(t.limiter.delay(7, 1, 'outbox')).toBe(1000);
  // 20 interactive messages in a group use its minute.
  for (let i = 0; i < 20; i++) t.limiter.take(GROUP, 1, 'interactive');
  t.advance(1000);
  expect(t.limiter.delay(GROUP, 1, 'outbox')).toBeGreaterThanOrEqual(59_000);
  // The overall limit holds interactive replies too.
  t.advance(60_000);
  for (let i = 0; i < 30; i++) t.limiter.take(i + 100, 1, 'interactive');
  expect(t.limiter.delay(999, 1, 'interactive')).toBe(1000 + SECOND_MARGIN);
  expect(t.limiter.delay(999, 1, 'outbox')).toBe(1000 + SECOND_MARGIN);
});

test('while an interactive reply waits for a slot, the outbox stands back', () => {
  const t = limiterAt();
  expect(t.limiter.delay(5, 1, 'outbox')).toBe(0);
  t.limiter.interactiveWaits(true);
  expect(t.limiter.delay(5, 1, 'outbox')).toBeGreaterThan(0);
  t.limiter.interactiveWaits(false);
  expect(t.limiter.delay(5, 1, 'outbox')).toBe(0);
});

test('an album counts as its number of messages', () => {
  const t = limiterAt();
  t.limiter.take(7, 3, 'outbox');
  // The chat's burst of 3 is used up by one album of 3.
  t.advance(100);
  expect(t.limiter.delay(7, 1, 'outbox')).toBe(900);
  // And the overall second holds 27 more.
  for (let i = 0; i < 27; i++) t.limiter.take(100 + i, 1, 'interactive');
  expect(t.limiter.delay(999, 1, 'interactive')).toBeGreaterThan(0);
});

test('acquire waits with the injected sleep, or gives the wait back when it is longer than allowed', async () => {
  const t = limiterAt();
  const slept: number[] = [];
  const sleep = async (ms: number) => {
    slept.push(ms);
    t.advance(ms);
  };
  for (let i = 0; i < 3; i++) expect(await acquire(t.limiter, 7, 1, 'outbox', { maxWait: 5000, sleep })).toBe(0);
  const before = t.now;
  expect(await acquire(t.limiter, 7, 1, 'outbox', { maxWait: 5000, sleep })).toBe(0);
  expect(t.now - before).toBeGreaterThanOrEqual(900);
  expect(slept.every((ms) => ms <= 250)).toBe(true); // re-checked at least every 250 ms
  // A wait longer than maxWait is not slept: the caller leaves the send for later.
  const sleptBefore = slept.length;
  const left = await acquire(t.limiter, 7, 1, 'outbox', { maxWait: 100, sleep });
  expect(left).toBeGreaterThan(100);
  expect(slept.length).toBe(sleptBefore);
});

test('thousands of chats are forgotten once their limits no longer matter', () => {
  const t = limiterAt(1_000_000, { ...LIMITS, globalPerSecond: 1_000_000 });
  for (let i = 0; i < 10_000; i++) t.limiter.take(i + 1, 1, 'outbox');
  t.advance(5000);
  for (let i = 0; i < 5000; i++) t.limiter.take(-(i + 1), 1, 'outbox');
  const buckets = (t.limiter as unknown as { buckets: Map<number, unknown> }).buckets;
  // The 10,000 people of the first batch are full again and gone; the 5,000 groups remain.
  expect(buckets.size).toBeLessThanOrEqual(5000);
});
