/**
 * A bot process for the reaction crash test, killed by the test with SIGKILL between an
 * event and its notices: it claims a ticket through the real TicketService, whose event is
 * appended, and stops dead when the reactor starts writing the notices (its outbox store's
 * write never returns; it says "recorded" and waits to be killed).
 *   node --import tsx test/reactions/crashChild.ts <uri> <dbName> <ref> <staffChatId>
 */
import mongoose from 'mongoose';
import pino from 'pino';
import { systemClock } from '../../src/clock';
import { defaultOfficePolicy } from '../../src/config/office';
import { attachDatabase } from '../../src/db/connection';
import { OutboxStore } from '../../src/outbox/store';
import type { NewItem } from '../../src/outbox/types';
import { Reactor } from '../../src/reactions/reactor';
import { TicketService } from '../../src/tickets/service';

/** The process "dies" here: after the event, before any notice is written. */
class StallingOutboxStore extends OutboxStore {
  override addMany(_items: (NewItem & { id: string })[]): Promise<void> {
    process.stdout.write('recorded\n');
    return new Promise(() => undefined);
  }
}

async function main(): Promise<void> {
  const [uri, dbName, ref, staffChat] = process.argv.slice(2);
  const conn = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
  const database = await attachDatabase(conn);
  const policy = defaultOfficePolicy({ staffChatId: Number(staffChat), timezone: 'Asia/Shanghai' });
  const log = pino({ level: 'silent' });
  const reactor = new Reactor({ models: database.models, outbox: new StallingOutboxStore(conn), policy, log });
  const tickets = new TicketService({ models: database.models, clock: systemClock, policy, log, reactor });
  await tickets.claim(ref, { id: 601, name: '张', role: 'staff', chats: [Number(staffChat)], headOf: [] });
  setInterval(() => undefined, 60_000);
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
