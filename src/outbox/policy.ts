/**
 * The outbox's configuration: Telegram's sending limits and the retry rules. Every value
 * is office configuration (`outbox:` in the policy file); these are the defaults.
 */
import { z } from 'zod';
import type { OfficePolicy } from '../config/office';
import { defined, duration } from '../config/schemaParts';

export interface OutboxPolicy {
  /** Messages per second to all chats together (Telegram: about 30). */
  globalPerSecond: number;
  /** Sustained messages per second to one chat (Telegram: about 1)... */
  perChatPerSecond: number;
  /** ...after a short burst of this many (Telegram allows short bursts). */
  perChatBurst: number;
  /** Messages per minute to one group (Telegram: 20). */
  perGroupPerMinute: number;
  /** How long a claimed item is another instance's before it counts as abandoned (ms). */
  lease: number;
  /** Server and network errors tolerated per item before it is given up (429s do not count). */
  maxAttempts: number;
  /** First wait after a server or network error (ms); doubles with each further one... */
  retryBase: number;
  /** ...up to this (ms). */
  retryMax: number;
  /** How long a Notifier call waits for its own message (limits, a busy chat) before leaving it to the dispatcher (ms). */
  inlineWait: number;
  /** How often the running dispatcher looks for due items when nobody wakes it (ms). */
  pollInterval: number;
  /** Chats served at the same time by one dispatcher. */
  concurrency: number;
  /** How long shutdown may spend sending what is left (ms). */
  flushTimeout: number;
  /** Finished items are deleted after this (ms); the keys of items sent once per key are kept. */
  keepSent: number;
  /**
   * Inside an update's handler a 429 or server error is waited out only up to this (ms); a
   * longer one fails the reply at once, so one refused chat never holds its handler (the
   * outbox's notices wait out the long ones instead).
   */
  handlerRetryMax: number;
}

const SECOND = 1000;
const DAY = 24 * 3600 * SECOND;

export const DEFAULT_OUTBOX: OutboxPolicy = {
  globalPerSecond: 30,
  perChatPerSecond: 1,
  perChatBurst: 3,
  perGroupPerMinute: 20,
  lease: 60 * SECOND,
  maxAttempts: 8,
  retryBase: 1 * SECOND,
  retryMax: 5 * 60 * SECOND,
  inlineWait: 2 * SECOND,
  pollInterval: 1 * SECOND,
  concurrency: 16,
  flushTimeout: 10 * SECOND,
  keepSent: 7 * DAY,
  handlerRetryMax: 2 * SECOND,
};

/** The `outbox` section of the office policy file: every key optional, over DEFAULT_OUTBOX. */
export const outboxSchema = z.strictObject({
  globalPerSecond: z.number().positive().optional(),
  perChatPerSecond: z.number().positive().optional(),
  perChatBurst: z.number().int().min(1).optional(),
  perGroupPerMinute: z.number().positive().optional(),
  lease: duration(1).optional(),
  maxAttempts: z.number().int().min(1).optional(),
  retryBase: duration(1).optional(),
  retryMax: duration(1).optional(),
  inlineWait: duration(0).optional(),
  pollInterval: duration(1).optional(),
  concurrency: z.number().int().min(1).max(256).optional(),
  flushTimeout: duration(0).optional(),
  keepSent: duration(1).optional(),
  handlerRetryMax: duration(0).optional(),
});

/** The office's outbox settings over the defaults (the key may be missing or partial). */
export function outboxPolicy(policy: OfficePolicy): OutboxPolicy {
  return { ...DEFAULT_OUTBOX, ...defined(policy.outbox) };
}
