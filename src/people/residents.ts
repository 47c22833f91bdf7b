/** Residents' profiles: filled in once at registration, reused in every report. */
import type { Models, ResidentDoc } from '../db/models';
import type { Clock } from '../clock';
import type { ResidentContact } from '../tickets/types';
import { ShortCache } from './shortCache';

export interface ResidentProfile {
  telegramId: number;
  firstName: string;
  language?: string;
  name?: string;
  phone?: string;
  building?: string;
  unit?: string;
  room?: string;
  registered: boolean;
}

export interface ProfileFields {
  name: string;
  phone: string;
  building: string;
  unit?: string;
  room: string;
}

function toProfile(doc: ResidentDoc): ResidentProfile {
  return {
    telegramId: doc.telegramId,
    firstName: doc.firstName,
    language: doc.language ?? undefined,
    name: doc.name ?? undefined,
    phone: doc.phone ?? undefined,
    building: doc.building ?? undefined,
    unit: doc.unit ?? undefined,
    room: doc.room ?? undefined,
    registered: !!(doc.name && doc.phone && doc.building && doc.room),
  };
}

/** How long this process trusts a resident's language without asking the database. */
export const LANGUAGE_CACHE_MS = 60_000;

/** Looked up by `_id` (the Telegram id): FerretDB v1 indexes nothing else. */
export class ResidentService {
  /**
   * Every private update needs its sender's language; it changes only with /lang (here, which
   * updates the entry), so it is kept for a short time (real time: a cache, not office time).
   * Another instance's /lang is seen here within LANGUAGE_CACHE_MS.
   */
  private readonly languages: ShortCache<number, string | undefined>;

  constructor(private readonly deps: { models: Models; clock: Clock; now?: () => number }) {
    this.languages = new ShortCache(LANGUAGE_CACHE_MS, deps.now);
  }

  async get(telegramId: number): Promise<ResidentProfile | null> {
    const doc = await this.deps.models.Resident.findById(telegramId).lean<ResidentDoc>();
    return doc ? toProfile(doc) : null;
  }

  async saveProfile(telegramId: number, firstName: string, fields: ProfileFields): Promise<ResidentProfile> {
    const now = this.deps.clock.now();
    const doc = await this.deps.models.Resident.findOneAndUpdate(
      { _id: telegramId },
      {
        $set: { ...fields, unit: fields.unit ?? null, firstName, updatedAt: now },
        $setOnInsert: { telegramId, registeredAt: now },
      },
      { upsert: true, returnDocument: 'after', lean: true },
    );
    return toProfile(doc as ResidentDoc);
  }

  /** The language the resident chose with /lang; undefined means "follow Telegram's". */
  async setLanguage(telegramId: number, firstName: string, language: string): Promise<void> {
    await this.deps.models.Resident.updateOne(
      { _id: telegramId },
      { $set: { language, updatedAt: this.deps.clock.now() }, $setOnInsert: { telegramId, firstName } },
      { upsert: true },
    );
    this.languages.wrote(telegramId, language);
  }

  /** The language last read or set here, however old, without asking the database (for when it cannot be asked). */
  lastKnownLanguage(telegramId: number): string | undefined {
    return this.languages.last(telegramId);
  }

  async language(telegramId: number): Promise<string | undefined> {
    return this.languages.read(telegramId, async () => {
      const doc = await this.deps.models.Resident.findById(telegramId, { language: 1 }).lean<{ language?: string }>();
      return doc?.language ?? undefined;
    });
  }
}

/** The contact a report carries: a snapshot of a registered resident's profile. */
export function contactOf(profile: ResidentProfile, language: string): ResidentContact {
  const contact: ResidentContact = {
    telegramId: profile.telegramId,
    name: profile.name ?? profile.firstName,
    phone: profile.phone ?? '',
    building: profile.building ?? '',
    room: profile.room ?? '',
    language,
  };
  if (profile.unit) contact.unit = profile.unit;
  return contact;
}
