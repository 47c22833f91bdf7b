/**
 * A fake Bot API for the benchmark that enforces Telegram's limits the way Telegram
 * answers them: a message that would make more than 30 in any second overall, more than
 * 20 in any minute to one group, or more than 4 in any second to one chat is refused with
 * 429 and a retry_after. It counts what it accepted and refused. Listens on 127.0.0.1 only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TelegramLimits {
  perSecond: number;
  perGroupPerMinute: number;
  perChatPerSecond: number;
}

export const TELEGRAM_LIMITS: TelegramLimits = { perSecond: 30, perGroupPerMinute: 20, perChatPerSecond: 4 };

export interface Accepted {
  chatId: number;
  text: string;
  at: number;
  messageId: number;
}

export interface LimitedTelegram {
  apiRoot: string;
  accepted: Accepted[];
  refused: { chatId: number; reason: string; at: number }[];
  close(): Promise<void>;
}

/** Times of accepted messages in [now - window, now], oldest first; the window slides. */
function countSince(times: number[], since: number): { count: number; oldest?: number } {
  let i = times.length;
  while (i > 0 && times[i - 1] > since) i--;
  return { count: times.length - i, oldest: times[i] };
}

/** `now` is the fake's clock (tests hold it still: "within a second" must not depend on the machine's speed). */
export async function startLimitedTelegram(limits: TelegramLimits = TELEGRAM_LIMITS, now: () => number = Date.now): Promise<LimitedTelegram> {
  const accepted: Accepted[] = [];
  const refused: LimitedTelegram['refused'] = [];
  const all: number[] = [];
  const byChat = new Map<number, number[]>();
  let messageId = 0;

  /** The 429 to give, or undefined when the message may be accepted now. */
  function check(chatId: number, now: number): { reason: string; retryAfter: number } | undefined {
    const windows: [string, number[], number, number][] = [
      ['overall per second', all, 1000, limits.perSecond],
      ['per chat per second', byChat.get(chatId) ?? [], 1000, limits.perChatPerSecond],
    ];
    if (chatId < 0) windows.push(['per group per minute', byChat.get(chatId) ?? [], 60_000, limits.perGroupPerMinute]);
    for (const [reason, times, length, limit] of windows) {
      const { count, oldest } = countSince(times, now - length);
      if (count >= limit) return { reason, retryAfter: Math.max(1, Math.ceil((oldest! + length - now) / 1000)) };
    }
    return undefined;
  }

  function answer(method: string, params: Record<string, any>): object {
    if (method === 'getMe') return { ok: true, result: { id: 1, is_bot: true, first_name: 'Bench', username: 'bench_bot' } };
    if (method !== 'sendMessage' && method !== 'editMessageText') return { ok: true, result: true };
    const chatId = Number(params.chat_id);
    const at = now();
    const refusal = check(chatId, at);
    if (refusal) {
      refused.push({ chatId, reason: refusal.reason, at });
      return { ok: false, error_code: 429, description: `Too Many Requests: retry after ${refusal.retryAfter}`, parameters: { retry_after: refusal.retryAfter } };
    }
    all.push(at);
    if (!byChat.has(chatId)) byChat.set(chatId, []);
    byChat.get(chatId)!.push(at);
    const id = method === 'editMessageText' ? Number(params.message_id) : ++messageId;
    accepted.push({ chatId, text: String(params.text ?? ''), at, messageId: id });
    const chat = chatId < 0 ? { id: chatId, type: 'supergroup', title: 'Group' } : { id: chatId, type: 'private', first_name: 'Resident' };
    return { ok: true, result: { message_id: id, date: Math.floor(at / 1000), chat, text: params.text } };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = /\/bot[^/]+\/([A-Za-z]+)$/.exec(req.url ?? '')?.[1] ?? '';
      let params: Record<string, any> = {};
      try {
        params = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        params = {};
      }
      const reply = answer(method, params) as { ok: boolean; error_code?: number };
      res.writeHead(reply.ok ? 200 : reply.error_code!, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    accepted,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The most accepted messages in any window of `length` ms (per chat when `chatId` is given). */
export function busiestWindow(accepted: Pick<Accepted, 'chatId' | 'at'>[], length: number, chatId?: number): number {
  const times = accepted.filter((a) => chatId === undefined || a.chatId === chatId).map((a) => a.at);
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= length) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
