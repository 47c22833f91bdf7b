/**
 * 公告 from the dashboard: the same public notice as the card's button (src/followers), sent to
 * the reporter, every follower and the office's residents' channel through the outbox, and
 * recorded in the ticket's log. Who may send one is the core's rule (followers.noticeRoles),
 * checked again by the service; the form is only shown to those roles.
 *
 * A form post changes something, so beyond the session cookie (SameSite=Lax: a post from
 * another site arrives without it) a post whose Origin is not this server is refused.
 */
import express, { type Request } from 'express';
import { followersPolicy } from '../../src/followers/config';
import type { Actor } from '../../src/people/actors';
import type { OfficePolicy } from '../../src/config/office';
import type { TicketState } from '../../src/tickets/types';
import type { AppServices } from '../context';
import { translator, type PageContext } from './layout';

export type NoticeOutcome = 'sent' | 'refused' | 'invalid';

export function mayNotice(actor: Pick<Actor, 'role'>, ticket: TicketState, policy: OfficePolicy): boolean {
  return followersPolicy(policy).noticeRoles.includes(actor.role) && !ticket.anonymous && ticket.status !== 'cancelled';
}

/** Whether a post comes from a page of this server (browsers send Origin on every form post). */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  return URL.canParse(origin) && new URL(origin).host === req.headers.host;
}

export const noticeBody = express.urlencoded({ extended: false, limit: '16kb' });

/** Sends the notice; the outcome the page shows after the redirect. */
export async function postNotice(req: Request, services: AppServices, actor: Actor, ticket: TicketState): Promise<NoticeOutcome> {
  const text = typeof req.body?.text === 'string' ? req.body.text.trim() : '';
  if (text.length === 0 || [...text].length > services.policy.limits.maxTextLength) return 'invalid';
  const result = await services.followers.sendNotice(ticket.ref, actor, text);
  services.log.info({ userId: actor.id, ref: ticket.ref, ok: result.ok }, 'dashboard public notice');
  return result.ok ? 'sent' : 'refused';
}

export function noticeOutcomeOf(query: unknown): NoticeOutcome | undefined {
  return query === 'sent' || query === 'refused' || query === 'invalid' ? query : undefined;
}

/** The form under a ticket, with the outcome of the last post. */
export function renderNoticeForm(page: PageContext, ticket: TicketState, outcome: NoticeOutcome | undefined, maxLength: number): string {
  const t = translator(page);
  const status = outcome ? `<p id="notice-outcome" data-outcome="${outcome}">${t(`dash-notice-${outcome}`)}</p>` : '';
  return `<div class="card" style="margin-top:12px"><h2>${t('dash-notice-title')}</h2><p class="muted">${t('dash-notice-help')}</p>${status}
<form id="notice" method="post" action="/tickets/${encodeURIComponent(ticket.ref)}/notice"><textarea name="text" rows="3" maxlength="${maxLength}" required style="width:100%"></textarea><br><button type="submit">${t('dash-notice-send')}</button></form></div>`;
}
