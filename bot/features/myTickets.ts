/** Placeholder: being written (issue 4). */
import { Composer } from 'grammy';
import type { BotContext } from '../context';
import type { Notifier } from '../notify';

export function myTicketsFeature(notifier: Notifier): Composer<BotContext> {
  void notifier;
  return new Composer<BotContext>();
}

/** Shows the resident's tickets (page 0 = newest). */
export async function showMyTickets(ctx: BotContext, page = 0): Promise<void> {
  void page;
  await ctx.reply('…');
}
