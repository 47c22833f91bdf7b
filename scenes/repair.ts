/**
 * The repair report: kind and category, where, what, photos or video, preferred visit
 * time, then a summary to confirm, edit or cancel. Paid categories need explicit consent.
 */
import type { Context } from 'grammy';
import type { Category, RepairKindId } from '../src/config/office';
import { findCategory } from '../src/config/office';
import { residentActor } from '../src/people/actors';
import { formatAddress } from '../src/people/address';
import { contactOf, type ResidentProfile } from '../src/people/residents';
import { visitSlots } from '../src/policy/hours';
import type { Media, RepairReport, ResidentContact } from '../src/tickets/types';
import { mainMenu } from '../bot/keyboards';
import { priceLabel, slotLabel, visitLabel } from '../bot/render/format';
import { askChoice, askText, type Choice, type Kit, type SceneConversation } from './support/ask';
import { sceneKit, type SceneDeps } from './support/deps';
import { askMedia } from './support/media';
import { registrationFlow } from './registration';
import { submitTicket } from './support/submit';
import { offerOpenTicket } from './support/alreadyReported';
import { placeByCode, placeName, type Place } from '../src/places/config';

interface Draft {
  kind?: RepairKindId;
  category?: string;
  location?: string;
  atHome?: boolean;
  description?: string;
  media: Media[];
  visit?: { asap: boolean; slotStart?: string; slotEnd?: string };
  agreedPrice?: { amount: number; unit: string; note?: string };
}

/** What the category question settles; the price only for paid work the resident agreed to. */
interface CategoryChoice {
  kind: RepairKindId;
  category: string;
  agreedPrice?: Draft['agreedPrice'];
}

/** Kinds whose work happens inside the flat, so a visit time matters. */
const VISITED_KINDS: RepairKindId[] = ['household', 'defect'];

export function createRepairScene(deps: SceneDeps) {
  const { policy, texts } = deps.services;

  function categoryOf(draft: Draft): Category | undefined {
    return draft.kind && draft.category ? findCategory(policy, draft.kind, draft.category) : undefined;
  }

  /**
   * Kind, category and — for paid work — consent to the price. "Choose another category" on
   * the price goes back to the same kind's categories, "Back" there to the kinds. Undefined
   * when the resident cancels at the price (or, when editing, goes back from the kinds).
   */
  async function askCategory(kit: Kit, ctx: Context, editing: boolean): Promise<CategoryChoice | undefined> {
    let kindId: RepairKindId | undefined;
    for (;;) {
      if (!kindId) {
        const kinds: Choice[] = policy.repairKinds.map((k) => ({ value: k.id, label: k.name[kit.lang] }));
        if (editing) kinds.push({ value: '_summary', label: kit.t('btn-back') });
        const pickedKind = await askChoice(kit, ctx, kit.t('repair-ask-kind'), kinds);
        if (pickedKind === '_summary') return undefined;
        kindId = pickedKind as RepairKindId;
      }
      const kind = policy.repairKinds.find((k) => k.id === kindId)!;
      const categories: Choice[] = kind.categories.map((c) => ({
        value: c.id,
        label: c.price ? texts.plain(kit.lang, 'category-paid', { name: c.name[kit.lang] }) : c.name[kit.lang],
      }));
      categories.push({ value: '_back', label: kit.t('btn-back') });
      const picked = await askChoice(kit, ctx, kit.t('repair-ask-category', { kind: kind.name[kit.lang] }), categories);
      if (picked === '_back') {
        kindId = undefined;
        continue;
      }
      const category = findCategory(policy, kindId, picked)!;
      if (!category.price) return { kind: kindId, category: picked };
      const price = { amount: category.price.amount, unit: category.price.unit[kit.lang], note: category.price.note?.[kit.lang] };
      const consent = await askChoice(
        kit,
        ctx,
        kit.t('repair-fee', { category: category.name[kit.lang], price: priceLabel(price, texts, kit.lang) }),
        [
          { value: 'agree', label: kit.t('btn-agree-fee') },
          { value: 'other', label: kit.t('btn-other-category') },
          { value: 'cancel', label: kit.t('btn-cancel') },
        ],
        1,
      );
      if (consent === 'cancel') return undefined;
      if (consent === 'agree') return { kind: kindId, category: picked, agreedPrice: price };
      // 'other': this kind's categories again.
    }
  }

  async function askLocation(kit: Kit, ctx: Context, draft: Draft, profile: ResidentProfile, intro?: string): Promise<void> {
    const home = formatAddress({ building: profile.building!, unit: profile.unit, room: profile.room! }, kit.lang);
    const choices = VISITED_KINDS.includes(draft.kind!) ? [{ value: 'home', label: texts.plain(kit.lang, 'btn-my-home', { address: home }) }] : [];
    const question = kit.t(choices.length ? 'repair-ask-location-home' : 'repair-ask-location');
    const answer = await askText(kit, ctx, intro ? `${intro}\n\n${question}` : question, { choices, minLength: 2 });
    draft.atHome = answer.choice === 'home';
    draft.location = draft.atHome ? home : answer.text!;
  }

  async function askDescription(kit: Kit, ctx: Context, draft: Draft): Promise<void> {
    draft.description = (await askText(kit, ctx, kit.t('repair-ask-description'), { minLength: 2 })).text!;
  }

  async function askVisit(kit: Kit, ctx: Context, draft: Draft): Promise<void> {
    if (!VISITED_KINDS.includes(draft.kind!)) {
      draft.visit = { asap: true };
      return;
    }
    const slots = await kit.conversation.external(() =>
      visitSlots(deps.services.clock.now(), policy).map((s) => ({ slotStart: s.start.toISOString(), slotEnd: s.end.toISOString() })),
    );
    const choices: Choice[] = [{ value: 'asap', label: kit.t('visit-asap') }];
    slots.forEach((slot, i) => choices.push({ value: `slot${i}`, label: slotLabel(slot, policy, kit.lang) }));
    const picked = await askChoice(kit, ctx, kit.t('repair-ask-visit'), choices);
    const slot = picked.startsWith('slot') ? slots[Number(picked.slice(4))] : undefined;
    draft.visit = slot ? { asap: false, ...slot } : { asap: true };
  }

  /**
   * Edit → Category. Cancelling (or going back) keeps the report as it was. A new kind
   * changes where the work is and whether a visit is arranged, so both are asked again
   * rather than carrying "my flat" or a visit slot into, say, a public-area report.
   */
  async function editCategory(kit: Kit, ctx: Context, draft: Draft, profile: ResidentProfile): Promise<void> {
    const chosen = await askCategory(kit, ctx, true);
    if (!chosen) return;
    const kindChanged = chosen.kind !== draft.kind;
    draft.kind = chosen.kind;
    draft.category = chosen.category;
    draft.agreedPrice = chosen.agreedPrice;
    if (!kindChanged) return;
    await askLocation(kit, ctx, draft, profile, kit.t('repair-kind-changed'));
    await askVisit(kit, ctx, draft);
  }

  function summary(kit: Kit, draft: Draft, profile: ResidentProfile): string {
    const category = categoryOf(draft)!;
    const kind = policy.repairKinds.find((k) => k.id === draft.kind)!;
    const lines = [
      kit.t('summary-title'),
      kit.t('summary-category', { kind: kind.name[kit.lang], category: category.name[kit.lang] }),
    ];
    if (draft.agreedPrice) lines.push(kit.t('summary-fee', { price: priceLabel(draft.agreedPrice, texts, kit.lang) }));
    lines.push(kit.t('summary-location', { location: draft.location! }));
    lines.push(kit.t('summary-description', { description: draft.description! }));
    lines.push(kit.t('summary-media', { count: draft.media.length }));
    if (VISITED_KINDS.includes(draft.kind!)) lines.push(kit.t('summary-visit', { visit: visitLabel(draft.visit as never, policy, texts, kit.lang) }));
    lines.push(kit.t('summary-contact', { name: profile.name!, phone: profile.phone! }));
    return lines.join('\n');
  }

  /** A scanned place's category, unless it is paid work (whose price the resident must see and agree to). */
  function placedCategory(place: Place | undefined): CategoryChoice | undefined {
    if (!place?.category) return undefined;
    const category = findCategory(policy, place.category.kind, place.category.id);
    return category && !category.price ? { kind: place.category.kind, category: category.id } : undefined;
  }

  /** `start.place`: the code of the office place scanned (扫码报修), which sets where and often what. */
  return async function repair(conversation: SceneConversation, ctx: Context, start: { place?: string } = {}): Promise<void> {
    const kit = await sceneKit(conversation, ctx, deps);
    const userId = ctx.from!.id;
    let profile = await conversation.external(() => deps.services.residents.get(userId));
    if (!profile?.registered) profile = await registrationFlow(kit, ctx, deps, profile);

    const cancel = () => ctx.reply(kit.t('scene-cancelled'), { parse_mode: 'HTML', reply_markup: mainMenu(texts, kit.lang) });
    const draft: Draft = { media: [] };
    const place = start.place ? placeByCode(policy, start.place) : undefined;
    if (place) await ctx.reply(kit.t('scan-place', { place: placeName(place, kit.lang) }), { parse_mode: 'HTML' });
    const chosen = placedCategory(place) ?? (await askCategory(kit, ctx, false));
    if (!chosen) return void (await cancel());
    Object.assign(draft, chosen);
    const building = place?.building ?? profile.building ?? '';
    const query = { kind: chosen.kind, category: chosen.category, building, residentId: userId };
    if (await offerOpenTicket(kit, ctx, deps, query, contactOf(profile, kit.lang), place ? 'scan' : 'me_too')) return;
    if (place) {
      draft.location = placeName(place, kit.lang);
      draft.atHome = false;
    } else await askLocation(kit, ctx, draft, profile);
    await askDescription(kit, ctx, draft);
    draft.media = await askMedia(kit, ctx, kit.t('repair-ask-media', { max: policy.limits.maxMedia }), policy.limits.maxMedia);
    await askVisit(kit, ctx, draft);

    for (;;) {
      const action = await askChoice(kit, ctx, summary(kit, draft, profile), [
        { value: 'confirm', label: kit.t('btn-confirm') },
        { value: 'edit', label: kit.t('btn-edit') },
        { value: 'cancel', label: kit.t('btn-cancel') },
      ], 3);
      if (action === 'cancel') return void (await cancel());
      if (action === 'edit') {
        const fields: Choice[] = [
          { value: 'category', label: kit.t('field-category') },
          { value: 'location', label: kit.t('field-location') },
          { value: 'description', label: kit.t('field-description') },
          { value: 'media', label: kit.t('field-media') },
        ];
        if (VISITED_KINDS.includes(draft.kind!)) fields.push({ value: 'visit', label: kit.t('field-visit') });
        const field = await askChoice(kit, ctx, kit.t('repair-ask-field'), fields);
        if (field === 'category') await editCategory(kit, ctx, draft, profile);
        if (field === 'location') await askLocation(kit, ctx, draft, profile);
        if (field === 'description') await askDescription(kit, ctx, draft);
        if (field === 'media') draft.media = await askMedia(kit, ctx, kit.t('repair-ask-media', { max: policy.limits.maxMedia }), policy.limits.maxMedia);
        if (field === 'visit') await askVisit(kit, ctx, draft);
        continue;
      }
      break;
    }

    const contact: ResidentContact = contactOf(profile, kit.lang);
    const report: RepairReport = {
      repairKind: draft.kind!,
      category: draft.category!,
      location: draft.location!,
      atHome: !!draft.atHome,
      description: draft.description!,
      media: draft.media,
      visit: draft.visit!.asap
        ? { asap: true }
        : { asap: false, slotStart: new Date(draft.visit!.slotStart!), slotEnd: new Date(draft.visit!.slotEnd!) },
      agreedPrice: draft.agreedPrice,
      ...(place ? { place: { code: place.code, building: place.building, ...(place.unit ? { unit: place.unit } : {}) } } : {}),
    };
    await submitTicket(kit, ctx, deps, () => deps.services.tickets.createRepair(contact, report, residentActor(userId, contact.name)));
  };
}
