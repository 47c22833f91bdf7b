/** After "Not solved": the resident may say what is still wrong (optional); staff see it under the card. */
import type { Context } from 'grammy';
import { residentActor } from '../src/people/actors';
import { mainMenu } from '../bot/keyboards';
import { askText, type SceneConversation } from './support/ask';
import { sceneKit, type SceneDeps } from './support/deps';

export function createDisputeReasonScene(deps: SceneDeps) {
  const { texts } = deps.services;
  return async function disputeReason(conversation: SceneConversation, ctx: Context, ref: string): Promise<void> {
    const kit = await sceneKit(conversation, ctx, deps);
    // After an answered inquiry this is a follow-up question, not a complaint about the work.
    const inquiry = (await conversation.external(async () => (await deps.services.tickets.get(ref))?.kind)) === 'inquiry';
    const question = inquiry ? kit.t('inquiry-ask-more', { ref }) : kit.t('dispute-ask-reason', { ref });
    const answer = await askText(kit, ctx, question, { choices: [{ value: 'skip', label: kit.t('btn-skip') }] });
    if (answer.choice === 'skip') {
      await ctx.reply(kit.t('dispute-no-reason'), { parse_mode: 'HTML', reply_markup: mainMenu(texts, kit.lang) });
      return;
    }
    const userId = ctx.from!.id;
    const name = ctx.from!.first_name;
    await conversation.external(async () => {
      await deps.services.tickets.addInfo(ref, residentActor(userId, name), answer.text!, [], { afterDispute: true });
    });
    await ctx.reply(inquiry ? kit.t('inquiry-more-sent') : kit.t('dispute-reason-sent'), { parse_mode: 'HTML', reply_markup: mainMenu(texts, kit.lang) });
  };
}
