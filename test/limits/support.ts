/**
 * An office whose time limits are seconds long (the injected clock moves them), tickets
 * created through the services with their cards posted, and the time-limit jobs by name.
 */
import { createLimitJobs } from '../../bot/limits/jobs';
import type { OfficePolicy } from '../../src/config/office';
import type { Job } from '../../src/jobs/scheduler';
import { residentActor } from '../../src/people/actors';
import type { TicketState } from '../../src/tickets/types';
import { testPolicy, type Harness } from '../support/harness';

export const SEC = 1000;
export const DAY = 24 * 3600 * SEC;

/** Every limit in seconds: respond 10 s, on site 20 s after claiming, resolve in 100 s. */
export function secondsPolicy(timeLimits: Record<string, unknown> = {}): OfficePolicy {
  const policy = testPolicy();
  policy.response = { dispatch: 10 * SEC, complaintDispatch: 20 * SEC, validComplaintToHead: 60 * SEC, onSiteAfterClaim: 20 * SEC, paidQuote: 10 * SEC, emergencyOnSite: 5 * SEC };
  policy.repairKinds = policy.repairKinds.map((k) => ({ ...k, categories: k.categories.map((c) => ({ ...c, resolution: 100 * SEC })) }));
  policy.complaintResolution = { valid: 100 * SEC, help: 100 * SEC, inquiry: 100 * SEC, venting: 100 * SEC, majorFirstAnswer: 50 * SEC, major: 200 * SEC };
  policy.otherResolution = { emergency: 100 * SEC, inquiry: 100 * SEC };
  const limits = {
    remindAt: 0.8,
    escalateManagerAfter: 1.0,
    reannounceAfter: 10 * SEC,
    reannounceTimes: 3,
    emergencyReannounceEvery: 2 * SEC,
    emergencyReannounceTimes: 15,
    noProgressRelease: 30 * SEC,
    weeklyProgressEvery: 7 * DAY,
    extensionChoices: [50 * SEC, 100 * SEC],
    ...timeLimits,
  };
  // These tests count what is sent, not how fast: Telegram's pacing (the outbox's, tested
  // there) would hold a busy staff group's messages for real seconds.
  const outbox = { globalPerSecond: 10_000, perChatPerSecond: 10_000, perChatBurst: 10_000, perGroupPerMinute: 10_000 };
  return { ...policy, timeLimits: limits, outbox } as OfficePolicy;
}

export const ALICE_CONTACT = { telegramId: 501, name: '爱丽丝', phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' };

/** A free public-area repair for engineering (head: 王主管), its card posted to the staff group. */
export async function newRepair(h: Harness, description: string, visit: TicketState['report']['visit'] = { asap: true }): Promise<TicketState> {
  const ticket = await h.services.tickets.createRepair(
    ALICE_CONTACT,
    { repairKind: 'public', category: 'inspect', location: '5栋大堂', atHome: false, description, media: [], visit: visit ?? { asap: true } },
    residentActor(ALICE_CONTACT.telegramId, ALICE_CONTACT.name),
  );
  await h.settle();
  return ticket;
}

export async function newEmergency(h: Harness): Promise<TicketState> {
  const ticket = await h.services.tickets.createEmergency(ALICE_CONTACT, { what: 'flood', location: '3栋地下车库', atHome: false }, residentActor(ALICE_CONTACT.telegramId, ALICE_CONTACT.name));
  await h.settle();
  return ticket;
}

export type LimitJobName = 'alerts' | 'reannounce' | 'no-progress' | 'weekly-progress';

/** The time-limit jobs of one bot instance, run by name. */
export function limitJobs(h: Harness): (name: LimitJobName) => Promise<unknown> {
  const jobs: Job[] = createLimitJobs(h.services);
  return async (name) => {
    const result = await jobs.find((j) => j.name === `limits:${name}`)!.run();
    await h.settle();
    return result;
  };
}

/** Texts the bot sent to a chat that contain `fragment`. */
export function sentTo(h: Harness, chatId: number, fragment: string): string[] {
  return h.fake.textsTo(chatId).filter((text) => text.includes(fragment));
}

export async function eventsOf(h: Harness, ref: string, type: string) {
  return (await h.services.tickets.history(ref)).filter((e) => e.type === type);
}
