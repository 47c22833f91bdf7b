/**
 * What follows a ticket event, as intents without text: who hears of it and what about.
 * `consequences` (consequences.ts) derives them; bot/delivery renders each one in its
 * reader's language when it is sent. A notice never carries words, only facts to render.
 */
import type { AlertLevel, LimitId } from '../limits/rules';

/** Who receives a notice; every one resolves to one chat, which is the notice's outbox lane. */
export type Recipient =
  /** The resident who reported the ticket, in their own language. */
  | { kind: 'resident' }
  /** A resident who follows the ticket (src/followers), in their own language: never told anyone else's details. */
  | { kind: 'follower'; id: number }
  /** A staff member, head or manager privately, in the office's language. */
  | { kind: 'person'; id: number }
  /** Under the ticket's main card (its department's chat when no card is known). */
  | { kind: 'card' }
  /** A chat given by the policy (a card target: a group, a topic or a person). */
  | { kind: 'chat'; chatId: number; threadId?: number };

/** Messages under the card, to a person or to the resident; each kind has one renderer in bot/delivery. */
export type MessageKind =
  | 'resident_reopened' // "Not solved": the card hears it was reopened (or an inquiry asked again)
  | 'resident_reason' // the resident's words after "Not solved"
  | 'info_added' // the resident added information or photos
  | 'released' // a handler gave the ticket back, with the reason
  | 'auto_released' // the scheduler released a ticket nobody worked on
  | 'staff_note' // a staff note (internal or told to the resident)
  | 'cancelled' // the resident withdrew the ticket
  | 'urged' // 催办
  | 'classified_valid' // a valid complaint: the heads
  | 'classified_major' // a major complaint: the manager
  | 'assigned_to_you' // a head gave the ticket to this person
  | 'deadline_extended' // more time approved
  | 'repeat' // the same problem again: the manager
  | 'auto_confirmed' // the quiet period passed: closed for the resident
  | 'survey_reopened_staff' // a dissatisfied survey: the card and the owner
  | 'survey_reopened_head' // ... the department's heads privately
  | 'survey_reopened_resident' // ... the resident
  | 'survey_comment' // a comment that came after the survey was finished
  | 'reannounce' // still unclaimed
  | 'weekly_progress' // still open after a week: the resident
  | 'public_notice' // 公告: the same words to the reporter, every follower and the residents' channel
  | 'affected_urgent'; // so many residents are affected that the ticket became urgent: the card

export type NoticeWhat =
  /**
   * Post the ticket's card to these targets, all at once. After a transfer (`replace`) the
   * recorded cards first say where the ticket went and lose their buttons; the new cards replace them.
   */
  | { type: 'card_post'; targets: { chatId: number; threadId?: number }[]; replace: boolean }
  /** Edit every card to the ticket's state when the edit is sent. */
  | { type: 'card_refresh' }
  /** The resident's message about this event (claimed, resolved, ...). */
  | { type: 'resident_update' }
  /** A follower's message about the same change the reporter hears of (a follower's words: no one's details). */
  | { type: 'follower_update' }
  /** The resident's name, phone and room to whoever now owns the ticket (never for anonymous complaints). */
  | { type: 'contact' }
  /** A time-limit alert at one level of the ladder (see LIMIT_LEVELS). */
  | { type: 'limit_alert'; limit: LimitId; level: AlertLevel; due: Date; audience: LimitAudience }
  /** A follow-up survey (first or the one reminder), rendered from the survey document. */
  | { type: 'survey'; survey: string; mode: 'first' | 'resend' }
  | { type: 'message'; message: MessageKind };

/** Who a limit alert is worded for. */
export type LimitAudience = 'owner' | 'group' | 'approver' | 'manager';

export interface Notice {
  /** Unique within its event: the outbox id is `n:<ref>:<seq>:<name>`, so a repeat is a no-op. */
  name: string;
  to: Recipient;
  what: NoticeWhat;
  /** When a private message cannot be delivered (never started the bot): say it under the card instead. */
  fallbackToCard?: boolean;
}

export const noticeId = (ref: string, seq: number, name: string) => `n:${ref}:${seq}:${name}`;
