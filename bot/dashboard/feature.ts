/**
 * /dashboard: a staff member asks the bot privately for a sign-in link to the web dashboard
 * (bot/dashboard/router.ts). The link is one-time and short-lived (src/dashboard/auth.ts);
 * in a group the bot only says to ask privately, as a link there could be opened by anyone.
 */
import { Composer } from 'grammy';
import type { BotContext } from '../context';
import { staffCaller } from '../features/staffScope';

const HTML = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } };

/** What the bot needs to hand out sign-in links; absent when the dashboard is not served. */
export interface DashboardLinks {
  /** The full sign-in URL for this person. */
  linkFor(user: { id: number; name: string }): string;
  linkLifetimeMs: number;
}

export function dashboardFeature(links: DashboardLinks | undefined): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('dashboard', async (ctx) => {
    const actor = await staffCaller(ctx);
    if (!actor) return;
    if (ctx.chat.type !== 'private') return void (await ctx.reply(ctx.t('dashboard-private-only'), HTML));
    if (!links) return void (await ctx.reply(ctx.t('dashboard-not-configured'), HTML));
    const url = links.linkFor({ id: actor.id, name: ctx.from!.first_name });
    await ctx.reply(ctx.t('dashboard-link', { url, minutes: Math.round(links.linkLifetimeMs / 60_000) }), HTML);
    ctx.log.info({ userId: actor.id, role: actor.role }, 'dashboard link sent');
  });
  return composer;
}
