/**
 * Runs the bot: reads configuration, checks Telegram (token, staff chats), opens the database
 * (our embedded FerretDB when MONGODB_URI is not set), gets updates by long polling (the
 * runner: concurrent, one at a time per chat) or by webhook, serves /healthz and /readyz, and
 * stops cleanly. `npm start` runs the compiled copy of this file (dist/main.js).
 */
import 'dotenv/config';
import os from 'node:os';
import path from 'node:path';
import { Api } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { createBot } from './bot/createBot';
import { registerCommands } from './bot/commands';
import { createServices, telegramMembershipProbe } from './bot/services';
import { Texts } from './bot/texts';
import { BotApiHealth } from './bot/apiHealth';
import { StartupError, TELEGRAM_API_ROOT, checkTelegram, requireStaffChats } from './bot/startup';
import { ALLOWED_UPDATES, startPolling, type Polling } from './bot/polling';
import { webhookDisplay, webhookPath, webhookRoute } from './bot/webhook';
import { systemClock } from './src/clock';
import { loadEnv, requireBotToken } from './src/config/env';
import { ConfigError } from './src/config/errors';
import { loadOfficePolicyFile } from './src/config/load';
import { openDatabase } from './src/db/connection';
import { migrateDatabase } from './src/db/migrations';
import { EmbeddedDatabaseError, startEmbeddedDatabase, type EmbeddedDatabase } from './src/db/embedded';
import { createHttpApp, listen, type Route } from './src/http/app';
import { createLogger, redactSecrets, type Logger } from './src/log';
import { projectRoot } from './src/paths';
import { PollingLeases, holderId } from './src/polling/leases';
import { HandoverJob } from './src/jobs/handover';
import { Scheduler } from './src/jobs/scheduler';
import { handoverDelivery } from './bot/handover';
import { createFollowupJobs } from './bot/followups/jobs';
import { createLimitJobs } from './bot/limits/jobs';
import { createFiguresJobs } from './bot/figures/jobs';
import { createOutboxJobs } from './bot/outbox';
import { createDashboard, createDashboardAuth, dashboardLinks, telegramMedia } from './bot/dashboard';

/** The database name when MONGODB_URI names none. */
const DEFAULT_DB = 'helpdesk';
/** At start, how long the database may take to answer (e.g. MongoDB starting next to the bot). */
const DATABASE_STARTUP_WAIT_MS = 60_000;
/** A stop that takes longer than this is cut short (a supervisor would SIGKILL anyway). */
const STOP_DEADLINE_MS = 30_000;

function databaseNameIn(uri: string): string | undefined {
  return /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri)?.[1];
}

/** Whatever ends up on stderr outside the logger is cleaned of secrets too. */
const secrets = () => [process.env.BOT_TOKEN?.trim(), process.env.WEBHOOK_SECRET?.trim(), process.env.DASHBOARD_SECRET?.trim()];

let log: Logger | undefined;

async function main(): Promise<void> {
  const env = loadEnv(process.env);
  const token = requireBotToken(env);
  const policy = loadOfficePolicyFile(env.officeConfigPath, { staffChatId: env.staffChatId, timezone: env.officeTimezone });
  log = createLogger({ level: env.logLevel, secrets: [token, env.webhookSecret, env.dashboardSecret] });
  const logger = log;
  const apiRoot = env.telegramApiRoot ?? TELEGRAM_API_ROOT;

  // Telegram first, before a database (or its first build) keeps a wrong token or group waiting.
  const botInfo = await checkTelegram({ token, apiRoot: env.telegramApiRoot, log: logger });
  logger.info({ username: botInfo.username, apiRoot }, 'bot token accepted by Telegram');
  await requireStaffChats(new Api(token, { apiRoot }), botInfo, policy, env.staffChatId, logger);

  let embedded: EmbeddedDatabase | undefined;
  let uri = env.mongodbUri;
  if (!uri) {
    // The project folder, also when this runs compiled from dist/: testdb/, .cache/ and data/ are there.
    const root = projectRoot();
    const dataDir = path.join(path.resolve(env.dataDir ?? path.join(root, 'data')), 'sqlite');
    logger.info({ dataDir }, 'MONGODB_URI is not set: starting the embedded database (FerretDB with SQLite)');
    embedded = await startEmbeddedDatabase({ projectRoot: root, backend: 'sqlite', sqliteDir: dataDir, log: (m) => logger.info(m) });
    uri = embedded.uri;
  }
  // A short wait per operation: during an outage an update is answered at once (bot/middleware/outage.ts).
  const database = await openDatabase(uri, databaseNameIn(uri) ? undefined : DEFAULT_DB, {
    selectionTimeoutMs: env.databaseTimeout,
    startupWaitMs: DATABASE_STARTUP_WAIT_MS,
    onRetry: (error, attempt) => logger.warn({ err: error, attempt }, 'the database cannot be reached yet; trying again'),
  });
  await migrateDatabase(database, { log: logger, now: () => systemClock.now() });
  logger.info('database ready');

  const texts = new Texts({ onMissing: (lang, key) => logger.error({ lang, key }, 'missing text') });
  let api: Api | undefined;
  const services = createServices({ database, policy, clock: systemClock, texts, log: logger, probe: telegramMembershipProbe(() => api!) });
  const caughtUp = await services.followers.catchUp(database.models, systemClock.now());
  if (caughtUp !== null) logger.info({ tickets: caughtUp }, 'followers: open repairs indexed by place');
  // Watches every attempt the bot's Api makes; probes with a plain Api (no auto-retry) when idle.
  const probeApi = new Api(token, { apiRoot, timeoutSeconds: 10 });
  const apiHealth = new BotApiHealth({ log: logger, apiRoot, probe: (signal) => probeApi.getMe(signal as never) });
  // The web dashboard (DASHBOARD_PORT + PUBLIC_URL): sign-in links signed with DASHBOARD_SECRET or a key derived from the token.
  const dashboardAuth = env.dashboardPort && env.publicUrl
    ? createDashboardAuth({ models: database.models, clock: systemClock, policy, secret: env.dashboardSecret ?? token })
    : undefined;
  const dashboard = dashboardAuth && env.publicUrl ? dashboardLinks(dashboardAuth, env.publicUrl, policy) : undefined;
  const { bot, notifier } = createBot({ token, services, apiRoot: env.telegramApiRoot, botInfo, apiTransformers: [apiHealth.transformer], dashboard });
  api = bot.api;
  await registerCommands(bot.api, texts, policy.language);
  // Scheduled sends outside any update (the handover list, the monthly report) may wait out a longer 429.
  const jobsApi = new Api(token, { apiRoot });
  jobsApi.config.use(apiHealth.transformer, autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));

  const handover = new HandoverJob({
    models: database.models,
    clock: systemClock,
    policy,
    tickets: services.tickets,
    deliver: handoverDelivery(jobsApi, services),
    graceMs: policy.scheduler.handoverGrace,
  });
  // Notices a stopped run had not finished writing, then what it left in the outbox, go out first.
  await services.reactor.recover();
  notifier.outbox.dispatcher.start();
  const scheduler = new Scheduler(
    [
      { name: 'handover', run: () => handover.runIfDue() },
      ...createOutboxJobs(notifier.outbox, services),
      ...createFollowupJobs({ services }),
      ...createLimitJobs(services),
      { name: 'reactions-recover', run: () => services.reactor.recover() },
      ...createFiguresJobs(services, jobsApi),
      ...(dashboardAuth ? [{ name: 'dashboard-links', run: async () => void (await dashboardAuth.forgetUsedLinks()) }] : []),
    ],
    logger,
    policy.scheduler.cron,
    services.databaseHealth,
  );
  scheduler.start();

  const webhook = env.webhookUrl && env.webhookSecret ? { url: env.webhookUrl, secret: env.webhookSecret } : undefined;
  let polling: Polling | undefined;
  // A database that hangs (not gone, not answering) must not hang the probes: no answer within
  // twice the operation timeout counts as down.
  const pingDatabase = async () => {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('the database did not answer a ping')), 2 * env.databaseTimeout);
    });
    try {
      await Promise.race([database.conn.db!.admin().ping(), hung]);
    } finally {
      clearTimeout(timer);
    }
    return 'up' as const;
  };
  const routes: Route[] = webhook ? [webhookRoute(bot, { secret: webhook.secret, log: logger })] : [];
  const httpApp = env.port
    ? createHttpApp({
          health: async () => ({ ok: true, database: await pingDatabase(), uptimeSeconds: Math.round(process.uptime()) }),
          ready: async () => {
            const [db, telegram] = await Promise.all([pingDatabase().catch(() => 'down' as const), apiHealth.check()]);
            const mode = webhook ? 'webhook' : (polling?.mode() ?? 'starting');
            return { ok: db === 'up' && telegram === 'up', database: db, telegram, mode, uptimeSeconds: Math.round(process.uptime()) };
          },
          routes,
        })
    : undefined;
  const server = httpApp && env.port ? await listen(httpApp, env.port) : undefined;
  if (server) logger.info({ port: env.port }, 'HTTP on /healthz and /readyz' + (webhook ? ' and the webhook' : ''));
  const dashboardApp = dashboardAuth && env.publicUrl
    ? createDashboard({ services, auth: dashboardAuth, publicUrl: env.publicUrl, media: telegramMedia(bot.api, token, apiRoot) })
    : undefined;
  // On PORT's server when they are the same port, else a server of its own.
  if (dashboardApp && env.dashboardPort === env.port && httpApp) httpApp.use(dashboardApp);
  const dashboardServer = dashboardApp && env.dashboardPort !== env.port ? await listen(dashboardApp, env.dashboardPort!) : undefined;
  if (dashboardApp) logger.info({ port: env.dashboardPort, url: env.publicUrl }, 'web dashboard');

  let stopping = false;
  const stop = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    setTimeout(() => {
      logger.error({ afterMs: STOP_DEADLINE_MS }, 'stopping took too long; exiting now');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    await polling?.stop();
    await scheduler.stop();
    // Lets the sends in flight finish and flushes what it can; the rest waits in the database.
    await notifier.outbox.dispatcher.stop();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    services.databaseHealth.close();
    await new Promise<void>((resolve) => (dashboardServer ? dashboardServer.close(() => resolve()) : resolve()));
    await database.close();
    await embedded?.stop();
    logger.info('stopped');
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const entry = path.relative(projectRoot(), __filename);
  if (webhook) {
    await bot.api.setWebhook(`${webhook.url}${webhookPath(webhook.secret)}`, { secret_token: webhook.secret, allowed_updates: ALLOWED_UPDATES });
    logger.info({ username: botInfo.username, departments: policy.departments.length, entry, webhook: webhookDisplay(webhook.url) }, 'bot starting (webhook)');
    return;
  }
  logger.info({ username: botInfo.username, departments: policy.departments.length, entry }, 'bot starting (long polling)');
  const pollingApi = new Api(token, { apiRoot });
  pollingApi.config.use(apiHealth.transformer);
  const instance = env.instanceName ?? os.hostname();
  const leases = new PollingLeases(database.conn, { holder: holderId(instance), takeoverMs: env.pollingTakeover });
  polling = await startPolling(bot, { log: logger, api: pollingApi, leases, takeoverMs: env.pollingTakeover, instance });
  polling.done.catch((error: unknown) => {
    if (stopping) return;
    logger.fatal({ err: error }, 'long polling stopped');
    void stop('polling stopped', 1);
  });
}

function fatal(error: unknown): void {
  let text: string;
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseError || error instanceof StartupError) {
    text = `\n${error.message}\n\n`;
  } else {
    text = `\nThe bot stopped because of an unexpected error:\n${(error as Error)?.stack ?? String(error)}\n`;
  }
  process.stderr.write(redactSecrets(text, secrets()));
  process.exit(1);
}

// Anything that escapes every handler is logged (through the redacting logger) and ends the process.
process.on('uncaughtException', (error) => {
  log?.fatal({ err: error }, 'uncaught exception');
  fatal(error);
});
process.on('unhandledRejection', (error) => {
  log?.fatal({ err: error }, 'unhandled rejection');
  fatal(error);
});

main().catch(fatal);
