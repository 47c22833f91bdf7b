/**
 * Sends the outbox: one chat's items one after another (a card edit after its post, a
 * resident's updates in event order), many chats at once, within Telegram's limits. Each
 * item is claimed before it is sent (see store.ts), so several instances on one database
 * send it once; an item whose claimant died goes out after the lease. A Notifier call
 * drains its own chat right away (`deliverNow`) so a card edit shows at once; the running
 * loop picks up everything else, and whatever a crash left behind, after a restart.
 */
import { acquire, realSleep, type RateLimiter, type Sleep } from './limiter';
import type { OutboxPolicy } from './policy';
import { Lanes } from './lanes';
import type { Claim, OutboxStore } from './store';
import type { DatabaseWatch } from '../db/health';
import { DeferredSend, type Deliver, type DeliveryContext, type Delivery, type Outcome, type OutboxItem } from './types';

/** Limit waits up to this are slept inside a chat's drain; longer ones postpone the chat. */
const SHORT_WAIT = 1000;

export interface DispatcherLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface DispatcherDeps {
  store: OutboxStore;
  limiter: RateLimiter;
  policy: OutboxPolicy;
  deliver: Deliver;
  log: DispatcherLog;
  now?: () => number;
  sleep?: Sleep;
  /** Names this instance in its claims (for the logs). */
  instance?: string;
  /** A person turned out to have blocked the bot / unblocked it again: staff see it on the cards. */
  onUnreachable?(chatId: number, item: OutboxItem): Promise<void>;
  onReachable?(chatId: number): Promise<void>;
  /** While the database is away the loop rests, and what fails because of it is not logged item by item (the watch says it once). */
  database?: DatabaseWatch;
}

export class Dispatcher {
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly instance: string;
  /** Chats being drained by this process: one drain per chat keeps its order. */
  private readonly lanes: Lanes;
  private loop?: Promise<void>;
  private wake?: () => void;
  private woken = false;
  private stopping = false;
  private stoppingDone?: Promise<void>;
  private stopped = false;
  /** Background sends started by sendSoon. */
  private readonly kicks = new Set<Promise<void>>();
  /** No drain runs past this (set by stop: shutdown flushes only so long). */
  private deadline = Infinity;

  constructor(private readonly deps: DispatcherDeps) {
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? realSleep;
    this.instance = deps.instance ?? `pid${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.lanes = new Lanes(this.now);
  }

  get running(): boolean {
    return !!this.loop && !this.stopping;
  }

  /**
   * Sends the chat's pending items up to and including `id`, within the limits and at most
   * `policy.inlineWait`; what cannot go now is left to the loop (or to the next start).
   */
  async deliverNow(id: string, chatId: number): Promise<Delivery> {
    if (this.stopped) return 'pending';
    const until = Math.min(this.now() + this.deps.policy.inlineWait, this.deadline);
    const outcomes = await this.lanes.run(chatId, until, () => this.drain(chatId, until, id));
    const outcome = outcomes?.get(id);
    if (outcome) {
      if (outcome.type === 'failed') return outcome.unreachable !== undefined ? 'forbidden' : 'failed';
      return outcome.type === 'retry' ? 'pending' : outcome.type;
    }
    // Sent meanwhile by the loop's drain of the same chat, or still waiting its turn.
    const item = await this.deps.store.get(id);
    if (item?.status === 'failed' && item.chatId > 0 && (await this.deps.store.isUnreachable(item.chatId))) return 'forbidden';
    return item?.status ?? 'pending';
  }

  /** Sends now, in the background, the items just recorded (even those held back for it), each chat in its order. */
  sendSoon(items: { id: string; chatId: number }[]): void {
    if (this.stopped) return;
    // Past its concurrency the running loop takes them (a batch of surveys goes at its pace).
    if (this.running && this.kicks.size >= this.deps.policy.concurrency) return this.flushSoon();
    const byChat = new Map<number, Set<string>>();
    for (const { id, chatId } of items) byChat.set(chatId, (byChat.get(chatId) ?? new Set()).add(id));
    for (const [chatId, force] of byChat) {
      const until = Math.min(this.now() + this.deps.policy.lease / 4, this.deadline);
      const kick: Promise<void> = this.lanes
        .run(chatId, until, () => this.drain(chatId, until, undefined, force))
        .then(async (outcomes) => {
          // What could not go now (the chat waits for a retry, its lane was busy) is no longer held
          // back. Only this chat's items, once its drain is over: FerretDB rewrites a whole document
          // on update, so two writers of one item at once could undo each other.
          const left = [...force].filter((id) => !outcomes?.has(id));
          if (left.length > 0) await this.deps.store.release(left);
        })
        .catch((error) => {
          if (!this.quiet(error)) this.deps.log.error({ err: error, chatId }, 'outbox: sending a chat failed');
        })
        .finally(() => this.kicks.delete(kick));
      this.kicks.add(kick);
    }
  }

  /** Resolves when every send this process started has ended (tests wait for it after an update). */
  async settled(): Promise<void> {
    while (this.kicks.size > 0) await Promise.all([...this.kicks]);
    await this.lanes.idle();
  }

  /** Wakes the running loop (after items were recorded for it). */
  flushSoon(): void {
    this.woken = true;
    this.wake?.();
  }

  /** Sends everything due until nothing is left or `timeout` passes; returns how many items were finished (sent, dropped or given up). */
  flush(timeout = this.deps.policy.flushTimeout): Promise<number> {
    return this.serve(Math.min(this.now() + timeout, this.deadline), false);
  }

  /** ms until the next pending item falls due (a poll interval when one is due but held); undefined: nothing pending. */
  private async untilNextDue(): Promise<number | undefined> {
    const next = await this.deps.store.nextDueAt();
    if (next === undefined) return undefined;
    const wait = next - this.now();
    return wait > 0 ? Math.min(wait, this.deps.policy.pollInterval) : this.deps.policy.pollInterval;
  }

  start(): void {
    if (this.loop) return;
    this.deps.store.init().catch(() => undefined);
    this.loop = this.run();
  }

  /** Takes no new work, lets the sends in flight finish, flushes what it can within `timeout`. */
  stop(timeout = this.deps.policy.flushTimeout): Promise<void> {
    this.stoppingDone ??= (async () => {
      this.deadline = this.now() + timeout;
      this.stopping = true;
      this.wake?.();
      await this.loop;
      await this.flush(Math.max(0, this.deadline - this.now())).catch((error) => this.deps.log.error({ err: error }, 'outbox: flushing at shutdown failed'));
      // Drains of Notifier calls in flight end by the deadline too.
      await this.settled();
      this.stopped = true;
    })();
    return this.stoppingDone;
  }

  /** True for a failure caused by the database being away (which the database watch has logged). */
  private quiet(error: unknown): boolean {
    return this.deps.database?.failed(error) ?? false;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      if (this.deps.database?.down) {
        await this.idle(this.deps.policy.pollInterval);
        continue;
      }
      try {
        await this.serve(Infinity, true);
      } catch (error) {
        if (!this.quiet(error)) this.deps.log.error({ err: error }, 'outbox: dispatcher failed; trying again');
        await this.idle(this.deps.policy.pollInterval);
      }
    }
  }

  /** Resolves after `ms`, or sooner when woken by flushSoon/stop. */
  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /**
   * Drains the chats with due items, `concurrency` at a time; as soon as one is done the
   * next due chat starts, so a slow chat (a group at its pace) holds only its own drain. A
   * chat that could send nothing (held by another instance, waiting for a retry) rests for a
   * poll interval. `forever` (the loop) idles when nothing is due, until stop; otherwise
   * (a flush) it returns once nothing is left that falls due before `until`.
   */
  private async serve(until: number, forever: boolean): Promise<number> {
    const { store, policy, log } = this.deps;
    const active = new Set<Promise<void>>();
    const resting = new Map<number, number>();
    let due: number[] = [];
    let dueReadAt = -Infinity;
    let handled = 0;
    const start = (chatId: number) => {
      const drainUntil = Math.min(until, this.deadline, this.now() + policy.lease / 4);
      const drain: Promise<void> = this.lanes
        .run(chatId, drainUntil, () => this.drain(chatId, drainUntil))
        .then((outcomes) => {
          const finished = [...(outcomes?.values() ?? [])].filter((o) => o.type !== 'retry').length;
          handled += finished;
          if (finished === 0) resting.set(chatId, this.now() + policy.pollInterval);
        })
        .catch((error) => {
          if (!this.quiet(error)) log.error({ err: error, chatId }, 'outbox: draining a chat failed');
        })
        .finally(() => active.delete(drain));
      active.add(drain);
    };
    try {
      while (this.now() < Math.min(until, this.deadline) && !this.stopped && !(forever && (this.stopping || this.deps.database?.down))) {
        let started = 0;
        if (active.size < policy.concurrency) {
          const now = this.now();
          // The due chats are read again when these are used up, woken, or after a poll interval.
          if (due.length === 0 || this.woken || now - dueReadAt > policy.pollInterval) {
            this.woken = false;
            for (const [chatId, until] of resting) if (until <= now) resting.delete(chatId);
            due = await store.dueChats(policy.concurrency * 8 + resting.size);
            dueReadAt = now;
          }
          while (due.length > 0 && active.size < policy.concurrency) {
            const chatId = due.shift()!;
            // A chat a Notifier call of this process is draining is left to it.
            if (resting.has(chatId) || this.lanes.busy(chatId)) continue;
            start(chatId);
            started++;
          }
        }
        if (started > 0) continue;
        if (active.size > 0) {
          await Promise.race([...active, this.idle(policy.pollInterval)]);
          continue;
        }
        const wait = await this.untilNextDue();
        if (forever) await this.idle(wait ?? policy.pollInterval);
        else if (wait === undefined || this.now() + wait >= until) break;
        else await this.sleep(wait);
      }
    } finally {
      await Promise.all(active);
    }
    return handled;
  }

  /** Sends the chat's items in order until it is empty, must wait, or `stopAfter` went. */
  private async drain(chatId: number, until: number, stopAfter?: string, force?: Set<string>): Promise<Map<string, Outcome>> {
    const { store, limiter, policy } = this.deps;
    const outcomes = new Map<string, Outcome>();
    while (!this.stopped && this.now() < this.deadline) {
      const head = await store.head(chatId);
      // Waiting for a retry, or held by another instance: the chat waits with it.
      if (!head || (head.dueAt > this.now() && !(force?.has(head.id) && head.attempt === 0))) break;
      const wait = limiter.delay(chatId, 1, 'outbox');
      if (wait > 0) {
        // A short wait (the overall pace, a chat's second) is slept here; a long one (a group's
        // minute, a 429) takes the chat off the due list until then, so it holds no worker.
        if (this.now() + wait <= until && (wait <= SHORT_WAIT || stopAfter)) {
          await this.sleep(wait);
          continue;
        }
        // (A short wait cut off by the end of the round keeps the chat's place in the queue.)
        if (wait > SHORT_WAIT) await store.postpone(chatId, this.now() + wait);
        break;
      }
      const claim = await store.claim(head, policy.lease, this.instance);
      if (!claim) break;
      const outcome: Outcome =
        claim.tookOver && head.failures + 1 >= policy.maxAttempts
          ? { type: 'failed', error: `given up: its senders stopped ${head.failures + 1} times while sending it` }
          : await this.attempt(head, claim, until);
      outcomes.set(head.id, outcome);
      await this.settle(head, claim, outcome);
      if (outcome.type === 'retry' || head.id === stopAfter) break;
    }
    return outcomes;
  }

  private async attempt(item: OutboxItem, claim: Claim, until: number): Promise<Outcome> {
    const { store, limiter, policy, deliver, log } = this.deps;
    if (claim.tookOver) log.warn({ id: item.id, chatId: item.chatId, attempt: claim.attempt }, 'outbox: taking over an item whose claimant stopped');
    // Limits may hold a step only so long: the lease must not run out under it.
    const latest = Math.min(until, claim.at + policy.lease / 2);
    const controller = new AbortController();
    const abort = setTimeout(() => controller.abort(), Math.max(1, claim.at + policy.lease * 0.9 - this.now()));
    const ctx: DeliveryContext = {
      item,
      progress: item.progress,
      saveProgress: () => store.saveProgress(item.id, ctx.progress),
      gate: async (chatId, weight = 1) => {
        const left = await acquire(limiter, chatId, weight, 'outbox', { maxWait: Math.max(0, latest - this.now()), sleep: this.sleep });
        if (left > 0) throw new DeferredSend(left);
      },
      signal: controller.signal,
    };
    try {
      return await deliver(ctx);
    } catch (error) {
      if (error instanceof DeferredSend) return { type: 'retry', afterMs: error.waitMs, counts: false, error: error.message };
      // The database went away mid-send: not the item's fault, tried again once it is back.
      if (this.quiet(error)) return { type: 'retry', afterMs: 0, counts: false, error: 'database unreachable' };
      // Anything else (the database, a bug in rendering): retried with backoff, then given up.
      return { type: 'retry', afterMs: 0, counts: true, error: String((error as Error)?.stack ?? error) };
    } finally {
      clearTimeout(abort);
    }
  }

  private async settle(item: OutboxItem, claim: Claim, outcome: Outcome): Promise<void> {
    const { store, limiter, policy, log } = this.deps;
    const now = this.now();
    const base = { id: item.id, chatId: item.chatId, kind: item.kind, ref: item.ref, purpose: item.purpose };
    switch (outcome.type) {
      case 'sent':
        await store.finish(item.id, 'sent', { messageIds: outcome.messageIds });
        if (item.chatId > 0 && (await store.clearUnreachable(item.chatId))) await this.deps.onReachable?.(item.chatId);
        return;
      case 'dropped':
        await store.finish(item.id, 'dropped', { error: outcome.reason });
        return;
      case 'failed':
        log.warn({ ...base, error: outcome.error }, 'outbox: not sent, refused for good');
        await store.finish(item.id, 'failed', { error: outcome.error });
        if (outcome.unreachable !== undefined && (await store.markUnreachable(outcome.unreachable, outcome.error))) {
          await this.deps.onUnreachable?.(outcome.unreachable, item);
        }
        return;
      case 'retry': {
        const failures = item.failures + (outcome.counts || claim.tookOver ? 1 : 0);
        if (failures >= policy.maxAttempts) {
          log.error({ ...base, failures, error: outcome.error }, 'outbox: given up after repeated errors');
          await store.finish(item.id, 'failed', { error: outcome.error });
          return;
        }
        const backoff = outcome.counts ? Math.min(policy.retryMax, policy.retryBase * 2 ** Math.max(0, failures - 1)) : 0;
        const afterMs = Math.max(outcome.afterMs, backoff);
        if (outcome.pauseChat !== undefined) limiter.pause(outcome.pauseChat, now + outcome.afterMs);
        if (outcome.counts) log.warn({ ...base, failures, afterMs, error: outcome.error }, 'outbox: send failed, will retry');
        await store.retry(item, { attempt: claim.attempt + 1, dueAt: now + afterMs, failures, error: outcome.error });
        return;
      }
    }
  }
}
