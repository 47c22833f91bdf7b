/**
 * Updates are handled concurrently (the runner, or several webhook posts at once), but never
 * two of one chat or of one person at the same time: otherwise two quick answers were both
 * taken as the answer to one question of a scene (see FACTS.md). This must come before the
 * conversations plugin, which reads and writes the chat's scene state.
 */
import { sequentialize } from '@grammyjs/runner';
import type { Context, MiddlewareFn } from 'grammy';

export function constraintsOf(ctx: Context): string[] {
  const keys: string[] = [];
  if (ctx.chat) keys.push(`chat:${ctx.chat.id}`);
  if (ctx.from) keys.push(`user:${ctx.from.id}`);
  return keys;
}

export function oneAtATimePerChatAndUser<C extends Context>(): MiddlewareFn<C> {
  return sequentialize<C>(constraintsOf);
}
