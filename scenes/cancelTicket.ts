/**
 * The resident withdraws a ticket before work has started: a reason (typed, or one of a few
 * quick answers), a confirmation, then the card shows "cancelled" and the group is told why.
 * If someone started work in the meantime, the domain core refuses and nothing changes.
 */
import type { Context } from 'grammy';
import type { Lang } from '../src/config/office';
import { residentActor } from '../src/people/actors';
import { mainMenu } from '../bot/keyboards';
import { refusalText } from '../bot/refusals';
import { renderResidentUpdate } from '../bot/render/resident';
import type { Texts } from '../bot/texts';
import { askChoice, askText, type Choice, type SceneConversation } from './support/ask';
import { sceneKit, type SceneDeps } from './support/deps';

/** Quick reasons: the resident reads them in their language, the group in the office's. */
function quickReasons(texts: Texts, lang: Lang): Choice[] {
  const t = (key: string) => texts.plain(lang, key);
  return [
    { value: 'solved', label: t('my-cancel-reason-solved') },
    { value: 'mistake', label: t('my-cancel-reason-mistake') },
    { value: 'duplicate', label: t('my-cancel-reason-duplicate') },
    { value: 'not_needed', label: t('my-cancel-reason-not-needed') },
  ];
}

export function createCancelTicketScene(deps: SceneDeps) {
  const { policy, texts } = deps.services;
  return async function cancelTicket(conversation: SceneConversation, ctx: Context, ref: string): Promise<void> {
    const kit = await sceneKit(conversation, ctx, deps);
    const userId = ctx.from!.id;
    const name = ctx.from!.first_name;
    const menu = { parse_mode: 'HTML' as const, reply_markup: mainMenu(texts, kit.lang) };

    const answer = await askText(kit, ctx, kit.t('my-cancel-ask-reason', { ref }), { choices: quickReasons(texts, kit.lang), minLength: 2 });
    const reason = answer.text ?? quickReasons(texts, kit.lang).find((c) => c.value === answer.choice)!.label;
    // A quick reason is recorded by its code: staff read it in the office's language.
    const reasonCode = answer.text ? undefined : answer.choice!.replace(/_/g, '-');

    const sure = await askChoice(kit, ctx, kit.t('my-cancel-confirm', { ref, reason }), [
      { value: 'yes', label: kit.t('btn-my-cancel-yes') },
      { value: 'no', label: kit.t('btn-my-cancel-no') },
    ]);
    if (sure === 'no') return void (await ctx.reply(kit.t('my-cancel-kept', { ref }), menu));

    const outcome = await conversation.external(async () => {
      const cancelled = await deps.services.tickets.cancel(ref, residentActor(userId, name), reason, reasonCode);
      if (!cancelled.ok) {
        if (cancelled.reason === 'wrong_state' && cancelled.status !== 'cancelled') {
          return kit.t('my-cancel-too-late', { ref, status: kit.t(`status-${cancelled.status}`) });
        }
        return refusalText(cancelled, ref, texts, kit.lang, policy);
      }
      return renderResidentUpdate(cancelled.ticket, cancelled.event, policy, texts, kit.lang)!.text;
    });
    await ctx.reply(outcome, menu);
  };
}
