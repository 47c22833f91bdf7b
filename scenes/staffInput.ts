/**
 * What staff type in their private chat with the bot for a card action: a note (with photos,
 * optionally told to the resident), a new time (waiting for parts or a new visit), or why
 * they release a ticket. Entered with `conversation.enter('staffInput', action, ref)`.
 * The card, the group and the resident hear of it from the core (src/reactions).
 */
import type { Context } from 'grammy';
import { visitSlots } from '../src/policy/hours';
import { parseTypedDateTime } from '../src/time/typedDateTime';
import type { TicketAction } from '../src/tickets/rules';
import type { Media } from '../src/tickets/types';
import { parseRef } from '../src/tickets/reference';
import { affectedCount } from '../src/followers/service';
import { refusalText } from '../bot/refusals';
import { slotLabel, when } from '../bot/render/format';
import { askChoice, askText, makeKit, type Kit, type SceneConversation } from './support/ask';
import type { SceneDeps } from './support/deps';
import { askMedia } from './support/media';

export type StaffInputAction = 'note' | 'rsch' | 'rel' | 'dup' | 'pub';

export const STAFF_INPUT_CHECK: Record<StaffInputAction, TicketAction> = {
  note: 'note',
  rsch: 'reschedule',
  rel: 'release',
  dup: 'link_duplicate',
  pub: 'public_notice',
};

const HTML = { parse_mode: 'HTML' as const };
const YEAR_MS = 365 * 24 * 60 * 60_000;

interface Run {
  conversation: SceneConversation;
  ctx: Context;
  kit: Kit;
  ref: string;
  user: { id: number; firstName: string; username?: string };
  /** The clock when the scene began: replayed, so validation gives the same verdicts on replay. */
  now: number;
}

export function createStaffInputScene(deps: SceneDeps) {
  const { policy, texts, staff, tickets } = deps.services;
  const actorOf = (user: Run['user']) => staff.actorFor(user);

  async function note(run: Run): Promise<string> {
    const { kit, ctx, ref, conversation } = run;
    const max = policy.limits.maxMedia;
    const written = await askText(kit, ctx, kit.t('note-ask-text', { ref }), { choices: [{ value: 'photos', label: kit.t('btn-note-photos-only') }] });
    const media: Media[] = await askMedia(kit, ctx, kit.t('note-ask-media', { max }), max);
    const text = written.text ?? '';
    if (!text && media.length === 0) return kit.t('note-empty', { ref });
    const tell = await askChoice(kit, ctx, kit.t('note-ask-tell', { ref }), [
      { value: 'internal', label: kit.t('btn-note-internal') },
      { value: 'tell', label: kit.t('btn-note-tell') },
    ], 1);
    const toResident = tell === 'tell';
    const outcome = await conversation.external(async () => {
      const done = await tickets.note(ref, await actorOf(run.user), { text, media, toResident });
      if (!done.ok) return refusalText(done, ref, texts, kit.lang, policy);
      return kit.t(toResident ? 'note-done-told' : 'note-done-internal', { ref });
    });
    return outcome;
  }

  async function reschedule(run: Run): Promise<string | null> {
    const { kit, ctx, ref, conversation, now } = run;
    const kind = await askChoice(kit, ctx, kit.t('rsch-ask-kind', { ref }), [
      { value: 'parts', label: kit.t('btn-rsch-parts') },
      { value: 'visit', label: kit.t('btn-rsch-visit') },
    ], 1);
    const parts = kind === 'parts';
    const reason = await askText(kit, ctx, kit.t(parts ? 'rsch-ask-reason-parts' : 'rsch-ask-reason-visit', { ref }), { minLength: 2 });
    const slots = visitSlots(new Date(now), policy).map((s) => ({ value: String(s.start.getTime()), label: slotLabel({ slotStart: s.start, slotEnd: s.end }, policy, kit.lang) }));
    const time = await askText(kit, ctx, kit.t(parts ? 'rsch-ask-time-parts' : 'rsch-ask-time-visit'), {
      choices: slots,
      validate: (typed) => {
        const at = parseTypedDateTime(typed, new Date(now), policy.timezone);
        if (!at) return { retry: 'rsch-time-invalid' };
        if (at.getTime() <= now) return { retry: 'rsch-time-past' };
        if (at.getTime() > now + YEAR_MS) return { retry: 'rsch-time-far' };
        return { value: String(at.getTime()) };
      },
    });
    const until = new Date(Number(time.choice ?? time.text));
    const shown = when(until, policy, kit.lang);
    const confirm = await askChoice(kit, ctx, kit.t(parts ? 'rsch-confirm-parts' : 'rsch-confirm-visit', { ref, reason: reason.text!, until: shown }), [
      { value: 'yes', label: kit.t('btn-confirm') },
      { value: 'no', label: kit.t('btn-cancel') },
    ]);
    if (confirm === 'no') return null;
    return conversation.external(async () => {
      const done = await tickets.reschedule(ref, await actorOf(run.user), { reason: reason.text!, until, parts });
      if (!done.ok) return refusalText(done, ref, texts, kit.lang, policy);
      return kit.t('rsch-done', { ref, until: shown });
    });
  }

  async function release(run: Run): Promise<string> {
    const { kit, ctx, ref, conversation } = run;
    const quick = { notmine: 'rel-reason-not-mine', unreachable: 'rel-reason-unreachable' } as const;
    const answer = await askText(kit, ctx, kit.t('rel-ask-reason', { ref }), {
      minLength: 2,
      choices: [
        { value: 'notmine', label: texts.plain(kit.lang, quick.notmine) },
        { value: 'unreachable', label: texts.plain(kit.lang, quick.unreachable) },
        { value: 'other', label: kit.t('btn-rel-other') },
      ],
    });
    let reason = answer.text ?? '';
    if (answer.choice === 'other') reason = (await askText(kit, ctx, kit.t('rel-ask-other', { ref }), { minLength: 2 })).text!;
    else if (answer.choice === 'notmine' || answer.choice === 'unreachable') reason = texts.plain(policy.language, quick[answer.choice]);
    return conversation.external(async () => {
      const done = await tickets.release(ref, await actorOf(run.user), reason);
      if (!done.ok) return refusalText(done, ref, texts, kit.lang, policy);
      return kit.t('rel-done', { ref });
    });
  }

  /** Duplicate of…: the other ticket's reference; this one closes and its resident follows the other. */
  async function duplicate(run: Run): Promise<string> {
    const { kit, ctx, ref, conversation } = run;
    const typed = await askText(kit, ctx, kit.t('dup-ask-ref', { ref }), {
      validate: (text) => {
        const of = parseRef(text);
        if (!of) return { retry: 'dup-ref-invalid' };
        return of === ref ? { retry: 'dup-same' } : { value: of };
      },
    });
    const of = typed.text!;
    return conversation.external(async () => {
      const done = await deps.services.followers.linkDuplicate(ref, of, await actorOf(run.user));
      if (done.ok) return kit.t('dup-done', { ref, of });
      if (!('problem' in done)) return refusalText(done, ref, texts, kit.lang, policy);
      if (done.problem === 'not_linkable') return kit.t('dup-not-live', { of, status: texts.plain(kit.lang, `status-${done.status}`) });
      return done.problem === 'same_ticket' ? kit.t('dup-same') : kit.t('dup-not-found', { of });
    });
  }

  /** 公告: one text to everyone the ticket affects (and the residents' channel), after a look at it. */
  async function notice(run: Run): Promise<string | null> {
    const { kit, ctx, ref, conversation } = run;
    const written = await askText(kit, ctx, kit.t('pub-ask-text', { ref }), { minLength: 2 });
    const count = await conversation.external(async () => affectedCount((await tickets.get(ref))!));
    const confirm = await askChoice(kit, ctx, kit.t('pub-confirm', { ref, count, text: written.text! }), [
      { value: 'yes', label: kit.t('btn-pub-send') },
      { value: 'no', label: kit.t('btn-cancel') },
    ]);
    if (confirm === 'no') return null;
    return conversation.external(async () => {
      const done = await deps.services.followers.sendNotice(ref, await actorOf(run.user), written.text!);
      if (!done.ok) return refusalText(done, ref, texts, kit.lang, policy);
      return kit.t('pub-done', { ref, count: affectedCount(done.ticket) });
    });
  }

  return async function staffInput(conversation: SceneConversation, ctx: Context, action: StaffInputAction, ref: string): Promise<void> {
    // Staff work in the office's language.
    const kit = makeKit(conversation, policy.language, texts, policy.limits.maxTextLength);
    const user = { id: ctx.from!.id, firstName: ctx.from!.first_name, username: ctx.from!.username };
    const start = await conversation.external(async () => {
      const { refusal } = await tickets.check(ref, STAFF_INPUT_CHECK[action], await actorOf(user));
      return { refusal: refusal ? refusalText(refusal, ref, texts, kit.lang, policy) : null, now: deps.services.clock.now().getTime() };
    });
    if (start.refusal) {
      await ctx.reply(start.refusal, HTML);
      return;
    }
    const run: Run = { conversation, ctx, kit, ref, user, now: start.now };
    const flows = { note, rsch: reschedule, rel: release, dup: duplicate, pub: notice };
    const text = await flows[action](run);
    await ctx.reply(text ?? kit.t('scene-cancelled'), HTML);
  };
}
