/** Placeholder: being written (issue 4). */
import type { Context } from 'grammy';
import type { SceneConversation } from './support/ask';
import type { SceneDeps } from './support/deps';

export function createCancelTicketScene(deps: SceneDeps) {
  void deps;
  return async function cancelTicket(conversation: SceneConversation, ctx: Context, ...args: unknown[]): Promise<void> {
    void conversation;
    void args;
    await ctx.reply('…');
  };
}
