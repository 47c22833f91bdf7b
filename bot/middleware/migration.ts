/**
 * A group that becomes a supergroup (when it grows, gets topics or public history) changes
 * its id, and the old id stops working. Telegram says so with a service message in each
 * (migrate_to_chat_id in the old, migrate_from_chat_id in the new); for a configured staff
 * chat the new id is logged with the setting to change.
 */
import type { MiddlewareFn } from 'grammy';
import type { AppServices, BotContext } from '../context';
import { configuredChats } from '../startup';

export function groupMigrationWatch(services: AppServices): MiddlewareFn<BotContext> {
  const seen = new Set<string>();
  return async (ctx, next) => {
    const msg = ctx.message;
    const to = msg?.migrate_to_chat_id;
    const from = msg?.migrate_from_chat_id;
    if (msg && (to !== undefined || from !== undefined)) {
      const oldId = to !== undefined ? msg.chat.id : from!;
      const newId = to ?? msg.chat.id;
      const pair = `${oldId}>${newId}`;
      if (!seen.has(pair)) {
        seen.add(pair);
        const { policy, log } = services;
        const settings = configuredChats(policy).get(oldId);
        if (settings) {
          log.error(
            { oldChatId: oldId, newChatId: newId, settings },
            `staff group ${oldId} became a supergroup with the id ${newId}: tickets cannot be posted to the old id. ` +
              `Fix: replace ${oldId} by ${newId} in ${settings.join(' and ')} (STAFF_CHAT_ID or the office policy file), then restart the bot`,
          );
        } else {
          log.info({ oldChatId: oldId, newChatId: newId }, 'a group the bot is in became a supergroup');
        }
      }
    }
    await next();
  };
}
