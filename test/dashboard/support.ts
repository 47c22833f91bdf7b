/**
 * The dashboard under test: the real bot (harness) with /dashboard links, the real web app on
 * a loopback port, the real test database, and headless Chromium (Debian's) driven by
 * playwright-core. Screenshots go to test-output/dashboard/ for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { createDashboard, createDashboardAuth, dashboardLinks, telegramMedia } from '../../bot/dashboard';
import type { DashboardAuth } from '../../src/dashboard/auth';
import { dashboardPolicy } from '../../src/dashboard/config';
import { listen } from '../../src/http/app';
import { createHarness, TOKEN, type Harness, type HarnessOptions } from '../support/harness';
import type { TgUser } from '../support/updates';

export const CHROMIUM = '/usr/bin/chromium';
export const OUTPUT = path.join(__dirname, '..', '..', 'test-output', 'dashboard');

export interface DashboardRig {
  h: Harness;
  auth: DashboardAuth;
  base: string;
  browser: Browser;
  /** Sends /dashboard privately as `who` and returns the link the bot answered with. */
  linkFor(who: TgUser): Promise<string>;
  /** A browser of its own for `who`, signed in through a fresh link. */
  signIn(who: TgUser): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startDashboard(options: Omit<HarnessOptions, 'dashboard'> = {}): Promise<DashboardRig> {
  let auth: DashboardAuth | undefined;
  let base = '';
  const h = await createHarness({
    ...options,
    dashboard: (services) => {
      auth = createDashboardAuth({ models: services.db, clock: services.clock, policy: services.policy, secret: TOKEN });
      const links = () => dashboardLinks(auth!, base, services.policy);
      return { linkFor: (user) => links().linkFor(user), linkLifetimeMs: dashboardPolicy(services.policy).linkLifetime };
    },
  });
  const app = createDashboard({ services: h.services, auth: auth!, publicUrl: 'http://127.0.0.1', media: telegramMedia(h.bot.api, TOKEN, h.fake.apiRoot) });
  const server: Server = await listen(app, 0, '127.0.0.1');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  fs.mkdirSync(OUTPUT, { recursive: true });

  async function linkFor(who: TgUser): Promise<string> {
    const before = h.fake.callsTo(who.id).length;
    await h.send(h.u.command(who, 'dashboard'));
    const answer = h.fake.callsTo(who.id).slice(before).find((c) => c.method === 'sendMessage');
    const href = /href="([^"]+)"/.exec(String(answer?.params.text ?? ''))?.[1];
    if (!href) throw new Error(`no sign-in link in: ${answer?.params.text}`);
    return href.replace(/&amp;/g, '&');
  }

  async function signIn(who: TgUser): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(await linkFor(who));
    if (response?.status() !== 200 || new URL(page.url()).pathname !== '/') throw new Error(`sign-in failed: ${response?.status()} ${page.url()}`);
    await page.close();
    return context;
  }

  return {
    h,
    auth: auth!,
    base,
    browser,
    linkFor,
    signIn,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await h.close();
    },
  };
}
