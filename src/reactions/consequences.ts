/**
 * The one place that knows who hears of what: from an event, the ticket right after it,
 * and the office's policy, the notices that follow. Pure — the same event always gives the
 * same notices, so the reactor can derive them again after a crash and a repeat is harmless.
 * Handlers and scenes never decide this; they call a service and answer the person in front
 * of them.
 */
import { departmentById, type OfficePolicy } from '../config/office';
import type { AlertLevel } from '../limits/rules';
import { cardTargets } from '../tickets/targets';
import type { TicketEvent, TicketState } from '../tickets/types';
import type { LimitAudience, MessageKind, Notice, NoticeWhat, Recipient } from './notices';

const RESIDENT: Recipient = { kind: 'resident' };
const CARD: Recipient = { kind: 'card' };
const person = (id: number): Recipient => ({ kind: 'person', id });

const refresh: Notice = { name: 'card', to: CARD, what: { type: 'card_refresh' } };
const residentUpdate: Notice = { name: 'resident', to: RESIDENT, what: { type: 'resident_update' } };
const message = (name: string, to: Recipient, kind: MessageKind, fallbackToCard = false): Notice => ({
  name,
  to,
  what: { type: 'message', message: kind },
  ...(fallbackToCard ? { fallbackToCard } : {}),
});

/** The heads of the ticket's department. */
export function headsOf(ticket: TicketState, policy: OfficePolicy): number[] {
  return departmentById(policy, ticket.department)?.heads ?? [];
}

/** A complaint about a staff member never goes to that member's department alone. */
export function accusedDepartment(ticket: TicketState): string | undefined {
  return ticket.kind === 'complaint' && ticket.complaint?.subject === 'staff' ? ticket.complaint.staffDepartment : undefined;
}

/** Who hears of a valid complaint: its department's heads, and for a complaint about a staff member that member's heads. */
export function complaintHeads(ticket: TicketState, policy: OfficePolicy): number[] {
  const heads = [...headsOf(ticket, policy)];
  const accused = accusedDepartment(ticket);
  if (accused && policy.complaints.tellStaffDepartmentHeads) heads.push(...(departmentById(policy, accused)?.heads ?? []));
  return [...new Set(heads)];
}

/**
 * The time-limit ladder: for each level, who hears of it. Typed as a record over every
 * level, so a new level does not compile until it says whom it pages.
 */
export const LIMIT_LEVELS: Record<AlertLevel, { fires: string; audience: (ticket: TicketState, policy: OfficePolicy) => { to: Recipient; audience: LimitAudience; fallbackToCard?: boolean }[] }> = {
  remind: {
    fires: 'at timeLimits.remindAt of the limit (before it is due)',
    // The owner privately (under the card when they never started the bot); the group while unclaimed.
    audience: (ticket) => (ticket.owner ? [{ to: person(ticket.owner.id), audience: 'owner', fallbackToCard: true }] : [{ to: CARD, audience: 'group' }]),
  },
  head: {
    fires: 'when the limit is due',
    // The group sees it under the card; the heads (the manager where there is no head) privately, with Approve.
    audience: (ticket, policy) => {
      const heads = headsOf(ticket, policy);
      const approvers = heads.length > 0 ? heads : policy.managers;
      return [{ to: CARD, audience: 'group' }, ...approvers.map((id) => ({ to: person(id), audience: 'approver' as const }))];
    },
  },
  manager: {
    fires: 'when late by timeLimits.escalateManagerAfter of the limit again',
    audience: (_ticket, policy) =>
      policy.managers.length > 0 ? policy.managers.map((id) => ({ to: person(id), audience: 'manager' as const })) : [{ to: CARD, audience: 'manager' as const }],
  },
};

function others(ids: number[], except: number): number[] {
  return [...new Set(ids)].filter((id) => id !== except);
}

const follower = (id: number): Recipient => ({ kind: 'follower', id });

/**
 * Followers hear of the same changes as the reporter (a follower's words, rendered apart),
 * each in their own lane; a public notice reaches them all, and the residents' channel.
 */
function withFollowers(notices: Notice[], event: TicketEvent, after: TicketState): Notice[] {
  const ids = (after.followers ?? []).map((f) => f.telegramId);
  if (event.type === 'notice_sent') {
    const chat = event.data?.chat;
    return [
      message('notice:resident', RESIDENT, 'public_notice'),
      ...ids.map((id) => message(`notice:f:${id}`, follower(id), 'public_notice')),
      ...(chat ? [message('notice:chat', { kind: 'chat', ...chat }, 'public_notice')] : []),
    ];
  }
  const reporterHears = notices.some((n) => n.to.kind === 'resident' && (n.what.type === 'resident_update' || (n.what.type === 'message' && n.what.message === 'auto_confirmed')));
  if (!reporterHears) return notices;
  return [...notices, ...ids.map((id): Notice => ({ name: `follower:${id}`, to: follower(id), what: { type: 'follower_update' } }))];
}

export function consequences(event: TicketEvent, after: TicketState, policy: OfficePolicy): Notice[] {
  return withFollowers(reporterConsequences(event, after, policy), event, after);
}

function reporterConsequences(event: TicketEvent, after: TicketState, policy: OfficePolicy): Notice[] {
  switch (event.type) {
    case 'created':
      return [{ name: 'post', to: CARD, what: { type: 'card_post', targets: cardTargets(after, policy), replace: false } }];
    case 'claimed':
      // Claimed by answering: the answer itself follows at once; "X is handling it" first would be noise.
      return event.data?.byAnswering ? [refresh] : [refresh, residentUpdate];
    case 'arrived':
    case 'resolved':
    case 'confirmed':
    case 'rescheduled':
      return [refresh, residentUpdate];
    case 'auto_confirmed':
      return [refresh, message('resident', RESIDENT, 'auto_confirmed')];
    case 'reopened':
      if (event.data?.source === 'survey') {
        return [
          refresh,
          message('group', CARD, 'survey_reopened_staff'),
          ...headsOf(after, policy).map((id) => message(`head:${id}`, person(id), 'survey_reopened_head')),
          message('resident', RESIDENT, 'survey_reopened_resident'),
        ];
      }
      return [refresh, residentUpdate, message('group', CARD, 'resident_reopened')];
    case 'info_added': {
      const afterDispute = !!event.data?.afterDispute;
      const kind: MessageKind = afterDispute ? 'resident_reason' : 'info_added';
      const notices = [message('group', CARD, kind)];
      if (after.owner && !afterDispute) notices.push(message(`owner:${after.owner.id}`, person(after.owner.id), 'info_added'));
      return notices;
    }
    case 'transferred':
      // In the new department's lane: its later edits wait for the new cards.
      return [{ name: 'post', to: CARD, what: { type: 'card_post', targets: cardTargets(after, policy), replace: true } }, residentUpdate];
    case 'released':
      return [refresh, message('group', CARD, event.data?.automatic ? 'auto_released' : 'released'), residentUpdate];
    case 'reassigned': {
      if (!event.data) return [refresh, residentUpdate];
      const { to } = event.data;
      const notices = [refresh, residentUpdate, message(`assignee:${to.id}`, person(to.id), 'assigned_to_you')];
      if (!policy.contactOnCard && !after.anonymous && after.kind !== 'task') notices.push({ name: `contact:${to.id}`, to: person(to.id), what: { type: 'contact' }, fallbackToCard: true });
      return notices;
    }
    case 'note_added':
      return event.data?.toResident ? [message('group', CARD, 'staff_note'), residentUpdate] : [message('group', CARD, 'staff_note')];
    case 'urged':
      return after.owner ? [message(`owner:${after.owner.id}`, person(after.owner.id), 'urged', true)] : [message('group', CARD, 'urged')];
    case 'cancelled': {
      const notices = [refresh, message('group', CARD, 'cancelled')];
      // Whoever claimed it may already be on the way.
      if (after.owner) notices.push(message(`owner:${after.owner.id}`, person(after.owner.id), 'cancelled'));
      return notices;
    }
    case 'classified': {
      const notices = [refresh, residentUpdate];
      // The classifier knows already.
      if (event.data?.class === 'valid') notices.push(...others(complaintHeads(after, policy), event.actor.id).map((id) => message(`head:${id}`, person(id), 'classified_valid')));
      if (event.data?.class === 'major') notices.push(...others(policy.managers, event.actor.id).map((id) => message(`manager:${id}`, person(id), 'classified_major')));
      return notices;
    }
    case 'deadline_extended':
      return [refresh, message('group', CARD, 'deadline_extended')];
    case 'repeat_flagged':
      return [refresh, ...policy.managers.map((id) => message(`manager:${id}`, person(id), 'repeat'))];
    case 'survey_sent':
    case 'survey_resent':
      if (!event.data) return [];
      return [
        {
          name: 'survey',
          // A follower's survey goes to that follower (src/followups/closures.ts).
          to: event.data.follower ? follower(event.data.follower) : RESIDENT,
          what: { type: 'survey', survey: event.data.survey, mode: event.type === 'survey_sent' ? 'first' : 'resend' },
        },
      ];
    case 'reminded':
    case 'escalated': {
      if (!event.data) return [];
      const { level, limit, due } = event.data;
      const what = (audience: LimitAudience): NoticeWhat => ({ type: 'limit_alert', limit, level, due: new Date(due), audience });
      return LIMIT_LEVELS[level].audience(after, policy).map((r) => ({
        name: `${level}:${r.to.kind === 'person' ? r.to.id : r.to.kind}`,
        to: r.to,
        what: what(r.audience),
        ...(r.fallbackToCard ? { fallbackToCard: true } : {}),
      }));
    }
    case 'reannounced':
      return [message('group', CARD, 'reannounce')];
    case 'progress_sent':
      return [message('resident', RESIDENT, 'weekly_progress')];
    case 'survey_answered':
      // A comment that came after a dissatisfied survey was finished: staff should see it too.
      return event.data?.part === 'comment' && event.data.dissatisfied ? [message('group', CARD, 'survey_comment')] : [];
    case 'survey_no_answer':
      return [];
    case 'followed': {
      const notices = event.data?.urgent ? [refresh, message('group', CARD, 'affected_urgent')] : [refresh];
      // Whoever has it already holds the contacts: the list again, with the new household in it.
      if (after.owner && !policy.contactOnCard && !after.anonymous) notices.push({ name: `contact:${after.owner.id}`, to: person(after.owner.id), what: { type: 'contact' }, fallbackToCard: true });
      return notices;
    }
    case 'unfollowed':
      return [refresh];
    case 'closed_as_duplicate':
      return [refresh, residentUpdate];
    case 'notice_sent':
      // Addressed by withFollowers: the reporter, every follower, the channel.
      return [];
  }
}
