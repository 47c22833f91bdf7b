/**
 * The survey as the resident sees it: what was answered so far (scores as stars), and a
 * button row for every question, in the resident's language. The same rendering is sent,
 * re-sent and edited after each press, so the message always shows the current state.
 */
import type { Lang, OfficePolicy } from '../../src/config/office';
import { isAnswered, isComplete, questionsOf, type Question } from '../../src/followups/answers';
import type { ScoreQuestion, SurveyDoc } from '../../src/followups/model';
import type { TicketState } from '../../src/tickets/types';
import type { TextArgs, Texts } from '../texts';
import { categoryName, when } from '../render/format';
import { REF_SOURCE } from '../../src/tickets/reference';

export interface Button {
  text: string;
  data: string;
}
export interface RenderedSurvey {
  text: string;
  buttons: Button[][];
}

/** Callback data: `fu:<question>:<survey id>[:<value>]`, e.g. `fu:t:BX-20261122-007.6:4` (about 30 bytes). */
// `…r` a construction defect's second survey, `…f<id>` a follower's (src/followups/closures.ts).
const SURVEY_ID = `(${REF_SOURCE}\\.\\d+(?:r|f\\d{1,15})?)`;
export const SURVEY_ANSWER = new RegExp(`^fu:([taqs]):${SURVEY_ID}:([1-5yn])$`);
export const SURVEY_COMMENT = new RegExp(`^fu:c:${SURVEY_ID}$`);
export const QUESTION_OF_CODE: Record<string, Question> = { t: 'timeliness', a: 'attitude', q: 'quality', s: 'solved' };
const CODE_OF: Record<Question, string> = { timeliness: 't', attitude: 'a', quality: 'q', solved: 's' };
const ICON: Record<ScoreQuestion, string> = { timeliness: '⏱', attitude: '🙂', quality: '🔧' };

export const surveyData = (question: Question, id: string, value: number | boolean) =>
  `fu:${CODE_OF[question]}:${id}:${typeof value === 'boolean' ? (value ? 'y' : 'n') : value}`;
export const commentData = (id: string) => `fu:c:${id}`;

export function stars(score: number): string {
  const n = Math.max(0, Math.min(5, Math.round(score)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/** What the ticket was, in a few words: "疏通" for a repair, "投诉" for a complaint. */
export function subjectOf(ticket: TicketState, policy: OfficePolicy, texts: Texts, lang: Lang): string {
  switch (ticket.kind) {
    case 'repair':
      return categoryName(policy, ticket, lang) || texts.plain(lang, 'followup-kind-repair');
    case 'complaint':
      return texts.plain(lang, 'followup-kind-complaint');
    case 'emergency':
      return texts.plain(lang, 'followup-kind-emergency');
    case 'inquiry':
      return texts.plain(lang, 'followup-kind-inquiry');
    case 'task':
      return texts.plain(lang, 'list-kind-task');
  }
}

function valueOf(survey: SurveyDoc, question: Question, t: (key: string, args?: TextArgs) => string): string {
  if (!isAnswered(survey, question)) return t('followup-not-yet');
  if (question !== 'solved') return stars(survey.scores![question]!);
  if (survey.stage === 'recheck') return t(survey.solved ? 'followup-recheck-fine' : 'followup-recheck-back');
  return t(survey.solved ? 'followup-yes' : 'followup-no');
}

function questionLine(survey: SurveyDoc, question: Question, t: (key: string, args?: TextArgs) => string): string {
  const value = valueOf(survey, question, t);
  switch (question) {
    case 'timeliness':
      return t('followup-line-timeliness', { value });
    case 'attitude':
      return t('followup-line-attitude', { value });
    case 'quality':
      return t('followup-line-quality', { value });
    case 'solved':
      return t(survey.stage === 'recheck' ? 'followup-line-recheck' : 'followup-line-solved', { value });
  }
}

/** One row per question (1★-5★, or yes/no), the chosen one ticked; the comment button last. */
function buttonsFor(survey: SurveyDoc, open: boolean, plain: (key: string) => string): Button[][] {
  const rows: Button[][] = [];
  if (open) {
    for (const question of questionsOf(survey)) {
      if (question === 'solved') {
        const [yes, no] = survey.stage === 'recheck' ? ['followup-btn-recheck-fine', 'followup-btn-recheck-back'] : ['followup-btn-solved', 'followup-btn-not-solved'];
        const tick = (v: boolean) => (survey.solved === v ? '✅ ' : '');
        rows.push([
          { text: tick(true) + plain(yes), data: surveyData('solved', survey._id, true) },
          { text: tick(false) + plain(no), data: surveyData('solved', survey._id, false) },
        ]);
        continue;
      }
      const chosen = survey.scores?.[question];
      rows.push(
        [1, 2, 3, 4, 5].map((n) => ({
          text: `${n === 1 ? `${ICON[question]} ` : ''}${chosen === n ? '✅' : ''}${n}★`,
          data: surveyData(question, survey._id, n),
        })),
      );
    }
  }
  const commentable = open || survey.status === 'answered';
  if (commentable && !survey.comment) rows.push([{ text: plain('followup-btn-comment'), data: commentData(survey._id) }]);
  return rows;
}

export function renderSurvey(
  survey: SurveyDoc,
  ticket: TicketState,
  policy: OfficePolicy,
  texts: Texts,
  lang: Lang,
  options: { reminder?: boolean } = {},
): RenderedSurvey {
  const t = (key: string, args?: TextArgs) => texts.t(lang, key, args);
  const plain = (key: string) => texts.plain(lang, key);
  const args = { ref: ticket.ref, what: subjectOf(ticket, policy, texts, lang), closed: when(survey.closedAt, policy, lang) };
  const open = ['scheduled', 'sent', 'resent'].includes(survey.status) && !isComplete(survey);
  const lines = [t('followup-title', args)];
  if (options.reminder && open) lines.push(t('followup-reminder'));
  lines.push(t(survey.stage === 'recheck' ? 'followup-intro-recheck' : 'followup-intro', args), '');
  for (const question of questionsOf(survey)) lines.push(questionLine(survey, question, t));
  lines.push(t('followup-line-comment', { value: survey.comment ?? t('followup-comment-optional') }));
  if (survey.status === 'answered') lines.push('', t(survey.dissatisfied ? 'followup-thanks-dissatisfied' : 'followup-thanks'));
  else if (survey.status === 'no_answer' || survey.status === 'cancelled') lines.push('', t('followup-closed-note'));
  return { text: lines.join('\n'), buttons: buttonsFor(survey, open, plain) };
}

/** The short score summary staff read under the card: "及时 ★★☆☆☆ · 态度 … · 未解决". */
export function scoreSummary(survey: SurveyDoc, texts: Texts, lang: Lang): string {
  const parts: string[] = [];
  const scores = survey.scores ?? {};
  if (typeof scores.timeliness === 'number') parts.push(`${texts.plain(lang, 'followup-short-timeliness')} ${stars(scores.timeliness)}`);
  if (typeof scores.attitude === 'number') parts.push(`${texts.plain(lang, 'followup-short-attitude')} ${stars(scores.attitude)}`);
  if (typeof scores.quality === 'number') parts.push(`${texts.plain(lang, 'followup-short-quality')} ${stars(scores.quality)}`);
  if (survey.solved === true) parts.push(texts.plain(lang, survey.stage === 'recheck' ? 'followup-recheck-fine' : 'followup-short-solved'));
  if (survey.solved === false) parts.push(texts.plain(lang, survey.stage === 'recheck' ? 'followup-recheck-back' : 'followup-short-not-solved'));
  return parts.join(' · ');
}

/** Telegram's shape of the buttons, for edits made directly in reply to a press. */
export function inlineKeyboard(buttons: Button[][]) {
  return { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) };
}
