/**
 * Puts the dashboard together for main.ts and the tests: the sign-in keys and lifetimes from
 * configuration, the links the bot hands out, and the web app.
 */
import type { Clock } from '../../src/clock';
import type { OfficePolicy } from '../../src/config/office';
import { DashboardAuth, dashboardKey } from '../../src/dashboard/auth';
import { dashboardPolicy } from '../../src/dashboard/config';
import type { Models } from '../../src/db/models';
import type { AppServices } from '../context';
import type { DashboardLinks } from './feature';
import { telegramMedia, type MediaSource } from './media';
import { createDashboardApp } from './router';

export function createDashboardAuth(deps: { models: Models; clock: Clock; policy: OfficePolicy; secret: string }): DashboardAuth {
  const db = deps.models.Ticket.db.db;
  if (!db) throw new Error('the database connection is not open');
  const settings = dashboardPolicy(deps.policy);
  return new DashboardAuth({
    key: dashboardKey(deps.secret),
    clock: deps.clock,
    db,
    linkLifetimeMs: settings.linkLifetime,
    sessionLifetimeMs: settings.sessionLifetime,
  });
}

export function dashboardLinks(auth: DashboardAuth, publicUrl: string, policy: OfficePolicy): DashboardLinks {
  return {
    linkFor: (user) => `${publicUrl}/auth?token=${encodeURIComponent(auth.issueLink(user))}`,
    linkLifetimeMs: dashboardPolicy(policy).linkLifetime,
  };
}

/** The web app; photos come through `media` (main.ts: telegramMedia on the bot's Api). */
export function createDashboard(deps: { services: AppServices; auth: DashboardAuth; publicUrl: string; media: MediaSource }) {
  return createDashboardApp({ services: deps.services, auth: deps.auth, media: deps.media, secureCookies: deps.publicUrl.startsWith('https:') });
}

export { telegramMedia };
