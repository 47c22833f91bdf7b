/**
 * `npm run bench`: the outbox at Telegram's limits, one scheduler tick over 100,000
 * tickets, and one month's figures with 100,000 tickets of history. Uses MONGODB_URI when
 * set, else the embedded database (FerretDB; PostgreSQL when one answers on 127.0.0.1:5432,
 * else SQLite; BENCH_DB_BACKEND chooses), in a database of its own that it drops at the end.
 * All traffic stays on 127.0.0.1; the whole run stops itself after 30 minutes, a part alone after 10, the history part after 45 (BENCH_LIMIT_MINUTES).
 * BENCH_ONLY=figures runs the figures part alone, BENCH_ONLY=updates the per-update part,
 * BENCH_ONLY=tick the history part (BENCH_TICK_HISTORY sets its larger size),
 * BENCH_ONLY=flood the flood part (others' replies while one chat floods and is refused with 429),
 * BENCH_ONLY=dashboard the web dashboard's pages under load,
 * BENCH_ONLY=crowd 200 new residents registering and reporting at once (BENCH_CROWD sets how many).
 * BENCH_LOG=warn (or any pino level) shows the bench helpdesk's own log, which is silent otherwise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/connection';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/db/embedded';
import { benchSending, type SendingFigures } from './sending';
import { benchTick, tickRows, type TickFigures } from './tick';
import { benchFanout, type FanoutFigures } from './fanout';
import { benchFigures, type FiguresBench } from './figures';
import { readFileSync } from 'node:fs';
import { benchPerUpdate, type DatabaseCpu, type PerUpdateFigures } from './perUpdate';
import { benchFlood, type FloodFigures } from './flood';
import { benchDashboard, type DashboardBench } from './dashboard';
import { benchCrowd, type CrowdFigures } from './crowd';

/** A bench that has not finished by then stops itself (BENCH_LIMIT_MINUTES; the history part alone writes 600,000 documents). */
const LIMIT_MS = Number(process.env.BENCH_LIMIT_MINUTES ?? (process.env.BENCH_ONLY === 'tick' ? 45 : process.env.BENCH_ONLY ? 10 : 30)) * 60_000;
const log = (line: string) => process.stdout.write(`${line}\n`);

function table(rows: [string, string, string][]): string {
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** The embedded database's CPU time (ms) from /proc: Linux only, and only for the process this bench started. */
function processCpu(pid: () => number | undefined): DatabaseCpu {
  return () => {
    const id = pid();
    if (id === undefined) return undefined;
    try {
      const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
    } catch {
      return undefined;
    }
  };
}

function figuresRows(f: FiguresBench): [string, string, string][] {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return [
    [
      `month's figures: ${f.monthTickets.toLocaleString('en')} tickets (${f.monthFacts.toLocaleString('en')} facts), ${f.historyTickets.toLocaleString('en')} before`,
      `median ${ms(f.monthMs)}, max ${ms(f.monthMaxMs)}`,
      `goal < 1 s; one $group over the month's collection (${f.rows} rows)`,
    ],
    ['/report: the month and the one before, office + 4 departments', ms(f.reportMs), `history: ${f.historyFacts.toLocaleString('en')} facts in ${f.historyMonths} other months' collections, recorded in ${f.insertSeconds.toFixed(1)} s`],
  ];
}

function dashboardRows(d: DashboardBench): [string, string, string][] {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const note = `${d.tickets.toLocaleString('en')} tickets (${d.open} open, inserted in ${d.insertSeconds.toFixed(1)} s); 20 clients at once; load ${d.load.toFixed(1)}`;
  return d.pages.map((p): [string, string, string] => [`dashboard ${p.page} (${p.requests} requests)`, `median ${ms(p.medianMs)}, p95 ${ms(p.p95Ms)}`, note]);
}

/** One update's cost against a bare grammY bot (ratios; absolute figures depend on the load). */
function perUpdateRows(p: PerUpdateFigures): [string, string, string][] {
  const x = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
  const note = `${p.updates} residents, 10 in flight, median of ${p.rounds} rounds; load ${p.load.toFixed(1)}`;
  const rows: [string, string, string][] = [];
  for (const [name, cost, goalCpu, goalCommands, goalBoth] of [
    ['/start (known resident)', p.start, 2, 2, undefined],
    ['scene step (repair: the kind)', p.step, 3, 3, 6],
  ] as const) {
    rows.push([`${name}: bot CPU per update vs bare grammY`, `${x(cost.bot.cpuMs, cost.bare.cpuMs)} (${cost.bot.cpuMs.toFixed(2)} vs ${cost.bare.cpuMs.toFixed(2)} ms)`, `goal ≤ ${goalCpu}x; ${note}`]);
    if (cost.bot.dbCpuMs !== undefined && cost.bare.dbCpuMs !== undefined) {
      const both = (c: typeof cost.bot) => c.cpuMs + (c.dbCpuMs ?? 0);
      rows.push([
        `${name}: bot+database CPU per update vs bare grammY`,
        `${x(both(cost.bot), both(cost.bare))} (${both(cost.bot).toFixed(2)} vs ${both(cost.bare).toFixed(2)} ms; database ${cost.bot.dbCpuMs.toFixed(2)} ms)`,
        goalBoth ? `goal ≤ ${goalBoth}x` : `the embedded database's CPU from /proc (10 ms ticks over ${p.updates} updates)`,
      ]);
    }
    rows.push([`${name}: wall time per update vs bare grammY`, `${x(cost.bot.wallMs, cost.bare.wallMs)} (${cost.bot.wallMs.toFixed(2)} vs ${cost.bare.wallMs.toFixed(2)} ms)`, 'includes the database']);
    rows.push([`${name}: database commands per update`, cost.bot.commands.toFixed(1), `goal ≤ ${goalCommands}`]);
  }
  return rows;
}

function crowdRows(c: CrowdFigures): [string, string, string][] {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return [
    [
      `${c.residents} new residents register and report a repair at once (${c.updates} updates): reply time p99 vs bare grammY`,
      `${(c.bot.p99Ms / c.bare.p99Ms).toFixed(1)}x (${ms(c.bot.p99Ms)} vs ${ms(c.bare.p99Ms)}; p50 ${ms(c.bot.p50Ms)} vs ${ms(c.bare.p50Ms)})`,
      `goal ≤ 5x; all in ${c.bot.seconds.toFixed(1)} s vs ${c.bare.seconds.toFixed(1)} s; load ${c.load.toFixed(1)}`,
    ],
    ['reports filed', `${c.filed} of ${c.residents}`, `goal ${c.residents} of ${c.residents}`],
  ];
}

function floodRows(f: FloodFigures): [string, string, string][] {
  return [
    [
      `flood: ${f.others} others' replies while one chat sends ${f.floodMessages} in ${f.floodSeconds} s and gets 429 (retry_after 10)`,
      `p99 ${f.p99Ms} ms (p50 ${f.p50Ms} ms, max ${f.maxMs} ms)`,
      `goal p99 ≤ 1000 ms; ${f.refused} replies to the flooder refused; load ${f.load.toFixed(1)}`,
    ],
  ];
}

function report(
  s: SendingFigures, t: TickFigures, fan: FanoutFigures, f: FiguresBench | undefined, p: PerUpdateFigures | undefined, flood: FloodFigures | undefined, crowd: CrowdFigures | undefined, backend: string,
): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const waits = [...s.interactiveWaitsMs].sort((a, b) => a - b);
  const fanMs = [...fan.lastAlertMs].sort((a, b) => a - b);
  return table([
    ['measure', 'result', 'limit / note'],
    ['messages enqueued (2,000 residents + 25 to each of 2 groups)', String(s.messages), `recorded in ${s.enqueueSeconds.toFixed(1)} s`],
    ['delivered, each exactly once', `${s.delivered} (duplicates: ${s.duplicates})`, ''],
    ['send time, first to last', `${s.sendSeconds.toFixed(1)} s`, ''],
    ['messages per second', s.perSecond.toFixed(1), `configured ${s.configuredPerSecond}/s`],
    ['busiest second (any 1 s window)', String(s.busiestSecond), `Telegram: 30`],
    ['429 answers from the fake Bot API', String(s.refused429), 'it refuses >30/s, >20/min per group, >4/s per chat'],
    ['longest per-group minute (any 60 s window)', String(s.busiestGroupMinute), `configured ${s.configuredPerGroupMinute}/min`],
    ['interactive reply, idle', ms(s.interactiveIdleMs), 'round trip to the local fake'],
    ['interactive reply during the batch (5 replies)', `median ${ms(waits[2])}, max ${ms(waits[4])}`, 'sent directly, counted first'],
    ...tickRows(t),
    [`emergency: last of ${fan.recipients} alerts after the resident's last message (${fan.rounds} rounds)`, `median ${ms(fanMs[Math.floor(fanMs.length / 2)])}, max ${ms(fanMs[fanMs.length - 1])}`, `goal ≤ 1000 ms; load ${fan.load.toFixed(1)}`],
    ['emergency: the resident\'s guidance accepted before every alert', `${fan.guidanceFirst} of ${fan.rounds}`, `goal ${fan.rounds} of ${fan.rounds}`],
    ...(f ? figuresRows(f) : []),
    ...(p ? perUpdateRows(p) : []),
    ...(flood ? floodRows(flood) : []),
    ...(crowd ? crowdRows(crowd) : []),
    ['database', backend, `node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`],
  ]);
}

async function main(): Promise<void> {
  setTimeout(() => {
    process.stderr.write(`bench: still running after ${LIMIT_MS / 60_000} minutes; stopping\n`);
    process.exit(1);
  }, LIMIT_MS).unref();
  let embedded: EmbeddedDatabase | undefined;
  let sqliteDir: string | undefined;
  let uri = process.env.MONGODB_URI;
  let backend = 'MongoDB (MONGODB_URI)';
  if (!uri) {
    sqliteDir = mkdtempSync(path.join(os.tmpdir(), 'helpdesk-bench-'));
    const backendChoice = (process.env.BENCH_DB_BACKEND as 'postgresql' | 'sqlite' | undefined) ?? 'auto';
    embedded = await startEmbeddedDatabase({ projectRoot: path.resolve(__dirname, '..'), backend: backendChoice, sqliteDir, log: (m) => log(`[db] ${m}`) });
    uri = embedded.uri;
    backend = `FerretDB v1.24.2 on ${embedded.backend}`;
  }
  const database = await openDatabase(uri, `helpdesk_bench_${Date.now().toString(36)}`);
  const databaseCpu = processCpu(() => embedded?.pid());
  try {
    // One part alone: its title, its run, its rows.
    const parts: Record<string, [string, () => Promise<[string, string, string][]>]> = {
      figures: ['one month\'s figures with 100,000 tickets of history', async () => figuresRows(await benchFigures(database, log))],
      updates: ['one update (/start, a scene step) against a bare grammY bot on the same fake Bot API', async () => perUpdateRows(await benchPerUpdate(database, log, databaseCpu))],
      flood: ['one chat floods and is refused with 429 while 100 others write', async () => floodRows(await benchFlood(database, log))],
      dashboard: ['the dashboard\'s overview and ticket list at 100,000 tickets, 20 requests at once', async () => dashboardRows(await benchDashboard(database, log))],
      crowd: ['200 new residents register and report a repair at once, against a bare grammY bot', async () => crowdRows(await benchCrowd(database, log))],
      tick: ['the scheduler tick, My tickets, /open and a claim at 1,000 and at 100,000 closed tickets', async () => tickRows(await benchTick(database, log))],
    };
    const only = process.env.BENCH_ONLY ? parts[process.env.BENCH_ONLY] : undefined;
    if (only) {
      log(only[0]);
      const rows = await only[1]();
      log('');
      log(table([['measure', 'result', 'limit / note'], ...rows, ['database', backend, `node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`]]));
      return;
    }
    log('1/7 an emergency\'s fan-out to every group, head and the manager');
    const fanout = await benchFanout(database, log);
    log('2/7 sending 2,050 messages through the outbox at Telegram\'s limits (about 70 s)');
    const sending = await benchSending(database, log);
    log('3/7 the scheduler tick, My tickets, /open and a claim at 1,000 and at 100,000 closed tickets');
    const tick = await benchTick(database, log);
    log('4/7 one month\'s figures with 100,000 tickets of history');
    const figures = await benchFigures(database, log);
    log('5/7 one update (/start, a scene step) against a bare grammY bot on the same fake Bot API');
    const perUpdate = await benchPerUpdate(database, log, databaseCpu);
    log('6/7 200 new residents register and report a repair at once');
    const crowd = await benchCrowd(database, log);
    // Last: the flooder's handlers may still be waiting out Telegram's 429 when it ends.
    log('7/7 one chat floods and is refused with 429 while 100 others write');
    const flood = await benchFlood(database, log);
    log('');
    log(report(sending, tick, fanout, figures, perUpdate, flood, crowd, backend));
  } finally {
    await database.conn.dropDatabase().catch(() => undefined);
    await database.close();
    await embedded?.stop();
    if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  },
);
