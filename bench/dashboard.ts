/**
 * The dashboard part of the benchmark: the overview and the ticket list at 100,000 tickets
 * (a year of closed history plus the open work), each page requested by 20 clients at once
 * over loopback (a small load tool here: 20 workers, each sending its next request when its
 * last is answered), as the signed-in manager. Median and 95th percentile of the response
 * times per page. BENCH_DASHBOARD_TICKETS and BENCH_DASHBOARD_REQUESTS change the sizes.
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import pino from 'pino';
import { createDashboard, createDashboardAuth } from '../bot/dashboard';
import { createServices } from '../bot/services';
import { Texts } from '../bot/texts';
import { ManualClock } from '../src/clock';
import { defaultOfficePolicy } from '../src/config/office';
import type { Database } from '../src/db/connection';
import { listen } from '../src/http/app';
import { GROUPS } from './sending';
import { percentile } from './kit';

const TICKETS = Number(process.env.BENCH_DASHBOARD_TICKETS ?? 100_000);
const OPEN = 300;
const CONCURRENCY = 20;
const REQUESTS = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 40);
const BATCH = 5000;
const MANAGER = 900;
const DAY = 24 * 3600_000;
const DEPARTMENTS = ['engineering', 'cleaning', 'security', 'service'];

export interface PageLoad {
  page: string;
  requests: number;
  medianMs: number;
  p95Ms: number;
  bytes: number;
}

export interface DashboardBench {
  tickets: number;
  open: number;
  insertSeconds: number;
  pages: PageLoad[];
  load: number;
}

/** A ticket document as the projection stores it, with what the pages show. */
function ticketDoc(i: number, now: number) {
  const open = i >= TICKETS - OPEN;
  const createdAt = new Date(now - (TICKETS - i) * 5 * 60_000);
  const day = new Date(createdAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const ref = `BX-${day.replace(/-/g, '')}-${String(i).padStart(6, '0')}`;
  const department = DEPARTMENTS[i % DEPARTMENTS.length];
  const status = open ? (['open', 'claimed', 'on_site', 'reopened'] as const)[i % 4] : 'closed';
  const resolutionDueAt = new Date(createdAt.getTime() + DAY);
  const state = {
    ref, seq: 1, kind: 'repair', status, department, priority: 'normal',
    resident: { telegramId: 200_000 + (i % 20_000), name: `住户${i % 20_000}`, phone: '+8613800000000', building: String(1 + (i % 30)), room: '1201', language: 'zh-CN' },
    anonymous: false, showUnit: true,
    report: { description: `水管漏水 ${i}`, media: [], location: '', atHome: true, repairKind: 'household', category: 'inspect', visit: { asap: true } },
    createdAt, day, month: day.slice(0, 7), responseDueAt: new Date(createdAt.getTime() + 5 * 60_000), resolutionDueAt, nightIntake: false, reopenCount: 0,
    ...(status === 'closed' ? { closedAt: new Date(createdAt.getTime() + DAY / 2) } : {}),
    ...(status !== 'open' ? { owner: { id: 601, name: '张' } } : {}),
    lastEvent: { type: 'created', at: createdAt }, lastEventAt: createdAt,
  };
  return {
    _id: ref, ref, seq: 1, kind: 'repair', status, department, residentId: state.resident.telegramId,
    ...(state.owner ? { ownerId: 601 } : {}),
    day, month: day.slice(0, 7), createdAt, responseDueAt: state.responseDueAt, resolutionDueAt, nightIntake: false, state,
  };
}


/** REQUESTS requests to one URL from CONCURRENCY workers at once; every answer must be 200. */
async function loadPage(url: string, cookie: string, page: string): Promise<PageLoad> {
  const times: number[] = [];
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const started = performance.now();
      const response = await fetch(url, { headers: { cookie } });
      const body = await response.text();
      times.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`bench: ${page} answered ${response.status}: ${body.slice(0, 200)}`);
      bytes = body.length;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  times.sort((a, b) => a - b);
  return { page, requests: times.length, medianMs: percentile(times, 50), p95Ms: percentile(times, 95), bytes };
}

export async function benchDashboard(database: Database, log: (line: string) => void): Promise<DashboardBench> {
  const clock = new ManualClock(new Date('2026-11-23T02:00:00Z'));
  const policy = { ...defaultOfficePolicy({ staffChatId: GROUPS[0], timezone: 'Asia/Shanghai' }), managers: [MANAGER] };
  const services = createServices({ database, policy, clock, texts: new Texts(), log: pino({ level: 'silent' }), probe: { isMember: async () => true } });

  log(`  inserting ${TICKETS.toLocaleString('en')} tickets (${OPEN} open)...`);
  const inserting = performance.now();
  const now = clock.now().getTime();
  for (let start = 0; start < TICKETS; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, TICKETS - start) }, (_, k) => ticketDoc(start + k, now));
    await database.models.Ticket.collection.insertMany(docs as never[], { ordered: false });
  }
  const insertSeconds = (performance.now() - inserting) / 1000;

  const auth = createDashboardAuth({ models: database.models, clock, policy, secret: 'bench-dashboard-secret' });
  const app = createDashboard({ services, auth, publicUrl: 'http://127.0.0.1', media: { open: async () => { throw new Error('no media in the bench'); } } });
  const server = await listen(app, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cookie = `hd_session=${auth.issueSession({ userId: MANAGER, name: '陈主任' })}`;
  try {
    const pages: PageLoad[] = [];
    for (const [name, path] of [
      ['overview', '/'],
      ['ticket list, first page (this month)', '/tickets'],
      ['ticket list, open in one department', '/tickets?status=open&department=engineering'],
      ['ticket list, text search (this month)', '/tickets?q=%E6%BC%8F%E6%B0%B4%2099999'],
    ] as const) {
      log(`  ${name}: ${REQUESTS} requests, ${CONCURRENCY} at once...`);
      const result = await loadPage(`${base}${path}`, cookie, name);
      log(`    median ${result.medianMs.toFixed(0)} ms, p95 ${result.p95Ms.toFixed(0)} ms`);
      pages.push(result);
    }
    return { tickets: TICKETS, open: OPEN, insertSeconds, pages, load: os.loadavg()[0] };
  } finally {
    // Kept-alive connections of the load tool would hold close() open.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
