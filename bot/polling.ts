/**
 * Long polling. A webhook left from webhook mode is removed first (Telegram refuses
 * getUpdates while one is set).
 */
import type { Bot } from 'grammy';
import type { Logger } from 'pino';
import type { BotContext } from './context';

export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'chat_member', 'my_chat_member'] as const;

/** Removes a webhook (and says so) so that getUpdates works. */
export async function removeWebhook(bot: Bot<BotContext>, log: Logger): Promise<void> {
  const info = await bot.api.getWebhookInfo();
  if (!info.url) return;
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  log.info({ webhook: info.url.replace(/\/telegram\/.*$/, '/telegram/…'), pending: info.pending_update_count }, 'webhook removed: back to long polling');
}
