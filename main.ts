/**
 * Runs the bot: reads configuration, opens the database (our embedded FerretDB when
 * MONGODB_URI is not set), starts long polling and the health endpoint, stops cleanly.
 * `npm start` runs the compiled copy of this file (dist/main.js).
 */
import 'dotenv/config';
import path from 'node:path';
import { createBot } from './bot/createBot';
import { registerCommands } from './bot/commands';
import { createServices, telegramMembershipProbe } from './bot/services';
import { Texts } from './bot/texts';
import { StartupError, TELEGRAM_API_ROOT, checkTelegram, requireStaffChats } from './bot/startup';
import { systemClock } from './src/clock';
import { loadEnv, requireBotToken } from './src/config/env';
import { ConfigError } from './src/config/errors';
import { loadOfficePolicyFile } from './src/config/load';
import { openDatabase } from './src/db/connection';
import { EmbeddedDatabaseError, startEmbeddedDatabase, type EmbeddedDatabase } from './src/db/embedded';
import { createHttpApp, listen } from './src/http/app';
import { projectRoot } from './src/paths';
import { createLogger, redactSecrets, type Logger } from './src/log';
import { HandoverJob } from './src/jobs/handover';
import { Scheduler } from './src/jobs/scheduler';
import { handoverDelivery } from './bot/handover';
import { createFollowupJobs } from './bot/followups/jobs';
import { createLimitJobs } from './bot/limits/jobs';
import { createOutboxJobs } from './bot/outbox';
import { Api } from 'grammy';

/** The database name when MONGODB_URI names none. */
const DEFAULT_DB = 'helpdesk';

function databaseNameIn(uri: string): string | undefined {
  return /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri)?.[1];
}

/** Whatever ends up on stderr outside the logger is cleaned of secrets too. */
const secrets = () => [process.env.BOT_TOKEN?.trim()];

let processLog: Logger | undefined;

async function main(): Promise<void> {
  const env = loadEnv(process.env);
  const token = requireBotToken(env);
  const policy = loadOfficePolicyFile(env.officeConfigPath, { staffChatId: env.staffChatId, timezone: env.officeTimezone });
  const log = createLogger({ level: env.logLevel, secrets: [token] });
  processLog = log;
  const apiRoot = env.telegramApiRoot ?? TELEGRAM_API_ROOT;

  // Telegram first, before a database (or its first build) keeps a wrong token or group waiting.
  const botInfo = await checkTelegram({ token, apiRoot: env.telegramApiRoot, log });
  log.info({ username: botInfo.username, apiRoot }, 'bot token accepted by Telegram');
  await requireStaffChats(new Api(token, { apiRoot }), botInfo, policy, env.staffChatId, log);

  let embedded: EmbeddedDatabase | undefined;
  let uri = env.mongodbUri;
  if (!uri) {
    // The project folder, also when this runs compiled from dist/: testdb/, .cache/ and data/ are there.
    const root = projectRoot();
    const dataDir = path.join(path.resolve(env.dataDir ?? path.join(root, 'data')), 'sqlite');
    log.info({ dataDir }, 'MONGODB_URI is not set: starting the embedded database (FerretDB with SQLite)');
    embedded = await startEmbeddedDatabase({ projectRoot: root, backend: 'sqlite', sqliteDir: dataDir, log: (m) => log.info(m) });
    uri = embedded.uri;
  }
  const database = await openDatabase(uri, databaseNameIn(uri) ? undefined : DEFAULT_DB);
  log.info('database ready');

  const texts = new Texts({ onMissing: (lang, key) => log.error({ lang, key }, 'missing text') });
  let api: Api | undefined;
  const services = createServices({ database, policy, clock: systemClock, texts, log, probe: telegramMembershipProbe(() => api!) });
  const { bot, notifier } = createBot({ token, services, apiRoot: env.telegramApiRoot, botInfo });
  api = bot.api;
  await registerCommands(bot.api, texts, policy.language);

  const handover = new HandoverJob({
    models: database.models,
    clock: systemClock,
    policy,
    tickets: services.tickets,
    deliver: handoverDelivery(bot.api, services),
    graceMs: policy.scheduler.handoverGrace,
  });
  // Background messages left over from a previous run (a crash, a restart) go out first.
  notifier.outbox.dispatcher.start();
  const scheduler = new Scheduler(
    [
      { name: 'handover', run: () => handover.runIfDue() },
      ...createOutboxJobs(notifier.outbox, services),
      ...createFollowupJobs({ services, notifier }),
      ...createLimitJobs(services, notifier),
    ],
    log,
    policy.scheduler.cron,
  );
  scheduler.start();

  const server = env.port
    ? await listen(
        createHttpApp({
          health: async () => {
            await database.conn.db!.admin().ping();
            return { ok: true, database: 'up', uptimeSeconds: Math.round(process.uptime()) };
          },
        }),
        env.port,
      )
    : undefined;
  if (server) log.info({ port: env.port }, 'health endpoint on /healthz');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await bot.stop();
    await scheduler.stop();
    // Lets the sends in flight finish and flushes what it can; the rest waits in the database.
    await notifier.outbox.dispatcher.stop();
    server?.close();
    await database.close();
    await embedded?.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  log.info({ username: bot.botInfo.username, departments: policy.departments.length, entry: path.relative(projectRoot(), __filename) }, 'bot starting (long polling)');
  await bot.start({ allowed_updates: ['message', 'edited_message', 'callback_query', 'chat_member', 'my_chat_member'] });
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
  processLog?.fatal({ err: error }, 'uncaught exception');
  fatal(error);
});
process.on('unhandledRejection', (error) => {
  processLog?.fatal({ err: error }, 'unhandled rejection');
  fatal(error);
});

main().catch(fatal);
