/// <reference lib="dom" />
/**
 * The web dashboard in a real browser (headless Chromium through playwright-core) against the
 * real server and test database: sign-in through the one-time link /dashboard sends, the
 * overview, the filtered list, a ticket's timeline and photo, the figures' charts, and CSV
 * downloads whose rows match the database. Refused: a used or expired link, a forged or
 * altered cookie, no cookie, and a head opening another department's ticket by its URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { factsOfLog } from '../../src/figures/facts';
import { FactStore } from '../../src/figures/store';
import { dashboardPolicy } from '../../src/dashboard/config';
import { octoberOffice } from '../figures/support';
import { fileRepair } from '../support/flows';
import { people, STAFF_CHAT, TOKEN } from '../support/harness';
import { seatCleaner, twoGroupPolicy } from '../support/staffFlows';
import { OUTPUT, startDashboard, type DashboardRig } from './support';

const { alice, bob, zhang, head, manager } = people;
const HOUR = 3600_000;
let rig: DashboardRig;
let heaterRef: string;
let doorbellRef: string;
let cleaningRef: string;

beforeAll(async () => {
  rig = await startDashboard({ policy: twoGroupPolicy() }); // 23 November 2026, 10:00 in Shanghai
  const { h } = rig;
  seatCleaner(h);
  // October's hand-made figures (test/figures/support.ts) for the charts' trend.
  await new FactStore(h.services.db, h.policy).record(Object.values(octoberOffice()).flatMap((t) => factsOfLog(t.events, h.policy)));
  heaterRef = await fileRepair(h, alice, { kind: 'household', category: 'inspect', description: '热水器<不>出热水', photos: ['water-heater.png'] });
  await h.press(zhang, STAFF_CHAT, `tk:claim:${heaterRef}`);
  doorbellRef = await fileRepair(h, alice, { kind: 'household', category: 'inspect', description: '门铃坏了' });
  cleaningRef = await fileRepair(h, bob, { kind: 'public', category: 'cleaning', description: '楼道垃圾没人清' }, { name: 'Bob Lee', phone: '13900001111', address: '1-1-101' });
  // Two days on, every ticket is past its resolution limit.
  h.clock.advance(48 * HOUR);
});
afterAll(async () => {
  await rig?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUTPUT, `${name}.png`), fullPage: true });
const refsOnPage = (page: Page) => page.$$eval('#tickets tr[data-ref]', (rows) => rows.map((r) => r.getAttribute('data-ref')!));
const dbRefs = async (filter: Record<string, unknown>) => ((await rig.h.services.db.Ticket.find(filter, { _id: 1 }).lean()) as { _id: string }[]).map((d) => d._id).sort();

test('the manager signs in by the link, sees the overview, filters the list and downloads it as CSV', async () => {
  const context = await rig.signIn(manager);
  const page = await context.newPage();
  await page.goto(`${rig.base}/`);
  // Open tickets by status, as the database has them: two waiting to be claimed, one claimed.
  expect(await page.textContent('#by-status [data-status="open"]')).toBe('2');
  expect(await page.textContent('#by-status [data-status="claimed"]')).toBe('1');
  expect(await page.textContent('#overdue-count')).toBe('3');
  expect(await page.textContent('#new-today')).toBe('0'); // filed two days ago (office time)
  await shot(page, 'overview');

  await page.goto(`${rig.base}/tickets`);
  expect((await refsOnPage(page)).sort()).toEqual(await dbRefs({}));
  await page.selectOption('select[name=department]', 'engineering');
  await Promise.all([page.waitForURL(/department=engineering/), page.click('form.filters button[type=submit]')]);
  expect((await refsOnPage(page)).sort()).toEqual(await dbRefs({ department: 'engineering' }));
  expect((await refsOnPage(page)).sort()).toEqual([heaterRef, doorbellRef].sort());
  await page.fill('input[name=q]', '门铃');
  await Promise.all([page.waitForURL(/q=/), page.click('form.filters button[type=submit]')]);
  expect(await refsOnPage(page)).toEqual([doorbellRef]);
  await page.goto(`${rig.base}/tickets?department=engineering`);
  await shot(page, 'tickets');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const rows = csv.trim().split('\r\n').slice(1).map((line) => line.split(','));
  expect(rows.map((r) => r[0]).sort()).toEqual(await dbRefs({ department: 'engineering' }));
  const heater = (await rig.h.services.tickets.get(heaterRef))!;
  const heaterRow = rows.find((r) => r[0] === heaterRef)!;
  expect(heaterRow[9]).toBe(heater.report.description);
  expect(heaterRow[8]).toBe(heater.owner!.name);
  await context.close();
});

test("a ticket's page shows its whole log as a timeline and its photo, streamed without the token", async () => {
  const context = await rig.signIn(manager);
  const page = await context.newPage();
  await page.goto(`${rig.base}/tickets`);
  await Promise.all([page.waitForURL(new RegExp(`/tickets/${heaterRef}$`)), page.click(`a[href="/tickets/${heaterRef}"]`)]);
  const events = (await rig.h.services.tickets.history(heaterRef)).map((e) => e.type);
  expect(await page.$$eval('#timeline li', (items) => items.map((i) => i.getAttribute('data-event')))).toEqual(events);
  expect(events.slice(0, 2)).toEqual(['created', 'claimed']);
  // The resident's words as written, never as markup; the manager sees the contact.
  expect(await page.textContent('#description')).toBe('热水器<不>出热水');
  const heater = (await rig.h.services.tickets.get(heaterRef))!;
  expect(await page.textContent('main')).toContain(heater.resident.phone);
  const width = await page.$eval('#photos img', (img) => (img as HTMLImageElement).naturalWidth);
  expect(width).toBe(96);
  const html = await page.content();
  expect(html).not.toContain(TOKEN);
  expect(html).not.toContain('/file/bot');
  await shot(page, 'ticket');
  await context.close();
});

test('the figures page draws its charts with chart.js from our own server, and its CSV downloads', async () => {
  const context = await rig.signIn(manager);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(r.url())));
  await page.goto(`${rig.base}/figures?month=2026-10`);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((url) => url.startsWith(rig.base))).toBe(true);
  for (const id of ['chart-trend', 'chart-departments', 'chart-categories', 'chart-buildings']) {
    const painted = await page.$eval(`#${id}`, (canvas) => {
      const c = canvas as HTMLCanvasElement;
      const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(0);
  }
  // October's hand-made office received 9 tickets (worked out in test/figures/monthly.test.ts).
  expect(await page.textContent('#received')).toBe('9');
  await shot(page, 'figures');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#figures-csv')]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('62.5%');
  await context.close();
});

test('a used link, an expired link, a forged or altered cookie and no cookie are refused', async () => {
  const link = await rig.linkFor(manager);
  const first = await fetch(link, { redirect: 'manual' });
  expect(first.status).toBe(303);
  const session = /hd_session=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')![1];
  expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/);
  expect(first.headers.get('set-cookie')).toMatch(/SameSite=Lax/);

  const context = await rig.browser.newContext();
  const page = await context.newPage();
  const again = await page.goto(link);
  expect(again?.status()).toBe(403);
  expect(await page.textContent('#refusal')).toBe(rig.h.services.texts.plain('zh-CN', 'dash-link-used'));
  await shot(page, 'refused-used-link');

  const late = await rig.linkFor(manager);
  rig.h.clock.advance(dashboardPolicy(rig.h.policy).linkLifetime + 1000);
  const expired = await fetch(late, { redirect: 'manual' });
  expect(expired.status).toBe(403);
  expect(await expired.text()).toContain(rig.h.services.texts.plain('zh-CN', 'dash-link-expired'));

  const asCookie = (value: string) => fetch(`${rig.base}/`, { headers: { cookie: `hd_session=${value}` }, redirect: 'manual' });
  expect((await asCookie(session)).status).toBe(200);
  const [payload, signature] = session.split('.');
  const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), userId: head.id })).toString('base64url');
  expect((await asCookie(`${altered}.${signature}`)).status).toBe(401);
  expect((await asCookie('eyJ1c2VySWQiOjkwMH0.Zm9yZ2Vk')).status).toBe(401);
  const none = await fetch(`${rig.base}/tickets/${heaterRef}`, { redirect: 'manual' });
  expect(none.status).toBe(401);
  expect(await none.text()).not.toContain('热水器');
  await context.close();
});

test("a head cannot open another department's ticket or photo by URL, and sees no contact they may not", async () => {
  const context = await rig.signIn(head);
  const page = await context.newPage();
  const other = await page.goto(`${rig.base}/tickets/${cleaningRef}`);
  expect(other?.status()).toBe(403);
  expect(await page.textContent('main')).not.toContain('楼道垃圾');
  expect((await page.goto(`${rig.base}/media/${cleaningRef}/0`))?.status()).toBe(403);
  expect((await page.goto(`${rig.base}/figures`))?.status()).toBe(200);
  await page.goto(`${rig.base}/tickets`);
  expect((await refsOnPage(page)).sort()).toEqual([heaterRef, doorbellRef].sort());
  const own = await page.goto(`${rig.base}/tickets/${heaterRef}`);
  expect(own?.status()).toBe(200);
  // Claimed by 张, not by the head, and the office keeps contacts off cards: hidden.
  const heater = (await rig.h.services.tickets.get(heaterRef))!;
  expect(heater.resident.phone).toMatch(/\d{11}/);
  expect(await page.textContent('main')).not.toContain(heater.resident.phone);
  expect(await page.textContent('main')).not.toContain(heater.resident.name);
  expect(await page.textContent('main')).toContain(rig.h.services.texts.plain('zh-CN', 'dash-detail-contact-hidden'));
  await context.close();
});

test('/dashboard is refused to residents and answered in a group only with "ask privately"', async () => {
  const { h } = rig;
  await h.send(h.u.command(alice, 'dashboard'));
  expect(h.fake.lastTextTo(alice.id)).toBe(h.services.texts.plain('zh-CN', 'refuse-not-staff'));
  await h.send(h.u.command(zhang, 'dashboard', { id: STAFF_CHAT, type: 'supergroup' }));
  expect(h.fake.lastTextTo(STAFF_CHAT)).toBe(h.services.texts.plain('zh-CN', 'dashboard-private-only'));
});

test('the manager sends a public notice (公告) from a ticket\'s page; staff without the role see no form; a post from another site is refused', async () => {
  const { h } = rig;
  const context = await rig.signIn(manager);
  const page = await context.newPage();
  await page.goto(`${rig.base}/tickets/${heaterRef}`);
  const words = '明天9点<停水>检修';
  await page.fill('#notice textarea', words);
  await Promise.all([page.waitForURL(/notice=sent/), page.click('#notice button[type=submit]')]);
  expect(await page.getAttribute('#notice-outcome', 'data-outcome')).toBe('sent');
  await h.settle();
  // Recorded in the log, and sent to the reporter through the outbox, the resident's words escaped.
  const notices = (await h.services.tickets.history(heaterRef)).filter((e) => e.type === 'notice_sent');
  expect(notices.map((e) => e.text)).toEqual([words]);
  const toAlice = h.fake.messagesIn(alice.id).filter((m) => (m.text ?? '').includes('明天9点<停水>检修'));
  expect(toAlice).toHaveLength(1);
  expect(h.fake.callsTo(alice.id).some((c) => String(c.params.text ?? '').includes('&lt;停水&gt;'))).toBe(true);
  expect(await page.$$eval('#timeline li', (items) => items.map((i) => i.getAttribute('data-event')))).toContain('notice_sent');

  // From another site: refused, nothing sent.
  const forged = await context.request.post(`${rig.base}/tickets/${heaterRef}/notice`, { form: { text: '伪造' }, headers: { Origin: 'https://evil.example' }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  await context.close();

  // Staff (not in followers.noticeRoles): no form, and a post is refused.
  const staffContext = await rig.signIn(zhang);
  const staffPage = await staffContext.newPage();
  await staffPage.goto(`${rig.base}/tickets/${heaterRef}`);
  expect(await staffPage.$('#notice')).toBeNull();
  const refused = await staffContext.request.post(`${rig.base}/tickets/${heaterRef}/notice`, { form: { text: '试试' }, headers: { Origin: rig.base }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  await staffContext.close();
  expect((await h.services.tickets.history(heaterRef)).filter((e) => e.type === 'notice_sent')).toHaveLength(1);
});

test('staff see their department\'s open tickets, in English on a phone if they like, until they leave the staff group', async () => {
  const { h } = rig;
  const context = await rig.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  expect((await page.goto(await rig.linkFor(zhang)))?.status()).toBe(200);
  await page.goto(`${rig.base}/tickets?lang=en`);
  expect(await page.textContent('h1')).toBe('Tickets');
  expect((await refsOnPage(page)).sort()).toEqual([heaterRef, doorbellRef].sort());
  expect(await page.textContent('header')).not.toContain('Monthly figures');
  expect((await page.goto(`${rig.base}/figures`))?.status()).toBe(403);
  await page.goto(`${rig.base}/`);
  expect(await page.textContent('h1')).toBe('Overview');
  await shot(page, 'overview-phone-en');
  // Telegram reports that 张 left the staff group: the very next request is refused.
  await h.send(h.u.chatMember(STAFF_CHAT, zhang, 'member', 'left'));
  const after = await page.goto(`${rig.base}/tickets`);
  expect(after?.status()).toBe(403);
  expect(await page.textContent('#refusal')).toBe(h.services.texts.plain('en', 'dash-not-staff'));
  await context.close();
});
