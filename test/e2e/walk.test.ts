import type { Browser, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_GUESTS, DEMO_PASSWORD, DEMO_USERS } from '../../reference/demo/users.ts';
import { en } from '../../web/src/platform/i18n/en.ts';
import { zhTW } from '../../web/src/platform/i18n/zh-TW.ts';
import { newContext, screenshot, serverAndBrowserForFile } from './support/browser.ts';
import { hasChromium, type RunningServer } from './support/server.ts';
import {
  collectStrings,
  findRawIdentifiers,
  type PageFinding,
  readPage,
  untranslatedWords,
} from './support/walk.ts';

/**
 * The walk: every demo role, in English and Traditional Chinese, opens every page of its navigation on the
 * demo dataset, as a new user would, and the test lists whatever such a user would object to: a page error,
 * a server error, a page without its heading or replaced by the error page, a word left in English on a
 * Chinese page, a raw identifier or code, text cut off without a tooltip, a list without rows. Screenshots of
 * every page are kept in test-results/screenshots/walk-*.
 *
 * `npm test` walks every role but the program owners in Traditional Chinese, where a word left in English shows as
 * well as every other problem; `npm run test:walk` walks every role in both languages;
 * `STEWARD_WALK=<email>,<email>` walks those in both.
 */
const LOCALES = ['en', 'zh-TW'] as const;
type Locale = (typeof LOCALES)[number];
const CI_LOCALES: readonly Locale[] = ['zh-TW'];
/** Every demo sign-in: the roles' and those of people outside the company (the external role). */
const PEOPLE = [
  ...DEMO_USERS.map((u) => ({
    email: u.email,
    label: `${u.role}${u.program ? `, ${u.program}` : ''}`,
    programOwner: u.role === 'program_owner',
  })),
  ...DEMO_GUESTS.map((g) => ({ email: g.email, label: 'outside the company', programOwner: false })),
];
/**
 * `npm test` leaves out the program owners: each sees a part of the group administrator's pages, on the same
 * group-wide data, and the five of them cost the suite three minutes. It also walks one site officer (of a
 * subsidiary's sites; the officer of one site has the same pages on less data) and not the Board, which reads
 * the pages the auditor reads but the users and the audit log (the last test of this file signs in as the Board,
 * in both languages). `npm run test:walk` walks everyone.
 */
const LEFT_TO_THE_FULL_WALK = new Set(['officer.kh@steward.demo', 'board@steward.demo']);
const walks: { user: (typeof PEOPLE)[number]; locale: Locale }[] = PEOPLE.flatMap((user) => {
  const chosen = process.env.STEWARD_WALK;
  const locales =
    chosen === 'all' || chosen?.split(',').includes(user.email)
      ? LOCALES
      : chosen || user.programOwner || LEFT_TO_THE_FULL_WALK.has(user.email)
        ? []
        : CI_LOCALES;
  return locales.map((locale) => ({ user, locale }));
});

/**
 * Personal lists (what was sent to me, falls due to me, was given to me, I reported): they have rows for the
 * demo employee, whose pages they are, and are empty for whoever received, owns or reported nothing: a group
 * administrator, the Board or a program owner reports no injuries himself. Every other list must show rows to
 * every role that can open it.
 */
const PERSONAL_LISTS = new Set([
  '/inbox',
  '/obligations',
  '/actions',
  '/ohs/my-reports',
  '/infosec/incidents',
  '/ip/my-disclosures',
]);
const emptyByDesign = (email: string, path: string) =>
  email !== 'employee@steward.demo' && PERSONAL_LISTS.has(path);

/** The title of the page shown in place of one that failed (web/src/platform/shell/ErrorPage.tsx). */
const ERROR_PAGE_TITLE: Record<Locale, string> = {
  en: en.errors.pageTitle,
  'zh-TW': zhTW.errors.pageTitle,
};

async function signInAs(page: Page, email: string, locale: Locale) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: locale === 'en' ? 'English' : '繁體中文' }).click();
  await page.getByLabel(locale === 'en' ? 'Email' : '電子郵件').fill(email);
  await page.getByRole('textbox', { name: locale === 'en' ? 'Password' : '密碼' }).fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('navigation').first().waitFor();
}

/** The pages of the navigation, as links (groups opened first, so that every link is in the page). */
async function navigationPages(page: Page): Promise<string[]> {
  const nav = page.locator('nav').first();
  const collapsed = nav.locator('[aria-expanded="false"]');
  for (let n = await collapsed.count(); n > 0; n = await collapsed.count()) await collapsed.first().click();
  const hrefs = await nav
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs)];
}

/**
 * Waits until no API request is in flight and no loader turns or skeleton row stands in for data (a list
 * shows skeletons between the navigation and its request), and it stays so over two frames: a page that has
 * just rendered asks for its data in an effect after the frame.
 */
async function settle(page: Page, inFlight: () => number) {
  const quiet = async () =>
    inFlight() === 0 &&
    (await page.locator('.mantine-Loader-root, .mantine-Skeleton-root, [data-loading="true"]').count()) === 0;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await quiet()) {
      await page.evaluate(
        () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
      );
      if (await quiet()) return;
    } else await page.waitForTimeout(100);
  }
}

describe.skipIf(!hasChromium)('a walk through every page, for every role, in both languages', () => {
  let server: RunningServer;
  let browser: Browser;
  serverAndBrowserForFile((started) => ({ server, browser } = started), {}, { demoScale: 0.01 });

  for (const { user, locale } of walks) {
    it(`${user.email} (${user.label}) in ${locale}`, async () => {
      const context = await newContext(browser, server.baseUrl, {
        locale: locale === 'en' ? 'en-US' : 'zh-TW',
      });
      const page = await context.newPage();
      const findings: PageFinding[] = [];
      let current = '/';
      // Requests in flight, by request: a request can end twice (its response, then a body cut short by the
      // next navigation), so a counter would drift.
      const inFlight = new Set<Request>();
      const dataWords = new Set<string>();
      page.on('pageerror', (error) =>
        findings.push({ page: current, problem: `page error: ${error.message}` }),
      );
      // API calls, and the code of a page loaded on its first visit (until it arrives the router shows the
      // previous page).
      page.on('request', (r) => {
        // A live stream (the alarms page's) stays open for as long as the page: it is never "in flight".
        if (r.resourceType() === 'eventsource') return;
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/api/') || path.startsWith('/assets/')) inFlight.add(r);
      });
      page.on('requestfinished', (r) => inFlight.delete(r));
      page.on('requestfailed', (r) => inFlight.delete(r));
      // Each answer's words are read as it arrives; a page's words are judged once every answer is read.
      const reading = new Set<Promise<void>>();
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (!url.pathname.startsWith('/api/')) return;
        const read = (async () => {
          try {
            if (response.status() >= 500)
              findings.push({ page: current, problem: `${response.status()} from ${url.pathname}` });
            if ((response.headers()['content-type'] ?? '').includes('json'))
              collectStrings(await response.json(), dataWords);
          } catch {
            // a body that went away with a navigation
          }
        })();
        reading.add(read);
        void read.finally(() => reading.delete(read));
      });

      await signInAs(page, user.email, locale);
      const pages = await navigationPages(page);
      expect(pages.length).toBeGreaterThan(1);
      for (const path of pages) {
        current = path;
        // Through the navigation, as a user moves: the app stays loaded between pages.
        const link = page.locator(`nav a[href="${path}"]`).first();
        if (await link.isVisible()) await link.click();
        else await page.goto(path);
        await page.waitForURL((url) => url.pathname === path);
        await settle(page, () => inFlight.size);
        // The page was shown: its heading (a level-2 heading on every page), not the page that says it could not be.
        if ((await page.getByRole('heading', { level: 2 }).count()) === 0)
          findings.push({ page: path, problem: 'no page heading (level 2)' });
        if ((await page.getByText(ERROR_PAGE_TITLE[locale], { exact: true }).count()) > 0)
          findings.push({ page: path, problem: 'the error page instead of the page' });
        const facts = await readPage(page);
        await Promise.all(reading);
        const slug = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
        await screenshot(page, `walk-${user.email.split('@')[0]}-${locale}-${slug}`, { fullPage: false });
        for (const problem of findRawIdentifiers(facts.text)) findings.push({ page: path, problem });
        if (locale === 'zh-TW') {
          const words = untranslatedWords(facts.text, dataWords);
          if (words.length)
            findings.push({ page: path, problem: `English on a Chinese page: ${words.join(', ')}` });
        }
        for (const text of facts.cutOff)
          findings.push({ page: path, problem: `cut off without a tooltip: "${text}"` });
        if (facts.emptyLists > 0 && !emptyByDesign(user.email, path))
          findings.push({ page: path, problem: `${facts.emptyLists} list(s) without rows` });
      }
      await context.close();
      expect(findings.map((f) => `${f.page}: ${f.problem}`).join('\n')).toBe('');
    });
  }

  it('shows the CISO office the Board report of 2023 from the demo’s rows, and hands over its PDF', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signInAs(page, 'infosec.owner@steward.demo', 'en');
    await page.goto('/infosec/board');
    await page.getByRole('combobox', { name: 'Year' }).click();
    await page.getByRole('option', { name: '2023', exact: true }).click();
    const figure = (section: string, key: string) => page.getByTestId(`board-figure-${section}-${key}`);
    // The seed's 2023 figures (infosec_2023 in the reference figures), as the API test checks them row by row.
    await expect
      .poll(() => figure('committee_meetings', 'meetings').textContent(), { timeout: 20_000 })
      .toBe('4');
    expect(await figure('material_incidents', 'material').textContent()).toBe('0');
    expect(await figure('drills', 'incidentDrills').textContent()).toBe('2');
    expect(await figure('csf', 'itSites').textContent()).toBe('25');
    expect(await figure('csf', 'otSites').textContent()).toBe('4');
    await screenshot(page, 'infosec-board-2023');
    const pdf = page.getByRole('link', { name: 'Download the 2023 report as PDF' });
    const href = (await pdf.getAttribute('href')) ?? '';
    expect(href).toContain('year=2023');
    const answer = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        head: String.fromCharCode(...bytes.slice(0, 5)),
      };
    }, href);
    expect(answer).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    await context.close();
  });

  it('shows the IP office the Board report of 2022 with the portfolio the API counts, and hands over its XLSX', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signInAs(page, 'ip.owner@steward.demo', 'en');
    await page.goto('/ip/board');
    await page.getByRole('combobox', { name: 'Year' }).click();
    await page.getByRole('option', { name: '2022', exact: true }).click();
    const figure = (section: string, key: string) => page.getByTestId(`board-figure-${section}-${key}`);
    const counts = await page.evaluate(async () => {
      const res = await fetch('/api/ip/portfolio/counts?asOf=2022-12-31');
      return (await res.json()) as { granted: number; pending: number };
    });
    expect(counts.granted).toBeGreaterThan(0);
    await expect
      .poll(() => figure('portfolio', 'granted').textContent(), { timeout: 20_000 })
      .toBe(new Intl.NumberFormat('en').format(counts.granted));
    expect(await figure('portfolio', 'pending').textContent()).toBe(
      new Intl.NumberFormat('en').format(counts.pending),
    );
    await screenshot(page, 'ip-board-2022');
    const xlsx = page.getByRole('link', { name: 'Download the 2022 report as XLSX' });
    const href = (await xlsx.getAttribute('href')) ?? '';
    expect(href).toContain('year=2022');
    const answer = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, head: String.fromCharCode(...bytes.slice(0, 2)) };
    }, href);
    expect(answer).toEqual({ status: 200, head: 'PK' });
    await context.close();
  });

  it('shows the Board the industry–academia report of 2022 with the figures the API gives, in English and Traditional Chinese', async () => {
    // The headline figures: the year's contribution, the research collaborations, the interns recruited.
    const headline = [
      ['contribution', 'total_usd'],
      ['contribution', 'total_twd'],
      ['research', 'active'],
      ['interns', 'recruited'],
    ] as const;
    for (const locale of LOCALES) {
      const context = await newContext(browser, server.baseUrl, {
        locale: locale === 'en' ? 'en-US' : 'zh-TW',
      });
      const page = await context.newPage();
      await signInAs(page, 'board@steward.demo', locale);
      // Through the navigation: a reload would bring back the language saved for the user.
      await navigationPages(page);
      await page.locator('nav a[href="/academia/board"]').first().click();
      await page
        .getByRole('heading', { level: 2, name: locale === 'en' ? 'Board report' : '董事會報告' })
        .waitFor();
      const answer = page.waitForResponse((r) => {
        const url = new URL(r.url());
        return url.pathname === '/api/academia/board/figures' && url.searchParams.get('year') === '2022';
      });
      await page.getByRole('combobox', { name: locale === 'en' ? 'Year' : '年度' }).click();
      await page.getByRole('option', { name: '2022', exact: true }).click();
      const response = await answer;
      expect(new URL(response.url()).searchParams.get('locale')).toBe(locale);
      const figures = (await response.json()) as {
        sections: {
          key: string;
          heading: string;
          figures: { key: string; label: string; value: number | null; unit?: string }[];
        }[];
      };
      const number = new Intl.NumberFormat(locale);
      for (const [sectionKey, figureKey] of headline) {
        const section = figures.sections.find((s) => s.key === sectionKey);
        const given = section?.figures.find((f) => f.key === figureKey);
        // The demo's 2022 has payments, projects and interns: a figure of 0 or none would prove nothing.
        expect(given?.value, `${sectionKey}.${figureKey}`).toBeGreaterThan(0);
        const card = page.getByTestId(`board-section-${sectionKey}`);
        await expect
          .poll(() => page.getByTestId(`board-figure-${sectionKey}-${figureKey}`).textContent(), {
            timeout: 20_000,
          })
          .toBe(`${number.format(given?.value ?? Number.NaN)}${given?.unit ? ` ${given.unit}` : ''}`);
        // In the page's language: the section's heading and the figure's label as the API words them.
        expect(await card.getByRole('heading').textContent()).toBe(section?.heading);
        await card
          .getByText(given?.label ?? '', { exact: true })
          .first()
          .waitFor();
      }
      const [contribution, research, interns] = ['contribution', 'research', 'interns'].map(
        (key) => figures.sections.find((s) => s.key === key)?.heading,
      );
      expect([contribution, research, interns]).toEqual(
        locale === 'en'
          ? ["The year's contribution", 'Research collaborations', 'Interns']
          : ['年度投入', '產學研究合作', '實習生'],
      );
      await screenshot(page, `academia-board-2022-${locale}`);
      await context.close();
    }
  });
});
