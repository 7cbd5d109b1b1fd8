import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { partnerNamed } from './support/academia.ts';
import {
  callApi as call,
  choose,
  newContext,
  poll,
  screenshot,
  serverAndBrowserOfFile,
  signIn,
} from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('internship cooperation and cohorts in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('records a placement from the form, refuses implausible hours at the field, and counts it in the year', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    const _partner = await partnerNamed(page, {
      name: 'National Chi Nan University',
      country: 'TW',
      kind: 'university',
    });

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

  const importWords = {
    en: {
      tab: 'Internship cooperation',
      import: 'Import placements',
      upload: 'Upload',
      columns: 'Columns',
      suggested: 'Suggested',
      check: 'Check every row',
      siteCode: 'Site code',
      outside: 'No site ZZ whose placements you manage',
      corrected: 'Upload a corrected file',
      commit: 'Import 2 rows',
      year: 'Year',
    },
    'zh-TW': {
      tab: '產學實習合作',
      import: '匯入實習合作',
      upload: '上傳',
      columns: '欄位',
      suggested: '建議',
      check: '檢查所有資料列',
      siteCode: '廠區代碼',
      outside: '在您可管理實習合作的廠區中，查無廠區 ZZ',
      corrected: '上傳修正後的檔案',
      commit: '匯入 2 列',
      year: '年度',
    },
  } as const;

  it.each([
    ['en', 2019, 'Feng Chia University'],
    ['zh-TW', 2018, 'Tunghai University'],
  ] as const)(
    'imports placements from a CSV on the placements page, all or nothing, and the year’s figure moves (%s)',
    async (locale, year, school) => {
      const w = importWords[locale];
      const context = await newContext(browser, server.baseUrl);
      const page = await context.newPage();
      await signIn(page, 'groupAdmin');
      const _partner = await partnerNamed(page, {
        name: school,
        country: 'TW',
        kind: 'university',
      });
      const figuresOfYear = async () =>
        (await call(page, 'GET', `/api/academia/placements/figures?year=${year}`)).json;
      expect(await figuresOfYear()).toMatchObject({ placements: 0, students: 0 });
      if (locale === 'zh-TW') {
        expect((await call(page, 'PUT', '/api/auth/preferences', { locale })).status).toBeLessThan(300);
        await page.evaluate(() => localStorage.setItem('steward.locale', 'zh-TW'));
      }

      // The user's language is kept on the server: the other tests sign in as this user in English.
      try {
        await page.goto('/academia/interns');
        await page.getByRole('tab', { name: w.tab }).click();
        await page.getByRole('button', { name: w.import }).click();
        const dialog = page.getByRole('dialog', { name: w.import });
        await dialog.waitFor();
        const header = 'Site code,School,Term or class,Starts,Ends,Students,Participation hours';
        const rows = [
          `K7,${school},${year} Summer,${year}-07-01,${year}-08-23,30,9600`,
          `TC,${school},${year} Autumn,${year}-09-09,${year}-12-27,12,3000`,
        ];
        const file = dialog.locator('input[type=file]');
        await file.setInputFiles({
          name: 'placements-with-errors.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(
            `${header}\n${rows[0]}\nZZ,${school},${year} Winter,${year}-01-20,${year}-02-07,5,400\n`,
          ),
        });
        await dialog.getByRole('button', { name: w.upload, exact: true }).click();
        const mapping = dialog.getByRole('table', { name: w.columns });
        await mapping.waitFor();
        await poll(() => mapping.getByText(w.suggested).count()).toBe(7);
        await dialog.getByRole('button', { name: w.check, exact: true }).click();
        const progress = dialog.getByTestId('import-progress');
        await poll(() => progress.getAttribute('data-status')).toBe('invalid');
        // Row 3 of the file (the header is row 1): its site is named, in the reader's language.
        const errors = dialog.getByTestId('import-errors').locator('tbody tr');
        await poll(() => errors.count()).toBe(1);
        // The column by its name in the reader's language, then the file's own header.
        expect(await errors.locator('td').allInnerTexts()).toEqual([
          '3',
          `${w.siteCode} (Site code)`,
          w.outside,
        ]);
        await screenshot(page, `academia-placements-import-errors-${locale}`);
        expect(await figuresOfYear()).toMatchObject({ placements: 0, students: 0 });

        await dialog.getByRole('button', { name: w.corrected }).click();
        await file.setInputFiles({
          name: 'placements.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(`${header}\n${rows.join('\n')}\n`),
        });
        await dialog.getByRole('button', { name: w.upload, exact: true }).click();
        await dialog.getByRole('button', { name: w.check, exact: true }).click();
        await poll(() => progress.getAttribute('data-status')).toBe('valid');
        await dialog.getByRole('button', { name: w.commit, exact: true }).click();
        await poll(() => progress.getAttribute('data-status')).toBe('done');
        await screenshot(page, `academia-placements-import-done-${locale}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });

        // The year's figure on the page: 42 students and 12,600 hours, at the sites of both subsidiaries.
        const figures = page.getByTestId('academia-placement-figures');
        await figures.getByRole('textbox', { name: w.year }).fill(String(year));
        const total = figures.getByRole('row').last();
        await poll(async () => (await total.locator('td').allInnerTexts()).slice(1)).toEqual([
          '2',
          '42',
          '12,600',
        ]);
        expect(await figuresOfYear()).toMatchObject({
          placements: 2,
          students: 42,
          participationHours: 12_600,
        });
      } finally {
        if (locale !== 'en') await call(page, 'PUT', '/api/auth/preferences', { locale: 'en' });
      }
      await context.close();
    },
  );

  it('shows a year’s cohort by institute with its sponsored students, in English and Traditional Chinese', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    const partner = await partnerNamed(page, {
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
