/**
 * The complaint (投诉): what or whom it is about (and, for a staff member, their department),
 * when and where, what happened, what the resident wants (诉求), evidence, and whether to stay
 * anonymous; then a summary to confirm, edit or cancel. The card goes to the complaints
 * department (and, for a staff member, privately to that member's heads), never to the
 * member's own group alone.
 */
import type { Context } from 'grammy';
import { residentActor } from '../src/people/actors';
import { formatBuildingUnit } from '../src/people/address';
import { contactOf, type ResidentProfile } from '../src/people/residents';
import { localDateKey } from '../src/time/zoned';
import type { ComplaintInput } from '../src/tickets/creation';
import type { ComplaintSubject, Media, ResidentContact } from '../src/tickets/types';
import { mainMenu } from '../bot/keyboards';
import { departmentName } from '../bot/render/format';
import { askChoice, askText, type Choice, type Kit, type SceneConversation } from './support/ask';
import { sceneKit, type SceneDeps } from './support/deps';
import { askMedia } from './support/media';
import { registrationFlow } from './registration';
import { submitTicket } from './support/submit';

type WhenChoice = 'today' | 'yesterday' | 'week';

/** Answers so far; plain JSON, because the conversation's state is stored as JSON. */
interface Draft {
  subject?: ComplaintSubject;
  staffDepartment?: string;
  when?: { choice: WhenChoice; date: string } | { text: string };
  where?: { none: true } | { text: string };
  what?: string;
  wants?: string;
  media: Media[];
  anonymous?: boolean;
  showUnit?: boolean;
}

/** Resident-facing labels, in the order offered. Literal keys, so the locale test checks them. */
export const SUBJECT_BUTTONS: [ComplaintSubject, string][] = [
  ['service', 'complaint-pick-service'],
  ['staff', 'complaint-pick-staff'],
  ['fees', 'complaint-pick-fees'],
  ['environment', 'complaint-pick-environment'],
  ['neighbours', 'complaint-pick-neighbours'],
  ['developer', 'complaint-pick-developer'],
  ['other', 'complaint-pick-other'],
];

const WHEN_BUTTONS: [WhenChoice, string][] = [
  ['today', 'complaint-btn-today'],
  ['yesterday', 'complaint-btn-yesterday'],
  ['week', 'complaint-btn-week'],
];

/** How a quick answer reads, with the date it meant when it was given ("yesterday" changes meaning overnight). */
const WHEN_TEXT: Record<WhenChoice, string> = {
  today: 'complaint-when-today',
  yesterday: 'complaint-when-yesterday',
  week: 'complaint-when-week',
};

const UNSURE = '_unsure';
const DAY = 24 * 60 * 60_000;

export function createComplaintScene(deps: SceneDeps) {
  const { policy, texts } = deps.services;

  async function askSubject(kit: Kit, ctx: Context, draft: Draft): Promise<void> {
    const subjects: Choice[] = SUBJECT_BUTTONS.map(([value, key]) => ({ value, label: kit.t(key) }));
    draft.subject = (await askChoice(kit, ctx, kit.t('complaint-ask-subject'), subjects)) as ComplaintSubject;
    draft.staffDepartment = undefined;
    if (draft.subject !== 'staff') return;
    const departments: Choice[] = policy.departments.map((d) => ({ value: d.id, label: d.name[kit.lang] }));
    departments.push({ value: UNSURE, label: kit.t('complaint-staff-unsure') });
    const picked = await askChoice(kit, ctx, kit.t('complaint-ask-staff-department'), departments);
    draft.staffDepartment = picked === UNSURE ? undefined : picked;
  }

  async function askWhen(kit: Kit, ctx: Context, draft: Draft): Promise<void> {
    const choices: Choice[] = WHEN_BUTTONS.map(([value, key]) => ({ value, label: kit.t(key) }));
    const answer = await askText(kit, ctx, kit.t('complaint-ask-when'), { choices, minLength: 2 });
    if (!answer.choice) {
      draft.when = { text: answer.text! };
      return;
    }
    const choice = answer.choice as WhenChoice;
    // The date is fixed now: read once, then replayed from the conversation's log.
    const now = await kit.conversation.external(() => deps.services.clock.now().getTime());
    draft.when = { choice, date: localDateKey(new Date(choice === 'yesterday' ? now - DAY : now), policy.timezone) };
  }

  async function askWhere(kit: Kit, ctx: Context, draft: Draft): Promise<void> {
    const answer = await askText(kit, ctx, kit.t('complaint-ask-where'), {
      choices: [{ value: 'none', label: kit.t('complaint-btn-where-none') }],
      minLength: 2,
    });
    draft.where = answer.choice === 'none' ? { none: true } : { text: answer.text! };
  }

  async function askWhat(kit: Kit, ctx: Context, draft: Draft): Promise<void> {
    draft.what = (await askText(kit, ctx, kit.t('complaint-ask-what'), { minLength: 2 })).text!;
  }

  async function askWants(kit: Kit, ctx: Context, draft: Draft): Promise<void> {
    draft.wants = (await askText(kit, ctx, kit.t('complaint-ask-wants'), { minLength: 2 })).text!;
  }

  async function askEvidence(kit: Kit, ctx: Context, draft: Draft): Promise<void> {
    draft.media = await askMedia(kit, ctx, kit.t('complaint-ask-media', { max: policy.limits.maxMedia }), policy.limits.maxMedia);
  }

  async function askAnonymity(kit: Kit, ctx: Context, draft: Draft, profile: ResidentProfile): Promise<void> {
    const answer = await askChoice(kit, ctx, kit.t('complaint-ask-anonymous'), [
      { value: 'named', label: kit.t('complaint-btn-named') },
      { value: 'anonymous', label: kit.t('complaint-btn-anonymous') },
    ]);
    draft.anonymous = answer === 'anonymous';
    draft.showUnit = !draft.anonymous;
    // Without a unit in the profile there is nothing to choose: the building is all staff see.
    if (!draft.anonymous || !profile.unit) return;
    const withUnit = formatBuildingUnit({ building: profile.building!, unit: profile.unit }, kit.lang);
    const buildingOnly = formatBuildingUnit({ building: profile.building! }, kit.lang);
    const unit = await askChoice(kit, ctx, kit.t('complaint-ask-show-unit'), [
      { value: 'show', label: texts.plain(kit.lang, 'complaint-btn-show-unit', { place: withUnit }) },
      { value: 'hide', label: texts.plain(kit.lang, 'complaint-btn-hide-unit', { building: buildingOnly }) },
    ]);
    draft.showUnit = unit === 'show';
  }

  /** The draft's "when" and "where" as text in a language: the resident's for the summary, the office's for the record. */
  function whenText(draft: Draft, lang: Kit['lang']): string {
    const when = draft.when!;
    return 'text' in when ? when.text : texts.plain(lang, WHEN_TEXT[when.choice], { date: when.date });
  }

  function whereText(draft: Draft, lang: Kit['lang']): string {
    const where = draft.where!;
    return 'text' in where ? where.text : texts.plain(lang, 'complaint-where-none');
  }

  function summary(kit: Kit, draft: Draft, profile: ResidentProfile): string {
    const lines = [kit.t('complaint-summary-title'), kit.t('complaint-summary-subject', { subject: kit.t(`complaint-subject-${draft.subject!}`) })];
    if (draft.staffDepartment) lines.push(kit.t('complaint-summary-staff-department', { department: departmentName(policy, draft.staffDepartment, kit.lang) }));
    lines.push(kit.t('complaint-summary-when', { when: whenText(draft, kit.lang) }));
    lines.push(kit.t('complaint-summary-where', { where: whereText(draft, kit.lang) }));
    lines.push(kit.t('complaint-summary-what', { what: draft.what! }));
    lines.push(kit.t('complaint-summary-wants', { wants: draft.wants! }));
    lines.push(kit.t('complaint-summary-media', { count: draft.media.length }));
    if (draft.anonymous) {
      const place = formatBuildingUnit({ building: profile.building!, unit: draft.showUnit ? profile.unit : undefined }, kit.lang);
      lines.push(kit.t('complaint-summary-anonymous', { place }));
    } else {
      lines.push(kit.t('complaint-summary-named', { name: profile.name!, phone: profile.phone! }));
    }
    return lines.join('\n');
  }

  /** Confirm / Edit a field / Cancel until confirmed; false when cancelled. */
  async function review(kit: Kit, ctx: Context, draft: Draft, profile: ResidentProfile): Promise<boolean> {
    for (;;) {
      const action = await askChoice(kit, ctx, summary(kit, draft, profile), [
        { value: 'confirm', label: kit.t('btn-confirm') },
        { value: 'edit', label: kit.t('btn-edit') },
        { value: 'cancel', label: kit.t('btn-cancel') },
      ], 3);
      if (action === 'confirm') return true;
      if (action === 'cancel') return false;
      const field = await askChoice(kit, ctx, kit.t('complaint-ask-field'), [
        { value: 'subject', label: kit.t('complaint-field-subject') },
        { value: 'when', label: kit.t('complaint-field-when') },
        { value: 'where', label: kit.t('complaint-field-where') },
        { value: 'what', label: kit.t('complaint-field-what') },
        { value: 'wants', label: kit.t('complaint-field-wants') },
        { value: 'media', label: kit.t('complaint-field-media') },
        { value: 'anonymous', label: kit.t('complaint-field-anonymous') },
      ]);
      if (field === 'subject') await askSubject(kit, ctx, draft);
      if (field === 'when') await askWhen(kit, ctx, draft);
      if (field === 'where') await askWhere(kit, ctx, draft);
      if (field === 'what') await askWhat(kit, ctx, draft);
      if (field === 'wants') await askWants(kit, ctx, draft);
      if (field === 'media') await askEvidence(kit, ctx, draft);
      if (field === 'anonymous') await askAnonymity(kit, ctx, draft, profile);
    }
  }

  return async function complaint(conversation: SceneConversation, ctx: Context): Promise<void> {
    const kit = await sceneKit(conversation, ctx, deps);
    const userId = ctx.from!.id;
    let profile = await conversation.external(() => deps.services.residents.get(userId));
    // Anonymous or not, the office keeps the contact: the resident follows the ticket in My tickets.
    if (!profile?.registered) profile = await registrationFlow(kit, ctx, deps, profile);

    const draft: Draft = { media: [] };
    await askSubject(kit, ctx, draft);
    await askWhen(kit, ctx, draft);
    await askWhere(kit, ctx, draft);
    await askWhat(kit, ctx, draft);
    await askWants(kit, ctx, draft);
    await askEvidence(kit, ctx, draft);
    await askAnonymity(kit, ctx, draft, profile);
    if (!(await review(kit, ctx, draft, profile))) {
      await ctx.reply(kit.t('scene-cancelled'), { parse_mode: 'HTML', reply_markup: mainMenu(texts, kit.lang) });
      return;
    }

    const contact: ResidentContact = contactOf(profile, kit.lang);
    // Staff read the record in the office's language; what the resident typed stays as typed.
    const input: ComplaintInput = {
      subject: draft.subject!,
      staffDepartment: draft.staffDepartment,
      when: whenText(draft, policy.language),
      where: whereText(draft, policy.language),
      what: draft.what!,
      wants: draft.wants!,
      media: draft.media,
      anonymous: !!draft.anonymous,
      showUnit: !!draft.showUnit,
    };
    await submitTicket(kit, ctx, deps, () => deps.services.tickets.createComplaint(contact, input, residentActor(userId, contact.name)));
  };
}

