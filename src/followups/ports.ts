/**
 * What the follow-up work needs from the adapter: rendering in the right language and
 * sending (through the notifier's once-per-key queue). src/ never talks to Telegram itself.
 * Every method may be called again for the same thing after a crash or by a second
 * instance: implementations send with keys, so a repeat is not a second message.
 */
import type { TicketEvent, TicketState } from '../tickets/types';
import type { SurveyDoc } from './model';

export interface FollowupPorts {
  /** The survey (first time, or the one reminder) to the resident. */
  sendSurvey(survey: SurveyDoc, ticket: TicketState, mode: 'first' | 'resend'): Promise<void>;
  /** The quiet period passed: tell the resident the ticket was closed for them; refresh the card. */
  autoConfirmed(ticket: TicketState, event: TicketEvent): Promise<void>;
  /** A dissatisfied answer reopened the ticket: the card, the owner and the head, the resident. */
  reopenedBySurvey(survey: SurveyDoc, ticket: TicketState, event: TicketEvent): Promise<void>;
  /** A comment that came after a dissatisfied survey was finished: staff should see it too. */
  lateComment(survey: SurveyDoc, ticket: TicketState): Promise<void>;
  /** A repeat report: the card shows it, the manager is alerted. */
  repeatFlagged(ticket: TicketState, earlier: TicketState): Promise<void>;
}
