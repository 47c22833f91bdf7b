/**
 * Long polling with @grammyjs/runner: updates are fetched continuously and handled
 * concurrently (one at a time per chat and person: bot/middleware/sequential.ts), so one slow
 * or rate-limited chat never holds up the others. A webhook left from webhook mode is removed
 * first (Telegram refuses getUpdates while one is set).
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Api, Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { BotContext } from './context';

export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'chat_member', 'my_chat_member'] as const;

export interface Polling {
  mode(): 'polling' | 'standby';
  /** Stops fetching and waits (a bounded time) for the updates being handled. */
  stop(): Promise<void>;
  /** Rejects when polling ends on its own (e.g. 401, or 409: another poller or a webhook). */
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
  /** How long stop() waits for updates still being handled. */
  drainMs?: number;
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

export async function startPolling(bot: Bot<BotContext>, options: PollingOptions): Promise<Polling> {
  await removeWebhook(bot, options.log);
  const runner = startRunner(bot, options.api);
  const done = Promise.resolve(runner.task());
  return {
    mode: () => 'polling',
    stop: () => stopRunner(runner, options.drainMs ?? 10_000),
    done,
  };
}
