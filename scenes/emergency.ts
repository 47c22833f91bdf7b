/**
 * An emergency (紧急): one tap says what, one optional answer says where, and the ticket is
 * created at once. Nobody is made to register while something is burning: a resident
 * without a profile is asked only for a phone number (and may refuse), their Telegram first
 * name stands in for the name. The resident is told at once what to do now.
 */
import type { Context } from 'grammy';
import type { Lang } from '../src/config/office';
import { residentActor } from '../src/people/actors';
import { formatAddress, parseAddress, type Address } from '../src/people/address';
import { normalizePhone } from '../src/people/phone';
import type { ResidentProfile } from '../src/people/residents';
import type { EmergencyType, ResidentContact } from '../src/tickets/types';
import { isDatabaseUnavailable } from '../src/db/health';
import type { EmergencyGate } from '../src/tickets/emergencyIntake';
import { formatTime } from '../src/time/zoned';
import { residentTicketView } from '../bot/features/myTickets';
import { mainMenu } from '../bot/keyboards';
import { emergencyGuidance } from '../bot/render/emergency';
import { renderAccepted } from '../bot/render/resident';
import { ask, askChoice, choiceKeyboard, contactKeyboard, type Choice, type Kit, type SceneConversation } from './support/ask';
import { sceneKit, type SceneDeps } from './support/deps';

interface Place {
  location: string;
  atHome: boolean;
  /** A typed place that reads as a flat address: lets the card show where to go even without a profile. */
  address?: Address;
}

function typeChoices(kit: Kit): Choice[] {
  return [
    { value: 'fire', label: kit.t('btn-emergency-fire') },
    { value: 'flood', label: kit.t('btn-emergency-flood') },
    { value: 'gas', label: kit.t('btn-emergency-gas') },
    { value: 'lift', label: kit.t('btn-emergency-lift') },
    { value: 'medical', label: kit.t('btn-emergency-medical') },
    { value: 'crime', label: kit.t('btn-emergency-crime') },
    { value: 'other', label: kit.t('btn-emergency-other') },
  ];
}

export function createEmergencyScene(deps: SceneDeps) {
  const { policy, texts } = deps.services;
  const homeOf = (p: ResidentProfile, lang: Lang) => formatAddress({ building: p.building!, unit: p.unit, room: p.room! }, lang);

  /** Where: "my flat" in one tap for registered residents, typed text, a shared location, or skip. */
  async function askWhere(kit: Kit, ctx: Context, profile: ResidentProfile | null): Promise<Place> {
    const registered = !!profile?.registered;
    const button = registered
      ? { value: 'home', label: texts.plain(kit.lang, 'btn-my-home', { address: homeOf(profile!, kit.lang) }) }
      : { value: 'skip', label: kit.t('btn-emergency-where-unknown') };
    const question = { text: kit.t(registered ? 'emergency-ask-where-home' : 'emergency-ask-where'), markup: choiceKeyboard([button], 1) };
    return ask<Place>(kit, ctx, question, (update, choice) => {
      // Staff read the card in the office's language, so the place is written in it.
      if (choice === 'home') return { value: { location: homeOf(profile!, policy.language), atHome: true } };
      if (choice === 'skip') return { value: { location: texts.plain(policy.language, 'emergency-location-unknown'), atHome: false } };
      if (choice !== undefined) return { retry: 'scene-old-button' };
      const shared = update.message?.location;
      if (shared) {
        const gps = { lat: shared.latitude.toFixed(5), lon: shared.longitude.toFixed(5) };
        return { value: { location: texts.plain(policy.language, 'emergency-location-gps', gps), atHome: false } };
      }
      const typed = update.message?.text?.trim();
      if (!typed) return { retry: 'emergency-want-where' };
      return { value: { location: typed, atHome: false, address: parseAddress(typed) ?? undefined } };
    });
  }

  /**
   * A phone for a resident without a profile: a shared contact or a typed number. A number
   * that does not normalise but has enough digits is kept as typed: in an emergency a
   * slightly odd number beats asking again. Undefined when the resident would rather not.
   */
  async function askPhone(kit: Kit, ctx: Context): Promise<string | undefined> {
    const refuse = texts.plain(kit.lang, 'btn-emergency-no-phone');
    const markup = contactKeyboard(texts.plain(kit.lang, 'btn-share-phone'), refuse);
    return ask<string | undefined>(kit, ctx, { text: kit.t('emergency-ask-phone'), markup }, (update) => {
      const contact = update.message?.contact;
      if (contact) {
        const result = normalizePhone(contact.phone_number, { fromContact: true });
        return { value: result.ok ? result.phone : contact.phone_number };
      }
      const typed = update.message?.text?.trim();
      if (typed === undefined) return { retry: 'emergency-phone-want' };
      if (typed === refuse) return { value: undefined };
      const result = normalizePhone(typed);
      if (result.ok) return { value: result.phone };
      return typed.replace(/\D/g, '').length >= 5 && typed.length <= 40 ? { value: typed } : { retry: 'emergency-phone-invalid' };
    });
  }

  /**
   * An open emergency of theirs from a few minutes ago: new, or the same one again? True
   * for a new one; for the same one nobody is alerted and the resident sees where it stands.
   */
  async function confirmNew(kit: Kit, ctx: Context, userId: number, earlier: { ref: string; at: string }): Promise<boolean> {
    const question = kit.t('emergency-repeat-ask', { ref: earlier.ref, time: formatTime(new Date(earlier.at), policy.timezone) });
    const choices = [
      { value: 'new', label: kit.t('btn-emergency-repeat-new') },
      { value: 'same', label: kit.t('btn-emergency-repeat-same') },
    ];
    if ((await askChoice(kit, ctx, question, choices, 1)) === 'new') return true;
    const view = await kit.conversation.external(async () => {
      deps.services.log.info({ residentId: userId, ref: earlier.ref }, 'emergency not raised again: the resident says it is the one already reported');
      return residentTicketView(deps.services, earlier.ref, userId, kit.lang);
    });
    const text = [kit.t('emergency-repeat-same', { ref: earlier.ref }), '', view?.text ?? ''].join('\n');
    await ctx.reply(text, { parse_mode: 'HTML', reply_markup: view && view.inline_keyboard.length > 0 ? { inline_keyboard: view.inline_keyboard } : mainMenu(texts, kit.lang) });
    return false;
  }

  return async function emergency(conversation: SceneConversation, ctx: Context): Promise<void> {
    const kit = await sceneKit(conversation, ctx, deps);
    const userId = ctx.from!.id;
    const firstName = ctx.from!.first_name;
    const profile = await conversation.external(() => deps.services.residents.get(userId));

    const gate = await conversation.external(async (): Promise<EmergencyGate> => {
      // A check that fails must not stop the alarm (an outage, though, is answered as such).
      const verdict = await deps.services.emergencies.gate(userId, !!profile?.registered).catch((error: unknown): EmergencyGate => {
        if (isDatabaseUnavailable(error)) throw error;
        deps.services.log.warn({ err: error, residentId: userId }, 'the repeat and hourly checks of an emergency failed; raising it');
        return { kind: 'go' };
      });
      if (verdict.kind === 'limited') {
        deps.services.log.info({ residentId: userId, perHour: verdict.perHour }, 'emergency refused: the hourly limit for a person without a profile');
      }
      return verdict;
    });
    if (gate.kind === 'limited') {
      // Refused, never left without help: whom to call is the same answer an accepted one gets.
      const lines = [kit.t('emergency-limited', { perHour: gate.perHour }), '', emergencyGuidance('other', policy, texts, kit.lang)];
      await ctx.reply(lines.join('\n'), { parse_mode: 'HTML', reply_markup: mainMenu(texts, kit.lang) });
      return;
    }
    if (gate.kind === 'repeat' && !(await confirmNew(kit, ctx, userId, gate))) return;

    const what = (await askChoice(kit, ctx, kit.t('emergency-ask-what'), typeChoices(kit), 2)) as EmergencyType;
    const place = await askWhere(kit, ctx, profile);
    const phone = profile?.phone ?? (await askPhone(kit, ctx)) ?? '';

    // Without a profile the flat is whatever the typed place says, if it reads as one.
    const flat = profile?.registered ? { building: profile.building!, unit: profile.unit, room: profile.room! } : place.address;
    const contact: ResidentContact = {
      telegramId: userId,
      name: profile?.name ?? firstName,
      phone,
      building: flat?.building ?? '',
      room: flat?.room ?? '',
      language: kit.lang,
    };
    if (flat?.unit) contact.unit = flat.unit;

    // The alerts (every staff group, every head, the manager) are written with the ticket and
    // go out together right after this answer: the resident reads what to do first.
    const accepted = await conversation.external(async (): Promise<string | null> => {
      const { tickets, log } = deps.services;
      try {
        const ticket = await tickets.createEmergency(contact, { what, location: place.location, atHome: place.atHome }, residentActor(userId, contact.name));
        await deps.services.emergencies.record(userId, ticket.ref, new Date(ticket.createdAt)).catch((error: unknown) => {
          log.warn({ err: error, residentId: userId, ref: ticket.ref }, 'remembering an emergency for the repeat check failed');
        });
        return renderAccepted(ticket, policy, texts, kit.lang);
      } catch (error) {
        log.error({ err: error, residentId: userId, what }, 'creating an emergency failed');
        return null;
      }
    });

    // Whatever failed, the resident still learns whom to call.
    const lines = [accepted ?? kit.t('emergency-alert-failed'), '', emergencyGuidance(what, policy, texts, kit.lang)];
    await ctx.reply(lines.join('\n'), { parse_mode: 'HTML', reply_markup: mainMenu(texts, kit.lang) });
  };
}
