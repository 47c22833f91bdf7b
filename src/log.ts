/**
 * The process's logger (pino, JSON lines). Secrets never reach the output, whatever shape
 * the logged object has: every finished line passes through `redactSecrets` before it is
 * written — error messages and stacks, nested errors (grammY's HttpError keeps the failed
 * request, whose URL is `…/bot<token>/method`), URLs and plain fields alike.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

/** A Telegram bot token: the bot's id, a colon, a long secret (also with the colon URL-encoded). */
const TOKEN = /\d+(?::|%3A)[A-Za-z0-9_-]{30,}/gi;
/** The password part of a MongoDB connection string. */
const URI_PASSWORD = /(mongodb(?:\+srv)?:\/\/[^:/@\s"]+:)[^@\s"]+@/gi;
export const REDACTED = '<redacted>';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every bot token (by its shape, and each of `secrets` exactly, also URL-encoded) and
 * MongoDB passwords with <redacted>. For text written outside the logger (fatal messages).
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(TOKEN, REDACTED).replace(URI_PASSWORD, `$1${REDACTED}@`);
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) {
      out = out.replace(new RegExp(escapeRegExp(form), 'g'), REDACTED);
    }
  }
  return out;
}

/**
 * A command as it may be logged: `/open@helpdesk_bot whatever they typed` → `/open`. A user's
 * words are not logged at info level (they may hold names, phones, complaints).
 */
export function commandOnly(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  const command = /^\/[A-Za-z0-9_]{1,64}/.exec(text.trim());
  return command ? command[0] : '(not a command)';
}

const isErrorLike = (v: unknown): v is Error => v instanceof Error || (typeof v === 'object' && v !== null && 'message' in v && 'stack' in v);

export interface LoggerOptions {
  level: string;
  /** Exact strings never to print (BOT_TOKEN, WEBHOOK_SECRET, …). */
  secrets?: readonly (string | undefined)[];
  /** Where lines go; stdout by default. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = [...(options.secrets ?? [])];
  return pino(
    {
      level: options.level,
      serializers: {
        // Nested errors (HttpError.error, cause) are serialized with their messages and stacks…
        err: pino.stdSerializers.errWithCause,
        error: (v: unknown) => (isErrorLike(v) ? pino.stdSerializers.errWithCause(v) : v),
        command: commandOnly,
      },
      // …and every line, whatever it holds, is cleaned just before it is written.
      hooks: { streamWrite: (line: string) => redactSecrets(line, secrets) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

export type { Logger };
