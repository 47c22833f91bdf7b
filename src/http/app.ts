/**
 * The HTTP side: a health endpoint for the process supervisor (and later the webhook and the
 * dashboard). Telegram-specific handlers are passed in, so this file knows nothing of grammY.
 */
import express, { type RequestHandler } from 'express';
import type { Server } from 'node:http';

export interface HealthReport {
  ok: boolean;
  database: 'up' | 'down';
  uptimeSeconds: number;
}

export interface HttpOptions {
  health: () => Promise<HealthReport>;
  /** Extra routes, e.g. a webhook: path → handler. */
  routes?: Record<string, RequestHandler>;
}

export function createHttpApp(options: HttpOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    const report = await options.health().catch((): HealthReport => ({ ok: false, database: 'down', uptimeSeconds: Math.round(process.uptime()) }));
    res.status(report.ok ? 200 : 503).json(report);
  });
  for (const [path, handler] of Object.entries(options.routes ?? {})) app.post(path, express.json(), handler);
  return app;
}

export function listen(app: express.Express, port: number, host = '0.0.0.0'): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
