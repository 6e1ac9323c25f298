// The benchmark's browser pass: Chromium, signed in as a manager and as a rep, loads /leads and
// /dashboard and changes filters on /leads, timing what a person sees. Every time is taken inside
// the page with performance.now() (0 = navigation start; for a filter change, the click's or
// change's event.timeStamp), at the first animation frame in which the awaited state is in the DOM:
// a frame is only rendered once the page's stylesheets are in, so that frame is the one that
// paints it.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { LEAD_SOURCES, LEAD_STATUSES, SOURCE_LABELS, STATUS_LABELS } from '@/lib/marketplace/vocabulary';
import { summarise, type Summary } from './http';

export type BrowserSampling = { warmup: number; runs: number; filterChanges: number };

/** One page's loads: the cold first warm-up, then the measured runs and where their time went. */
export type NavigationFigures = {
  path: string;
  /** The first load in a fresh browser context (empty cache), not in the summaries. */
  coldMs: number;
  /** Navigation start to the awaited state painted. */
  total: Summary;
  /** Navigation start to the HTML's first byte: the server's render. */
  ttfb: Summary;
  /** Navigation start to DOMContentLoaded. */
  domContentLoaded: Summary;
  /** The main thread's long tasks (over 50 ms) before the state was painted, added up. */
  longTasks: Summary;
};

export type DashboardFigures = NavigationFigures & {
  /** Navigation start to the last GET /api/dashboard/{panel} answer received. */
  panelsAnswered: Summary;
  /** Panel cards and charts seen drawn in the last run. */
  cards: number;
  charts: number;
};

export type FilterFigures = {
  changes: number;
  steps: string[];
  total: Summary;
  /** The main thread's long tasks between the event and the new rows painted, added up. */
  longTasks: Summary;
};

export type BrowserResult = {
  chromium: string;
  viewport: string;
  sampling: BrowserSampling;
  leads: NavigationFigures | null;
  queue: NavigationFigures | null;
  dashboard: DashboardFigures | null;
  filter: FilterFigures | null;
  /** Why the pass stopped early (a timeout, a sign-in that failed), or null. */
  error: string | null;
};

export type BrowserAccount = { email: string; password: string };

/** Debian's Chromium (or CHROMIUM_PATH); Playwright's own build where neither exists. */
export const chromiumPath = (): string | undefined =>
  process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const WAIT_MS = 30_000;

/**
 * Runs in every document before the page's own scripts (as a string: tsx's helpers would not
 * survive serialising a function). Polls once per animation frame; on /dashboard for every panel
 * drawn, elsewhere for the first lead row; and, when armed, for a filter change to settle.
 */
const PAGE_SCRIPT = String.raw`(() => {
  if (window.__bench) return;
  // A lead row: a data-lead-row element, or a table row that links to a lead.
  const ROWS = '[data-lead-row], table tbody tr:has(a[href^="/leads/"])';
  const rowKey = (row) =>
    row.getAttribute('data-lead-row') ||
    (row.querySelector('a[href^="/leads/"]')?.getAttribute('href') ?? '').split('?')[0];
  const signature = () => Array.from(document.querySelectorAll(ROWS), rowKey).join(' ');
  const bench = { marks: {}, dashboard: null, armed: false, start: null, pending: null };
  Object.defineProperty(window, '__bench', { value: bench });

  // Long tasks, to tell the page's own work (parsing, hydrating, drawing) from waiting on the server.
  const tasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.startTime + entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  bench.busy = (from, to) =>
    tasks.reduce((sum, [start, end]) => sum + Math.max(0, Math.min(end, to) - Math.max(start, from)), 0);

  // Drawn: every panel card has its answer (not aria-busy, no loading status left, no error) and
  // every chart figure in it has its recharts SVG surface laid out.
  const dashboardState = () => {
    const cards = document.querySelectorAll('[data-panel-card]');
    if (cards.length === 0) return null;
    let charts = 0;
    for (const card of cards) {
      if (card.querySelector('[role="alert"]')) return { error: 'panel "' + card.getAttribute('data-panel-card') + '" shows an error' };
      if (card.getAttribute('aria-busy') === 'true' || card.querySelector('[role="status"]')) return null;
      for (const figure of card.querySelectorAll('figure')) {
        const surface = figure.querySelector('svg.recharts-surface');
        if (!surface || surface.getBoundingClientRect().width === 0) return null;
        charts += 1;
      }
    }
    return { cards: cards.length, charts };
  };

  const began = performance.now();
  const onDashboard = location.pathname.startsWith('/dashboard');
  const tick = () => {
    const now = performance.now();
    if (onDashboard) {
      const state = dashboardState();
      if (state) {
        bench.marks.dashboard = now;
        bench.dashboard = state;
        return;
      }
    } else if (document.querySelector(ROWS)) {
      bench.marks.rows = now;
      return;
    }
    if (now - began < ${WAIT_MS}) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  // The next click, input or change starts the clock.
  for (const type of ['click', 'input', 'change']) {
    window.addEventListener(type, (event) => {
      if (!bench.armed) return;
      bench.armed = false;
      bench.start = event.timeStamp;
    }, true);
  }
  // Settled: the address bar holds the new filter, nothing is aria-busy, and the rows differ.
  bench.arm = (key, value) => {
    const before = signature();
    bench.armed = true;
    bench.start = null;
    bench.pending = new Promise((resolve) => {
      const armedAt = performance.now();
      const check = () => {
        const now = performance.now();
        const rows = signature();
        if (
          bench.start !== null &&
          new URLSearchParams(location.search).get(key) === value &&
          !document.querySelector('[aria-busy="true"]') &&
          rows !== '' &&
          rows !== before
        ) return resolve({ ms: now - bench.start, from: bench.start, to: now });
        if (now - armedAt > ${WAIT_MS}) return resolve({ error: 'no new rows for ' + key + '=' + value + ' within ${WAIT_MS / 1000} s' });
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  };
})();`;

type Mark = 'rows' | 'dashboard';
type Load = { total: number; ttfb: number; domContentLoaded: number; panelsAnswered: number; longTasks: number };

/** One load of `path` from a blank page; the time to `mark`, and the navigation's own timings. */
async function load(page: Page, path: string, mark: Mark): Promise<Load> {
  await page.goto('about:blank');
  await page.goto(path, { waitUntil: 'commit' });
  const landed = new URL(page.url());
  if (landed.pathname !== path) throw new Error(`${path} led to ${landed.pathname} (signed out?)`);
  const handle = await page.waitForFunction(
    `(() => {
      const bench = window.__bench;
      if (!bench) return null;
      if (bench.dashboard && bench.dashboard.error) return { error: bench.dashboard.error };
      const at = bench.marks[${JSON.stringify(mark)}];
      if (at === undefined) return null;
      const nav = performance.getEntriesByType('navigation')[0];
      const panels = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/api/dashboard/'))
        .map((entry) => entry.responseEnd);
      return {
        total: at,
        ttfb: nav.responseStart,
        domContentLoaded: nav.domContentLoadedEventEnd,
        panelsAnswered: Math.max(0, ...panels),
        longTasks: bench.busy(0, at),
      };
    })()`,
    undefined,
    { timeout: WAIT_MS, polling: 50 },
  );
  const value = (await handle.jsonValue()) as Load | { error: string };
  if ('error' in value) throw new Error(`${path}: ${value.error}`);
  return value;
}

async function measurePage(
  page: Page,
  path: string,
  mark: Mark,
  sampling: BrowserSampling,
): Promise<{ figures: NavigationFigures; loads: Load[] }> {
  let coldMs = NaN;
  for (let i = 0; i < sampling.warmup; i++) {
    const warm = await load(page, path, mark);
    if (i === 0) coldMs = Math.round(warm.total);
  }
  const loads: Load[] = [];
  for (let i = 0; i < sampling.runs; i++) {
    const measured = await load(page, path, mark);
    // The long tasks of the last frames arrive after the mark, and a streamed page can paint its
    // rows before DOMContentLoaded: read both once the page has settled.
    await page.waitForLoadState('domcontentloaded');
    await page.waitForTimeout(100);
    const late = (await page.evaluate(
      `({ longTasks: window.__bench.busy(0, ${measured.total}), domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd })`,
    )) as Pick<Load, 'longTasks' | 'domContentLoaded'>;
    loads.push({ ...measured, ...late });
  }
  return {
    figures: {
      path,
      coldMs,
      total: summarise(loads.map((l) => l.total)),
      ttfb: summarise(loads.map((l) => l.ttfb)),
      domContentLoaded: summarise(loads.map((l) => l.domContentLoaded)),
      longTasks: summarise(loads.map((l) => l.longTasks)),
    },
    loads,
  };
}

type FilterStep = { label: string; key: string; value: string; apply: (page: Page) => Promise<void> };

/**
 * Filter changes through the controls a person uses, in a cycle where each step swaps one filter
 * for another value of it, so the new rows can never be the old ones (a lead has one status and
 * one source).
 */
function filterSteps(): FilterStep[] {
  const status = (value: (typeof LEAD_STATUSES)[number]): FilterStep => ({
    label: `status chip "${STATUS_LABELS[value]}"`,
    key: 'status',
    value,
    apply: (page) =>
      page
        .getByRole('group', { name: 'Status' })
        .getByRole('button', { name: new RegExp(`^${STATUS_LABELS[value]}\\b`) })
        .click(),
  });
  const source = (value: (typeof LEAD_SOURCES)[number]): FilterStep => ({
    label: `source "${SOURCE_LABELS[value]}"`,
    key: 'source',
    value,
    // By role: the label wraps the select, so its text includes every option's.
    apply: async (page) => void (await page.getByRole('combobox', { name: 'Source', exact: true }).selectOption(value)),
  });
  return [status('contacted'), source('SPZA'), status('qualified'), source('AzureMarketplace')];
}

async function measureFilters(page: Page, sampling: BrowserSampling): Promise<FilterFigures> {
  await load(page, '/leads', 'rows');
  // Rows painted is not hydrated: wait until the page answers clicks (nothing busy, idle network).
  await page.waitForLoadState('networkidle');
  const steps = filterSteps();
  const times: number[] = [];
  const busy: number[] = [];
  for (let i = 0; i < sampling.warmup + sampling.filterChanges; i++) {
    const step = steps[i % steps.length]!;
    await page.evaluate(`window.__bench.arm(${JSON.stringify(step.key)}, ${JSON.stringify(step.value)})`);
    await step.apply(page);
    const outcome = (await page.evaluate('window.__bench.pending')) as
      { ms: number; from: number; to: number } | { error: string };
    if ('error' in outcome) throw new Error(`filter change (${step.label}): ${outcome.error}`);
    // A person does not click again within the same frame; let prefetches and effects finish.
    await page.waitForTimeout(250);
    if (i < sampling.warmup) continue;
    times.push(outcome.ms);
    busy.push((await page.evaluate(`window.__bench.busy(${outcome.from}, ${outcome.to})`)) as number);
  }
  return {
    changes: times.length,
    steps: steps.map((step) => step.label),
    total: summarise(times),
    longTasks: summarise(busy),
  };
}

async function signedInContext(browser: Browser, baseUrl: string, account: BrowserAccount): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1366, height: 900 },
    colorScheme: 'light',
  });
  // better-auth's sign-in endpoint, on the context's own request client: the session cookie it
  // sets is the browser's from then on.
  const response = await context.request.post('/api/auth/sign-in/email', {
    data: account,
    headers: { origin: baseUrl },
  });
  if (!response.ok()) throw new Error(`sign-in as ${account.email} answered ${response.status()}`);
  await context.addInitScript(PAGE_SCRIPT);
  return context;
}

export async function browserPass(options: {
  baseUrl: string;
  manager: BrowserAccount;
  rep: BrowserAccount;
  sampling: BrowserSampling;
  log: (line: string) => void;
}): Promise<BrowserResult> {
  const { baseUrl, sampling, log } = options;
  const result: BrowserResult = {
    chromium: 'not started',
    viewport: '1366×900',
    sampling,
    leads: null,
    queue: null,
    dashboard: null,
    filter: null,
    error: null,
  };
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    result.chromium = browser.version();
    const manager = await signedInContext(browser, baseUrl, options.manager);
    const rep = await signedInContext(browser, baseUrl, options.rep);
    const managerPage = await manager.newPage();
    const repPage = await rep.newPage();
    const line = (what: string, figures: NavigationFigures) =>
      log(
        `  ${what}: median ${figures.total.median} ms, p95 ${figures.total.p95} ms (cold ${figures.coldMs} ms, server ${figures.ttfb.median} ms)`,
      );

    result.leads = (await measurePage(managerPage, '/leads', 'rows', sampling)).figures;
    line('/leads (manager, All leads) first rows', result.leads);
    result.queue = (await measurePage(repPage, '/leads', 'rows', sampling)).figures;
    line('/leads (rep, My queue) first rows', result.queue);
    const dashboard = await measurePage(managerPage, '/dashboard', 'dashboard', sampling);
    const drawn = (await managerPage.evaluate('window.__bench.dashboard')) as { cards: number; charts: number };
    result.dashboard = {
      ...dashboard.figures,
      panelsAnswered: summarise(dashboard.loads.map((l) => l.panelsAnswered)),
      ...drawn,
    };
    line(`/dashboard all ${drawn.cards} panels drawn (${drawn.charts} charts)`, result.dashboard);
    result.filter = await measureFilters(managerPage, sampling);
    log(
      `  filter change on /leads: median ${result.filter.total.median} ms, p95 ${result.filter.total.p95} ms over ${result.filter.changes}`,
    );
  } catch (error) {
    result.error = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    log(`  browser pass stopped: ${result.error}`);
  } finally {
    await browser?.close();
  }
  return result;
}
