/**
 * The end of every report: create the ticket (its cards follow from the core) and tell the
 * resident the reference — once, inside `external`, so a replay after a restart does not
 * file it again.
 */
import type { Context } from 'grammy';
import type { TicketState } from '../../src/tickets/types';
import { mainMenu } from '../../bot/keyboards';
import { renderAccepted } from '../../bot/render/resident';
import type { Kit } from './ask';
import type { SceneDeps } from './deps';

export async function submitTicket(kit: Kit, ctx: Context, deps: SceneDeps, create: () => Promise<TicketState>): Promise<void> {
  const { policy, texts } = deps.services;
  const accepted = await kit.conversation.external(async () => renderAccepted(await create(), policy, texts, kit.lang));
  await ctx.reply(accepted, { parse_mode: 'HTML', reply_markup: mainMenu(texts, kit.lang) });
}
