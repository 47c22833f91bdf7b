/**
 * The outbox as the bot uses it: the store, the shared limiter, the dispatcher with the
 * Telegram sender, and the fetch that counts interactive replies. One per bot instance;
 * main.ts starts and stops its dispatcher (see createBot.ts for the wiring).
 */
import { Api, type ApiClientOptions } from 'grammy';
import { claimOnce } from '../../src/jobs/once';
import type { Job } from '../../src/jobs/scheduler';
import { Dispatcher } from '../../src/outbox/dispatcher';
import { RateLimiter, type Sleep } from '../../src/outbox/limiter';
import { outboxPolicy, type OutboxPolicy } from '../../src/outbox/policy';
import { OutboxStore } from '../../src/outbox/store';
import type { Delivery, DeliveryContext, NewItem, Outcome } from '../../src/outbox/types';
import { localDateKey } from '../../src/time/zoned';
import type { AppServices } from '../context';
import { deliverNotice, type NoticeDeps } from '../delivery';
import { cardLane, deliverCardMoved, deliverCardPost, deliverCardRefresh } from './cards';
import { interactiveFetch, unwrappedFetch, type WrappedFetch } from './interactive';
import { deliverMessage, deliverResidentUpdate } from './messages';

export interface Outbox {
  policy: OutboxPolicy;
  store: OutboxStore;
  limiter: RateLimiter;
  dispatcher: Dispatcher;
  /** For the bot's client options (`client: { fetch }`): interactive replies count first. */
  interactiveFetch: WrappedFetch;
  /**
   * Records a notification and, with `now`, sends its chat's items right away within the
   * limits and `policy.inlineWait`, waiting for them; with `soon` this process sends them in
   * the background; with `background` (or when the item was recorded before) the running
   * dispatcher sends it. 'duplicate': the key was used.
   */
  send(item: NewItem, mode: 'now' | 'soon' | 'background'): Promise<Delivery | 'duplicate'>;
  /** Sends these just-recorded items now, in the background (after the update's own answer). */
  sendSoon(written: { id: string; chatId: number }[]): void;
  /** Resolves when the sends started by this process have ended. */
  settled(): Promise<void>;
  /** Sends whatever is due (tests; shutdown does it in dispatcher.stop). */
  flush(timeout?: number): Promise<number>;
}

export interface OutboxOptions {
  services: AppServices;
  token: string;
  /** The bot's client options (apiRoot...); a wrapped fetch in them is unwrapped for the outbox. */
  client?: ApiClientOptions;
  /** Real time for limits and leases; injected by tests. */
  now?: () => number;
  sleep?: Sleep;
  instance?: string;
  /** The bot's username, for deep links in notices. */
  botUsername?: () => string;
}

const LIVE = ['open', 'claimed', 'on_site', 'reopened', 'resolved'];

export function createOutbox(options: OutboxOptions): Outbox {
  const { services } = options;
  const now = options.now ?? Date.now;
  const policy = outboxPolicy(services.policy);
  const store = new OutboxStore(services.db.Ticket.db, now);
  const limiter = new RateLimiter(policy, now);
  // Our own Api: without auto-retry (the dispatcher retries) and without the interactive count.
  const client = options.client ? { ...options.client, fetch: unwrappedFetch(options.client.fetch) } : undefined;
  const api = new Api(options.token, client);
  const deps: NoticeDeps = { api, services, store, botUsername: options.botUsername ?? (() => '') };

  const deliver = async (ctx: DeliveryContext): Promise<Outcome> => {
    if (ctx.item.kind.startsWith('notice:')) return deliverNotice(ctx, deps);
    // Kinds below were recorded by the previous version's Notifier; `message` still is (handover, keyed background messages).
    switch (ctx.item.kind) {
      case 'message':
        return deliverMessage(ctx, deps);
      case 'resident':
        return deliverResidentUpdate(ctx, deps);
      case 'card.post':
        return deliverCardPost(ctx, deps);
      case 'card.refresh':
        return deliverCardRefresh(ctx, deps);
      case 'card.moved':
        return deliverCardMoved(ctx, deps);
      default:
        return { type: 'failed', error: `unknown outbox item kind ${ctx.item.kind}` };
    }
  };

  /** Staff see on the cards whether the resident can be reached. */
  const refreshCardsOf = async (residentId: number, alsoRef?: string) => {
    const tickets = (await services.tickets.listForResident(residentId, 10)).filter((t) => LIVE.includes(t.status) || t.ref === alsoRef);
    for (const ticket of tickets) {
      await outbox.send({ kind: 'card.refresh', chatId: cardLane(ticket, services.policy), ref: ticket.ref, purpose: 'reachability' }, dispatcher.running ? 'background' : 'now');
    }
  };

  const dispatcher = new Dispatcher({
    store,
    limiter,
    policy,
    deliver,
    log: services.log,
    now,
    sleep: options.sleep,
    instance: options.instance,
    onUnreachable: async (chatId, item) => {
      services.log.warn({ chatId, ref: item.ref, purpose: item.purpose }, 'resident unreachable (blocked the bot): not retried');
      await refreshCardsOf(chatId, item.ref);
    },
    onReachable: (chatId) => refreshCardsOf(chatId),
    database: services.databaseHealth,
  });

  const outbox: Outbox = {
    policy,
    store,
    limiter,
    dispatcher,
    interactiveFetch: interactiveFetch(limiter, {
      now,
      delivered: async (chatId) => {
        if (await store.clearUnreachable(chatId)) await refreshCardsOf(chatId);
      },
    }),
    async send(item, mode) {
      const id = await store.add(item);
      if (!id) return 'duplicate';
      if (mode === 'soon') {
        dispatcher.sendSoon([{ id, chatId: item.chatId }]);
        return 'pending';
      }
      if (mode === 'background') {
        dispatcher.flushSoon();
        return 'pending';
      }
      return dispatcher.deliverNow(id, item.chatId);
    },
    sendSoon: (written) => dispatcher.sendSoon(written),
    settled: () => dispatcher.settled(),
    flush: (timeout) => dispatcher.flush(timeout),
  };
  return outbox;
}

/** Daily: finished outbox items older than `keepSent` are deleted (no TTL indexes on FerretDB). */
export function createOutboxJobs(outbox: Outbox, services: AppServices): Job[] {
  return [
    {
      name: 'outbox-cleanup',
      run: async () => {
        const now = services.clock.now();
        if (!(await claimOnce(services.db, `outbox-cleanup:${localDateKey(now, services.policy.timezone)}`, now))) return 'already_done';
        return outbox.store.cleanup(new Date(Date.now() - outbox.policy.keepSent));
      },
    },
  ];
}
