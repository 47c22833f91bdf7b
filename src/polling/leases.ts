/**
 * Who may long-poll Telegram (only one process can: a second getUpdates gets 409 Conflict).
 * Leases are numbered documents; lease n+1 is taken by inserting it, so of several spares
 * exactly one wins (the unique _id decides, as everywhere in this project: no compare-and-swap
 * and no counters, which the test database does not keep — see FACTS.md). The holder renews its own lease by setting a new renewal time
 * (nobody else writes to it); it releases it when it stops cleanly. A spare takes over when
 * the newest lease is released, or has not changed for `takeoverMs` of the spare's own time
 * (so the machines' clocks need not agree), or carries a renewal time far in the past, or
 * was held by a process of this instance that no longer runs (a restart after a crash).
 */
import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../db/models';

/** How a process signs its lease: instance name (the host's, by default), pid, and a random part. */
export function holderId(instance: string): string {
  return `${instance}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A holder on this same instance name whose process is gone (or whose pid is now ours: a
 * container restarted as pid 1) cannot renew: a restart after a crash need not wait.
 */
export function holderGoneHere(holder: string, instance: string): boolean {
  const m = /^(.*):(\d+):[0-9a-f]+$/.exec(holder);
  if (!m || m[1] !== instance) return false;
  const pid = Number(m[2]);
  return pid === process.pid || !alive(pid);
}

export interface LeaseDoc {
  _id: number;
  holder: string;
  takenAt: Date;
  renewedAt: Date;
  released?: boolean;
}

const leaseSchema = new Schema<LeaseDoc>(
  {
    _id: Number,
    holder: { type: String, required: true },
    takenAt: { type: Date, required: true },
    renewedAt: { type: Date, required: true },
    released: Boolean,
  },
  { collection: 'polling_leases', versionKey: false },
);

export function leaseModel(conn: Connection): Model<LeaseDoc> {
  return (conn.models.PollingLease as Model<LeaseDoc>) ?? conn.model<LeaseDoc>('PollingLease', leaseSchema);
}

export interface LeaseOptions {
  /** This process, as written in the lease (host:pid:random). */
  holder: string;
  /** A lease unchanged this long (spare's own clock) is taken over. */
  takeoverMs: number;
  now?: () => number;
}

export type Verdict = { take: true; after: number } | { take: false; holder: string; id: number };

/** What a spare concludes from what it has seen of the newest lease over time. */
export class LeaseWatch {
  private seen = '';
  private since = 0;

  constructor(private readonly options: { takeoverMs: number; now?: () => number; gone?: (holder: string) => boolean }) {}

  judge(newest: LeaseDoc | null): Verdict {
    const now = (this.options.now ?? Date.now)();
    if (!newest) return { take: true, after: 0 };
    if (newest.released || this.options.gone?.(newest.holder)) return { take: true, after: newest._id };
    const key = `${newest._id}@${new Date(newest.renewedAt).getTime()}`;
    if (key !== this.seen) {
      this.seen = key;
      this.since = now;
    }
    const unchangedFor = now - this.since;
    // A renewal time long past by our clock (a holder that died before we started watching):
    // no need to watch it for a whole period first. Twice the period leaves room for clock skew.
    const stale = now - new Date(newest.renewedAt).getTime() > 2 * this.options.takeoverMs;
    if (unchangedFor >= this.options.takeoverMs || stale) return { take: true, after: newest._id };
    return { take: false, holder: newest.holder, id: newest._id };
  }
}

export class PollingLeases {
  readonly model: Model<LeaseDoc>;

  constructor(conn: Connection, private readonly options: LeaseOptions) {
    this.model = leaseModel(conn);
  }

  private now(): Date {
    return new Date((this.options.now ?? Date.now)());
  }

  async newest(): Promise<LeaseDoc | null> {
    return this.model.findOne({}).sort({ _id: -1 }).lean<LeaseDoc>().exec();
  }

  /** Inserts lease after+1 for this process; null when another process inserted it first. */
  async take(after: number): Promise<number | null> {
    const id = after + 1;
    const at = this.now();
    try {
      await this.model.create({ _id: id, holder: this.options.holder, takenAt: at, renewedAt: at });
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
    // Old leases are of no use; a few are kept to read in the database what happened.
    await this.model.deleteMany({ _id: { $lt: id - 10 } }).catch(() => undefined);
    return id;
  }

  /** 'held' after renewing, 'lost' when a newer lease exists (another process took over). */
  async renew(id: number): Promise<'held' | 'lost'> {
    const newest = await this.newest();
    if (!newest || newest._id !== id || newest.holder !== this.options.holder) return 'lost';
    await this.model.updateOne({ _id: id, holder: this.options.holder }, { $set: { renewedAt: this.now() } }).exec();
    return 'held';
  }

  /** At a clean stop: a spare may take over at once. */
  async release(id: number): Promise<void> {
    await this.model.updateOne({ _id: id, holder: this.options.holder }, { $set: { released: true, renewedAt: this.now() } }).exec();
  }
}
