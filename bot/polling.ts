/**
 * Long polling with @grammyjs/runner: updates are fetched continuously and handled
 * concurrently (one at a time per chat and person: bot/middleware/sequential.ts), so one slow
 * or rate-limited chat never holds up the others. A webhook left from webhook mode is removed
 * first (Telegram refuses getUpdates while one is set).
 *
 * Several processes may run in polling mode on one database: the one holding the newest
 * polling lease (src/polling/leases.ts) polls and renews it; the others wait as hot spares and
 * one of them takes over within the takeover time after the poller dies (at once when it
 * stops cleanly). Telegram's 409 Conflict (another getUpdates is running) never ends the
 * process: the lease holder tries again, a process without the lease stands by.
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import { GrammyError, type Api, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { LeaseWatch, holderGoneHere, type PollingLeases } from '../src/polling/leases';
import type { BotContext } from './context';

export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'chat_member', 'my_chat_member'] as const;

export interface Polling {
  mode(): 'polling' | 'standby';
  /** Stops fetching, waits (a bounded time) for the updates being handled, releases the lease. */
  stop(): Promise<void>;
  /** Rejects when polling cannot go on (e.g. 401: the token was revoked). */
  done: Promise<void>;
}

export interface PollingOptions {
  log: Logger;
  /**
   * The Api getUpdates goes through: without the bot's auto-retry, whose backoff grows to an
   * hour and would keep polling away long after Telegram is back; the runner retries instead,
   * every RETRY_MS.
   */
  api: Api;
  leases: PollingLeases;
  /** A spare takes over after the lease has not been renewed for this long. */
  takeoverMs: number;
  /** This instance's name, as in its lease (a dead holder of the same name is replaced at once). */
  instance: string;
  /** How long stop() waits for updates still being handled. */
  drainMs?: number;
  /** After a 409, the lease holder polls again after this long. */
  conflictRetryMs?: number;
}

/** Removes a webhook (and says so) so that getUpdates works. */
export async function removeWebhook(bot: Bot<BotContext>, log: Logger): Promise<void> {
  const info = await bot.api.getWebhookInfo();
  if (!info.url) return;
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  log.info({ webhook: info.url.replace(/\/telegram\/.*$/, '/telegram/…'), pending: info.pending_update_count }, 'webhook removed: back to long polling');
}

/** While Telegram cannot be reached, getUpdates is tried again this often. */
export const RETRY_MS = 2000;

export function startRunner(bot: Bot<BotContext>, api: Api): RunnerHandle {
  const adapter = {
    init: () => bot.init(),
    handleUpdate: (update: Update) => bot.handleUpdate(update),
    errorHandler: (error: Parameters<Bot<BotContext>['errorHandler']>[0]) => bot.errorHandler(error),
    api: {
      // The runner's AbortSignal type (from a shim) differs from Node's; at run time it is Node's.
      getUpdates: (args: { offset: number; limit: number; timeout: number }, signal: Parameters<Api['getUpdates']>[1]) =>
        api.getUpdates({ ...args, allowed_updates: ALLOWED_UPDATES }, signal),
    },
  };
  // silent: the runner would print failed requests (with the token in the URL) to the console;
  // BotApiHealth logs when Telegram goes away and comes back instead.
  return run(adapter, { runner: { silent: true, retryInterval: RETRY_MS, maxRetryTime: Number.MAX_SAFE_INTEGER } });
}

export async function stopRunner(runner: RunnerHandle, drainMs: number): Promise<void> {
  await runner.stop()?.catch(() => undefined);
  const deadline = Date.now() + drainMs;
  while (runner.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

const isConflict = (error: unknown) => error instanceof GrammyError && error.error_code === 409;

export async function startPolling(bot: Bot<BotContext>, options: PollingOptions): Promise<Polling> {
  const { log, leases, takeoverMs } = options;
  const drainMs = options.drainMs ?? 10_000;
  const renewEvery = Math.max(200, Math.floor(takeoverMs / 3));
  const checkEvery = Math.max(200, Math.floor(takeoverMs / 6));
  const watch = new LeaseWatch({ takeoverMs, gone: (holder) => holderGoneHere(holder, options.instance) });
  let state: 'polling' | 'standby' = 'standby';
  let lease: number | undefined;
  let runner: RunnerHandle | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let toldStandby = false;
  let databaseTrouble = false;
  let fail!: (error: unknown) => void;
  const done = new Promise<void>((_resolve, reject) => (fail = reject));
  done.catch(() => undefined); // observed by main.ts; never an unhandled rejection

  const startFetching = () => {
    const current = startRunner(bot, options.api);
    runner = current;
    Promise.resolve(current.task()).then(
      () => undefined,
      (error: unknown) => {
        if (runner !== current || stopped) return;
        runner = undefined;
        if (!isConflict(error)) return fail(error);
        log.warn(
          { lease, retryInSeconds: (options.conflictRetryMs ?? RETRY_MS) / 1000 },
          'Telegram answered 409 Conflict: another process is polling with this bot token (one that stopped a moment ago, ' +
            'or one not using this database); polling again shortly',
        );
        setTimeout(() => {
          if (!stopped && state === 'polling' && !runner) startFetching();
        }, options.conflictRetryMs ?? RETRY_MS);
      },
    );
  };

  const standBy = async (why: string) => {
    state = 'standby';
    toldStandby = false;
    log.warn({ lease }, why);
    lease = undefined;
    const current = runner;
    runner = undefined;
    if (current) await stopRunner(current, drainMs);
  };

  const tick = async () => {
    try {
      if (state === 'standby') {
        const newest = await leases.newest();
        const verdict = watch.judge(newest);
        if (verdict.take) {
          const id = stopped ? null : await leases.take(verdict.after);
          if (id !== null && stopped) await leases.release(id);
          else if (id !== null) {
            lease = id;
            state = 'polling';
            if (newest) log.info({ lease: id, previous: newest.holder, released: newest.released ?? false }, `taking over long polling (lease ${id})`);
            else log.info({ lease: id }, `long polling (lease ${id})`);
            startFetching();
          }
        } else if (!toldStandby) {
          toldStandby = true;
          log.info(
            { lease: verdict.id, holder: verdict.holder, takeoverSeconds: takeoverMs / 1000 },
            `another instance is long polling (lease ${verdict.id}, ${verdict.holder}): standing by as a hot spare, ` +
              `taking over within ${takeoverMs / 1000} s after it stops`,
          );
        }
      } else if ((await leases.renew(lease!)) === 'lost') {
        await standBy('another instance took over long polling: this one stops polling and stands by');
      }
      if (databaseTrouble) log.info('polling lease: the database answers again');
      databaseTrouble = false;
    } catch (error) {
      // The database is away: a poller keeps polling (no spare can take over meanwhile either).
      if (!databaseTrouble) log.warn({ err: error, state }, 'polling lease: the database cannot be reached; trying again');
      databaseTrouble = true;
    } finally {
      if (!stopped) timer = setTimeout(() => void tick(), state === 'polling' ? renewEvery : checkEvery);
    }
  };

  await removeWebhook(bot, log);
  await tick();
  return {
    mode: () => state,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      const current = runner;
      runner = undefined;
      if (current) await stopRunner(current, drainMs);
      if (state === 'polling' && lease !== undefined) await leases.release(lease).catch(() => undefined);
    },
    done,
  };
}
