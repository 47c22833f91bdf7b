/**
 * What the dashboard's pages read from the tickets. Every query is limited to what the viewer
 * may see (access.ts) and bounded: lists read one page (plus one document to know whether
 * there is a next), the overview reads the open tickets (the live work, not the history)
 * and counts today's tickets. On FerretDB v1 any filter but `{_id}` scans the collection
 * (../shared/FACTS.md), so each page costs as few queries as it can: the overview two, a
 * list page one, a ticket its document and its log by `_id`.
 */
import type { Models } from '../db/models';
import type { Clock } from '../clock';
import type { OfficePolicy } from '../config/office';
import { localDateKey, zonedTime } from '../time/zoned';
import type { TicketState, TicketStatus } from '../tickets/types';
import { LIVE_STATUSES, visibleFilter, type Viewer } from './access';

export interface TicketFilters {
  status?: TicketStatus;
  kind?: string;
  /** 'household/inspect', or a category id of any repair kind. */
  category?: string;
  department?: string;
  building?: string;
  /** Office-local days 'YYYY-MM-DD', both ends included, on the day the ticket came in. */
  from?: string;
  to?: string;
  overdue?: boolean;
  /** Part of the reference or the description. */
  text?: string;
}

export interface TicketPage {
  tickets: TicketState[];
  page: number;
  hasNext: boolean;
}

export interface Overview {
  byStatus: { status: TicketStatus; n: number }[];
  byDepartment: { department: string; n: number }[];
  overdue: TicketState[];
  newToday: number;
  closedToday: number;
  emergencies: TicketState[];
}

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES: TicketStatus[] = ['open', 'claimed', 'on_site', 'resolved', 'reopened', 'closed', 'cancelled'];
const LATEST_EMERGENCIES = 5;
const TEXT_MAX = 100;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Filters from a query string: unknown or malformed values are left out, never trusted. */
export function parseFilters(query: Record<string, unknown>): TicketFilters {
  const str = (key: string) => (typeof query[key] === 'string' && (query[key] as string).trim() !== '' ? (query[key] as string).trim() : undefined);
  const filters: TicketFilters = {};
  const status = str('status');
  if (status && (STATUSES as string[]).includes(status)) filters.status = status as TicketStatus;
  for (const key of ['kind', 'category', 'department', 'building'] as const) {
    const value = str(key);
    if (value) filters[key] = value.slice(0, TEXT_MAX);
  }
  for (const key of ['from', 'to'] as const) {
    const value = str(key);
    if (value && DAY_KEY.test(value)) filters[key] = value;
  }
  if (str('overdue') === '1') filters.overdue = true;
  const text = str('q');
  if (text) filters.text = text.slice(0, TEXT_MAX);
  return filters;
}

/** The filters back as a query string (for paging links and the CSV link). */
export function filtersQuery(filters: TicketFilters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  const { text, overdue, ...rest } = filters;
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) params.set(key, String(value));
  if (overdue) params.set('overdue', '1');
  if (text) params.set('q', text);
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  return params.toString();
}

function startOfDay(day: string, timezone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return zonedTime(timezone, y, m, d);
}

export class DashboardQueries {
  constructor(private readonly deps: { models: Models; clock: Clock; policy: OfficePolicy }) {}

  private filterFor(viewer: Viewer, filters: TicketFilters): Record<string, unknown> {
    const and: Record<string, unknown>[] = [visibleFilter(viewer)];
    if (filters.status) and.push({ status: filters.status });
    if (filters.kind) and.push({ kind: filters.kind });
    if (filters.department) and.push({ department: filters.department });
    if (filters.category) {
      // 'household/inspect' (a repair kind's category: ids repeat across kinds) or a bare category id.
      const [repairKind, category] = filters.category.includes('/') ? filters.category.split('/', 2) : [undefined, filters.category];
      and.push(repairKind ? { 'state.report.repairKind': repairKind, 'state.report.category': category } : { 'state.report.category': category });
    }
    if (filters.building) and.push({ 'state.resident.building': filters.building });
    // `day` is the office-local day stored with the ticket: compared as text, no date operators.
    if (filters.from) and.push({ day: { $gte: filters.from } });
    if (filters.to) and.push({ day: { $lte: filters.to } });
    if (filters.overdue) and.push({ status: { $in: LIVE_STATUSES }, resolutionDueAt: { $lt: this.deps.clock.now() } });
    if (filters.text) {
      const pattern = escapeRegex(filters.text);
      and.push({ $or: [{ _id: { $regex: pattern, $options: 'i' } }, { 'state.report.description': { $regex: pattern, $options: 'i' } }] });
    }
    const nonEmpty = and.filter((f) => Object.keys(f).length > 0);
    return nonEmpty.length === 0 ? {} : nonEmpty.length === 1 ? nonEmpty[0] : { $and: nonEmpty };
  }

  /** One page of the tickets a viewer may see, newest first. */
  async list(viewer: Viewer, filters: TicketFilters, page: number, pageSize: number): Promise<TicketPage> {
    const docs = await this.deps.models.Ticket.find(this.filterFor(viewer, filters), { state: 1 })
      .sort({ createdAt: -1, _id: -1 })
      .skip(page * pageSize)
      .limit(pageSize + 1)
      .lean<{ state: TicketState }[]>();
    return { tickets: docs.slice(0, pageSize).map((d) => d.state), page, hasNext: docs.length > pageSize };
  }

  /** Every ticket of a filtered list, in pages of `batch` (the CSV export streams them). */
  async *all(viewer: Viewer, filters: TicketFilters, batch = 500): AsyncGenerator<TicketState[]> {
    for (let page = 0; ; page++) {
      const { tickets, hasNext } = await this.list(viewer, filters, page, batch);
      if (tickets.length > 0) yield tickets;
      if (!hasNext) return;
    }
  }

  async overview(viewer: Viewer): Promise<Overview> {
    const { models, clock, policy } = this.deps;
    const now = clock.now();
    const today = localDateKey(now, policy.timezone);
    const todayStart = startOfDay(today, policy.timezone);
    const scope = visibleFilter(viewer);
    const withScope = (f: Record<string, unknown>) => (Object.keys(scope).length === 0 ? f : { $and: [scope, f] });
    // The live work and today's tickets in one read: new today, closed today, and still open.
    const docs = await models.Ticket.find(
      withScope({ $or: [{ status: { $in: LIVE_STATUSES } }, { day: today }, { status: 'closed', 'state.closedAt': { $gte: todayStart } }] }),
      { state: 1 },
    ).lean<{ state: TicketState }[]>();
    const tickets = docs.map((d) => d.state);
    const live = tickets.filter((t) => LIVE_STATUSES.includes(t.status));
    const byStatus = LIVE_STATUSES.map((status) => ({ status, n: live.filter((t) => t.status === status).length }));
    const byDepartment = policy.departments
      .map((d) => ({ department: d.id, n: live.filter((t) => t.department === d.id).length }))
      .filter((d) => d.n > 0);
    const overdue = live.filter((t) => new Date(t.resolutionDueAt) < now).sort((a, b) => +new Date(a.resolutionDueAt) - +new Date(b.resolutionDueAt));
    const emergencies = await models.Ticket.find(withScope({ kind: 'emergency' }), { state: 1 })
      .sort({ createdAt: -1 })
      .limit(LATEST_EMERGENCIES)
      .lean<{ state: TicketState }[]>();
    return {
      byStatus,
      byDepartment,
      overdue,
      newToday: tickets.filter((t) => t.day === today).length,
      closedToday: tickets.filter((t) => t.status === 'closed' && t.closedAt && new Date(t.closedAt) >= todayStart).length,
      emergencies: emergencies.map((d) => d.state),
    };
  }
}
