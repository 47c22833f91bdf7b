/**
 * Who is staff: members of the configured staff chats (learned when they act there, checked
 * with the chat when unknown), plus department heads and the manager from configuration.
 */
import type { Clock } from '../clock';
import type { OfficePolicy } from '../config/office';
import type { Models, StaffMembershipDoc, UserMembershipsDoc } from '../db/models';
import { isDuplicateKey, upsertById } from '../db/models';
import type { Actor, Role } from './actors';
import { readRoster, type RosterEntry } from './roster';
import { ShortCache } from './shortCache';

/** Asks the chat itself (the adapter implements it with getChatMember). */
export interface MembershipProbe {
  isMember(chatId: number, userId: number): Promise<boolean>;
}

export interface StaffDirectoryOptions {
  /** How long a "not a member" answer is trusted before asking the chat again. */
  recheckNonMemberAfterMs: number;
  /**
   * How long a "member" answer is trusted. Telegram sends chat_member updates only to admin
   * bots, so without a re-check someone who left the group would stay staff for ever.
   */
  recheckMemberAfterMs?: number;
}

const TEN_MINUTES = 10 * 60_000;

/**
 * How long this process keeps a user's recorded memberships without asking the database
 * (real time: a cache, not office time). The role is needed on nearly every update; what
 * this process learns it writes through, and another instance's answers are seen here
 * within this long. Each answer's own trust period (above) still applies to what is kept.
 */
export const MEMBERSHIP_CACHE_MS = 30_000;

type KnownChats = UserMembershipsDoc['chats'];

export interface UserRef {
  id: number;
  firstName: string;
  username?: string;
}

export class StaffDirectory {
  private readonly memberships: ShortCache<number, KnownChats>;

  constructor(
    private readonly deps: { models: Models; clock: Clock; policy: OfficePolicy; probe: MembershipProbe; now?: () => number },
    private readonly options: StaffDirectoryOptions = { recheckNonMemberAfterMs: TEN_MINUTES, recheckMemberAfterMs: TEN_MINUTES },
  ) {
    this.memberships = new ShortCache(MEMBERSHIP_CACHE_MS, deps.now);
  }

  /** The user's recorded answers, one `_id` read at most every MEMBERSHIP_CACHE_MS. */
  private knownChats(userId: number): Promise<KnownChats> {
    return this.memberships.read(userId, async () => (await this.deps.models.UserMemberships.findById(userId).lean<UserMembershipsDoc>())?.chats ?? []);
  }

  staffChatIds(): number[] {
    const night = this.deps.policy.nightShift.chat;
    return [...new Set([...this.deps.policy.departments.map((d) => d.chat.chatId), ...(night ? [night.chatId] : [])])];
  }

  isStaffChat(chatId: number): boolean {
    return this.staffChatIds().includes(chatId);
  }

  async recordMembership(chatId: number, userId: number, member: boolean): Promise<void> {
    const checkedAt = this.deps.clock.now();
    await Promise.all([this.recordPair(chatId, userId, { member, checkedAt }), this.recordForUser(chatId, userId, { member, checkedAt })]);
  }

  /** By chat, for the roster of a staff chat. */
  private async recordPair(chatId: number, userId: number, set: { member: boolean; checkedAt: Date }): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.deps.models.StaffMembership.updateOne({ chatId, userId }, { $set: set }, { upsert: true });
        return;
      } catch (error) {
        // Two upserts of a new pair race on the unique index; the retry updates the winner's row.
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  /**
   * By user, for the role on every update. Two answers for one user written at the same
   * moment may keep only one; the other chat is then simply asked again later.
   */
  private async recordForUser(chatId: number, userId: number, set: { member: boolean; checkedAt: Date }): Promise<void> {
    const { UserMemberships } = this.deps.models;
    const chats = ((await UserMemberships.findById(userId).lean<UserMembershipsDoc>())?.chats ?? []).filter((c) => c.chatId !== chatId);
    const written = [...chats, { chatId, ...set }];
    await upsertById(UserMemberships, userId, { $set: { chats: written } });
    this.memberships.wrote(userId, written);
  }

  async rememberProfile(user: UserRef, privateChatOpen?: boolean): Promise<void> {
    const set: Record<string, unknown> = { firstName: user.firstName, username: user.username, updatedAt: this.deps.clock.now() };
    if (privateChatOpen !== undefined) set.privateChatOpen = privateChatOpen;
    try {
      await this.deps.models.StaffProfile.updateOne({ telegramId: user.id }, { $set: set }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Known members of a staff chat (plus `alsoIds`, e.g. its department's heads), with first names. */
  membersOf(chatId: number, alsoIds: number[] = []): Promise<RosterEntry[]> {
    return readRoster(this.deps.models, chatId, alsoIds);
  }

  async privateChatOpen(userId: number): Promise<boolean> {
    const doc = await this.deps.models.StaffProfile.findOne({ telegramId: userId }).lean<{ privateChatOpen?: boolean }>();
    return !!doc?.privateChatOpen;
  }

  private async isMember(chatId: number, userId: number, known: Pick<StaffMembershipDoc, 'member' | 'checkedAt'> | undefined): Promise<boolean> {
    const now = this.deps.clock.now().getTime();
    const trustFor = known?.member ? (this.options.recheckMemberAfterMs ?? TEN_MINUTES) : this.options.recheckNonMemberAfterMs;
    if (known && now - new Date(known.checkedAt).getTime() < trustFor) return known.member;
    let member = false;
    try {
      member = await this.deps.probe.isMember(chatId, userId);
    } catch {
      // The chat could not be asked (network, rate limit): the last known answer stands.
      return !!known?.member;
    }
    await this.recordMembership(chatId, userId, member);
    return member;
  }

  /** The actor as the domain core checks it: role and the staff chats the user belongs to. */
  async actorFor(user: UserRef): Promise<Actor> {
    const { policy } = this.deps;
    const known = await this.knownChats(user.id);
    const chats: number[] = [];
    for (const chatId of this.staffChatIds()) {
      if (await this.isMember(chatId, user.id, known.find((k) => k.chatId === chatId))) chats.push(chatId);
    }
    const headOf = policy.departments.filter((d) => d.heads.includes(user.id)).map((d) => d.id);
    let role: Role = 'resident';
    if (policy.managers.includes(user.id)) role = 'manager';
    else if (headOf.length > 0) role = 'head';
    else if (chats.length > 0) role = 'staff';
    return { id: user.id, name: user.firstName, role, chats, headOf };
  }
}
