/**
 * Staff finish a ticket in their private chat with the bot: what was done, optional photos,
 * the fee for paid work. The group card and the resident are updated at the end.
 */
import type { Context } from 'grammy';
import { formatDuration } from '../src/time/duration';
import { askChoice, askText, makeKit, type SceneConversation } from './support/ask';
import type { SceneDeps } from './support/deps';
import { askMedia } from './support/media';
import { refusalText } from '../bot/refusals';

export function createResolveScene(deps: SceneDeps) {
  const { policy, texts } = deps.services;
  return async function resolve(conversation: SceneConversation, ctx: Context, ref: string): Promise<void> {
    // Staff work in the office's language.
    const kit = makeKit(conversation, policy.language, texts, policy.limits.maxTextLength);
    const user = { id: ctx.from!.id, firstName: ctx.from!.first_name, username: ctx.from!.username };
    const check = await conversation.external(async () => {
      const actor = await deps.services.staff.actorFor(user);
      const { ticket, refusal } = await deps.services.tickets.check(ref, 'resolve', actor);
      return {
        refusal: refusal ? refusalText(refusal, ref, texts, kit.lang) : null,
        paid: !!ticket?.report.agreedPrice,
        price: ticket?.report.agreedPrice?.amount,
        complaint: ticket?.kind === 'complaint',
      };
    });
    if (check.refusal) {
      await ctx.reply(check.refusal, { parse_mode: 'HTML' });
      return;
    }
    // A complaint is answered (what the office found and did), a repair is finished.
    const complaint = check.complaint;
    const resultQuestion = complaint ? kit.t('resolve-ask-answer-complaint', { ref }) : kit.t('resolve-ask-result', { ref });
    const result = await askText(kit, ctx, resultQuestion, { minLength: 2 });
    const mediaQuestion = complaint ? kit.t('resolve-ask-media-complaint', { max: policy.limits.maxMedia }) : kit.t('resolve-ask-media', { max: policy.limits.maxMedia });
    const media = await askMedia(kit, ctx, mediaQuestion, policy.limits.maxMedia);
    let fee: number | undefined;
    if (check.paid) {
      const agreed = String(check.price ?? 0);
      const answer = await askText(kit, ctx, kit.t('resolve-ask-fee', { agreed }), {
        choices: [{ value: agreed, label: texts.plain(kit.lang, 'btn-fee-as-agreed', { amount: agreed }) }],
        validate: (text) => {
          const normalized = text.replace(/[¥￥元,\s]/g, '');
          return /^\d+(\.\d{1,2})?$/.test(normalized) ? { value: normalized } : { retry: 'resolve-fee-invalid' };
        },
      });
      fee = Number(answer.choice ?? answer.text);
    }
    const summary = [kit.t('resolve-confirm', { ref, result: result.text!, count: media.length })];
    if (fee !== undefined) summary.push(kit.t('resolve-confirm-fee', { fee: String(fee) }));
    const confirm = await askChoice(kit, ctx, summary.join('\n'), [
      { value: 'yes', label: kit.t('btn-confirm') },
      { value: 'no', label: kit.t('btn-cancel') },
    ]);
    if (confirm === 'no') {
      await ctx.reply(kit.t('scene-cancelled'), { parse_mode: 'HTML' });
      return;
    }
    const outcome = await conversation.external(async () => {
      const actor = await deps.services.staff.actorFor(user);
      const done = await deps.services.tickets.resolve(ref, actor, { text: result.text!, media, fee });
      if (!done.ok) return { text: refusalText(done, ref, texts, kit.lang, policy) };
      const wait = formatDuration(policy.confirmation.autoConfirmAfter, kit.lang);
      return { text: complaint ? kit.t('resolve-done-complaint', { ref, wait }) : kit.t('resolve-done', { ref, wait }) };
    });
    await ctx.reply(outcome.text, { parse_mode: 'HTML' });
  };
}
