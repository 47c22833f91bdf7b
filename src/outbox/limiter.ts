/**
 * Telegram's sending limits, kept in one place per process: about 30 messages a second in
 * all, about 1 a second per chat (after a short burst), 20 a minute per group. Interactive
 * replies (the direct answer to a person) are counted first: they wait only for a free slot
 * of the overall limit and then go, while the outbox waits for every limit and stands back
 * whenever an interactive reply is waiting. The clock is injected; nothing here sleeps
 * except `acquire`, whose sleep is injected too.
 */

export interface Limits {
  globalPerSecond: number;
  perChatPerSecond: number;
  perChatBurst: number;
  perGroupPerMinute: number;
}

export type SenderKind = 'outbox' | 'interactive';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Telegram's group and supergroup ids are negative, users' positive. */
export const isGroup = (chatId: number): boolean => chatId < 0;

/** Timestamps of the sends in a sliding window, oldest first. */
class Window {
  private readonly times: number[] = [];
  constructor(private readonly length: number) {}

  private purge(now: number): void {
    let drop = 0;
    while (drop < this.times.length && this.times[drop] <= now - this.length) drop++;
    if (drop > 0) this.times.splice(0, drop);
  }

  /** ms until `weight` more sends fit under `limit` (`margin` keeps clear of the edge). */
  delay(now: number, weight: number, limit: number, margin: number): number {
    this.purge(now);
    const excess = this.times.length + Math.min(weight, limit) - limit;
    if (excess <= 0) return 0;
    return Math.max(0, this.times[excess - 1] + this.length + margin - now);
  }

  add(now: number, weight: number): void {
    this.purge(now);
    for (let i = 0; i < weight; i++) this.times.push(now);
  }

  get size(): number {
    return this.times.length;
  }
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly global = new Window(SECOND);
  private readonly groups = new Map<number, Window>();
  private readonly buckets = new Map<number, Bucket>();
  private readonly pausedUntil = new Map<number, number>();
  /** The outbox's sends are spread evenly over the second rather than sent in a burst. */
  private nextOutboxAt = 0;
  private interactiveWaiting = 0;
  private takes = 0;

  constructor(
    private readonly limits: Limits,
    readonly now: () => number = Date.now,
    /** Safety margins on the window edges (ms): the server sees our sends a little later than we do. */
    private readonly margins = { second: 15, minute: 100 },
  ) {}

  /** ms until `weight` messages to `chatId` may go now (0: now). */
  delay(chatId: number, weight: number, sender: SenderKind): number {
    const now = this.now();
    const { globalPerSecond } = this.limits;
    let wait = this.global.delay(now, weight, globalPerSecond, this.margins.second);
    if (sender === 'interactive') return Math.ceil(wait);
    // An interactive reply waiting for a slot gets it first.
    if (this.interactiveWaiting > 0) wait = Math.max(wait, 5);
    wait = Math.max(wait, this.nextOutboxAt - now, (this.pausedUntil.get(chatId) ?? 0) - now);
    wait = Math.max(wait, this.bucketDelay(chatId, weight, now));
    if (isGroup(chatId)) wait = Math.max(wait, this.groupWindow(chatId).delay(now, weight, this.limits.perGroupPerMinute, this.margins.minute));
    return Math.max(0, Math.ceil(wait));
  }

  /** Records `weight` messages sent to `chatId` now. */
  take(chatId: number, weight: number, sender: SenderKind): void {
    const now = this.now();
    this.global.add(now, weight);
    if (isGroup(chatId)) this.groupWindow(chatId).add(now, weight);
    const bucket = this.bucket(chatId, now);
    // An interactive burst can empty a chat's allowance, not overdraw it without end.
    bucket.tokens -= weight;
    if (sender === 'interactive') bucket.tokens = Math.max(0, bucket.tokens);
    if (sender === 'outbox') this.nextOutboxAt = Math.max(this.nextOutboxAt, now) + (weight * SECOND) / this.limits.globalPerSecond;
    if (++this.takes % 5000 === 0) this.forgetIdle(now);
  }

  /** Telegram said "retry after": nothing goes to that chat before `until`. */
  pause(chatId: number, until: number): void {
    this.pausedUntil.set(chatId, Math.max(until, this.pausedUntil.get(chatId) ?? 0));
  }

  /** Sends in the last minute to a group (for reports and tests). */
  groupCount(chatId: number): number {
    this.groupWindow(chatId).delay(this.now(), 0, Infinity, 0);
    return this.groupWindow(chatId).size;
  }

  interactiveWaits(waiting: boolean): void {
    this.interactiveWaiting += waiting ? 1 : -1;
  }

  private groupWindow(chatId: number): Window {
    let window = this.groups.get(chatId);
    if (!window) this.groups.set(chatId, (window = new Window(MINUTE)));
    return window;
  }

  private bucket(chatId: number, now: number): Bucket {
    const { perChatBurst, perChatPerSecond } = this.limits;
    const bucket = this.buckets.get(chatId) ?? { tokens: perChatBurst, at: now };
    bucket.tokens = Math.min(perChatBurst, bucket.tokens + ((now - bucket.at) * perChatPerSecond) / SECOND);
    bucket.at = now;
    this.buckets.set(chatId, bucket);
    return bucket;
  }

  private bucketDelay(chatId: number, weight: number, now: number): number {
    const { perChatBurst, perChatPerSecond } = this.limits;
    const tokens = this.bucket(chatId, now).tokens;
    const needed = Math.min(weight, perChatBurst);
    return tokens >= needed ? 0 : ((needed - tokens) * SECOND) / perChatPerSecond;
  }

  /** Thousands of residents in a survey batch must not stay in memory forever. */
  private forgetIdle(now: number): void {
    for (const [chatId, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) * this.limits.perChatPerSecond) / SECOND >= this.limits.perChatBurst) this.buckets.delete(chatId);
    }
    for (const [chatId, window] of this.groups) {
      if (window.delay(now, 0, Infinity, 0) === 0 && window.size === 0) this.groups.delete(chatId);
    }
    for (const [chatId, until] of this.pausedUntil) if (until <= now) this.pausedUntil.delete(chatId);
  }
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the send may go and records it. Returns 0 when taken, or the wait still
 * needed (ms) when that would pass `maxWait` — the caller then leaves the send for later.
 */
export async function acquire(
  limiter: RateLimiter,
  chatId: number,
  weight: number,
  sender: SenderKind,
  options: { maxWait: number; sleep?: Sleep },
): Promise<number> {
  const sleep = options.sleep ?? realSleep;
  const giveUpAt = limiter.now() + options.maxWait;
  if (sender === 'interactive') limiter.interactiveWaits(true);
  try {
    for (;;) {
      const wait = limiter.delay(chatId, weight, sender);
      if (wait === 0) {
        limiter.take(chatId, weight, sender);
        return 0;
      }
      if (limiter.now() + wait > giveUpAt) return wait;
      // Re-checked after a short sleep at most: another sender may have taken the slot meanwhile.
      await sleep(Math.min(wait, 250));
    }
  } finally {
    if (sender === 'interactive') limiter.interactiveWaits(false);
  }
}
