/**
 * Whether a new emergency may alert everyone at once: a resident whose own emergency is still
 * open from the last few minutes is first asked whether this is a new one (a panicked second
 * report, or a double tap, would otherwise wake every group, head and manager again), and a
 * person without a profile raises only so many per hour. Each person's recent emergencies are
 * one document by their Telegram id, so the check is one `_id` lookup and nothing is scanned.
 */
import type { Clock } from '../clock';
import type { Models } from '../db/models';
import { isLive } from '../limits/rules';
import type { EmergencyPolicy } from './emergencyPolicy';
import type { TicketState } from './types';

const HOUR = 3600_000;

export type EmergencyGate =
  | { kind: 'go' }
  /** An open emergency of theirs from within the repeat window: ask before alerting again. */
  | { kind: 'repeat'; ref: string; at: string }
  /** Without a profile and at the hourly limit: refused, with the phone numbers. */
  | { kind: 'limited'; perHour: number };

interface Report {
  ref: string;
  at: Date;
}

export interface EmergencyIntakeDeps {
  models: Models;
  clock: Clock;
  policy: () => EmergencyPolicy;
  ticket: (ref: string) => Promise<TicketState | null>;
}

export class EmergencyIntake {
  constructor(private readonly deps: EmergencyIntakeDeps) {}

  private async recent(personId: number, since: Date): Promise<Report[]> {
    const doc = await this.deps.models.EmergencyReports.findById(personId).lean<{ reports?: Report[] }>();
    return (doc?.reports ?? []).filter((r) => new Date(r.at) >= since);
  }

  /** What to do with a new emergency from this person, before anything is asked. */
  async gate(personId: number, registered: boolean): Promise<EmergencyGate> {
    const { clock, policy } = this.deps;
    const now = clock.now().getTime();
    const { repeatWindow, unregisteredPerHour } = policy();
    const reports = await this.recent(personId, new Date(now - Math.max(HOUR, repeatWindow)));
    if (!registered && reports.filter((r) => new Date(r.at).getTime() >= now - HOUR).length >= unregisteredPerHour) {
      return { kind: 'limited', perHour: unregisteredPerHour };
    }
    const latest = reports.filter((r) => new Date(r.at).getTime() >= now - repeatWindow).at(-1);
    if (!latest) return { kind: 'go' };
    const ticket = await this.deps.ticket(latest.ref);
    if (!ticket || !isLive(ticket)) return { kind: 'go' };
    return { kind: 'repeat', ref: latest.ref, at: new Date(latest.at).toISOString() };
  }

  /**
   * Remembers an emergency just raised, keeping only what a later gate still looks at. A
   * person's updates are handled one at a time, so this read-then-write has no rival writer.
   */
  async record(personId: number, ref: string, at: Date): Promise<void> {
    const keepFrom = new Date(at.getTime() - Math.max(HOUR, this.deps.policy().repeatWindow));
    const reports = [...(await this.recent(personId, keepFrom)), { ref, at }];
    await this.deps.models.EmergencyReports.updateOne({ _id: personId }, { $set: { reports } }, { upsert: true });
  }
}
