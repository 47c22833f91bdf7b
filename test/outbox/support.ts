/**
 * For the outbox tests: a harness with fast test limits, and more bot instances on the same
 * database and fake Bot API (each with its own connection, limiter and dispatcher), as
 * several processes behind a load balancer would be.
 */
import pino from 'pino';
import { createServices } from '../../bot/services';
import { Notifier } from '../../bot/notify';
import { createOutbox, type Outbox } from '../../bot/outbox';
import type { AppServices } from '../../bot/context';
import type { OfficePolicy } from '../../src/config/office';
import { attachDatabase, type Database } from '../../src/db/connection';
import type { OutboxPolicy } from '../../src/outbox/policy';
import { testPolicy, TOKEN, type Harness } from '../support/harness';
import type { RecordedCall } from '../support/fakeTelegram';

/** Short retries and polls; limits high enough not to matter unless a test sets them; a lease a slow machine cannot outrun. */
export const FAST: Partial<OutboxPolicy> = {
  lease: 10_000,
  retryBase: 50,
  retryMax: 400,
  pollInterval: 50,
  inlineWait: 2000,
  flushTimeout: 5000,
  globalPerSecond: 10_000,
  perChatPerSecond: 1000,
  perChatBurst: 1000,
  perGroupPerMinute: 100_000,
};

export function outboxTestPolicy(outbox: Partial<OutboxPolicy> = {}): OfficePolicy {
  return { ...testPolicy(), outbox: { ...FAST, ...outbox } } as OfficePolicy;
}

export interface Instance {
  database: Database;
  services: AppServices;
  outbox: Outbox;
  notifier: Notifier;
  close(): Promise<void>;
}

/** Another bot process: new connection, services, outbox; `now` shifts its clock (a lease seen later). */
export async function newInstance(h: Harness, name: string, options: { now?: () => number; policy?: OfficePolicy } = {}): Promise<Instance> {
  const database = await attachDatabase(await h.db.connect());
  const services = createServices({
    database,
    policy: options.policy ?? h.policy,
    clock: h.clock,
    texts: h.services.texts,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    probe: { isMember: async () => true },
  });
  const outbox = createOutbox({ services, token: TOKEN, client: { apiRoot: h.fake.apiRoot }, instance: name, now: options.now });
  const notifier = new Notifier(outbox);
  return {
    database,
    services,
    outbox,
    notifier,
    close: async () => {
      await outbox.dispatcher.stop(0);
      await database.close();
    },
  };
}

/** Successful sendMessage calls to a chat, as texts, in the order Telegram accepted them. */
export function sentTexts(h: Harness, chatId: number): string[] {
  return h.fake.callsOf('sendMessage').filter((c) => !c.error && Number(c.params.chat_id) === chatId).map((c) => String(c.params.text));
}

export function failedCalls(h: Harness, method = 'sendMessage'): RecordedCall[] {
  return h.fake.callsOf(method).filter((c) => c.error);
}

/** A plain background message, as surveys and reminders are enqueued. */
export function message(chatId: number, text: string, key?: string) {
  return { kind: 'message', chatId, purpose: 'test', payload: { text }, ...(key ? { key } : {}) };
}
