/**
 * The web dashboard's configuration (`dashboard:` in the office policy file): how long a
 * sign-in link and a session last, and how many tickets a list page shows.
 */
import { z } from 'zod';
import type { OfficePolicy } from '../config/office';
import { defined, duration } from '../config/schemaParts';

export interface DashboardPolicy {
  /** A one-time sign-in link from /dashboard is refused after this (ms). */
  linkLifetime: number;
  /** A session cookie is refused after this (ms); the person sends /dashboard again. */
  sessionLifetime: number;
  /** Tickets per page of the list. */
  pageSize: number;
}

const MINUTE = 60_000;

export const DEFAULT_DASHBOARD: DashboardPolicy = {
  linkLifetime: 10 * MINUTE,
  sessionLifetime: 12 * 60 * MINUTE,
  pageSize: 50,
};

export const dashboardSchema = z.strictObject({
  linkLifetime: duration(1).optional(),
  sessionLifetime: duration(1).optional(),
  pageSize: z.number().int().min(5).max(500).optional(),
});

export function dashboardPolicy(policy: OfficePolicy): DashboardPolicy {
  return { ...DEFAULT_DASHBOARD, ...defined(policy.dashboard) };
}
