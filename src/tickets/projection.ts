/**
 * The ticket document is a fold over its event log: the log is the office's quality record
 * and the source of truth, so a projection can always be rebuilt from it.
 */
import type { TicketEvent, TicketState } from './types';

export function applyEvent(state: TicketState | undefined, event: TicketEvent): TicketState {
  if (event.type === 'created') {
    const initial = event.data as unknown as Omit<TicketState, 'seq' | 'lastEventAt'>;
    return { ...initial, seq: event.seq, lastEventAt: event.at };
  }
  if (!state) throw new Error(`event ${event.type} #${event.seq} of ${event.ref} has no created event before it`);
  const next: TicketState = { ...state, seq: event.seq, lastEventAt: event.at };
  const data = event.data ?? {};
  switch (event.type) {
    case 'claimed':
      next.status = 'claimed';
      next.owner = { id: event.actor.id, name: event.actor.name };
      next.claimedAt = event.at;
      next.onSiteDueAt = data.onSiteDueAt as Date;
      break;
    case 'arrived':
      next.status = 'on_site';
      next.arrivedAt = event.at;
      break;
    case 'resolved':
      next.status = 'resolved';
      next.resolvedAt = event.at;
      next.autoConfirmAt = data.autoConfirmAt as Date;
      next.result = { text: event.text ?? '', media: event.media ?? [], fee: data.fee as number | undefined };
      break;
    case 'confirmed':
      next.status = 'closed';
      next.closedAt = event.at;
      next.autoConfirmAt = undefined;
      break;
    case 'reopened':
      next.status = 'reopened';
      next.reopenCount = state.reopenCount + 1;
      next.resolvedAt = undefined;
      next.autoConfirmAt = undefined;
      break;
  }
  return next;
}

export function replay(events: TicketEvent[]): TicketState | undefined {
  return [...events].sort((a, b) => a.seq - b.seq).reduce<TicketState | undefined>(applyEvent, undefined);
}
