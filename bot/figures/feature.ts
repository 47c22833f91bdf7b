/**
 * /report (this month so far) and /report 2026-10: the month's figures for the manager and
 * the department heads, privately — a head sees their department first — as a message and
 * the full table as a CSV document. Anyone else is refused; in a group the command only
 * says to ask privately (the figures name tickets, complaints included).
 */
import { Composer } from 'grammy';
import { isMonthKey } from '../../src/figures/store';
import { localMonthKey } from '../../src/time/zoned';
import type { BotContext } from '../context';
import { buildFiguresReport, csvFile, mayReadFigures } from './report';

const HTML = { parse_mode: 'HTML' as const };

/** '2026-10', '2026-1', '2026/10', '2026.10', '2026年10月' → '2026-10'; null when it is no month. */
export function parseMonth(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const month = `${m[1]}-${m[2].padStart(2, '0')}`;
  return isMonthKey(month) ? month : null;
}

export function figuresFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('report', async (ctx) => {
    const { services } = ctx;
    const actor = await services.staff.actorFor({ id: ctx.from!.id, firstName: ctx.from!.first_name, username: ctx.from!.username });
    if (!mayReadFigures(actor)) {
      ctx.log.info({ userId: actor.id, role: actor.role }, 'figures refused');
      return void (await ctx.reply(ctx.t('figures-refuse'), HTML));
    }
    if (ctx.chat.type !== 'private') return void (await ctx.reply(ctx.t('figures-private-only'), HTML));
    const now = services.clock.now();
    const thisMonth = localMonthKey(now, services.policy.timezone);
    const arg = ctx.match.trim();
    const month = arg === '' ? thisMonth : parseMonth(arg);
    if (!month) return void (await ctx.reply(ctx.t('figures-bad-month'), HTML));
    if (month > thisMonth) return void (await ctx.reply(ctx.t('figures-future', { month }), HTML));
    const report = await buildFiguresReport(services, month, { id: actor.id, lang: ctx.lang }, month === thisMonth ? now : undefined);
    await ctx.reply(report.text, HTML);
    await ctx.replyWithDocument(csvFile(report), { caption: services.texts.plain(ctx.lang, 'figures-csv-caption', { period: month }) });
    ctx.log.info({ userId: actor.id, month }, 'figures sent');
  });

  return composer;
}
