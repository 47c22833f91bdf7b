/**
 * What the dashboard's pages read from the tickets, limited to what the viewer may see
 * (access.ts) and bounded: a list reads one page of a named period (plus one document to know
 * whether there is a next), and a list of open work reads the working set (live_tickets) instead
 * of the archive; the overview reads the working set, the emergencies by a top-level equality,
 * and today's new and closed tickets from the month's facts. On
 * FerretDB v1 nothing but `{_id}` uses an index and only a top-level equality is handed to
 * PostgreSQL (../shared/FACTS.md, README "Web dashboard"), so the reads are shaped for that,
 * and identical reads at the same time are shared (singleFlight.ts).
 */
import type { Models } from '../db/models';
import type { Clock } from '../clock';
import type { OfficePolicy } from '../config/office';
import { localDateKey } from '../time/zoned';
import { inWorkingSet, type TicketState, type TicketStatus } from '../tickets/types';
import { fieldsOfGroupKey } from '../figures/facts';
import { FactStore } from '../figures/store';
import { LIVE_STATUSES, maySee, visibleFilter, type Viewer } from './access';
import { SingleFlight } from './singleFlight';

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

/**
 * A list names a period unless it asks for open work (an open status, or overdue only): without
 * one, this month so far — one month's tickets, never a sort of the whole history. Older
 * tickets are a date range away.
 */
export function withDefaultPeriod(filters: TicketFilters, today: string): TicketFilters {
  const openWork = filters.overdue || (filters.status !== undefined && LIVE_STATUSES.includes(filters.status));
  if (filters.from || filters.to || openWork) return filters;
  return { ...filters, from: `${today.slice(0, 7)}-01`, to: today };
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


export class DashboardQueries {
  private readonly facts: FactStore;
  private readonly shared = new SingleFlight();

  constructor(private readonly deps: { models: Models; clock: Clock; policy: OfficePolicy }) {
    this.facts = new FactStore(deps.models, deps.policy);
  }

  /**
   * The database filter: equality on the ticket's top-level fields wherever it can be (FerretDB
   * on PostgreSQL hands a top-level equality to the database and reads only the matching
   * documents; anything else it filters itself after reading the whole collection).
   */
  private filterFor(viewer: Viewer, filters: TicketFilters): Record<string, unknown> | null {
    const query: Record<string, unknown> = { ...visibleFilter(viewer) };
    const ors: Record<string, unknown>[] = [];
    if (query.$or) ors.push({ $or: query.$or });
    delete query.$or;
    if (filters.department) {
      if (viewer.role === 'head' && !viewer.departments.includes(filters.department)) return null;
      query.department = filters.department;
    }
    if (filters.overdue) {
      if (filters.status && !LIVE_STATUSES.includes(filters.status)) return null;
      query.status = filters.status ?? { $in: LIVE_STATUSES };
      query.resolutionDueAt = { $lt: this.deps.clock.now() };
    } else if (filters.status) query.status = filters.status;
    if (filters.kind) query.kind = filters.kind;
    if (filters.category) {
      // 'household/inspect' (a repair kind's category: ids repeat across kinds) or a bare category id.
      const [repairKind, category] = filters.category.includes('/') ? filters.category.split('/', 2) : [undefined, filters.category];
      if (repairKind) query['state.report.repairKind'] = repairKind;
      query['state.report.category'] = category;
    }
    if (filters.building) query['state.resident.building'] = filters.building;
    // `day` is the office-local day stored with the ticket: compared as text, no date operators.
    if (filters.from || filters.to) query.day = { ...(filters.from ? { $gte: filters.from } : {}), ...(filters.to ? { $lte: filters.to } : {}) };
    // Within one month, the month's equality narrows what is read.
    if (filters.from && filters.to && filters.from.slice(0, 7) === filters.to.slice(0, 7)) query.month = filters.from.slice(0, 7);
    if (filters.text) {
      const pattern = escapeRegex(filters.text);
      ors.push({ $or: [{ _id: { $regex: pattern, $options: 'i' } }, { 'state.report.description': { $regex: pattern, $options: 'i' } }] });
    }
    if (ors.length === 1) Object.assign(query, ors[0]);
    if (ors.length > 1) query.$and = ors;
    return query;
  }

  /** One page of the tickets a viewer may see, newest first. */
  async list(viewer: Viewer, filters: TicketFilters, page: number, pageSize: number): Promise<TicketPage> {
    const filter = this.filterFor(viewer, filters);
    if (!filter) return { tickets: [], page, hasNext: false };
    // Open work is read from the working set (live_tickets: open tickets only), never the archive.
    const source: Models['LiveTicket'] = filters.overdue || (filters.status !== undefined && inWorkingSet(filters.status)) ? this.deps.models.LiveTicket : this.deps.models.Ticket;
    const read = () =>
      source
        .find(filter, { state: 1 })
        .sort({ createdAt: -1, _id: -1 })
        .skip(page * pageSize)
        .limit(pageSize + 1)
        .lean<{ state: TicketState }[]>();
    const docs = await this.shared.run(`list:${source.collection.collectionName}:${JSON.stringify(filter)}:${page}:${pageSize}`, read);
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

  /**
   * The overview: the open work from the working set (live_tickets, small whatever the
   * history), today's new and closed tickets from this month's facts (src/figures), by
   * department, and the latest emergencies by a top-level equality.
   */
  async overview(viewer: Viewer): Promise<Overview> {
    const { models, clock, policy } = this.deps;
    const now = clock.now();
    const today = localDateKey(now, policy.timezone);
    // Read for the whole office (shared by requests at the same time), then cut to what this viewer may see.
    const read = (key: string, model: Models['LiveTicket'], filter: Record<string, unknown>) =>
      this.shared.run(key, async () => (await model.find(filter, { state: 1 }).lean<{ state: TicketState }[]>()).map((d) => d.state));
    const [open, emergencies, newToday, closedToday] = await Promise.all([
      read('live', models.LiveTicket, { status: { $in: LIVE_STATUSES } }),
      read('emergencies', models.Ticket, { kind: 'emergency' }),
      this.countOn('received', today, viewer),
      this.countOn('closed', today, viewer),
    ]);
    const visible = (tickets: TicketState[]) => tickets.filter((t) => maySee(viewer, t));
    const live = visible(open);
    const byStatus = LIVE_STATUSES.map((status) => ({ status, n: live.filter((t) => t.status === status).length }));
    const byDepartment = policy.departments
      .map((d) => ({ department: d.id, n: live.filter((t) => t.department === d.id).length }))
      .filter((d) => d.n > 0);
    const overdue = live.filter((t) => new Date(t.resolutionDueAt) < now).sort((a, b) => +new Date(a.resolutionDueAt) - +new Date(b.resolutionDueAt));
    const latest = visible(emergencies).sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt)).slice(0, LATEST_EMERGENCIES);
    return { byStatus, byDepartment, overdue, newToday, closedToday, emergencies: latest };
  }

  /** Tickets received or closed on an office day in the viewer's departments, from that day's facts. */
  private async countOn(type: 'received' | 'closed', day: string, viewer: Viewer): Promise<number> {
    const rows = await this.shared.run(`facts:${day}`, () =>
      this.facts.aggregate<{ _id: string; n: number }>(day.slice(0, 7), [{ $match: { day } }, { $group: { _id: '$g', n: { $sum: '$w' } } }]),
    );
    return rows
      .map((row) => ({ ...fieldsOfGroupKey(row._id), n: row.n }))
      .filter((f) => f.type === type && viewer.departments.includes(f.department))
      .reduce((sum, f) => sum + f.n, 0);
  }

}
