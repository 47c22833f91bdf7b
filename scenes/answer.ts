/**
 * Staff answer an inquiry in their private chat with the bot: the answer text, one optional
 * photo, a look at what the resident will get, send. Answering an unclaimed inquiry claims
 * it (services.tickets.answer); the cards and the resident are updated at the end.
 */
import type { Context } from 'grammy';
import type { TicketEvent } from '../src/tickets/types';
import { refusalText } from '../bot/refusals';
import { askChoice, askText, makeKit, type SceneConversation } from './support/ask';
import type { SceneDeps } from './support/deps';
import { askOnePhoto } from './inquiry';

/** What the resident wrote after the last "Ask once more", if the inquiry was reopened. */
function followUpOf(history: TicketEvent[]): string | undefined {
  const reopened = history.map((e) => e.type).lastIndexOf('reopened');
  if (reopened < 0) return undefined;
  const texts = history
    .slice(reopened + 1)
    .filter((e) => e.type === 'info_added' && e.actor.role === 'resident' && e.text)
    .map((e) => e.text!);
  return texts.length > 0 ? texts.join('\n') : undefined;
}

export function createAnswerScene(deps: SceneDeps) {
  const { policy, texts } = deps.services;
  return async function answer(conversation: SceneConversation, ctx: Context, ref: string): Promise<void> {
    // Staff work in the office's language.
    const kit = makeKit(conversation, policy.language, texts, policy.limits.maxTextLength);
    const user = { id: ctx.from!.id, firstName: ctx.from!.first_name, username: ctx.from!.username };
    const check = await conversation.external(async (): Promise<{ refusal: string } | { question: string; followUp?: string }> => {
      const actor = await deps.services.staff.actorFor(user);
      const { ticket, refusal } = await deps.services.tickets.checkAnswer(ref, actor);
      if (refusal || !ticket) return { refusal: refusalText(refusal ?? { reason: 'not_found' }, ref, texts, kit.lang, policy) };
      const followUp = followUpOf(await deps.services.tickets.history(ref));
      return { question: ticket.report.description, followUp };
    });
    if ('refusal' in check) {
      await ctx.reply(check.refusal, { parse_mode: 'HTML' });
      return;
    }
    const prompt = check.followUp
      ? kit.t('answer-ask-text-followup', { ref, question: check.question, followup: check.followUp })
      : kit.t('answer-ask-text', { ref, question: check.question });
    const text = (await askText(kit, ctx, prompt, { minLength: 2 })).text!;
    const media = policy.limits.maxMedia > 0 ? await askOnePhoto(kit, ctx, kit.t('answer-ask-photo')) : [];
    const confirm = await askChoice(kit, ctx, kit.t('answer-confirm', { ref, answer: text, count: media.length }), [
      { value: 'send', label: kit.t('btn-send-answer') },
      { value: 'cancel', label: kit.t('btn-cancel') },
    ]);
    if (confirm === 'cancel') {
      await ctx.reply(kit.t('scene-cancelled'), { parse_mode: 'HTML' });
      return;
    }
    const outcome = await conversation.external(async () => {
      const actor = await deps.services.staff.actorFor(user);
      const done = await deps.services.tickets.answer(ref, actor, text, media);
      if (!done.ok) return refusalText(done, ref, texts, kit.lang, policy);
      return kit.t('answer-done', { ref });
    });
    await ctx.reply(outcome, { parse_mode: 'HTML' });
  };
}
