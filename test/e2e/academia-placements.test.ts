import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { callApi as call, choose, launchBrowser, newContext, screenshot, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE, startServer } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('internship cooperation and cohorts in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records a placement from the form, refuses implausible hours at the field, and counts it in the year', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    const partner = await call(page, 'POST', '/api/academia/partners', {
      name: 'National Chi Nan University',
      country: 'TW',
      kind: 'university',
    });
    expect(partner.status).toBe(201);

    await page.goto('/academia/interns');
    await page.getByRole('heading', { level: 2, name: 'Interns' }).waitFor();
    await page.getByRole('tab', { name: 'Internship cooperation' }).click();
    await page.getByRole('button', { name: 'Record a placement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a placement' });
    await dialog.waitFor();
    await choose(page, dialog, 'Site', /^K7/);
    await choose(page, dialog, 'School or institute', 'National Chi Nan University');
    await dialog
      .getByRole('textbox', { name: 'Term or class' })
      .fill('2022 Summer – Dept. of Electrical Engineering');
    await dialog.getByRole('textbox', { name: 'Starts' }).fill('2022-07-04');
    await dialog.getByRole('textbox', { name: 'Ends' }).fill('2022-07-05');
    await dialog.getByRole('textbox', { name: 'Term or class' }).click();
    await dialog.getByRole('textbox', { name: 'Students' }).fill('30');
    // 30 students over two days: at most 720 hours.
    await dialog.getByRole('textbox', { name: 'Participation hours' }).fill('7200');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('At most 720').first().waitFor();
    await dialog.getByRole('textbox', { name: 'Participation hours' }).fill('480');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    const figures = page.getByTestId('academia-placement-figures');
    await figures.getByRole('textbox', { name: 'Year' }).fill('2022');
    await figures.getByRole('cell', { name: '480' }).first().waitFor();
    await page.getByRole('cell', { name: '2022 Summer – Dept. of Electrical Engineering' }).waitFor();
    await screenshot(page, 'academia-placements');
    const listed = await call(page, 'GET', '/api/academia/placements/figures?year=2022');
    expect(listed.json).toMatchObject({ placements: 1, students: 30, participationHours: 480 });
    await context.close();
  });

  it('shows a year’s cohort by institute with its sponsored students, in English and Traditional Chinese', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    const partner = await call(page, 'POST', '/api/academia/partners', {
      name: 'National Sun Yat-sen University',
      nameZh: '國立中山大學',
      country: 'TW',
      kind: 'university',
    });
    for (const [n, sponsored] of [
      [1, true],
      [2, false],
    ] as const) {
      const created = await call(page, 'POST', '/api/academia/interns', {
        siteId: SITES.K7.id,
        partnerId: partner.json.id,
        fullName: `Cohort student ${n}`,
        program: 'nsysu_college',
        institute: 'advanced_packaging_testing',
        sponsored,
        studyStartedOn: '2022-09-01',
        studyEndedOn: '2023-06-30',
        startedOn: '2023-07-01',
        endedOn: '2025-06-30',
      });
      expect(created.status).toBe(201);
    }
    await page.goto('/academia/interns');
    await page.getByRole('tab', { name: 'Cohorts' }).click();
    const figures = page.getByTestId('academia-cohort-figures');
    await figures.getByRole('textbox', { name: 'Cohort year' }).fill('2022');
    const row = figures.getByRole('row', {
      name: /Institute of Advanced Semiconductor Packaging and Testing/,
    });
    await expect.poll(async () => (await row.allInnerTexts()).join(' ')).toMatch(/2\s+1$/);
    await page.getByRole('cell', { name: 'Cohort student 1' }).waitFor();
    await screenshot(page, 'academia-cohorts');

    await call(page, 'PUT', '/api/auth/preferences', { locale: 'zh-TW' });
    await page.evaluate(() => localStorage.setItem('steward.locale', 'zh-TW'));
    await page.reload();
    await page.getByRole('tab', { name: '學程梯次' }).click();
    const zh = page.getByTestId('academia-cohort-figures');
    await zh.getByRole('textbox', { name: '梯次年度' }).fill('2022');
    await zh.getByRole('cell', { name: '先進半導體封裝與測試研究所' }).waitFor();
    await screenshot(page, 'academia-cohorts-zh-TW');
    await context.close();
  });
});
