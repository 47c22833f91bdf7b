/**
 * A bot process for the crash test, killed by the test with SIGKILL. It records one
 * background message through the Notifier and then stays alive until it is killed.
 *   node --import tsx test/outbox/crashChild.ts <uri> <dbName> <apiRoot> <chatId> <text> <run|idle>
 * With `run` its dispatcher is running (it claims the item and starts sending); with
 * `idle` the message is only recorded (killed between recording and sending).
 */
import mongoose from 'mongoose';
import pino from 'pino';
import { Notifier } from '../../bot/notify';
import { createOutbox } from '../../bot/outbox';
import { createServices } from '../../bot/services';
import { Texts } from '../../bot/texts';
import { systemClock } from '../../src/clock';
import { defaultOfficePolicy, type OfficePolicy } from '../../src/config/office';
import { attachDatabase } from '../../src/db/connection';

const TOKEN = '123456:TEST-TOKEN';

async function main(): Promise<void> {
  const [uri, dbName, apiRoot, chatId, text, mode] = process.argv.slice(2);
  const conn = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
  const database = await attachDatabase(conn);
  const base = defaultOfficePolicy({ staffChatId: -1001000000001, timezone: 'Asia/Shanghai' });
  const policy = { ...base, outbox: { lease: 10_000, pollInterval: 50 } } as OfficePolicy;
  const services = createServices({ database, policy, clock: systemClock, texts: new Texts(), log: pino({ level: 'silent' }), probe: { isMember: async () => true } });
  const outbox = createOutbox({ services, token: TOKEN, client: { apiRoot }, instance: 'child' });
  const notifier = new Notifier(outbox);
  if (mode === 'run') {
    // As in production: enqueue records it, the running dispatcher sends it.
    outbox.dispatcher.start();
    await notifier.enqueue({ key: `crash:${chatId}`, chatId: Number(chatId), text, purpose: 'survey' });
  } else {
    await outbox.send({ key: `crash:${chatId}`, kind: 'message', chatId: Number(chatId), purpose: 'survey', payload: { text } }, 'background');
  }
  process.stdout.write('recorded\n');
  setInterval(() => undefined, 60_000);
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
