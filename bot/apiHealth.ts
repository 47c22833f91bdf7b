/**
 * Whether the Telegram Bot API answers, for /readyz and the log: every call the bot makes
 * through bot.api (getUpdates every 30 s while polling, every reply) is evidence — each
 * attempt, as the transformer sits under auto-retry (see createBot's apiTransformers).
 * Telegram answering at all — even "400 message not found" — counts as up; a network failure
 * or a 5xx as down. With no recent evidence (webhook mode, a quiet night) /readyz asks
 * getMe itself. The log gets one line when the API goes away and one when it is back.
 */
import { HttpError, type Transformer } from 'grammy';
import type { Logger } from 'pino';
import { networkReason } from './startup';

export type ApiState = 'up' | 'down' | 'unknown';

export interface ApiHealthOptions {
  log: Logger;
  apiRoot: string;
  /** One getMe (or similar) that rejects when Telegram cannot be reached; given a timeout signal. */
  probe: (signal: AbortSignal) => Promise<unknown>;
  /** Evidence older than this is not trusted; /readyz then probes. */
  freshMs?: number;
  /** A probe gives up after this long. */
  probeTimeoutMs?: number;
  now?: () => number;
}

export class BotApiHealth {
  private state: ApiState = 'unknown';
  private at = 0;
  private downSince = 0;
  private lastReason = '';
  private probing: Promise<ApiState> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ApiHealthOptions) {
    this.now = options.now ?? Date.now;
  }

  /** For the bot's Api: records the outcome of every attempt. */
  readonly transformer: Transformer = async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (result.ok || result.error_code < 500) this.record(true);
      else this.record(false, `${result.error_code} ${result.description}`, method);
      return result;
    } catch (error) {
      if (!signal?.aborted) this.record(false, error instanceof HttpError ? networkReason(error) : String((error as Error)?.message ?? error), method);
      throw error;
    }
  };

  record(ok: boolean, reason = '', method = ''): void {
    const now = this.now();
    const was = this.state;
    this.state = ok ? 'up' : 'down';
    this.at = now;
    const { log, apiRoot } = this.options;
    if (!ok && was !== 'down') {
      this.downSince = now;
      this.lastReason = reason;
      log.warn({ apiRoot, method, reason }, `Telegram Bot API at ${apiRoot} cannot be reached (${reason}); the bot keeps trying`);
    } else if (ok && was === 'down') {
      log.info({ apiRoot, downSeconds: Math.round((now - this.downSince) / 1000), reason: this.lastReason }, `Telegram Bot API at ${apiRoot} reachable again`);
    }
  }

  /** The current state: recent evidence, else one probe (shared by concurrent callers). */
  async check(): Promise<ApiState> {
    if (this.state !== 'unknown' && this.now() - this.at < (this.options.freshMs ?? 60_000)) return this.state;
    this.probing ??= this.options
      .probe(AbortSignal.timeout(this.options.probeTimeoutMs ?? 5000))
      .then(
        (): ApiState => (this.record(true), 'up'),
        (error: unknown): ApiState => {
          // A Telegram error answer (GrammyError) still means Telegram answered.
          if ((error as { error_code?: number })?.error_code !== undefined && (error as { error_code: number }).error_code < 500) return (this.record(true), 'up');
          this.record(false, error instanceof HttpError ? networkReason(error) : 'no answer (timed out)', 'getMe');
          return 'down';
        },
      )
      .finally(() => (this.probing = undefined));
    return this.probing;
  }
}
