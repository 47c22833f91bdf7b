import type { Context } from 'grammy';
import type { Lang } from '../../src/config/office';
import type { AppServices } from '../../bot/context';
import { pickLanguage } from '../../bot/texts';
import { makeKit, type Kit, type SceneConversation } from './ask';

/** What scenes reach by closure: the services (built once per bot). Who else hears of a change is the core's business. */
export interface SceneDeps {
  services: AppServices;
}

/** The person's language, read once and replayed from the conversation's log afterwards. */
export async function sceneKit(conversation: SceneConversation, ctx: Context, deps: SceneDeps): Promise<Kit> {
  const userId = ctx.from?.id ?? 0;
  const code = ctx.from?.language_code;
  const lang = await conversation.external(async (): Promise<Lang> => {
    const stored = await deps.services.residents.language(userId);
    return pickLanguage(stored, code, deps.services.policy.language);
  });
  return makeKit(conversation, lang, deps.services.texts, deps.services.policy.limits.maxTextLength);
}
