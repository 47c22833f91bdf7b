/**
 * The reads the time-limit jobs and /late need. They go to the working set (live_tickets:
 * open tickets only, never the closed archive), each by status and a range on one due field,
 * so a tick costs what is open, whatever the office's history.
 *
 * The indexes are declared here too, through a read-only model of that collection, so this
 * feature brings what it queries (creating an index that exists is a no-op).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { Models } from '../db/models';
import { TicketRepository } from '../tickets/repository';
import { dataOf, type TicketEvent, type TicketEventType, type TicketState } from '../tickets/types';
import { LIVE_STATUSES } from './rules';

const watchSchema = new Schema(
  {
    ref: String,
    status: String,
    kind: String,
    department: String,
    createdAt: Date,
    responseDueAt: Date,
    resolutionDueAt: Date,
    onSiteDueAt: Date,
    state: Schema.Types.Mixed,
  },
  { collection: 'live_tickets', strict: false, versionKey: false, autoIndex: false, autoCreate: false },
);
watchSchema.index({ status: 1, responseDueAt: 1 });
watchSchema.index({ status: 1, onSiteDueAt: 1 });
watchSchema.index({ status: 1, resolutionDueAt: 1 }); // also in models.ts
watchSchema.index({ status: 1, createdAt: 1 });
watchSchema.index({ status: 1, 'state.complaint.firstAnswerDueAt': 1 });

/** What counts as a first answer to a major complaint: the resolution, or a note told to the resident. */
function isFirstAnswer(event: TicketEvent): boolean {
  return event.type === 'resolved' || (event.type === 'note_added' && dataOf(event, 'note_added')?.toResident === true);
}
/** Events after which a ticket is unclaimed: its announcements count from the latest. */
const OPENING_EVENTS: TicketEventType[] = ['created', 'released', 'transferred'];

export class LimitStore {
  // Read-only and schemaless as far as this feature is concerned: the ticket document is the projection's.
  private readonly tickets: Model<Record<string, unknown>>;
  private ready?: Promise<void>;
  private readonly repository: TicketRepository;

  constructor(private readonly models: Models) {
    this.repository = new TicketRepository(models);
    const conn: Connection = models.Ticket.db;
    this.tickets = (conn.models.LimitWatchLiveTicket ?? conn.model('LimitWatchLiveTicket', watchSchema)) as unknown as Model<Record<string, unknown>>;
  }

  /** Creates the indexes once per process (FerretDB and MongoDB both take an existing one quietly). */
  init(): Promise<void> {
    this.ready ??= this.tickets.createIndexes().then(() => undefined);
    return this.ready;
  }

  private async find(query: Record<string, unknown>, sort: Record<string, 1 | -1>): Promise<TicketState[]> {
    await this.init();
    const docs = await this.tickets.find(query, { state: 1 }).sort(sort).lean<{ state: TicketState }[]>();
    return docs.map((d) => d.state);
  }

  /** Unclaimed tickets whose response limit is due by `until`. */
  responseDueBy(until: Date, departments?: string[]): Promise<TicketState[]> {
    return this.find({ status: 'open', responseDueAt: { $lte: until }, ...inDepartments(departments) }, { responseDueAt: 1 });
  }

  /** Claimed tickets whose on-site time is by `until` (arrival is checked by the caller). */
  onSiteDueBy(until: Date, departments?: string[]): Promise<TicketState[]> {
    return this.find({ status: { $in: ['claimed', 'reopened'] }, onSiteDueAt: { $lte: until }, ...inDepartments(departments) }, { onSiteDueAt: 1 });
  }

  resolutionDueBy(until: Date, departments?: string[]): Promise<TicketState[]> {
    return this.find({ status: { $in: LIVE_STATUSES }, resolutionDueAt: { $lte: until }, ...inDepartments(departments) }, { resolutionDueAt: 1 });
  }

  /** Major complaints whose first answer is due by `until`. */
  firstAnswerDueBy(until: Date, departments?: string[]): Promise<TicketState[]> {
    return this.find({ status: { $in: LIVE_STATUSES }, 'state.complaint.firstAnswerDueAt': { $lte: until }, ...inDepartments(departments) }, { createdAt: 1 });
  }

  /** Unclaimed tickets created at or before `before`. */
  unclaimedSince(before: Date): Promise<TicketState[]> {
    return this.find({ status: 'open', createdAt: { $lte: before } }, { createdAt: 1 });
  }

  /** Claimed tickets whose on-site time passed at or before `before`: the only ones that can be idle that long. */
  claimedOnSiteBefore(before: Date): Promise<TicketState[]> {
    return this.find({ status: 'claimed', onSiteDueAt: { $lte: before } }, { onSiteDueAt: 1 });
  }

  /** Live tickets created at or before `before`. */
  liveSince(before: Date): Promise<TicketState[]> {
    return this.find({ status: { $in: LIVE_STATUSES }, createdAt: { $lte: before } }, { createdAt: 1 });
  }

  /** Which of these "done once" keys are already taken (each by `_id`: `$in` would scan the markers' whole history). */
  async done(keys: string[]): Promise<Set<string>> {
    const found = await Promise.all(keys.map((key) => this.models.JobRun.exists({ _id: key })));
    return new Set(keys.filter((_, i) => found[i] !== null));
  }

  /** Since when each ticket has been unclaimed: its latest creation, release or transfer (from each log, by `_id`). */
  async openSince(refs: string[]): Promise<Map<string, Date>> {
    const since = new Map<string, Date>();
    for (const [ref, log] of await this.logs(refs)) {
      const openings = log.filter((e) => OPENING_EVENTS.includes(e.type)).map((e) => new Date(e.at).getTime());
      if (openings.length > 0) since.set(ref, new Date(Math.max(...openings)));
    }
    return since;
  }

  /** The major complaints among `refs` that have had a first answer. */
  async firstAnswered(refs: string[]): Promise<Set<string>> {
    const answered = new Set<string>();
    for (const [ref, log] of await this.logs(refs)) if (log.some(isFirstAnswer)) answered.add(ref);
    return answered;
  }

  private async logs(refs: string[]): Promise<[string, TicketEvent[]][]> {
    return Promise.all(refs.map(async (ref): Promise<[string, TicketEvent[]]> => [ref, await this.repository.events(ref)]));
  }
}

function inDepartments(departments: string[] | undefined): Record<string, unknown> {
  return departments ? { department: { $in: departments } } : {};
}

/** One copy of each ticket, from several candidate lists. */
export function uniqueTickets(lists: TicketState[][]): TicketState[] {
  const byRef = new Map<string, TicketState>();
  for (const ticket of lists.flat()) if (!byRef.has(ticket.ref)) byRef.set(ticket.ref, ticket);
  return [...byRef.values()];
}
