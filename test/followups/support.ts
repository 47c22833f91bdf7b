/**
 * What the follow-up tests share: an office whose follow-up durations are seconds, tickets
 * carried to "closed" through the domain core (cards posted as in production), and the
 * follow-up work built on the harness's services exactly as main.ts builds it.
 */
import { createFollowupWork, type FollowupWork } from '../../bot/followups/jobs';
import { settling } from '../support/harness';
import type { OfficePolicy } from '../../src/config/office';
import type { FollowupPolicy } from '../../src/followups/config';
import { followupModels, type SurveyDoc } from '../../src/followups/model';
import { seededRandom } from '../../src/followups/sampling';
import { residentActor } from '../../src/people/actors';
import type { ComplaintClass, RepairReport, ResidentContact, TicketState } from '../../src/tickets/types';
import type { Bot } from 'grammy';
import type { AppServices, BotContext } from '../../bot/context';
import { createBot } from '../../bot/createBot';
import type { Notifier } from '../../bot/notify';
import { createServices, telegramMembershipProbe } from '../../bot/services';
import { attachDatabase } from '../../src/db/connection';
import { people, testPolicy, TOKEN, type Harness } from '../support/harness';
import type { TgUser } from '../support/updates';

const S = 1000;

export const FOLLOWUPS_IN_SECONDS: Partial<FollowupPolicy> = {
  within: { complaint: 30 * S, repair: 50 * S, paid: 10 * S, emergency: 70 * S, other: 70 * S },
  delay: { complaint: 10 * S, repair: 10 * S, paid: 5 * S, emergency: 10 * S, other: 10 * S },
  recheck: { after: 120 * S, within: 240 * S },
  resendAfter: 20 * S,
  noAnswerAfter: 30 * S,
  repeatWindow: 300 * S,
  commentWait: 60 * S,
  scanOverlap: 2 * S,
  firstRunLookback: 3600 * S,
};

/** The office with every follow-up duration in seconds (and a 30-second confirmation period). */
export function followupTestPolicy(overrides: Partial<FollowupPolicy> = {}): OfficePolicy {
  return { ...testPolicy(), confirmation: { autoConfirmAfter: 30 * S }, followups: { ...FOLLOWUPS_IN_SECONDS, ...overrides } } as OfficePolicy;
}

export const shanghai = (local: string) => new Date(`${local}+08:00`);

export function work(h: Harness, seed = 7): FollowupWork {
  return settling(h, createFollowupWork({ services: h.services, random: seededRandom(seed) }));
}

export function contactOf(who: TgUser, building = '3'): ResidentContact {
  return { telegramId: who.id, name: who.first_name, phone: '+8613812345678', building, unit: '2', room: '1201', language: who.language_code?.startsWith('zh') ? 'zh-CN' : 'en' };
}

const REPAIR: RepairReport = {
  repairKind: 'public',
  category: 'inspect',
  location: '5栋大堂',
  atHome: false,
  description: '大堂灯不亮',
  media: [],
  visit: { asap: true },
};

export async function staffActor(h: Harness, who: TgUser = people.zhang) {
  return h.services.staff.actorFor({ id: who.id, firstName: who.first_name });
}

/** A repair reported, its card posted (unless `withCard` is false), claimed and resolved by zhang. */
export async function resolvedRepair(h: Harness, who: TgUser = people.alice, report: Partial<RepairReport> = {}, withCard = true): Promise<TicketState> {
  const ticket = await h.services.tickets.createRepair(contactOf(who), { ...REPAIR, ...report }, residentActor(who.id, who.first_name));
  if (withCard) await h.settle();
  const zhang = await staffActor(h);
  expect((await h.services.tickets.claim(ticket.ref, zhang)).ok).toBe(true);
  const resolved = await h.services.tickets.resolve(ticket.ref, zhang, { text: '已修好', media: [] });
  if (!resolved.ok) throw new Error(`resolve ${ticket.ref}: ${resolved.reason}`);
  return resolved.ticket;
}

/** A repair carried through to "closed" by the resident's confirmation. */
export async function closedRepair(h: Harness, who: TgUser = people.alice, report: Partial<RepairReport> = {}, withCard = true): Promise<TicketState> {
  const ticket = await resolvedRepair(h, who, report, withCard);
  const confirmed = await h.services.tickets.confirm(ticket.ref, residentActor(who.id, who.first_name));
  if (!confirmed.ok) throw new Error(`confirm ${ticket.ref}: ${confirmed.reason}`);
  return confirmed.ticket;
}

/** A complaint, classified by the head, answered and confirmed. */
export async function closedComplaint(h: Harness, who: TgUser, cls: ComplaintClass, anonymous = false): Promise<TicketState> {
  const input = { subject: 'service' as const, when: '今天', where: '小区门口', what: '保安不在岗', wants: '加强管理', media: [], anonymous, showUnit: false };
  const ticket = await h.services.tickets.createComplaint(contactOf(who), input, residentActor(who.id, who.first_name));
  const head = await staffActor(h, people.manager);
  const classified = await h.services.tickets.classify(ticket.ref, head, cls, { explanation: '不属于物业服务范围' });
  if (!classified.ok) throw new Error(`classify ${ticket.ref}: ${classified.reason}`);
  if (cls !== 'invalid') {
    const answered = await h.services.tickets.answer(ticket.ref, head, '已处理');
    if (!answered.ok) throw new Error(`answer ${ticket.ref}: ${answered.reason}`);
  }
  const confirmed = await h.services.tickets.confirm(ticket.ref, residentActor(who.id, who.first_name));
  if (!confirmed.ok) throw new Error(`confirm ${ticket.ref}: ${confirmed.reason}`);
  return confirmed.ticket;
}

export async function surveysOf(h: Harness, ref: string): Promise<SurveyDoc[]> {
  return followupModels(h.database.conn).Survey.find({ ref }).sort({ closedAt: 1, stage: 1 }).lean<SurveyDoc[]>();
}

export async function eventTypes(h: Harness, ref: string): Promise<string[]> {
  return (await h.services.tickets.history(ref)).map((e) => e.type);
}

/** Survey messages (they carry `fu:` buttons) sent to a chat. */
export function surveyMessagesTo(h: Harness, chatId: number) {
  return h.fake.callsOf('sendMessage').filter((c) => c.params.chat_id === chatId && JSON.stringify(c.params.reply_markup ?? {}).includes('"fu:'));
}

/** A second bot instance on the same database and fake Telegram (a hot spare, a second webhook). */
export async function secondInstance(h: Harness): Promise<{ services: AppServices; notifier: Notifier; bot: Bot<BotContext> }> {
  const database = await attachDatabase(await h.db.connect());
  let bot: Bot<BotContext> | undefined;
  const services = createServices({
    database,
    policy: h.policy,
    clock: h.clock,
    texts: h.services.texts,
    log: h.services.log,
    probe: telegramMembershipProbe(() => bot!.api),
  });
  const created = createBot({ token: TOKEN, services, apiRoot: h.fake.apiRoot, botInfo: h.fake.botInfo });
  bot = created.bot;
  return { services, notifier: created.notifier, bot };
}
