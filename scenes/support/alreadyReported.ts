/**
 * "Already reported" at intake: before a public-area or equipment report goes on, the open
 * tickets of the same category and place are shown with Me too / It's something else. Me too
 * makes the resident a follower of that ticket (an event in its log; the card's count and
 * everything after follow from the core) and ends the report; anything else carries on.
 */
import type { Context } from 'grammy';
import { residentActor } from '../../src/people/actors';
import type { OfferQuery } from '../../src/followers/service';
import type { ResidentContact } from '../../src/tickets/types';
import { mainMenu } from '../../bot/keyboards';
import { when } from '../../bot/render/format';
import { askChoice, type Choice, type Kit } from './ask';
import type { SceneDeps } from './deps';

const OTHER = '_other';
const HTML = { parse_mode: 'HTML' as const };

/** True when the resident now follows an open ticket (the report ends there). */
export async function offerOpenTicket(kit: Kit, ctx: Context, deps: SceneDeps, query: OfferQuery, contact: ResidentContact, via: 'me_too' | 'scan'): Promise<boolean> {
  const { followers, policy, texts } = deps.services;
  if (!followers.offersFor(query.kind)) return false;
  const offered = await kit.conversation.external(() => followers.openFor(query));
  if (offered.length === 0) return false;
  const lines = [kit.t('metoo-offer', { count: offered.length })];
  for (const ticket of offered) {
    lines.push(kit.t('metoo-line', { ref: ticket.ref, status: texts.plain(kit.lang, `status-${ticket.status}`), since: when(ticket.createdAt, policy, kit.lang) }));
  }
  lines.push(kit.t('metoo-question'));
  const choices: Choice[] =
    offered.length === 1
      ? [{ value: offered[0].ref, label: kit.t('btn-metoo') }]
      : offered.map((ticket) => ({ value: ticket.ref, label: texts.plain(kit.lang, 'btn-metoo-ref', { ref: ticket.ref }) }));
  choices.push({ value: OTHER, label: kit.t('btn-something-else') });
  const picked = await askChoice(kit, ctx, lines.join('\n'), choices, 1);
  if (picked === OTHER) return false;
  const followed = await kit.conversation.external(async () => {
    const done = await followers.follow(picked, contact, residentActor(contact.telegramId, contact.name), via);
    return done.ok;
  });
  if (!followed) {
    // Closed or taken over between the offer and the press: the report goes on as a new one.
    await ctx.reply(kit.t('metoo-gone', { ref: picked }), HTML);
    return false;
  }
  await ctx.reply(kit.t('metoo-done', { ref: picked }), { ...HTML, reply_markup: mainMenu(texts, kit.lang) });
  return true;
}
