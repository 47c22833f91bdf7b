/**
 * A filtered ticket list as CSV (UTF-8 with a BOM, CRLF, quoted, formulas defused — the same
 * cells as the figures' CSV). It holds what the list shows, never a resident's contact.
 */
import type { Lang, OfficePolicy } from '../../src/config/office';
import { formatBuildingUnit } from '../../src/people/address';
import type { TicketState } from '../../src/tickets/types';
import { csvCell } from '../figures/render';
import { categoryName, departmentName, when } from '../render/format';
import type { Texts } from '../texts';

const COLUMNS = ['ref', 'kind', 'status', 'department', 'category', 'building', 'created', 'due', 'owner', 'description'];

export function ticketCsvHeader(texts: Texts, lang: Lang): string {
  return `\uFEFF${COLUMNS.map((c) => csvCell(texts.plain(lang, `dash-col-${c}`))).join(',')}\r\n`;
}

export function ticketCsvRows(tickets: TicketState[], policy: OfficePolicy, texts: Texts, lang: Lang): string {
  return tickets
    .map((t) =>
      [
        t.ref,
        texts.plain(lang, `figures-kind-${t.kind}`),
        texts.plain(lang, `status-${t.status}`),
        departmentName(policy, t.department, lang),
        categoryName(policy, t, lang),
        t.resident.building ? formatBuildingUnit({ building: t.resident.building }, lang) : '',
        when(t.createdAt, policy, lang),
        when(t.resolutionDueAt, policy, lang),
        t.owner?.name ?? '',
        t.report.description,
      ]
        .map(csvCell)
        .join(','),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}
