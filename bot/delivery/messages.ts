/**
 * One renderer per kind of message a notice can ask for (src/reactions/notices.ts). Each gets
 * the ticket as it was right after its event, the event, and whether it is read privately or
 * under the card, and returns text (HTML, arguments escaped by Texts), buttons and media.
 */
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Lang } from '../../src/config/office';
import { followupModels, type SurveyDoc } from '../../src/followups/model';
import { timeLimitsPolicy } from '../../src/limits/settings';
import type { MessageKind } from '../../src/reactions/notices';
import { formatDuration } from '../../src/time/duration';
import { dataOf, type Media, type TicketEvent, type TicketState } from '../../src/tickets/types';
import { myData, staffData } from '../callbacks';
import type { AppServices } from '../context';
import { html } from '../html';
import { placeOf } from '../render/card';
import { departmentName, when } from '../render/format';
import { lastChange, mention, staffNames, ticketWhat } from '../limits/render';
import { scoreSummary, subjectOf } from '../followups/render';
import { followedWhat } from '../render/follower';
import { affectedCount } from '../../src/followers/service';

export interface Rendered {
  text: string;
  keyboard?: InlineKeyboardMarkup;
  /** Photos or videos sent with it (before the text for the resident, after it under a card). */
  media?: Media[];
}

export interface MessageInput {
  kind: MessageKind;
  ticket: TicketState;
  event: TicketEvent;
  lang: Lang;
  /** Read privately, or under the card by the whole group (a private message that could not be delivered). */
  where: 'private' | 'card';
}

const claimButton = (services: AppServices, lang: Lang, ref: string): InlineKeyboardMarkup => ({
  inline_keyboard: [[{ text: services.texts.plain(lang, 'btn-claim'), callback_data: staffData('claim', ref) }]],
});

export async function surveyOf(services: AppServices, id: unknown): Promise<SurveyDoc | null> {
  if (typeof id !== 'string') return null;
  return followupModels(services.db).Survey.findById(id).lean<SurveyDoc>();
}

async function headMentions(services: AppServices, ticket: TicketState, lang: Lang) {
  const heads = services.policy.departments.find((d) => d.id === ticket.department)?.heads ?? [];
  const names = await staffNames(services, ticket, heads);
  const nameOf = (id: number) => names.get(id) ?? services.texts.plain(lang, 'followup-head');
  return html(heads.map((id) => mention(id, nameOf(id)).html).join(' ') || services.texts.plain(lang, 'followup-head'));
}

export async function renderMessage(input: MessageInput, services: AppServices): Promise<Rendered> {
  const { kind, ticket, event, lang, where } = input;
  const { policy, texts } = services;
  const t = (key: string, args?: Parameters<typeof texts.t>[2]) => texts.t(lang, key, args);
  const plain = (key: string, args?: Record<string, string | number>) => texts.plain(lang, key, args);
  const ref = ticket.ref;
  const owner = ticket.owner?.name ?? '';
  switch (kind) {
    case 'resident_reopened':
      return { text: t(ticket.kind === 'inquiry' ? 'card-note-inquiry-more' : 'card-note-reopened', { ref, owner: owner || '—', count: ticket.reopenCount }) };
    case 'resident_reason':
      return { text: t('card-note-resident-reason', { ref, reason: event.text ?? '' }) };
    case 'info_added': {
      const media = event.media ?? [];
      const text = event.text ?? '';
      const lines = [text ? t('my-add-card', { ref, text }) : t('my-add-card-media-only', { ref, count: media.length })];
      if (text && media.length > 0) lines.push(t('my-add-card-attachments', { count: media.length }));
      return { text: lines.join('\n'), media };
    }
    case 'released':
      return { text: t('rel-under-card', { ref, name: event.actor.name, reason: event.text ?? '' }) };
    case 'auto_released': {
      const from = dataOf(event, 'released')?.from;
      const idle = formatDuration(timeLimitsPolicy(policy).noProgressRelease, lang);
      return { text: t('lim-released-group', { ref, what: ticketWhat(ticket, services, lang), owner: from?.name ?? '', idle }) };
    }
    case 'staff_note': {
      const media = event.media ?? [];
      const lines = [t(dataOf(event, 'note_added')?.toResident ? 'note-under-card-told' : 'note-under-card-internal', { ref, name: event.actor.name, note: event.text ?? '' })];
      if (media.length > 0) lines.push(t('note-under-card-media', { count: media.length }));
      return { text: lines.join('\n'), media };
    }
    case 'cancelled': {
      const code = dataOf(event, 'cancelled')?.reasonCode;
      const reason = code ? plain(`my-cancel-reason-${code}`) : event.text ?? '';
      return { text: t('my-cancel-card', { ref, reason }) };
    }
    case 'urged': {
      const count = ticket.urgeCount ?? 1;
      if (where === 'private') return { text: t('my-urge-owner', { ref, count }) };
      return { text: ticket.owner ? t('my-urge-group-owner', { ref, count, owner }) : t('my-urge-group', { ref, count }) };
    }
    case 'classified_valid':
    case 'classified_major': {
      const c = ticket.complaint!;
      return {
        text: t(kind === 'classified_valid' ? 'classify-alert-valid' : 'classify-alert-major', {
          ref,
          department: departmentName(policy, ticket.department, lang),
          subject: plain(`complaint-subject-${c.subject}`),
          place: placeOf(ticket, policy),
          description: ticket.report.description,
          wants: c.wants,
          first: when(c.firstAnswerDueAt, policy, lang),
          due: when(ticket.resolutionDueAt, policy, lang),
          by: c.classifiedBy?.name ?? '',
        }),
      };
    }
    case 'assigned_to_you':
      return { text: t('ra-you-assigned', { ref, by: event.actor.name }) };
    case 'deadline_extended':
      return { text: t('lim-extended-under-card', { name: event.actor.name, ref, until: when(dataOf(event, 'deadline_extended')?.until, policy, lang) }) };
    case 'repeat': {
      const repeat = dataOf(event, 'repeat_flagged');
      const earlierAt = new Date(repeat?.ofCreatedAt ?? ticket.createdAt).getTime();
      const days = Math.max(1, Math.round((new Date(ticket.createdAt).getTime() - earlierAt) / 86_400_000));
      return { text: t('followup-repeat-alert', { ref, earlier: repeat?.of ?? '', what: subjectOf(ticket, policy, texts, lang), place: placeOf(ticket, policy), days }) };
    }
    case 'auto_confirmed':
      // An internal task's filer is a colleague: no "report it again" advice for a resident.
      return { text: t(ticket.kind === 'task' ? 'task-auto-confirmed' : 'followup-auto-confirmed', { ref, wait: formatDuration(policy.confirmation.autoConfirmAfter, lang) }) };
    case 'survey_reopened_staff':
    case 'survey_reopened_head': {
      const survey = await surveyOf(services, dataOf(event, 'reopened')?.survey);
      const args = {
        ref,
        count: ticket.reopenCount,
        scores: survey ? scoreSummary(survey, texts, lang) : '',
        comment: survey?.comment || event.text || plain('followup-no-comment'),
        owner: ticket.owner ? mention(ticket.owner.id, ticket.owner.name) : plain('followup-no-owner'),
      };
      if (kind === 'survey_reopened_head') return { text: t('followup-reopened-head', args) };
      return { text: t('followup-reopened-staff', { ...args, heads: await headMentions(services, ticket, lang) }) };
    }
    case 'survey_reopened_resident':
      return { text: t('followup-reopened-resident', { ref, owner }) };
    case 'survey_comment':
      return { text: t('followup-late-comment-staff', { ref, comment: event.text ?? '' }) };
    case 'reannounce': {
      const openSince = new Date(dataOf(event, 'reannounced')?.openSince ?? ticket.createdAt);
      const waited = formatDuration(new Date(event.at).getTime() - openSince.getTime(), lang);
      const key = ticket.kind === 'emergency' ? 'lim-reannounce-emergency' : 'lim-reannounce';
      return { text: t(key, { ref, what: ticketWhat(ticket, services, lang), waited }), keyboard: claimButton(services, lang, ref) };
    }
    case 'public_notice':
      return { text: t('notice-message', { ref, office: policy.name[lang], what: followedWhat(ticket, policy, lang), text: event.text ?? '' }) };
    case 'affected_urgent':
      return { text: t('follower-card-urgent', { ref, count: affectedCount(ticket) }) };
    case 'weekly_progress': {
      const lines = [
        t('lim-progress', {
          ref,
          what: ticketWhat(ticket, services, lang),
          owner: owner || plain('lim-progress-unassigned'),
          last: lastChange(texts, lang, ticket.lastEvent.type),
          at: when(ticket.lastEvent.at, policy, lang),
          due: when(ticket.resolutionDueAt, policy, lang),
        }),
      ];
      if (ticket.waiting) lines.push(t('lim-progress-waiting', { reason: ticket.waiting.reason, until: when(ticket.waiting.until, policy, lang) }));
      lines.push(t('lim-progress-footer'));
      return { text: lines.join('\n'), keyboard: { inline_keyboard: [[{ text: plain('lim-btn-progress-details'), callback_data: myData('open', ref) }]] } };
    }
  }
}
