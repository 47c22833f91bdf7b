/**
 * The survey in the resident's chat: star and yes/no buttons answered in any order (the
 * message is edited to show what was answered so far), and the optional comment, typed as a
 * reply to a force-reply prompt — no scene, so it never competes with a report being filled in.
 */
import { Composer } from 'grammy';
import { SurveyAnswers, type AnswerOutcome } from '../../src/followups/answers';
import type { SurveyDoc } from '../../src/followups/model';
import type { BotContext } from '../context';
import { isMenuText } from '../keyboards';
import { isNotModified } from '../outbox/errors';
import { followupDeps } from './jobs';
import { inlineKeyboard, QUESTION_OF_CODE, renderSurvey, SURVEY_ANSWER, SURVEY_COMMENT } from './render';

const HTML = { parse_mode: 'HTML' as const };

export function surveysFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const answersFor = (ctx: BotContext) => new SurveyAnswers(followupDeps(ctx.services));

  /** The survey message as it is now, edited in place (a press on an old copy edits that copy). */
  async function showSurvey(ctx: BotContext, survey: SurveyDoc, messageId?: number): Promise<void> {
    const ticket = await ctx.services.tickets.get(survey.ref);
    const chatId = ctx.chat?.id;
    if (!ticket || !chatId || messageId === undefined) return;
    const rendered = renderSurvey(survey, ticket, ctx.services.policy, ctx.services.texts, ctx.lang);
    await ctx.api.editMessageText(chatId, messageId, rendered.text, { ...HTML, reply_markup: inlineKeyboard(rendered.buttons) }).catch((error) => {
      if (!isNotModified(error)) ctx.log.warn({ err: error, survey: survey._id }, 'could not update the survey message');
    });
  }

  /** Why a press did nothing, as a pop-up; an expired or finished survey also loses its buttons. */
  async function explain(ctx: BotContext, result: Exclude<AnswerOutcome, { outcome: 'recorded' | 'finished' }>): Promise<void> {
    const key = {
      already_answered: 'followup-already-answered',
      expired: 'followup-expired',
      not_yours: 'followup-not-yours',
      not_found: 'followup-not-found',
    }[result.outcome];
    await ctx.answerCallbackQuery({ text: ctx.services.texts.plain(ctx.lang, key), show_alert: true });
    if ('survey' in result) await showSurvey(ctx, result.survey, ctx.callbackQuery?.message?.message_id);
  }

  composer.callbackQuery(SURVEY_ANSWER, async (ctx) => {
    const [, code, id, raw] = ctx.match as RegExpMatchArray;
    const question = QUESTION_OF_CODE[code];
    const value = question === 'solved' ? raw === 'y' : Number(raw);
    if ((question === 'solved') !== (raw === 'y' || raw === 'n')) return explain(ctx, { outcome: 'not_found' });
    const messageId = ctx.callbackQuery.message?.message_id;
    const result = await answersFor(ctx).answer(id, ctx.from.id, question, value, messageId);
    if (result.outcome !== 'recorded' && result.outcome !== 'finished') return explain(ctx, result);
    const done = result.outcome === 'finished';
    await ctx.answerCallbackQuery({ text: ctx.services.texts.plain(ctx.lang, done ? 'followup-finished' : 'followup-saved') });
    await showSurvey(ctx, result.survey, messageId);
  });

  composer.callbackQuery(SURVEY_COMMENT, async (ctx) => {
    const id = (ctx.match as RegExpMatchArray)[1];
    const answers = answersFor(ctx);
    const result = await answers.commentable(id, ctx.from.id);
    if (result.outcome !== 'recorded' && result.outcome !== 'finished') return explain(ctx, result);
    // A report being filled in would take the typed comment as its own answer.
    if (Object.keys(await ctx.conversation.active()).length > 0) {
      return void (await ctx.answerCallbackQuery({ text: ctx.services.texts.plain(ctx.lang, 'followup-comment-busy'), show_alert: true }));
    }
    await ctx.answerCallbackQuery();
    const prompt = await ctx.reply(ctx.t('followup-comment-prompt', { ref: result.survey.ref }), {
      ...HTML,
      reply_markup: { force_reply: true, input_field_placeholder: ctx.services.texts.plain(ctx.lang, 'followup-comment-placeholder') },
    });
    await answers.awaitComment(id, prompt.message_id, ctx.callbackQuery.message?.message_id);
  });

  // The comment: a reply to the prompt, or the next plain message soon after pressing the button.
  composer.chatType('private').on('message:text', async (ctx, next) => {
    const text = ctx.msg.text;
    if (text.startsWith('/') || isMenuText(ctx.services.texts, text)) return next();
    const answers = answersFor(ctx);
    const reply = ctx.msg.reply_to_message;
    const replyTo = reply && reply.from?.id === ctx.me.id ? reply.message_id : undefined;
    const survey = (replyTo !== undefined ? await answers.awaitingComment(ctx.from.id, replyTo) : null) ?? (await answers.awaitingComment(ctx.from.id));
    if (!survey) return next();
    const max = ctx.services.policy.limits.maxTextLength;
    if ([...text].length > max) return void (await ctx.reply(ctx.t('followup-comment-too-long', { max }), HTML));
    const result = await answers.comment(survey._id, ctx.from.id, text.trim());
    if (result.outcome !== 'recorded') return void (await ctx.reply(ctx.t('followup-expired'), HTML));
    await ctx.reply(ctx.t('followup-comment-saved'), HTML);
    await showSurvey(ctx, result.survey, survey.lastMessageId);
  });

  return composer;
}
