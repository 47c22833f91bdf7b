import { z } from 'zod';
import { parseDuration } from '../time/duration';
import { isValidTimeZone } from '../time/zoned';
import { ConfigError, zodProblems } from './errors';

/** Settings read from environment variables (usually a .env file). */
export interface Env {
  botToken?: string;
  mongodbUri?: string;
  staffChatId?: number;
  telegramApiRoot?: string;
  officeConfigPath?: string;
  /** IANA zone of the office; defaults to 'Asia/Shanghai' regardless of the server's zone. */
  officeTimezone: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Port of the HTTP health endpoint; unset means no endpoint. */
  port?: number;
  /** Where the embedded database keeps its files when MONGODB_URI is unset. */
  dataDir?: string;
  /** Webhook mode: the public HTTPS address Telegram posts updates to (a path is added). */
  webhookUrl?: string;
  /** Webhook mode: Telegram sends it in X-Telegram-Bot-Api-Secret-Token; other posts are refused. */
  webhookSecret?: string;
  /** Long polling: a hot spare takes over after the poller's lease went unrenewed this long (ms). */
  pollingTakeover: number;
  /** This instance's name in the polling lease (default: the host name). */
  instanceName?: string;
  /** How long an operation waits for an unreachable database before its update is answered "briefly unavailable" (ms). */
  databaseTimeout: number;
  /** Port of the web dashboard (may equal PORT); unset means no dashboard. */
  dashboardPort?: number;
  /** The dashboard's public address, which sign-in links point to (no trailing slash). */
  publicUrl?: string;
  /** Signs dashboard links and cookies; unset: derived from the bot token. */
  dashboardSecret?: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

const EXAMPLES: Record<string, string> = {
  BOT_TOKEN: 'BOT_TOKEN=123456789:AAHfYbGq2x0example-token_from-BotFather',
  MONGODB_URI: 'MONGODB_URI=mongodb://localhost:27017/helpdesk',
  STAFF_CHAT_ID: 'STAFF_CHAT_ID=-1001234567890',
  TELEGRAM_API_ROOT: 'TELEGRAM_API_ROOT=http://localhost:8081',
  OFFICE_CONFIG: 'OFFICE_CONFIG=config/office.yaml',
  OFFICE_TIMEZONE: 'OFFICE_TIMEZONE=Asia/Shanghai',
  LOG_LEVEL: 'LOG_LEVEL=info',
  PORT: 'PORT=8080',
  DATA_DIR: 'DATA_DIR=./data',
  WEBHOOK_URL: 'WEBHOOK_URL=https://helpdesk.example.com',
  WEBHOOK_SECRET: 'WEBHOOK_SECRET=<the output of: openssl rand -hex 32>',
  POLLING_TAKEOVER: 'POLLING_TAKEOVER=30s',
  INSTANCE_NAME: 'INSTANCE_NAME=helpdesk-1',
  DATABASE_TIMEOUT: 'DATABASE_TIMEOUT=1s',
  DASHBOARD_PORT: 'DASHBOARD_PORT=8081',
  PUBLIC_URL: 'PUBLIC_URL=https://helpdesk.example.com',
  DASHBOARD_SECRET: 'DASHBOARD_SECRET=<the output of: openssl rand -hex 32>',
};

// .env files often carry `KEY=` lines and stray spaces; both mean "not set" / the same value.
const blankToUndefined = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  return t === '' ? undefined : t;
};
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const integer = (what: string) =>
  z.string().transform((s, ctx) => {
    const n = Number(s);
    if (!/^[+-]?\d+$/.test(s) || !Number.isSafeInteger(n)) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not ${what}` });
      return z.NEVER;
    }
    return n;
  });

// Secrets (token, database password) are never echoed back in messages.
const schema = z.object({
  BOT_TOKEN: optional(
    z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, {
      message: 'does not look like a bot token; it must be <digits>:<secret> exactly as @BotFather gave it',
    }),
  ),
  MONGODB_URI: optional(
    z.string().regex(/^mongodb(\+srv)?:\/\/\S+$/, {
      message: 'must be a MongoDB connection string starting with mongodb:// or mongodb+srv://',
    }),
  ),
  STAFF_CHAT_ID: optional(
    integer('an integer chat id (group ids are negative; forward a group message to @userinfobot to find it)'),
  ),
  TELEGRAM_API_ROOT: optional(
    z.string().refine((s) => /^https?:\/\/[^\s/]+/.test(s) && URL.canParse(s), {
      message: 'must be an http:// or https:// URL of a Telegram Bot API server',
    }),
  ),
  OFFICE_CONFIG: optional(z.string()),
  DATA_DIR: optional(z.string()),
  OFFICE_TIMEZONE: optional(
    z.string().refine(isValidTimeZone, {
      message: 'is not a known IANA time zone name (Region/City, case sensitive)',
    }),
  ),
  LOG_LEVEL: optional(
    z.preprocess(
      (v) => (typeof v === 'string' ? v.toLowerCase() : v),
      z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }),
    ),
  ),
  PORT: optional(
    integer('a port number').refine((n) => n >= 1 && n <= 65535, { message: 'must be between 1 and 65535' }),
  ),
  WEBHOOK_URL: optional(
    z.string().refine((s) => URL.canParse(s) && new URL(s).protocol === 'https:' && !new URL(s).search && !new URL(s).hash, {
      message: 'must be the public https:// address of this bot (Telegram only posts to HTTPS), without ?query or #fragment',
    }),
  ),
  POLLING_TAKEOVER: optional(
    z.string().transform((s, ctx) => {
      try {
        const ms = parseDuration(s);
        if (ms < 2000) throw new Error('must be at least 2s (the poller renews its lease three times within it)');
        return ms;
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
  ),
  DATABASE_TIMEOUT: optional(
    z.string().transform((s, ctx) => {
      try {
        const ms = parseDuration(s);
        if (ms < 100 || ms > 30_000) throw new Error('must be between 100ms and 30s (a resident waits this long before hearing of an outage)');
        return ms;
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
  ),
  DASHBOARD_PORT: optional(
    integer('a port number').refine((n) => n >= 1 && n <= 65535, { message: 'must be between 1 and 65535' }),
  ),
  PUBLIC_URL: optional(
    z.string().refine((s) => URL.canParse(s) && ['http:', 'https:'].includes(new URL(s).protocol) && !new URL(s).search && !new URL(s).hash, {
      message: 'must be the address people open the dashboard at, http:// or https:// (https when reached over the internet), without ?query or #fragment',
    }),
  ),
  DASHBOARD_SECRET: optional(z.string().min(16, { message: 'must be at least 16 characters (make one with: openssl rand -hex 32)' })),
  INSTANCE_NAME: optional(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be 1 to 64 characters of A-Z, a-z, 0-9, _ . -' })),
  WEBHOOK_SECRET: optional(
    z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, {
      message: 'must be 16 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram\'s rule; long, so it cannot be guessed)',
    }),
  ),
});

/**
 * Reads and validates the environment. Empty strings count as unset.
 * @throws ConfigError('environment', …) listing every bad variable with an example.
 */
export function loadEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) throw new ConfigError('environment', zodProblems(result.error, EXAMPLES));
  const v = result.data;
  const webhookProblems: string[] = [];
  if (v.WEBHOOK_URL !== undefined && v.WEBHOOK_SECRET === undefined) {
    webhookProblems.push(`WEBHOOK_SECRET: not set, but WEBHOOK_URL is: webhook mode needs a secret so that only Telegram can post updates (example: ${EXAMPLES.WEBHOOK_SECRET})`);
  }
  if (v.WEBHOOK_URL !== undefined && v.PORT === undefined) {
    webhookProblems.push(`PORT: not set, but WEBHOOK_URL is: the bot must listen for Telegram's posts on a port behind your HTTPS proxy (example: ${EXAMPLES.PORT})`);
  }
  if (v.DASHBOARD_PORT !== undefined && v.PUBLIC_URL === undefined) {
    webhookProblems.push(`PUBLIC_URL: not set, but DASHBOARD_PORT is: sign-in links need the address people open the dashboard at (example: ${EXAMPLES.PUBLIC_URL})`);
  }
  if (webhookProblems.length > 0) throw new ConfigError('environment', webhookProblems);
  const env: Env = {
    officeTimezone: v.OFFICE_TIMEZONE ?? 'Asia/Shanghai',
    logLevel: v.LOG_LEVEL ?? 'info',
    pollingTakeover: v.POLLING_TAKEOVER ?? 30_000,
    databaseTimeout: v.DATABASE_TIMEOUT ?? 1000,
  };
  if (v.BOT_TOKEN !== undefined) env.botToken = v.BOT_TOKEN;
  if (v.MONGODB_URI !== undefined) env.mongodbUri = v.MONGODB_URI;
  if (v.STAFF_CHAT_ID !== undefined) env.staffChatId = v.STAFF_CHAT_ID;
  if (v.TELEGRAM_API_ROOT !== undefined) env.telegramApiRoot = v.TELEGRAM_API_ROOT;
  if (v.OFFICE_CONFIG !== undefined) env.officeConfigPath = v.OFFICE_CONFIG;
  if (v.PORT !== undefined) env.port = v.PORT;
  if (v.DATA_DIR !== undefined) env.dataDir = v.DATA_DIR;
  if (v.WEBHOOK_URL !== undefined) env.webhookUrl = v.WEBHOOK_URL.replace(/\/+$/, '');
  if (v.WEBHOOK_SECRET !== undefined) env.webhookSecret = v.WEBHOOK_SECRET;
  if (v.INSTANCE_NAME !== undefined) env.instanceName = v.INSTANCE_NAME;
  if (v.DASHBOARD_PORT !== undefined) env.dashboardPort = v.DASHBOARD_PORT;
  if (v.PUBLIC_URL !== undefined) env.publicUrl = v.PUBLIC_URL.replace(/\/+$/, '');
  if (v.DASHBOARD_SECRET !== undefined) env.dashboardSecret = v.DASHBOARD_SECRET;
  return env;
}

/**
 * The bot token, for the commands that talk to Telegram.
 * @throws ConfigError explaining how to get a token from @BotFather and where to put it.
 */
export function requireBotToken(env: Env): string {
  if (env.botToken) return env.botToken;
  throw new ConfigError('environment', [
    'BOT_TOKEN: not set. In Telegram, open @BotFather, send /newbot and follow the steps; ' +
      `it replies with a token. Put it in the .env file next to package.json (example: ${EXAMPLES.BOT_TOKEN})`,
  ]);
}
