/**
 * The HTTP side: /healthz (is the process alive and its database answering), /readyz (may
 * it take traffic: the database and the Telegram Bot API reported separately) and, in
 * webhook mode, Telegram's updates. Telegram-specific handlers are passed in, so this file
 * knows nothing of grammY. No error answer carries a stack trace.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Server } from 'node:http';

export interface HealthReport {
  ok: boolean;
  database: 'up' | 'down';
  uptimeSeconds: number;
}

export interface ReadyReport {
  ok: boolean;
  database: 'up' | 'down';
  telegram: 'up' | 'down' | 'unknown';
  /** How this instance gets its updates: polling, webhook, or standby (a hot spare waiting to poll). */
  mode: string;
  uptimeSeconds: number;
}

export interface Route {
  path: string;
  /** Run in order; each route parses its own body (a webhook checks its secret first). */
  handlers: RequestHandler[];
}

export interface HttpOptions {
  health: () => Promise<HealthReport>;
  ready?: () => Promise<ReadyReport>;
  /** POST routes, e.g. the webhook. */
  routes?: Route[];
}

const uptime = () => Math.round(process.uptime());

export function createHttpApp(options: HttpOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    const report = await options.health().catch((): HealthReport => ({ ok: false, database: 'down', uptimeSeconds: uptime() }));
    res.status(report.ok ? 200 : 503).json(report);
  });
  const ready = options.ready;
  if (ready) {
    app.get('/readyz', async (_req, res) => {
      const report = await ready().catch((): ReadyReport => ({ ok: false, database: 'down', telegram: 'unknown', mode: 'unknown', uptimeSeconds: uptime() }));
      res.status(report.ok ? 200 : 503).json(report);
    });
  }
  for (const route of options.routes ?? []) app.post(route.path, ...route.handlers);
  // Body too large, bad JSON, …: the status and a short reason, never a stack.
  const errors: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = Number(error?.status ?? error?.statusCode) || 500;
    const reason = status === 413 ? 'request body too large' : status < 500 ? (error?.type ?? 'bad request') : 'internal error';
    if (!res.headersSent) res.status(status).json({ ok: false, error: reason });
  };
  app.use(errors);
  return app;
}

export function listen(app: express.Express, port: number, host = '0.0.0.0'): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
