/**
 * The dashboard's ticket pages: the overview, the filtered list with paging, and one ticket
 * with its whole log as a timeline and its photos (served by /media, never by Telegram's URL).
 * Residents' words go through the texts' escaping; their contact only where access.ts allows.
 */
import type { OfficePolicy } from '../../src/config/office';
import { mayReadContact, type Viewer } from '../../src/dashboard/access';
import { filtersQuery, type Overview, type TicketFilters, type TicketPage } from '../../src/dashboard/queries';
import { formatAddress, formatBuildingUnit } from '../../src/people/address';
import type { Media, TicketEvent, TicketState } from '../../src/tickets/types';
import { escapeHtml } from '../html';
import { placeOf } from '../render/card';
import { categoryName, departmentName, when } from '../render/format';
import { describeEvent } from '../render/history';
import { translator, type PageContext, type Tr } from './layout';

const e = escapeHtml;

export interface ListOptions {
  policy: OfficePolicy;
  now: Date;
  /** Categories and buildings to offer in the filters (from the office policy and the page). */
  categories: { id: string; name: string }[];
}

function ticketLink(ticket: Pick<TicketState, 'ref'>): string {
  return `<a href="/tickets/${encodeURIComponent(ticket.ref)}">${e(ticket.ref)}</a>`;
}

function isLate(ticket: TicketState, now: Date): boolean {
  return ['open', 'claimed', 'on_site', 'reopened'].includes(ticket.status) && new Date(ticket.resolutionDueAt) < now;
}

function shortRow(ticket: TicketState, page: PageContext, policy: OfficePolicy, t: Tr): string {
  return `<li>${ticketLink(ticket)} · ${t(`figures-kind-${ticket.kind}`)} · ${e(departmentName(policy, ticket.department, page.lang))} · ${t(`status-${ticket.status}`)} · <span class="muted">${e(when(ticket.createdAt, policy, page.lang))}</span></li>`;
}

function list(items: string[], t: Tr): string {
  return items.length === 0 ? `<p class="muted">${t('dash-none')}</p>` : `<ul class="plain">${items.join('')}</ul>`;
}

export function renderOverview(page: PageContext, overview: Overview, policy: OfficePolicy): string {
  const t = translator(page);
  const statusRows = overview.byStatus.map((s) => `<tr><td>${t(`status-${s.status}`)}</td><td data-status="${s.status}">${s.n}</td></tr>`).join('');
  const departmentRows = overview.byDepartment.map((d) => `<tr><td>${e(departmentName(policy, d.department, page.lang))}</td><td>${d.n}</td></tr>`).join('');
  return `<div class="cards">
<div class="card"><h2>${t('dash-new-today')}</h2><div class="big" id="new-today">${overview.newToday}</div></div>
<div class="card"><h2>${t('dash-closed-today')}</h2><div class="big" id="closed-today">${overview.closedToday}</div></div>
<div class="card"><h2>${t('dash-overdue-now')}</h2><div class="big late" id="overdue-count">${overview.overdue.length}</div>${list(overview.overdue.slice(0, 10).map((x) => shortRow(x, page, policy, t)), t)}</div>
<div class="card"><h2>${t('dash-open-by-status')}</h2><table id="by-status">${statusRows}</table></div>
<div class="card"><h2>${t('dash-open-by-department')}</h2>${departmentRows ? `<table id="by-department">${departmentRows}</table>` : `<p class="muted">${t('dash-none')}</p>`}</div>
<div class="card"><h2>${t('dash-latest-emergencies')}</h2>${list(overview.emergencies.map((x) => shortRow(x, page, policy, t)), t)}</div>
</div>`;
}

function select(name: string, label: string, options: { value: string; label: string }[], selected: string | undefined, t: Tr): string {
  const opts = [{ value: '', label: t('dash-filter-any') }, ...options]
    .map((o) => `<option value="${e(o.value)}"${o.value === (selected ?? '') ? ' selected' : ''}>${e(o.label)}</option>`)
    .join('');
  return `<label>${label}<select name="${name}">${opts}</select></label>`;
}

function filterForm(page: PageContext, filters: TicketFilters, options: ListOptions, t: Tr): string {
  const { policy } = options;
  const statuses = ['open', 'claimed', 'on_site', 'resolved', 'reopened', 'closed', 'cancelled'].map((s) => ({ value: s, label: t(`status-${s}`) }));
  const kinds = ['repair', 'complaint', 'emergency', 'inquiry'].map((k) => ({ value: k, label: t(`figures-kind-${k}`) }));
  const departments = policy.departments.map((d) => ({ value: d.id, label: d.name[page.lang] }));
  const categories = options.categories.map((c) => ({ value: c.id, label: c.name }));
  return `<form class="filters" method="get" action="/tickets">
${select('status', t('dash-col-status'), statuses, filters.status, t)}
${select('kind', t('dash-col-kind'), kinds, filters.kind, t)}
${select('category', t('dash-col-category'), categories, filters.category, t)}
${select('department', t('dash-col-department'), departments, filters.department, t)}
<label>${t('dash-col-building')}<input name="building" size="6" value="${e(filters.building ?? '')}"></label>
<label>${t('dash-filter-from')}<input type="date" name="from" value="${e(filters.from ?? '')}"></label>
<label>${t('dash-filter-to')}<input type="date" name="to" value="${e(filters.to ?? '')}"></label>
<label>${t('dash-filter-text')}<input name="q" value="${e(filters.text ?? '')}"></label>
<label><span><input type="checkbox" name="overdue" value="1"${filters.overdue ? ' checked' : ''}> ${t('dash-filter-overdue')}</span></label>
<button type="submit">${t('dash-filter-apply')}</button> <a href="/tickets">${t('dash-filter-clear')}</a>
</form>`;
}

export function renderTicketList(page: PageContext, result: TicketPage, filters: TicketFilters, options: ListOptions): string {
  const t = translator(page);
  const { policy, now } = options;
  const rows = result.tickets
    .map((ticket) => {
      const late = isLate(ticket, now);
      return `<tr data-ref="${e(ticket.ref)}"><td>${ticketLink(ticket)}</td><td>${t(`figures-kind-${ticket.kind}`)}</td><td>${t(`status-${ticket.status}`)}${late ? ` <span class="late">${t('dash-overdue-mark')}</span>` : ''}</td>
<td class="hide-narrow">${e(departmentName(policy, ticket.department, page.lang))}</td><td class="hide-narrow">${e(categoryName(policy, ticket, page.lang))}</td><td>${e(ticket.resident.building ? formatBuildingUnit({ building: ticket.resident.building }, page.lang) : '')}</td>
<td class="hide-narrow">${e(when(ticket.createdAt, policy, page.lang))}</td><td class="hide-narrow${late ? ' late' : ''}">${e(when(ticket.resolutionDueAt, policy, page.lang))}</td>
<td class="hide-narrow">${e(ticket.owner?.name ?? '')}</td><td>${e(clip(ticket.report.description))}</td></tr>`;
    })
    .join('\n');
  const head = ['ref', 'kind', 'status', 'department', 'category', 'building', 'created', 'due', 'owner', 'description']
    .map((c) => `<th${['department', 'category', 'created', 'due', 'owner'].includes(c) ? ' class="hide-narrow"' : ''}>${t(`dash-col-${c}`)}</th>`)
    .join('');
  const prev = result.page > 0 ? `<a id="prev" href="/tickets?${e(filtersQuery(filters, { page: result.page }))}">${t('dash-page-prev')}</a>` : '';
  const next = result.hasNext ? `<a id="next" href="/tickets?${e(filtersQuery(filters, { page: result.page + 2 }))}">${t('dash-page-next')}</a>` : '';
  const table = result.tickets.length === 0 ? `<p class="muted" id="no-tickets">${t('dash-no-tickets')}</p>` : `<div class="tablewrap"><table id="tickets"><tr>${head}</tr>${rows}</table></div>`;
  return `${filterForm(page, filters, options, t)}
<div class="pager">${prev}<span>${t('dash-page', { page: result.page + 1 })}</span>${next}<a id="csv" href="/tickets.csv?${e(filtersQuery(filters))}">${t('dash-export-csv')}</a></div>
${table}`;
}

function clip(text: string, max = 60): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** Every photo and video of a ticket, in order, each once: what /media/:ref/:n serves by position. */
export function mediaOf(ticket: TicketState, events: TicketEvent[]): Media[] {
  const all = [...ticket.report.media, ...events.flatMap((ev) => ev.media ?? []), ...(ticket.result?.media ?? [])];
  const seen = new Set<string>();
  return all.filter((m) => (seen.has(m.fileId) ? false : (seen.add(m.fileId), true)));
}

export function renderTicketDetail(page: PageContext, ticket: TicketState, events: TicketEvent[], viewer: Viewer, policy: OfficePolicy): string {
  const t = translator(page);
  const lang = page.lang;
  const r = ticket.report;
  const facts = [
    `${t(`figures-kind-${ticket.kind}`)} · ${t(`status-${ticket.status}`)} · ${e(departmentName(policy, ticket.department, lang))}${categoryName(policy, ticket, lang) ? ` · ${e(categoryName(policy, ticket, lang))}` : ''}`,
    t('dash-detail-place', { place: placeOf(ticket, policy) }),
  ];
  if (r.location && !r.atHome) facts.push(t('dash-detail-location', { location: r.location }));
  if (ticket.anonymous) facts.push(t('dash-detail-anonymous'));
  else if (mayReadContact(viewer, ticket, policy)) {
    facts.push(t('dash-detail-contact', { name: ticket.resident.name, phone: ticket.resident.phone, address: formatAddress(ticket.resident, lang) }));
  } else facts.push(`<span class="muted">${t('dash-detail-contact-hidden')}</span>`);
  facts.push(t('dash-detail-due', { response: when(ticket.responseDueAt, policy, lang), resolution: when(ticket.resolutionDueAt, policy, lang) }));
  const tr = (key: string, args?: Parameters<Tr>[1]) => t(key, args);
  const lines = [...events]
    .sort((a, b) => a.seq - b.seq)
    .map((ev) => {
      const what = describeEvent(ev, ticket, 'staff', policy, lang, tr);
      return what === null ? '' : `<li data-event="${e(ev.type)}"><span class="muted">${e(when(ev.at, policy, lang))}</span><br>${what}</li>`;
    })
    .filter((line) => line !== '');
  const media = mediaOf(ticket, events);
  const photos = media
    .map((m, i) =>
      m.type === 'photo'
        ? `<a href="/media/${encodeURIComponent(ticket.ref)}/${i}"><img alt="${e(ticket.ref)} ${i + 1}" src="/media/${encodeURIComponent(ticket.ref)}/${i}"></a>`
        : `<a href="/media/${encodeURIComponent(ticket.ref)}/${i}">${t('dash-detail-video', { n: i + 1 })}</a>`,
    )
    .join('');
  return `<div class="cards"><div class="card"><h2>${t('dash-detail-report')}</h2><p>${facts.join('<br>')}</p><p id="description">${e(r.description)}</p>
${ticket.complaint ? `<p>${e(ticket.complaint.wants)}</p>` : ''}</div>
${media.length > 0 ? `<div class="card"><h2>${t('dash-detail-photos')}</h2><div class="photos" id="photos">${photos}</div></div>` : ''}</div>
<div class="card" style="margin-top:12px"><h2>${t('dash-detail-timeline', { count: lines.length })}</h2><ol class="timeline" id="timeline">${lines.join('\n')}</ol></div>`;
}

