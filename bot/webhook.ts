/**
 * Webhook mode: Telegram posts each update to WEBHOOK_URL + a path with a hard-to-guess part,
 * and sends WEBHOOK_SECRET in X-Telegram-Bot-Api-Secret-Token. Posts without it (401) or with
 * a wrong one (403) are refused before their body is read; bodies over the limit are refused
 * (413); Telegram is answered within `answerWithinMs` even when handling takes longer (the
 * update is then finished in the background; a redelivery is recognised by its update id).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from 'pino';
import type { Route } from '../src/http/app';
import type { BotContext } from './context';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Updates are a few KB; the largest (a long text with entities, a poll) stay far below this. */
export const DEFAULT_BODY_LIMIT = '256kb';

/**
 * The webhook's path: derived from the secret, so every instance behind a load balancer
 * computes the same one, and knowing the host does not reveal it.
 */
export function webhookPath(secret: string): string {
  return `/telegram/${createHash('sha256').update(`helpdesk-webhook-path:${secret}`).digest('hex').slice(0, 32)}`;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** 401 without the header, 403 with a wrong one (compared in constant time). */
export function secretCheck(secret: string, log?: Logger): RequestHandler {
  const expected = digest(secret);
  return (req, res, next) => {
    const given = req.header(SECRET_HEADER);
    if (given === undefined) {
      log?.warn({ ip: req.ip }, 'webhook: a post without the secret token header was refused');
      res.status(401).json({ ok: false, error: 'secret token missing' });
      return;
    }
    if (!timingSafeEqual(digest(given), expected)) {
      log?.warn({ ip: req.ip }, 'webhook: a post with a wrong secret token was refused');
      res.status(403).json({ ok: false, error: 'secret token wrong' });
      return;
    }
    next();
  };
}

const isUpdate = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && Number.isSafeInteger((body as { update_id?: unknown }).update_id);

export interface WebhookOptions {
  secret: string;
  log?: Logger;
  bodyLimit?: string | number;
  /** Telegram gets its answer after at most this long; handling goes on (default 1 s). */
  answerWithinMs?: number;
}

export function webhookRoute(bot: Bot<BotContext>, options: WebhookOptions): Route {
  const { secret, log } = options;
  const callback = webhookCallback(bot, 'express', {
    secretToken: secret,
    onTimeout: 'return',
    timeoutMilliseconds: options.answerWithinMs ?? 1000,
  });
  const validate: RequestHandler = (req, res, next) => {
    if (isUpdate(req.body)) return next();
    res.status(400).json({ ok: false, error: 'not a Telegram update' });
  };
  return {
    path: webhookPath(secret),
    handlers: [secretCheck(secret, log), express.json({ limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, type: () => true }), validate, callback as RequestHandler],
  };
}

/** Shown in logs instead of the path (which is as good as a password). */
export function webhookDisplay(url: string): string {
  return `${url}/telegram/…`;
}
