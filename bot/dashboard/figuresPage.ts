/**
 * The monthly figures page: the month's headline rates against their targets, the trend of
 * each rate over the last 12 months, counts by department and by category, and the hot-spot
 * buildings — all from src/figures (one count per month's facts). The numbers go to the page
 * as JSON inside a non-executed script element; /assets/dashboard.js draws them with
 * chart.js, served from our own server.
 */
import type { OfficePolicy } from '../../src/config/office';
import { figuresFromRows, type MonthlyFigures } from '../../src/figures/monthly';
import { escapeHtml } from '../html';
import { departmentName } from '../render/format';
import { buildingLabel, categoryLabel, HEADLINES, percent, targetOf } from '../figures/render';
import type { FactRow } from '../../src/figures/monthly';
import { translator, type PageContext } from './layout';

const e = escapeHtml;

export interface FiguresPageData {
  month: string;
  /** The department shown, or undefined for the whole office. */
  department?: string;
  /** The choices of department this reader has ('' = the whole office). */
  departments: string[];
  /** The selected month's facts, counted (figures for any scope are computed from them). */
  rows: FactRow[];
  /** The last 12 months (oldest first) and their counted facts. */
  trend: { month: string; rows: FactRow[] }[];
}

export interface ChartData {
  trend: { labels: string[]; series: { label: string; values: (number | null)[]; target: number | null; targetLabel: string }[] };
  byDepartment: { labels: string[]; values: number[]; label: string };
  byCategory: { labels: string[]; values: number[]; label: string };
  hotBuildings: { labels: string[]; values: number[]; label: string };
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** JSON safe inside <script>: no "</script>" or "<!--" can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function chartData(page: PageContext, data: FiguresPageData, policy: OfficePolicy): { figures: MonthlyFigures; charts: ChartData } {
  const { lang, texts } = page;
  const scope = { department: data.department };
  const figures = figuresFromRows(data.rows, policy, data.month, scope);
  const trendFigures = data.trend.map((m) => figuresFromRows(m.rows, policy, m.month, scope));
  const count = texts.plain(lang, 'dash-figures-count');
  const office = figuresFromRows(data.rows, policy, data.month);
  const charts: ChartData = {
    trend: {
      labels: data.trend.map((m) => m.month),
      series: HEADLINES.map((h) => {
        const label = texts.plain(lang, h.label);
        return {
          label,
          values: trendFigures.map((f) => pct(f[h.key].value)),
          target: pct(targetOf(policy, h.target) ?? null),
          targetLabel: texts.plain(lang, 'dash-figures-target', { label }),
        };
      }),
    },
    // Departments side by side: the office's counts, whatever scope is shown.
    byDepartment: { labels: office.byDepartment.map((c) => departmentName(policy, c.key, lang)), values: office.byDepartment.map((c) => c.n), label: count },
    byCategory: { labels: figures.byCategory.map((c) => categoryLabel(c.key, policy, texts, lang)), values: figures.byCategory.map((c) => c.n), label: count },
    hotBuildings: {
      labels: figures.hotSpots.buildings.map((c) => buildingLabel(c.key, texts, lang)),
      values: figures.hotSpots.buildings.map((c) => c.n),
      label: count,
    },
  };
  return { figures, charts };
}

export function renderFiguresPage(page: PageContext, data: FiguresPageData, policy: OfficePolicy): string {
  const t = translator(page);
  const { figures, charts } = chartData(page, data, policy);
  const departmentOptions = data.departments
    .map((d) => `<option value="${e(d)}"${d === (data.department ?? '') ? ' selected' : ''}>${e(d === '' ? page.texts.plain(page.lang, 'dash-figures-office') : departmentName(policy, d, page.lang))}</option>`)
    .join('');
  const headlineRows = HEADLINES.map((h) => {
    const rate = figures[h.key];
    const target = targetOf(policy, h.target);
    const missed = target !== undefined && rate.value !== null && rate.value < target;
    return `<tr><td>${t(h.label)}</td><td${missed ? ' class="late"' : ''}>${e(percent(rate.value))}</td><td class="muted">${rate.num}/${rate.den}</td><td>${target === undefined ? '' : e(percent(target))}</td></tr>`;
  }).join('');
  const query = new URLSearchParams({ month: data.month, ...(data.department ? { department: data.department } : {}) }).toString();
  const canvas = (id: string, title: string, wide = false) => `<div class="card${wide ? ' wide' : ''}"><h2>${title}</h2><div class="chart"><canvas id="${id}"></canvas></div></div>`;
  return `<form class="filters" method="get" action="/figures">
<label>${t('dash-figures-month')}<input type="month" name="month" value="${e(data.month)}"></label>
<label>${t('dash-figures-department')}<select name="department">${departmentOptions}</select></label>
<button type="submit">${t('dash-figures-show')}</button> <a id="figures-csv" href="/figures.csv?${e(query)}">${t('dash-figures-export')}</a></form>
<div class="cards"><div class="card"><h2>${t('dash-figures-headlines')}</h2><p>${t('dash-figures-received')}: <b id="received">${figures.received}</b></p><table id="headlines">${headlineRows}</table></div>
${canvas('chart-trend', t('dash-figures-trend'), true)}${canvas('chart-departments', t('dash-figures-by-department'))}${canvas('chart-categories', t('dash-figures-by-category'))}${canvas('chart-buildings', t('dash-figures-hot-buildings'))}</div>
<script type="application/json" id="chart-data">${scriptJson(charts)}</script>`;
}
