/**
 * Registration: name, phone (shared contact or typed), building/unit/room. Runs before a
 * resident's first report and again from /profile to change the profile.
 */
import type { Context } from 'grammy';
import type { ReplyKeyboardRemove } from 'grammy/types';
import { formatAddress, parseAddress, type Address } from '../src/people/address';
import { normalizePhone } from '../src/people/phone';
import type { ResidentProfile } from '../src/people/residents';
import { mainMenu } from '../bot/keyboards';
import { ask, askChoice, askText, contactKeyboard, type Kit, type SceneConversation } from './support/ask';
import { sceneKit, type SceneDeps } from './support/deps';

const REMOVE_KEYBOARD: ReplyKeyboardRemove = { remove_keyboard: true };

async function askPhone(kit: Kit, ctx: Context, current?: string): Promise<string> {
  const keep = current ? kit.texts.plain(kit.lang, 'btn-keep-phone', { phone: current }) : undefined;
  const markup = contactKeyboard(kit.t('btn-share-phone'), keep);
  return ask<string>(kit, ctx, { text: kit.t('reg-ask-phone'), markup }, (update) => {
    const contact = update.message?.contact;
    if (contact) {
      if (contact.user_id !== undefined && contact.user_id !== update.from?.id) return { retry: 'reg-phone-not-own' };
      const result = normalizePhone(contact.phone_number, { fromContact: true });
      return result.ok ? { value: result.phone } : { retry: 'reg-phone-invalid' };
    }
    const typed = update.message?.text;
    if (typed === undefined) return { retry: 'reg-phone-want' };
    if (current && typed.trim() === keep) return { value: current };
    const result = normalizePhone(typed);
    return result.ok ? { value: result.phone } : { retry: 'reg-phone-invalid' };
  });
}

async function askAddress(kit: Kit, ctx: Context): Promise<Address> {
  const question = { text: kit.t('reg-ask-address'), markup: REMOVE_KEYBOARD };
  return ask<Address>(kit, ctx, question, (update) => {
    const typed = update.message?.text;
    if (typed === undefined) return { retry: 'scene-want-text' };
    const address = parseAddress(typed);
    return address ? { value: address } : { retry: 'reg-address-invalid' };
  });
}

/** Asks for every field, shows a summary, saves. Returns the saved profile. */
export async function registrationFlow(kit: Kit, ctx: Context, deps: SceneDeps, current?: ResidentProfile | null): Promise<ResidentProfile> {
  const userId = ctx.from!.id;
  const firstName = ctx.from!.first_name;
  if (!current?.registered) await ctx.reply(kit.t('reg-intro'), { parse_mode: 'HTML' });
  for (;;) {
    const name = await askText(kit, ctx, kit.t('reg-ask-name'), {
      validate: (text) => ([...text].length <= 40 ? { value: text } : { retry: 'reg-name-too-long', args: { max: 40 } }),
    });
    const phone = await askPhone(kit, ctx, current?.phone);
    const address = await askAddress(kit, ctx);
    const summary = kit.t('reg-summary', { name: name.text!, phone, address: formatAddress(address, kit.lang) });
    const answer = await askChoice(kit, ctx, summary, [
      { value: 'save', label: kit.t('btn-save') },
      { value: 'again', label: kit.t('btn-change') },
    ]);
    if (answer === 'again') continue;
    const fields = { name: name.text!, phone, building: address.building, unit: address.unit, room: address.room };
    return kit.conversation.external(() => deps.services.residents.saveProfile(userId, firstName, fields));
  }
}

/** /profile: shows the profile and lets the resident change it. */
export function createProfileScene(deps: SceneDeps) {
  return async function profile(conversation: SceneConversation, ctx: Context): Promise<void> {
    const kit = await sceneKit(conversation, ctx, deps);
    const userId = ctx.from!.id;
    const current = await conversation.external(() => deps.services.residents.get(userId));
    if (current?.registered) {
      const shown = kit.t('profile-show', {
        name: current.name!,
        phone: current.phone!,
        address: formatAddress({ building: current.building!, unit: current.unit, room: current.room! }, kit.lang),
      });
      const answer = await askChoice(kit, ctx, shown, [
        { value: 'edit', label: kit.t('btn-change') },
        { value: 'keep', label: kit.t('btn-keep') },
      ]);
      if (answer === 'keep') {
        await ctx.reply(kit.t('profile-kept'), { parse_mode: 'HTML', reply_markup: mainMenu(kit.texts, kit.lang) });
        return;
      }
    }
    await registrationFlow(kit, ctx, deps, current);
    await ctx.reply(kit.t('profile-saved'), { parse_mode: 'HTML', reply_markup: mainMenu(kit.texts, kit.lang) });
  };
}
