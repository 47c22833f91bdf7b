/**
 * Interactive replies (ctx.reply, answers inside scenes) are sent directly, never queued
 * behind a batch of surveys, but they count against the same limits — first. This is a
 * `fetch` for grammY's client options: conversations build their own Api from the bot's
 * client options, so a fetch reaches their calls where an `api.config.use()` transformer
 * does not (../../../shared/FACTS.md). The outbox's own Api uses the unwrapped fetch.
 *
 * It also sends a request again, once, when the kept-alive connection it went out on was
 * reset before any answer: the server closed the idle connection as it was reused, so the
 * request was almost certainly not read. Without this a scene's question or a report's
 * confirmation was lost to the race (no retry plugin reaches inside scenes); the rare cost is
 * a message shown twice.
 */
import { acquire, type RateLimiter } from '../../src/outbox/limiter';

/** grammY's own fetch on Node (node-fetch, which grammY depends on); it accepts grammY's agent and abort signal. */
const grammyFetch = require('node-fetch') as typeof fetch;

/** Methods that put a message in a chat (and so count against Telegram's limits). */
const COUNTED = /^(send(?!ChatAction)[A-Z]\w*|copyMessages?|forwardMessages?|editMessage[A-Z]\w*)$/;
const DELIVERS = /^(send[A-Z]\w*|copyMessages?|forwardMessages?)$/;
/** The longest an interactive reply waits for a free slot; past it, it goes anyway. */
const MAX_INTERACTIVE_WAIT = 2000;

export type WrappedFetch = typeof fetch & { unwrapped: typeof fetch };

/** The connection was reset before an answer (node-fetch's FetchError carries the socket's code). */
function connectionReset(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}

/** `base`, and once more if the connection was reset, when the body can be sent again (JSON: a string). */
function sendingAgainOnReset(base: typeof fetch): typeof fetch {
  return async (url, init) => {
    try {
      return await base(url, init);
    } catch (error) {
      const resendable = init?.body === undefined || typeof init.body === 'string';
      if (!resendable || !connectionReset(error) || init?.signal?.aborted) throw error;
      return base(url, init);
    }
  };
}

export interface InteractiveHooks {
  /** A message reached this person: if they were marked unreachable, they are not any more. */
  delivered?(chatId: number): Promise<void>;
  now?: () => number;
}

function callOf(url: unknown, body: unknown): { method: string; chatId?: number; weight: number } {
  const method = /\/([A-Za-z]+)$/.exec(String(url))?.[1] ?? '';
  if (!COUNTED.test(method) || typeof body !== 'string') return { method, weight: 1 };
  try {
    const params = JSON.parse(body) as { chat_id?: unknown; media?: unknown[] };
    const chatId = Number(params.chat_id);
    const weight = method === 'sendMediaGroup' && Array.isArray(params.media) ? params.media.length : 1;
    return { method, chatId: Number.isFinite(chatId) ? chatId : undefined, weight };
  } catch {
    return { method, weight: 1 };
  }
}

/** The fetch to put in the bot's client options; `base` is the fetch it sends with. */
export function interactiveFetch(limiter: RateLimiter, hooks: InteractiveHooks = {}, base: typeof fetch = grammyFetch): WrappedFetch {
  const now = hooks.now ?? Date.now;
  const send = sendingAgainOnReset(base);
  const wrapped = (async (url: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const call = callOf(url, init?.body);
    if (call.chatId === undefined) return send(url, init);
    const left = await acquire(limiter, call.chatId, call.weight, 'interactive', { maxWait: MAX_INTERACTIVE_WAIT });
    if (left > 0) limiter.take(call.chatId, call.weight, 'interactive');
    const response = await send(url, init);
    if (response.status === 429) {
      // Telegram's own word on this chat: the outbox waits it out too.
      const answer = (await response.clone().json().catch(() => ({}))) as { parameters?: { retry_after?: number } };
      limiter.pause(call.chatId, now() + (answer.parameters?.retry_after ?? 1) * 1000);
    } else if (response.ok && call.chatId > 0 && DELIVERS.test(call.method)) {
      await hooks.delivered?.(call.chatId).catch(() => undefined);
    }
    return response;
  }) as WrappedFetch;
  wrapped.unwrapped = base;
  return wrapped;
}

/** The plain fetch under a wrapped one (the outbox's sends are counted by the dispatcher instead). */
export function unwrappedFetch(fetchFn: typeof fetch | undefined): typeof fetch | undefined {
  return (fetchFn as Partial<WrappedFetch> | undefined)?.unwrapped ?? fetchFn;
}
