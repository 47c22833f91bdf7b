/**
 * Part 4 of the benchmark: the cost of one update, as ratios against a bare grammY bot that
 * answers every message and button with one reply, on the same fake Bot API in the same run
 * (interleaved rounds, medians: a busy 2-core machine gives ratios, not absolute figures).
 *   - /start of a known (registered) resident;
 *   - a scene step: in the repair report, pressing the kind (the conversation is replayed
 *     from its stored state, which is then written again).
 * Bot CPU is this process's CPU time (process.cpuUsage) per update; the embedded database's
 * own CPU time is measured apart (from /proc, when the bench started it) and added for the
 * "bot+database" figure. Database commands per update are counted with mongoose's debug hook on
 * the connection (everything the update caused, including its background sends).
 */
import os from 'node:os';
import type { Update } from 'grammy/types';
import type { Database } from '../src/db/connection';
import { startFakeTelegram } from '../test/support/fakeTelegram';
import { UpdateFactory, user, type TgUser } from '../test/support/updates';
import { bareBot, benchHelpdesk, unpacedPolicy } from './kit';

const TOKEN = '123456:BENCH-UPDATE';
const GROUP = -1009200000001;
const RESIDENTS = 200;
const IN_FLIGHT = 10;
const ROUNDS = 5;

export interface Cost {
  cpuMs: number;
  /** The database process's CPU per update (undefined when it is not ours to watch, e.g. MONGODB_URI). */
  dbCpuMs?: number;
  wallMs: number;
  commands: number;
}

/** The database process's CPU time so far (ms), when it can be read. */
export type DatabaseCpu = () => number | undefined;

export interface PerUpdateFigures {
  start: { bot: Cost; bare: Cost };
  step: { bot: Cost; bare: Cost };
  updates: number;
  rounds: number;
  load: number;
}

/** Runs `handle` over the updates, IN_FLIGHT at a time; CPU and wall time per update. */
async function measure(updates: Update[], handle: (u: Update) => Promise<unknown>, counter: { n: number }, databaseCpu: DatabaseCpu = () => undefined): Promise<Cost> {
  const commandsBefore = counter.n;
  const dbBefore = databaseCpu();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < updates.length) await handle(updates[next++]);
    }),
  );
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const dbAfter = databaseCpu();
  const dbCpuMs = dbBefore !== undefined && dbAfter !== undefined ? (dbAfter - dbBefore) / updates.length : undefined;
  return { cpuMs: (used.user + used.system) / 1000 / updates.length, dbCpuMs, wallMs: wallMs / updates.length, commands: (counter.n - commandsBefore) / updates.length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medianCost = (costs: Cost[]): Cost => ({
  cpuMs: median(costs.map((c) => c.cpuMs)),
  dbCpuMs: costs.every((c) => c.dbCpuMs !== undefined) ? median(costs.map((c) => c.dbCpuMs!)) : undefined,
  wallMs: median(costs.map((c) => c.wallMs)),
  commands: median(costs.map((c) => c.commands)),
});

export async function benchPerUpdate(database: Database, log: (line: string) => void, databaseCpu?: DatabaseCpu): Promise<PerUpdateFigures> {
  const fake = await startFakeTelegram();
  const policy = unpacedPolicy(GROUP);
  const { services, bot, notifier } = benchHelpdesk(database, fake, TOKEN, policy);
  const bare = bareBot(fake, TOKEN);
  const u = new UpdateFactory();
  const counter = { n: 0 };
  database.conn.set('debug', () => {
    counter.n++;
  });
  const helpdesk = async (update: Update) => {
    await bot.handleUpdate(update);
  };
  const plain = async (update: Update) => {
    await bare.handleUpdate(update);
  };
  const starts: { bot: Cost[]; bare: Cost[] } = { bot: [], bare: [] };
  const steps: { bot: Cost[]; bare: Cost[] } = { bot: [], bare: [] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const residents: TgUser[] = Array.from({ length: RESIDENTS }, (_, i) => user(80_000 + round * 1000 + i, `R${i}`, { language_code: 'zh-hans' }));
      for (const r of residents) {
        await services.residents.saveProfile(r.id, r.first_name, { name: `住户${r.id}`, phone: '+8613812345678', building: '3', unit: '2', room: String(r.id) });
      }
      // Warm: each resident's first update (the language is then remembered, as in a running
      // office), and the bare bot as much, so neither is measured while it is being compiled.
      await measure(residents.map((r) => u.command(r, 'start')), helpdesk, counter);
      await measure(residents.map((r) => u.command(r, 'start')), plain, counter);

      starts.bare.push(await measure(residents.map((r) => u.command(r, 'start')), plain, counter, databaseCpu));
      starts.bot.push(await measure(residents.map((r) => u.command(r, 'start')), helpdesk, counter, databaseCpu));
      await notifier.outbox.settled();

      // The scene step: the kind question is open; the press resumes the conversation.
      await measure(residents.map((r) => u.command(r, 'repair')), helpdesk, counter);
      await notifier.outbox.settled();
      const kindQuestion = (r: TgUser) => fake.messagesIn(r.id).filter((m) => fake.buttonsOf(m).some((b) => b.data === 'sc:household')).at(-1)!.message_id;
      const press = (r: TgUser) => u.callback(r, 'sc:household', { chatId: r.id, messageId: kindQuestion(r), chatType: 'private' });
      steps.bare.push(await measure(residents.map(press), plain, counter, databaseCpu));
      steps.bot.push(await measure(residents.map(press), helpdesk, counter, databaseCpu));
      await notifier.outbox.settled();
      // Leave the scenes so the next round starts clean.
      await measure(residents.map((r) => u.command(r, 'cancel')), helpdesk, counter);
      await notifier.outbox.settled();
    }
    const figures: PerUpdateFigures = {
      start: { bot: medianCost(starts.bot), bare: medianCost(starts.bare) },
      step: { bot: medianCost(steps.bot), bare: medianCost(steps.bare) },
      updates: RESIDENTS,
      rounds: ROUNDS,
      load: os.loadavg()[0],
    };
    log(`   /start: bot ${figures.start.bot.cpuMs.toFixed(2)} ms CPU, bare ${figures.start.bare.cpuMs.toFixed(2)} ms; scene step: bot ${figures.step.bot.cpuMs.toFixed(2)} ms, bare ${figures.step.bare.cpuMs.toFixed(2)} ms`);
    return figures;
  } finally {
    database.conn.set('debug', false);
    await notifier.outbox.dispatcher.stop(0);
    await fake.close();
  }
}
