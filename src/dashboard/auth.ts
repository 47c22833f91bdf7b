/**
 * Sign-in to the web dashboard without passwords. The bot gives a staff member a one-time
 * link (signed, expiring in minutes); opening it uses the link up — single use is decided by
 * inserting its nonce as an `_id` (a unique index: exactly one opener wins, ../shared/FACTS.md)
 * — and opens a session: a signed cookie naming the user and its expiry. Neither carries a
 * role: the role is looked up again on every request (src/dashboard/access.ts).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { mongo } from 'mongoose';
import type { Clock } from '../clock';
import { isDuplicateKey } from '../db/models';

/** Links opened so far, by nonce; old ones are deleted by `forgetUsedLinks`. */
export const USED_LINKS_COLLECTION = 'dashboard_used_links';

export interface SessionClaims {
  /** Telegram user id. */
  userId: number;
  /** First name at sign-in (shown in the page header; the role is looked up anew each time). */
  name: string;
  expiresAt: number;
}

interface LinkClaims {
  userId: number;
  name: string;
  nonce: string;
  expiresAt: number;
}

export type Redeemed = { ok: true; claims: LinkClaims } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** The signing key: DASHBOARD_SECRET when set, else derived from the bot token (never the token itself). */
export function dashboardKey(secret: string): Buffer {
  return createHash('sha256').update(`helpdesk-dashboard:${secret}`).digest();
}

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

function seal(key: Buffer, claims: object): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

function open(key: Buffer, token: string): unknown {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export class DashboardAuth {
  constructor(
    private readonly deps: {
      key: Buffer;
      clock: Clock;
      db: mongo.Db;
      linkLifetimeMs: number;
      sessionLifetimeMs: number;
    },
  ) {}

  get sessionLifetimeMs(): number {
    return this.deps.sessionLifetimeMs;
  }

  /** A token for the sign-in link of this user (the bot puts it into the URL). */
  issueLink(user: { id: number; name: string }): string {
    const claims: LinkClaims = {
      userId: user.id,
      name: user.name,
      nonce: randomBytes(16).toString('base64url'),
      expiresAt: this.deps.clock.now().getTime() + this.deps.linkLifetimeMs,
    };
    return seal(this.deps.key, claims);
  }

  /** Checks a link's token and uses it up; a second opening of the same link is refused. */
  async redeem(token: string): Promise<Redeemed> {
    const claims = open(this.deps.key, token) as Partial<LinkClaims> | undefined;
    if (!claims || !isNumber(claims.userId) || !isNumber(claims.expiresAt) || typeof claims.nonce !== 'string' || typeof claims.name !== 'string') {
      return { ok: false, reason: 'invalid' };
    }
    const now = this.deps.clock.now();
    if (now.getTime() >= claims.expiresAt) return { ok: false, reason: 'expired' };
    try {
      await this.deps.db.collection<{ _id: string; at: Date; expiresAt: Date }>(USED_LINKS_COLLECTION).insertOne({ _id: claims.nonce, at: now, expiresAt: new Date(claims.expiresAt) });
    } catch (error) {
      if (isDuplicateKey(error)) return { ok: false, reason: 'used' };
      throw error;
    }
    return { ok: true, claims: claims as LinkClaims };
  }

  /** The cookie value of a new session. */
  issueSession(user: { userId: number; name: string }): string {
    const claims: SessionClaims = { userId: user.userId, name: user.name, expiresAt: this.deps.clock.now().getTime() + this.deps.sessionLifetimeMs };
    return seal(this.deps.key, claims);
  }

  /** The session a cookie names, or null when it is forged, damaged or expired. */
  session(cookie: string | undefined): SessionClaims | null {
    if (!cookie) return null;
    const claims = open(this.deps.key, cookie) as Partial<SessionClaims> | undefined;
    if (!claims || !isNumber(claims.userId) || !isNumber(claims.expiresAt) || typeof claims.name !== 'string') return null;
    if (this.deps.clock.now().getTime() >= claims.expiresAt) return null;
    return claims as SessionClaims;
  }

  /**
   * Deletes the records of links that have expired anyway (a used record is only needed while
   * its link could still be opened). A scheduled job calls it: the test database expires nothing by itself.
   */
  async forgetUsedLinks(): Promise<number> {
    const result = await this.deps.db.collection(USED_LINKS_COLLECTION).deleteMany({ expiresAt: { $lt: this.deps.clock.now() } });
    return result.deletedCount;
  }
}
