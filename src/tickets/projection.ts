/**
 * The ticket document is a fold over its event log: the log is the office's quality record
 * and the source of truth, so a projection can always be rebuilt from it. Everything an
 * event changes is in the event (times computed from policy are stored in its data), so
 * replaying never consults the clock or the configuration.
 */
import { INFORMATIONAL_EVENTS, type TicketEvent, type TicketState } from './types';

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
    if (!event.data) throw new Error(`created event of ${event.ref} carries no ticket`);
    return { ...event.data, seq: event.seq, lastEvent, lastEventAt: event.at };
  }
  if (!state) throw new Error(`event ${event.type} #${event.seq} of ${event.ref} has no created event before it`);
  // A survey sent or a reminder is part of the record, not a change residents or staff track.
  if (INFORMATIONAL_EVENTS.includes(event.type)) {
    // A scheduler event recorded once per key (src/tickets/service.ts recordOnce) leaves its key.
    const key = event.data && 'key' in event.data ? event.data.key : undefined;
    return typeof key === 'string' ? { ...state, seq: event.seq, recordedKeys: [...(state.recordedKeys ?? []), key] } : { ...state, seq: event.seq };
  }
  const next: TicketState = { ...state, seq: event.seq, lastEvent, lastEventAt: event.at };
  switch (event.type) {
    case 'claimed':
      next.status = 'claimed';
      next.owner = { id: event.actor.id, name: event.actor.name };
      next.claimedAt = event.at;
      next.onSiteDueAt = event.data?.onSiteDueAt;
      break;
    case 'arrived':
      next.status = 'on_site';
      next.arrivedAt = event.at;
      next.waiting = undefined;
      break;
    case 'resolved':
      next.status = 'resolved';
      next.resolvedAt = event.at;
      next.autoConfirmAt = event.data?.autoConfirmAt;
      next.waiting = undefined;
      next.result = { text: event.text ?? '', media: event.media ?? [], fee: event.data?.fee };
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
      next.department = event.data!.to;
      next.transferredFrom = event.data!.from;
      next.responseDueAt = event.data!.responseDueAt;
      break;
    case 'released':
      unclaim(next);
      break;
    case 'reassigned':
      next.owner = event.data!.to;
      next.status = state.status === 'reopened' ? 'reopened' : 'claimed';
      next.claimedAt = event.at;
      next.arrivedAt = undefined;
      next.onSiteDueAt = event.data?.onSiteDueAt;
      break;
    case 'rescheduled':
      next.waiting = { reason: event.text ?? '', until: event.data!.until, parts: !!event.data!.parts };
      if (!state.arrivedAt) next.onSiteDueAt = event.data!.until;
      break;
    case 'deadline_extended':
      next.resolutionDueAt = event.data!.until;
      break;
    case 'repeat_flagged':
      next.repeatOf = event.data?.of;
      break;
    case 'urged':
      next.lastUrgedAt = event.at;
      next.urgeCount = (state.urgeCount ?? 0) + 1;
      break;
    case 'cancelled':
      next.status = 'cancelled';
      next.cancelledAt = event.at;
      next.autoConfirmAt = undefined;
      break;
    case 'classified': {
      const data = event.data!;
      const cls = data.class;
      next.complaint = {
        ...state.complaint!,
        class: cls,
        classifiedBy: { id: event.actor.id, name: event.actor.name },
        firstAnswerDueAt: data.firstAnswerDueAt,
      };
      next.resolutionDueAt = data.resolutionDueAt;
      if (data.owner) {
        next.owner = data.owner;
        if (state.status === 'open') next.status = 'claimed';
        next.claimedAt = next.claimedAt ?? event.at;
      }
      if (cls === 'invalid') {
        // Outside the office's scope: answered with the explanation, the resident may still
        // dispute it — then whoever explained it owns the follow-up.
        next.owner = next.owner ?? { id: event.actor.id, name: event.actor.name };
        next.status = 'resolved';
        next.resolvedAt = event.at;
        next.autoConfirmAt = event.data?.autoConfirmAt;
        next.result = { text: event.text ?? '', media: [] };
      }
      break;
    }
    case 'followed': {
      const follower = event.data!.follower;
      const others = (state.followers ?? []).filter((f) => f.telegramId !== follower.telegramId);
      next.followers = [...others, follower];
      if (event.data!.urgent) next.priority = 'urgent';
      break;
    }
    case 'unfollowed':
      next.followers = (state.followers ?? []).filter((f) => f.telegramId !== event.data!.follower);
      break;
    case 'closed_as_duplicate':
      next.status = 'closed';
      next.closedAt = event.at;
      next.autoConfirmAt = undefined;
      next.duplicateOf = event.data!.of;
      break;
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
