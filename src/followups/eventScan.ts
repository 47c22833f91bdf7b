/**
 * Reading the event log from where the last tick stopped. The log is the one place that sees
 * every change, whoever made it (a resident's Solved, the scheduler's auto-confirmation, a
 * second bot instance), so watching it misses no closure and no new report. It reads the
 * recent copy of the watched types (src/tickets/recentEvents.ts), a range on (type, at) from
 * the watermark, and prunes what is older than the first run's lookback: a tick costs what
 * happened lately, never the office's history.
 *
 * An event is written with the time its writer read the clock; another instance may insert
 * it a moment after this scan passed that time. So every scan reads `scanOverlap` back again,
 * and what it does with an event must be idempotent (the callers insert against unique ids).
 * What this process already handled is not handed out again: with a tick a minute, the
 * overlap gave every event to its job two or three times (for the repeat check, two commands
 * each; a fifth of the tick with 100 due). The late events the overlap is there for are not
 * among them.
 */
import type { Models } from '../db/models';
import { RECENT_EVENT_TYPES, RecentEvents, type RecentEvent } from '../tickets/recentEvents';
import type { TicketEventType } from '../tickets/types';
import type { FollowupModels, WatermarkDoc } from './model';

const keyOf = (event: RecentEvent) => `${event.ref}#${event.seq}`;

export class EventScan {
  private readonly recent: RecentEvents;
  /** Events this process handed out and its caller committed, with their time (ms). */
  private readonly handled = new Map<string, number>();

  constructor(
    models: Models,
    private readonly followups: FollowupModels,
    private readonly options: { name: string; types: TicketEventType[]; overlap: number; firstRunLookback: number; batch: number },
  ) {
    const unwatched = options.types.filter((type) => !RECENT_EVENT_TYPES.includes(type));
    if (unwatched.length > 0) throw new Error(`event scan ${options.name}: ${unwatched.join(', ')} not kept in recent_events`);
    this.recent = new RecentEvents(models);
  }

  /** Events of the watched types since the watermark (with the overlap), oldest first, about one batch. */
  async next(now: Date): Promise<{ events: RecentEvent[]; commit: () => Promise<void> }> {
    const { name, types, overlap, firstRunLookback, batch } = this.options;
    const mark = await this.followups.Watermark.findById(name).lean<WatermarkDoc>();
    // A mark left by a full batch is exact (the backlog continues right after it); a mark at
    // "now" is read again `overlap` back.
    const from = mark ? new Date(new Date(mark.at).getTime() - (mark.exact ? 0 : overlap)) : new Date(now.getTime() - firstRunLookback - overlap);
    await this.recent.prune(new Date(Math.min(from.getTime(), now.getTime() - firstRunLookback) - overlap));
    const events = await this.recent.between(types, from, now, batch);
    this.forgetBefore(from);
    if (events.length < batch) return this.handOut(events, () => this.advance(now, false));
    // A full batch: take every event of its last instant too, so the next read can start
    // strictly after it — even when more than a batch share one instant.
    const lastAt = new Date(events[events.length - 1].at);
    const seen = new Set(events.map(keyOf));
    const sameInstant = await this.recent.at(types, lastAt);
    const all = [...events, ...sameInstant.filter((e) => !seen.has(keyOf(e)))];
    return this.handOut(all, () => this.advance(lastAt, true));
  }

  /** The events not handled yet; once the caller commits, all of them are. */
  private handOut(events: RecentEvent[], advance: () => Promise<void>): { events: RecentEvent[]; commit: () => Promise<void> } {
    return {
      events: events.filter((e) => !this.handled.has(keyOf(e))),
      commit: async () => {
        await advance();
        for (const e of events) this.handled.set(keyOf(e), new Date(e.at).getTime());
      },
    };
  }

  /** Scans never read before `from` again (the watermark only moves forward). */
  private forgetBefore(from: Date): void {
    const limit = from.getTime();
    for (const [key, at] of this.handled) if (at < limit) this.handled.delete(key);
  }

  /** Moves the watermark forward, never back; two instances writing it at once both go forward. */
  private async advance(to: Date, exact: boolean): Promise<void> {
    const { Watermark } = this.followups;
    const updated = await Watermark.updateOne({ _id: this.options.name, at: { $lt: to } }, { $set: { at: to, exact } });
    if (updated.matchedCount > 0) return;
    try {
      await Watermark.create({ _id: this.options.name, at: to, exact });
    } catch {
      // It exists with a later mark (another instance went further): keep theirs.
    }
  }
}
