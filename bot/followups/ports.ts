/**
 * The follow-up work's ports, on the notifier: every background message goes through
 * `notifier.enqueue` with a key naming the survey (or ticket) and the step, so a repeat call —
 * a second instance, a re-read after a crash — is never a second message.
 */
import type { Lang } from '../../src/config/office';
import type { FollowupPorts } from '../../src/followups/ports';
import type { SurveyDoc } from '../../src/followups/model';
import { formatDuration } from '../../src/time/duration';
import type { TicketState } from '../../src/tickets/types';
import type { AppServices } from '../context';
import { escapeHtml, html, type Html } from '../html';
import type { Notifier } from '../notify';
import { placeOf } from '../render/card';
import { departmentTarget } from '../render/targets';
import { renderSurvey, scoreSummary, subjectOf } from './render';

/** A name that notifies the person in a group (Telegram's user mention by id). */
function mention(id: number, name: string): string {
  return `<a href="tg://user?id=${id}">${escapeHtml(name || String(id))}</a>`;
}

async function headMentions(services: AppServices, department: string): Promise<Html> {
  const heads = services.policy.departments.find((d) => d.id === department)?.heads ?? [];
  const profiles = await services.db.StaffProfile.find({ telegramId: { $in: heads } }).lean<{ telegramId: number; firstName: string }[]>();
  const nameOf = (id: number) => profiles.find((p) => p.telegramId === id)?.firstName || services.texts.plain(services.policy.language, 'followup-head');
  return html(heads.map((id) => mention(id, nameOf(id))).join(' ') || escapeHtml(services.texts.plain(services.policy.language, 'followup-head')));
}

export function followupPorts(services: AppServices, notifier: Notifier): FollowupPorts {
  const { policy, texts } = services;
  const staffLang: Lang = policy.language;

  return {
    async sendSurvey(survey, ticket, mode) {
      const lang = await notifier.residentLanguage(ticket);
      const rendered = renderSurvey(survey, ticket, policy, texts, lang, { reminder: mode === 'resend' });
      await notifier.enqueue({
        key: `survey:${survey._id}:${mode}`,
        chatId: survey.residentId,
        text: rendered.text,
        buttons: rendered.buttons,
        ref: ticket.ref,
        purpose: mode === 'first' ? 'survey' : 'survey-resend',
      });
    },

    async autoConfirmed(ticket, event) {
      await notifier.refreshCard(ticket);
      const lang = await notifier.residentLanguage(ticket);
      await notifier.enqueue({
        key: `auto-confirmed:${ticket.ref}:${event.seq}`,
        chatId: ticket.resident.telegramId,
        text: texts.t(lang, 'followup-auto-confirmed', { ref: ticket.ref, wait: formatDuration(policy.confirmation.autoConfirmAfter, lang) }),
        ref: ticket.ref,
        purpose: 'auto-confirmed',
      });
    },

    async reopenedBySurvey(survey: SurveyDoc, ticket: TicketState) {
      await notifier.refreshCard(ticket);
      const owner = ticket.owner ? html(mention(ticket.owner.id, ticket.owner.name)) : texts.plain(staffLang, 'followup-no-owner');
      await notifier.enqueue({
        key: `survey-reopened:${survey._id}`,
        ...departmentTarget(policy, ticket.department),
        underCardOf: ticket.ref,
        text: texts.t(staffLang, 'followup-reopened-staff', {
          ref: ticket.ref,
          count: ticket.reopenCount,
          scores: scoreSummary(survey, texts, staffLang),
          comment: survey.comment || texts.plain(staffLang, 'followup-no-comment'),
          owner,
          heads: await headMentions(services, ticket.department),
        }),
        ref: ticket.ref,
        purpose: 'survey-dissatisfied',
      });
      const lang = await notifier.residentLanguage(ticket);
      await notifier.enqueue({
        key: `survey-reopened-resident:${survey._id}`,
        chatId: ticket.resident.telegramId,
        text: texts.t(lang, 'followup-reopened-resident', { ref: ticket.ref, owner: ticket.owner?.name ?? '' }),
        ref: ticket.ref,
        purpose: 'survey-dissatisfied',
      });
    },

    async lateComment(survey, ticket) {
      await notifier.enqueue({
        key: `survey-comment:${survey._id}`,
        ...departmentTarget(policy, ticket.department),
        underCardOf: ticket.ref,
        text: texts.t(staffLang, 'followup-late-comment-staff', { ref: ticket.ref, comment: survey.comment ?? '' }),
        ref: ticket.ref,
        purpose: 'survey-comment',
      });
    },

    async repeatFlagged(ticket, earlier) {
      await notifier.refreshCard(ticket);
      const days = Math.max(1, Math.round((new Date(ticket.createdAt).getTime() - new Date(earlier.createdAt).getTime()) / 86_400_000));
      const text = texts.t(staffLang, 'followup-repeat-alert', {
        ref: ticket.ref,
        earlier: earlier.ref,
        what: subjectOf(ticket, policy, texts, staffLang),
        place: placeOf(ticket, policy),
        days,
      });
      for (const manager of policy.managers) {
        await notifier.enqueue({ key: `repeat:${ticket.ref}:${manager}`, chatId: manager, text, ref: ticket.ref, purpose: 'repeat-alert' });
      }
    },
  };
}
