/**
 * The monthly report (SPEC.md: "by the 2nd of each month the previous month's numbers"):
 * from `figures.reportDay` at `figures.reportTime` (office-local), the previous month's
 * figures go privately to the manager(s) and every department head, once each.
 *
 * Once with any number of instances: each reader's message and table are claimed with a
 * unique insert (`figures:report:<month>:<user>`, `…:csv`) before they are sent. A failed
 * send (network, Telegram down) gives the claim back, so the next tick tries again; a refusal
 * (the reader never started the bot) is not retried. A crash between the claim and the send
 * loses that message — the same trade as the bot's update handling; /report gives it anyway.
 *
 * Before the first report of a month, that month's facts are caught up from the event log
 * once (FactStore.rebuild), so facts lost between an event and its recording still count.
 */
import { GrammyError, type Api } from 'grammy';
import { claimOnce } from '../../src/jobs/once';
import type { Job } from '../../src/jobs/scheduler';
import { previousMonth } from '../../src/figures/monthly';
import { FactStore } from '../../src/figures/store';
import { localMonthKey, localParts, parseHHMM } from '../../src/time/zoned';
import type { AppServices } from '../context';
import { pickLanguage } from '../texts';
import { buildFiguresReport, csvFile, type FiguresReport } from './report';

const HTML = { parse_mode: 'HTML' as const };

export type ReportRun = 'not_yet' | { month: string; sent: number; rebuilt?: number };

/** The month whose report is due now, or null before the configured day and time. */
export function reportDue(now: Date, services: Pick<AppServices, 'policy'>): string | null {
  const { policy } = services;
  const local = localParts(now, policy.timezone);
  const at = parseHHMM(policy.figures.reportTime);
  const minutes = local.hour * 60 + local.minute;
  if (local.day < policy.figures.reportDay || (local.day === policy.figures.reportDay && minutes < at.hour * 60 + at.minute)) return null;
  return previousMonth(localMonthKey(now, policy.timezone));
}

/** The manager(s) first, then the heads; each once. */
export function reportReaders(services: Pick<AppServices, 'policy'>): number[] {
  const { policy } = services;
  return [...new Set([...policy.managers, ...policy.departments.flatMap((d) => d.heads)])];
}

export async function sendMonthlyReports(services: AppServices, api: Api): Promise<ReportRun> {
  const { db, clock, policy, log } = services;
  const now = clock.now();
  const month = reportDue(now, services);
  if (!month) return 'not_yet';
  let rebuilt: number | undefined;
  if (await claimOnce(db, `figures:rebuild:${month}`, now)) {
    rebuilt = (await new FactStore(db, policy).rebuild(month)).inserted;
    log.info({ month, inserted: rebuilt }, 'figures caught up from the event log');
  }
  let sent = 0;
  for (const userId of reportReaders(services)) {
    let report: FiguresReport | undefined;
    let lang = policy.language;
    const prepare = async () => {
      lang = pickLanguage(await services.residents.language(userId), undefined, policy.language);
      report ??= await buildFiguresReport(services, month, { id: userId, lang });
      return report;
    };
    // The message, then the table: each claimed on its own, so a retry sends only what is missing.
    const tableKey = `figures:report:${month}:${userId}:csv`;
    const text = await sendOnce(services, `figures:report:${month}:${userId}`, now, async () => {
      await api.sendMessage(userId, (await prepare()).text, HTML);
    });
    if (text === 'retry') continue;
    // Refused (never started the bot): the table would be refused too, now and on every later tick.
    if (text === 'refused') await claimOnce(db, tableKey, now);
    const table = await sendOnce(services, tableKey, now, async () => {
      const r = await prepare();
      await api.sendDocument(userId, csvFile(r), { caption: services.texts.plain(lang, 'figures-csv-caption', { period: month }) });
    });
    if (text === 'sent' || table === 'sent') {
      sent++;
      log.info({ month, userId }, 'monthly figures sent');
    }
  }
  return { month, sent, ...(rebuilt !== undefined ? { rebuilt } : {}) };
}

/**
 * Claims a send and does it. A failure that may pass (network, Telegram's 5xx or 429) gives
 * the claim back for the next tick; a refusal (the reader never started the bot, a bad chat)
 * keeps it: trying every minute would not help.
 */
async function sendOnce(services: AppServices, key: string, now: Date, send: () => Promise<void>): Promise<'sent' | 'done' | 'retry' | 'refused'> {
  if (!(await claimOnce(services.db, key, now))) return 'done';
  try {
    await send();
    return 'sent';
  } catch (error) {
    if (error instanceof GrammyError && error.error_code < 500 && error.error_code !== 429) {
      services.log.warn({ key, error: error.description }, 'monthly figures refused by Telegram: not retried');
      return 'refused';
    }
    await services.db.JobRun.deleteOne({ _id: key });
    services.log.error({ err: error, key }, 'monthly figures failed: retried on the next tick');
    return 'retry';
  }
}

/** The scheduler's job; main.ts adds it next to the other jobs. */
export function createFiguresJobs(services: AppServices, api: Api): Job[] {
  return [{ name: 'figures:monthly-report', run: () => sendMonthlyReports(services, api) }];
}
