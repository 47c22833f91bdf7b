/**
 * The dashboard's page shell: one HTML document per page, server-rendered, in the viewer's
 * language from the bot's Fluent files, readable on a phone (one column under 700px). Every
 * value reaches the HTML through `Texts.t` (which escapes its arguments) or `escapeHtml`.
 */
import type { Lang } from '../../src/config/office';
import type { Viewer } from '../../src/dashboard/access';
import { escapeHtml } from '../html';
import type { TextArgs, Texts } from '../texts';

export type Section = 'overview' | 'tickets' | 'figures';

export interface PageContext {
  texts: Texts;
  lang: Lang;
  viewer?: Viewer;
  /** The path and query of this page (for the language switch). */
  path: string;
}

export type Tr = (key: string, args?: TextArgs) => string;

export function translator(page: Pick<PageContext, 'texts' | 'lang'>): Tr {
  return (key, args) => page.texts.t(page.lang, key, args);
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#1d2733;background:#f3f5f8}
header{background:#1f4e79;color:#fff;padding:10px 16px;display:flex;flex-wrap:wrap;gap:8px 18px;align-items:center}
header a{color:#fff;text-decoration:none}header a.on{border-bottom:2px solid #fff}header .who{margin-left:auto;font-size:13px;opacity:.9}
main{padding:16px;max-width:1200px;margin:0 auto}h1{font-size:20px;margin:4px 0 14px}h2{font-size:16px;margin:0 0 8px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:12px}.card{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px #0001}
.big{font-size:28px;font-weight:600}table{width:100%;border-collapse:collapse;background:#fff}th,td{padding:6px 8px;border-bottom:1px solid #e3e7ec;text-align:left;vertical-align:top;font-size:14px}
th{background:#eef2f6}a{color:#1f4e79}.late{color:#b42318;font-weight:600}.muted{color:#667085}
form.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin-bottom:12px}form.filters label{display:flex;flex-direction:column;font-size:12px;color:#475467}
input,select,button{font:inherit;padding:5px 8px;border:1px solid #c8d0da;border-radius:6px;background:#fff}button{background:#1f4e79;color:#fff;border:0;cursor:pointer}
.pager{display:flex;gap:12px;align-items:center;margin:12px 0}ol.timeline{list-style:none;padding:0;margin:0;border-left:3px solid #c8d0da}
ol.timeline li{padding:6px 12px;position:relative}ol.timeline li:before{content:"";position:absolute;left:-7px;top:12px;width:11px;height:11px;border-radius:50%;background:#1f4e79}
.photos{display:flex;flex-wrap:wrap;gap:8px}.photos img{max-width:220px;max-height:220px;border-radius:6px}.chart{position:relative;height:260px}
.tablewrap{overflow-x:auto}ul.plain{margin:0;padding-left:18px}
@media (min-width:701px){.wide{grid-column:span 2}}
@media (max-width:700px){main{padding:10px}.hide-narrow{display:none}th,td{padding:5px}}
`;

function nav(page: PageContext, t: Tr, section?: Section): string {
  const viewer = page.viewer;
  if (!viewer) return '';
  const link = (href: string, id: Section, key: string) => `<a href="${href}"${section === id ? ' class="on"' : ''}>${t(key)}</a>`;
  const links = [link('/', 'overview', 'dash-nav-overview'), link('/tickets', 'tickets', 'dash-nav-tickets')];
  if (viewer.role !== 'staff') links.push(link('/figures', 'figures', 'dash-nav-figures'));
  return links.join('');
}

function otherLanguageLink(page: PageContext): string {
  const other: Lang = page.lang === 'en' ? 'zh-CN' : 'en';
  const url = new URL(page.path, 'http://x');
  url.searchParams.set('lang', other);
  return `${url.pathname}${url.search}`;
}

export function renderPage(page: PageContext, title: string, body: string, options: { section?: Section; scripts?: string[] } = {}): string {
  const t = translator(page);
  const viewer = page.viewer;
  const who = viewer
    ? `<span class="who">${t('dash-signed-in', { name: viewer.name, role: t(`dash-role-${viewer.role}`) })} · <a href="/signout">${t('dash-sign-out')}</a></span>`
    : '';
  const scripts = (options.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}"></script>`).join('');
  return `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · ${t('dash-title')}</title><style>${STYLE}</style></head><body>
<header><strong>${t('dash-title')}</strong>${nav(page, t, options.section)}<a href="${escapeHtml(otherLanguageLink(page))}">${t('dash-other-language')}</a>${who}</header>
<main><h1>${title}</h1>${body}</main>${scripts}</body></html>`;
}

/** A page that only says why something was refused. */
export function renderRefusal(page: PageContext, messageKey: string): string {
  const t = translator(page);
  return renderPage(page, t('dash-refused-title'), `<div class="card"><p id="refusal">${t(messageKey)}</p></div>`);
}
