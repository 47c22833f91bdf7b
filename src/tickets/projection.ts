/**
 * The ticket document is a fold over its event log: the log is the office's quality record
 * and the source of truth, so a projection can always be rebuilt from it. Everything an
 * event changes is in the event (times computed from policy are stored in its data), so
 * replaying never consults the clock or the configuration.
 */
import { INFORMATIONAL_EVENTS, type ComplaintClass, type TicketEvent, type TicketState } from './types';

type Owner = { id: number; name: string };

function unclaim(next: TicketState): void {
  next.owner = undefined;
  next.claimedAt = undefined;
  next.onSiteDueAt = undefined;
  next.arrivedAt = undefined;
  next.waiting = undefined;
  next.status = 'open';
}

export function applyEvent(state: TicketState | undefined, event: TicketEvent): TicketState {
  const lastEvent = { type: event.type, at: event.at };
  if (event.type === 'created') {
    const initial = event.data as unknown as Omit<TicketState, 'seq' | 'lastEventAt' | 'lastEvent'>;
    return { ...initial, seq: event.seq, lastEvent, lastEventAt: event.at };
  }
  if (!state) throw new Error(`event ${event.type} #${event.seq} of ${event.ref} has no created event before it`);
  // A survey sent or a reminder is part of the record, not a change residents or staff track.
  if (INFORMATIONAL_EVENTS.includes(event.type)) return { ...state, seq: event.seq };
  const next: TicketState = { ...state, seq: event.seq, lastEvent, lastEventAt: event.at };
  const data = event.data ?? {};
  switch (event.type) {
    case 'claimed':
      next.status = 'claimed';
      next.owner = { id: event.actor.id, name: event.actor.name };
      next.claimedAt = event.at;
      next.onSiteDueAt = data.onSiteDueAt as Date | undefined;
      break;
    case 'arrived':
      next.status = 'on_site';
      next.arrivedAt = event.at;
      next.waiting = undefined;
      break;
    case 'resolved':
      next.status = 'resolved';
      next.resolvedAt = event.at;
      next.autoConfirmAt = data.autoConfirmAt as Date;
      next.waiting = undefined;
      next.result = { text: event.text ?? '', media: event.media ?? [], fee: data.fee as number | undefined };
      break;
    case 'confirmed':
    case 'auto_confirmed':
      next.status = 'closed';
      next.closedAt = event.at;
      next.autoConfirmAt = undefined;
      break;
    case 'reopened':
      // From "resolved" (the resident disputes) or from "closed" (a dissatisfied survey).
      next.status = 'reopened';
      next.reopenCount = state.reopenCount + 1;
      next.resolvedAt = undefined;
      next.closedAt = undefined;
      next.autoConfirmAt = undefined;
      break;
    case 'transferred':
      unclaim(next);
      next.department = data.to as string;
      next.transferredFrom = data.from as string;
      next.responseDueAt = data.responseDueAt as Date;
      break;
    case 'released':
      unclaim(next);
      break;
    case 'reassigned':
      next.owner = data.to as Owner;
      next.status = state.status === 'reopened' ? 'reopened' : 'claimed';
      next.claimedAt = event.at;
      next.arrivedAt = undefined;
      next.onSiteDueAt = data.onSiteDueAt as Date | undefined;
      break;
    case 'rescheduled':
      next.waiting = { reason: event.text ?? '', until: data.until as Date, parts: !!data.parts };
      if (!state.arrivedAt) next.onSiteDueAt = data.until as Date;
      break;
    case 'deadline_extended':
      next.resolutionDueAt = data.until as Date;
      break;
    case 'repeat_flagged':
      next.repeatOf = data.of as string;
      break;
    case 'urged':
      next.lastUrgedAt = event.at;
      break;
    case 'cancelled':
      next.status = 'cancelled';
      next.cancelledAt = event.at;
      next.autoConfirmAt = undefined;
      break;
    case 'classified': {
      const cls = data.class as ComplaintClass;
      next.complaint = {
        ...state.complaint!,
        class: cls,
        classifiedBy: { id: event.actor.id, name: event.actor.name },
        firstAnswerDueAt: data.firstAnswerDueAt as Date | undefined,
      };
      next.resolutionDueAt = data.resolutionDueAt as Date;
      if (data.owner) {
        next.owner = data.owner as Owner;
        if (state.status === 'open') next.status = 'claimed';
        next.claimedAt = next.claimedAt ?? event.at;
      }
      if (cls === 'invalid') {
        // Outside the office's scope: answered with the explanation, the resident may still
        // dispute it — then whoever explained it owns the follow-up.
        next.owner = next.owner ?? { id: event.actor.id, name: event.actor.name };
        next.status = 'resolved';
        next.resolvedAt = event.at;
        next.autoConfirmAt = data.autoConfirmAt as Date;
        next.result = { text: event.text ?? '', media: [] };
      }
      break;
    }
    default:
      // info_added, note_added: part of the record, no change of state.
      break;
  }
  if (!state.firstResponse && !state.owner && next.owner) {
    next.firstResponse = { at: event.at, dueAt: state.responseDueAt, department: next.department };
  }
  return next;
}

export function replay(events: TicketEvent[]): TicketState | undefined {
  return [...events].sort((a, b) => a.seq - b.seq).reduce<TicketState | undefined>(applyEvent, undefined);
}
