/**
 * The dashboard's web server: sign-in by one-time link, the session cookie, and the pages.
 * Every request but the sign-in and the static scripts needs a session, and every such
 * request looks the person's role up again in the staff roster (a removed member is refused
 * at once); each ticket, list, count, photo and CSV is limited to what that role may see.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Lang } from '../../src/config/office';
import { maySee, mayReadFigures, viewerOf, type Viewer } from '../../src/dashboard/access';
import type { DashboardAuth } from '../../src/dashboard/auth';
import { dashboardPolicy } from '../../src/dashboard/config';
import { DashboardQueries, parseFilters, withDefaultPeriod } from '../../src/dashboard/queries';
import { countFacts, previousMonth } from '../../src/figures/monthly';
import { FactStore, isMonthKey } from '../../src/figures/store';
import { localDateKey, localMonthKey } from '../../src/time/zoned';
import { TicketRepository } from '../../src/tickets/repository';
import type { AppServices } from '../context';
import { loadFiguresView } from '../figures/report';
import { renderFiguresCsv } from '../figures/render';
import { DASHBOARD_SCRIPT } from './clientScript';
import { renderFiguresPage } from './figuresPage';
import { renderPage, renderRefusal, type PageContext } from './layout';
import type { MediaSource } from './media';
import { ticketCsvHeader, ticketCsvRows } from './ticketCsv';
import { mediaOf, renderOverview, renderTicketDetail, renderTicketList } from './ticketPages';
import { mayNotice, noticeBody, noticeOutcomeOf, postNotice, renderNoticeForm, sameOrigin } from './notice';
import type { Actor } from '../../src/people/actors';

export const SESSION_COOKIE = 'hd_session';
const LANG_COOKIE = 'hd_lang';
const TREND_MONTHS = 12;

export interface DashboardDeps {
  services: AppServices;
  auth: DashboardAuth;
  media: MediaSource;
  /** Cookies get `Secure` when the dashboard's public address is https. */
  secureCookies: boolean;
}

type Locals = { page: PageContext; viewer: Viewer; actor: Actor };

function cookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

const chartScript = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');

export function createDashboardApp(deps: DashboardDeps): express.Express {
  const { services, auth, media } = deps;
  const { policy, texts, clock, log } = services;
  const settings = dashboardPolicy(policy);
  const queries = new DashboardQueries({ models: services.db, clock, policy });
  const tickets = new TicketRepository(services.db);
  const facts = new FactStore(services.db, policy);
  const app = express();
  app.disable('x-powered-by');
  const cookieFlags = `Path=/; HttpOnly; SameSite=Lax${deps.secureCookies ? '; Secure' : ''}`;

  app.use((req, res, next) => {
    res.set({
      'Content-Security-Policy': "default-src 'self'; img-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      // No page passes its address to another site (the sign-in link carries its token); within
      // the dashboard the browser still names the page's origin, which a form post is checked by.
      'Referrer-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    const asked = req.query.lang;
    let lang: Lang = cookies(req)[LANG_COOKIE] === 'en' ? 'en' : cookies(req)[LANG_COOKIE] === 'zh-CN' ? 'zh-CN' : policy.language;
    if (asked === 'en' || asked === 'zh-CN') {
      lang = asked;
      res.append('Set-Cookie', `${LANG_COOKIE}=${lang}; Path=/; SameSite=Lax; Max-Age=31536000`);
    }
    res.locals.page = { texts, lang, path: req.originalUrl } satisfies PageContext;
    next();
  });

  const refuse = (res: Response, status: number, key: string) => res.status(status).type('html').send(renderRefusal(res.locals.page as PageContext, key));

  app.get('/assets/chart.umd.min.js', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400');
    res.sendFile(chartScript);
  });
  app.get('/assets/dashboard.js', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('application/javascript').send(DASHBOARD_SCRIPT);
  });

  app.get('/auth', async (req, res, next) => {
    try {
      const token = typeof req.query.token === 'string' ? req.query.token : '';
      const result = await auth.redeem(token);
      if (!result.ok) {
        log.info({ reason: result.reason }, 'dashboard sign-in refused');
        return void refuse(res, 403, `dash-link-${result.reason}`);
      }
      const { userId, name } = result.claims;
      const viewer = viewerOf(await services.staff.actorFor({ id: userId, firstName: name }), policy);
      if (!viewer) return void refuse(res, 403, 'dash-not-staff');
      res.append('Set-Cookie', `${SESSION_COOKIE}=${auth.issueSession({ userId, name })}; ${cookieFlags}; Max-Age=${Math.floor(auth.sessionLifetimeMs / 1000)}`);
      log.info({ userId, role: viewer.role }, 'dashboard signed in');
      res.redirect(303, '/');
    } catch (error) {
      next(error);
    }
  });

  app.get('/signout', (_req, res) => {
    res.append('Set-Cookie', `${SESSION_COOKIE}=; ${cookieFlags}; Max-Age=0`);
    refuse(res, 200, 'dash-signed-out');
  });

  // Everything below needs a session, and the role as the roster says now.
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const session = auth.session(cookies(req)[SESSION_COOKIE]);
      if (!session) return void refuse(res, 401, 'dash-signin-needed');
      const actor = await services.staff.actorFor({ id: session.userId, firstName: session.name });
      const viewer = viewerOf(actor, policy);
      if (!viewer) return void refuse(res, 403, 'dash-not-staff');
      (res.locals as Locals).viewer = viewer;
      (res.locals as Locals).actor = actor;
      (res.locals as Locals).page.viewer = viewer;
      next();
    } catch (error) {
      next(error);
    }
  });

  const wrap = (handler: (req: Request, res: Response, locals: Locals) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
    handler(req, res, res.locals as Locals).catch(next);
  const t = (l: Locals, key: string) => texts.t(l.page.lang, key);
  const pageNumber = (req: Request) => Math.max(0, Math.min(10_000, (Number(req.query.page) || 1) - 1));
  const categories = (lang: Lang) => policy.repairKinds.flatMap((k) => k.categories.map((c) => ({ id: `${k.id}/${c.id}`, name: `${k.name[lang]}·${c.name[lang]}` })));

  app.get('/', wrap(async (_req, res, l) => {
    const overview = await queries.overview(l.viewer);
    res.type('html').send(renderPage(l.page, t(l, 'dash-nav-overview'), renderOverview(l.page, overview, policy), { section: 'overview' }));
  }));

  app.get('/tickets', wrap(async (req, res, l) => {
    const filters = withDefaultPeriod(parseFilters(req.query as Record<string, unknown>), localDateKey(clock.now(), policy.timezone));
    const result = await queries.list(l.viewer, filters, pageNumber(req), settings.pageSize);
    const body = renderTicketList(l.page, result, filters, { policy, now: clock.now(), categories: categories(l.page.lang) });
    res.type('html').send(renderPage(l.page, t(l, 'dash-nav-tickets'), body, { section: 'tickets' }));
  }));

  app.get('/tickets.csv', wrap(async (req, res, l) => {
    const filters = withDefaultPeriod(parseFilters(req.query as Record<string, unknown>), localDateKey(clock.now(), policy.timezone));
    res.type('text/csv; charset=utf-8').attachment(`tickets-${localMonthKey(clock.now(), policy.timezone)}.csv`);
    res.write(ticketCsvHeader(texts, l.page.lang));
    for await (const batch of queries.all(l.viewer, filters)) res.write(ticketCsvRows(batch, policy, texts, l.page.lang));
    res.end();
  }));

  app.get('/tickets/:ref', wrap(async (req, res, l) => {
    const ticket = await tickets.load(String(req.params.ref));
    if (!ticket) return void refuse(res, 404, 'dash-not-found');
    if (!maySee(l.viewer, ticket)) {
      log.info({ userId: l.viewer.id, ref: ticket.ref }, 'dashboard ticket refused');
      return void refuse(res, 403, 'dash-forbidden');
    }
    const events = await tickets.events(ticket.ref);
    const notice = mayNotice(l.actor, ticket, policy) ? renderNoticeForm(l.page, ticket, noticeOutcomeOf(req.query.notice), policy.limits.maxTextLength) : '';
    res.type('html').send(renderPage(l.page, ticket.ref, renderTicketDetail(l.page, ticket, events, l.viewer, policy) + notice, { section: 'tickets' }));
  }));

  app.post('/tickets/:ref/notice', noticeBody, wrap(async (req, res, l) => {
    if (!sameOrigin(req)) return void refuse(res, 403, 'dash-forbidden');
    const ticket = await tickets.load(String(req.params.ref));
    if (!ticket) return void refuse(res, 404, 'dash-not-found');
    if (!maySee(l.viewer, ticket) || !mayNotice(l.actor, ticket, policy)) return void refuse(res, 403, 'dash-forbidden');
    const outcome = await postNotice(req, services, l.actor, ticket);
    res.redirect(303, `/tickets/${encodeURIComponent(ticket.ref)}?notice=${outcome}`);
  }));

  app.get('/media/:ref/:n', wrap(async (req, res, l) => {
    const ticket = await tickets.load(String(req.params.ref));
    if (!ticket) return void refuse(res, 404, 'dash-not-found');
    if (!maySee(l.viewer, ticket)) return void refuse(res, 403, 'dash-forbidden');
    const item = mediaOf(ticket, await tickets.events(ticket.ref))[Number(req.params.n)];
    if (!item) return void refuse(res, 404, 'dash-not-found');
    try {
      const file = await media.open(item.fileId);
      const fallback = item.type === 'photo' ? 'image/jpeg' : 'video/mp4';
      const type = file.contentType && !file.contentType.startsWith('application/octet-stream') ? file.contentType : fallback;
      res.set({ 'Content-Type': type, 'Cache-Control': 'private, max-age=3600', ...(file.length ? { 'Content-Length': String(file.length) } : {}) });
      Readable.fromWeb(file.body as import('node:stream/web').ReadableStream).pipe(res);
    } catch (error) {
      log.warn({ ref: ticket.ref, n: req.params.n, err: (error as Error).message }, 'dashboard media unavailable');
      res.status(502).end();
    }
  }));

  /** The month and department asked for, within what this reader may choose. */
  const figuresScope = (req: Request, viewer: Viewer) => {
    const thisMonth = localMonthKey(clock.now(), policy.timezone);
    const asked = typeof req.query.month === 'string' && isMonthKey(req.query.month) && req.query.month <= thisMonth ? req.query.month : thisMonth;
    const choices = viewer.role === 'manager' ? ['', ...viewer.departments] : [...viewer.departments, ''];
    const wanted = typeof req.query.department === 'string' ? req.query.department : undefined;
    const department = wanted !== undefined && choices.includes(wanted) ? wanted : choices[0];
    return { month: asked, department: department === '' ? undefined : department, choices };
  };

  app.get('/figures', wrap(async (req, res, l) => {
    if (!mayReadFigures(l.viewer)) return void refuse(res, 403, 'dash-figures-forbidden');
    const scope = figuresScope(req, l.viewer);
    // The trend runs up to the month shown.
    const months = [scope.month];
    while (months.length < TREND_MONTHS) months.unshift(previousMonth(months[0]));
    // One count per month's own facts, one after another (each scans only its month).
    const trend: { month: string; rows: Awaited<ReturnType<typeof countFacts>> }[] = [];
    for (const month of months) trend.push({ month, rows: await countFacts(facts, month) });
    const rows = trend[trend.length - 1].rows;
    const body = renderFiguresPage(l.page, { month: scope.month, department: scope.department, departments: scope.choices, rows, trend }, policy);
    res.type('html').send(renderPage(l.page, t(l, 'dash-nav-figures'), body, { section: 'figures', scripts: ['/assets/chart.umd.min.js', '/assets/dashboard.js'] }));
  }));

  app.get('/figures.csv', wrap(async (req, res, l) => {
    if (!mayReadFigures(l.viewer)) return void refuse(res, 403, 'dash-figures-forbidden');
    const scope = figuresScope(req, l.viewer);
    const view = await loadFiguresView(services, scope.month, scope.department ? [scope.department] : []);
    res.type('text/csv; charset=utf-8').attachment(`figures-${scope.month}.csv`).send(renderFiguresCsv(view, policy, texts, l.page.lang));
  }));

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    log.error({ err: error }, 'dashboard request failed');
    if (!res.headersSent) res.status(500).type('text/plain').send('internal error');
    else res.end();
  });
  return app;
}
