/**
 * The card's buttons, by kind and state. Every press is checked again by the domain core,
 * so a button shown to everyone (Reassign, for instance) only works for whoever may use it.
 */
import { InlineKeyboard } from 'grammy';
import type { OfficePolicy } from '../../src/config/office';
import type { TicketState } from '../../src/tickets/types';
import { staffData, type StaffCallbackAction } from '../callbacks';
import type { Texts } from '../texts';

type Button = [StaffCallbackAction, string];

function rowsFor(ticket: TicketState): Button[][] {
  const { kind, status } = ticket;
  const working = status === 'claimed' || status === 'on_site' || status === 'reopened';
  if (status === 'cancelled') return [];
  if (status === 'resolved' || status === 'closed') return [[['note', 'btn-note']]];
  if (kind === 'emergency') {
    if (status === 'open') return [[['claim', 'btn-claim']]];
    return [status === 'on_site' ? [['res', 'btn-resolve']] : [['arr', 'btn-arrived'], ['res', 'btn-resolve']], [['note', 'btn-note']]];
  }
  if (kind === 'inquiry') {
    return [[['ans', 'btn-answer']], [['note', 'btn-note'], ['tr', 'btn-transfer']]];
  }
  if (kind === 'complaint') {
    const first: Button[] = status === 'open' ? [['claim', 'btn-claim'], ['cls', 'btn-classify']] : [['res', 'btn-reply-complaint'], ['cls', 'btn-classify']];
    const rows: Button[][] = [first, [['note', 'btn-note'], ['tr', 'btn-transfer']]];
    if (working) rows.push([['rel', 'btn-release'], ['ra', 'btn-reassign']]);
    return rows;
  }
  if (status === 'open') return [[['claim', 'btn-claim']], [['note', 'btn-note'], ['tr', 'btn-transfer'], ['ra', 'btn-reassign']]];
  const first: Button[] = status === 'on_site' ? [['res', 'btn-resolve']] : [['arr', 'btn-arrived'], ['res', 'btn-resolve']];
  return [first, [['note', 'btn-note'], ['rsch', 'btn-reschedule']], [['tr', 'btn-transfer'], ['rel', 'btn-release'], ['ra', 'btn-reassign']]];
}

/** Duplicate of… on a live repair; 公告 wherever someone is affected (the core checks who may). */
function followerRow(ticket: TicketState): Button[] {
  const { kind, status } = ticket;
  const row: Button[] = [];
  const live = status === 'open' || status === 'claimed' || status === 'on_site' || status === 'reopened';
  if (live && kind === 'repair') row.push(['dup', 'btn-duplicate']);
  if (kind === 'repair' && status !== 'cancelled' && !ticket.duplicateOf) row.push(['pub', 'btn-public-notice']);
  return row;
}

export function cardKeyboard(ticket: TicketState, texts: Texts, policy: OfficePolicy): InlineKeyboard | undefined {
  const extra = followerRow(ticket);
  const rows = extra.length > 0 ? [...rowsFor(ticket), extra] : rowsFor(ticket);
  if (rows.length === 0) return undefined;
  const keyboard = new InlineKeyboard();
  rows.forEach((row, i) => {
    if (i > 0) keyboard.row();
    for (const [action, label] of row) keyboard.text(texts.plain(policy.language, label), staffData(action, ticket.ref));
  });
  return keyboard;
}
