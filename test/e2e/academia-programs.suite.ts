import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, newContext, screenshot, serverAndBrowserOfFile, signInDemo } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)(
  'industry–academia programs, scholarships and anonymised students in the browser',
  () => {
    let server: RunningServer;
    let browser: Browser;

    serverAndBrowserOfFile((started) => ({ server, browser } = started));

    it('lists the seed’s programs, adds one from the form, and shows what hangs under a research line', async () => {
      const context = await newContext(browser, server.baseUrl);
      const page = await context.newPage();
      await signInDemo(page, 'academia.owner@steward.demo');
      await page.goto('/academia/programs');
      await page.getByRole('heading', { level: 2, name: 'Programs' }).waitFor();
      await page.getByRole('cell', { name: 'USI University' }).waitFor();
      await screenshot(page, 'academia-programs');

      await page.getByRole('button', { name: 'Add program' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add program' });
      await dialog.waitFor();
      await dialog.getByRole('textbox', { name: 'Code' }).fill('Company Visits');
      await dialog.getByRole('textbox', { name: 'Name (English)' }).fill('Company visits for high schools');
      await dialog.getByRole('textbox', { name: 'Name (Traditional Chinese)' }).fill('高中企業參訪');
      await dialog
        .getByRole('textbox', { name: /^Owners/ })
        .or(dialog.getByRole('combobox', { name: /^Owners/ }))
        .or(dialog.getByRole('searchbox', { name: /^Owners/ }))
        .first()
        .fill('Amy');
      await page
        .getByRole('option', { name: /Amy Wu/ })
        .first()
        .click();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('Lower-case letters, digits and _, starting with a letter (2–40)').waitFor();
      await dialog.getByRole('textbox', { name: 'Code' }).fill('company_visits');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: 'Company visits for high schools' }).waitFor();

      await page.getByRole('cell', { name: 'Research line: semiconductor assembly technology' }).click();
      await page.waitForURL((u) => /^\/academia\/programs\/[0-9a-f-]{36}$/.test(u.pathname));
      const projects = page.getByTestId('program-count-projects');
      await expect
        .poll(async () => Number((await projects.textContent())?.replace(/\D/g, '')))
        .toBeGreaterThan(0);
      await screenshot(page, 'academia-program');
      await context.close();
    });

    it('shows an anonymised student as such, in English and in Traditional Chinese', async () => {
      for (const [locale, badge, title] of [
        ['en', 'Anonymised', 'Interns'],
        ['zh-TW', '已去識別化', '實習生'],
      ] as const) {
        const context = await newContext(browser, server.baseUrl);
        const page = await context.newPage();
        await signInDemo(page, 'academia.owner@steward.demo', locale);
        await page.goto('/academia/interns');
        await page.getByRole('heading', { level: 2, name: title }).first().waitFor();
        // Oldest first: the 2014 cohort, past the retention schedule.
        const search = page.getByRole('textbox').first();
        await search.waitFor();
        await page
          .getByRole('button', { name: locale === 'en' ? 'Started' : '開始' })
          .first()
          .click();
        await page.getByText(badge).first().waitFor();
        await screenshot(page, `academia-interns-anonymised-${locale}`);
        if (locale === 'en') {
          // The group-wide program owner changes the schedule from the note.
          await page.getByText(/erased 10 years after/).waitFor();
          await page.getByRole('button', { name: 'Change', exact: true }).click();
          const dialog = page.getByRole('dialog', { name: "Retention of students' personal data" });
          await dialog.getByRole('textbox', { name: 'Years after the last period' }).fill('12');
          await dialog.getByRole('button', { name: 'Save' }).click();
          await dialog.waitFor({ state: 'detached' });
          await page.getByText(/erased 12 years after/).waitFor();
        }
        await context.close();
      }
    });

    it('awards a scholarship from the form, refuses a bad amount at the field, and corrects the award', async () => {
      const context = await newContext(browser, server.baseUrl);
      const page = await context.newPage();
      await signInDemo(page, 'academia.owner@steward.demo');
      await page.goto('/academia/scholarships');
      await page.getByRole('heading', { level: 2, name: 'Scholarships' }).waitFor();
      // The demo's 2022 awards, each with its amount in US dollars.
      await page.getByRole('cell', { name: /^USD / }).first().waitFor();

      await page.getByRole('button', { name: 'Award a scholarship' }).click();
      const dialog = page.getByRole('dialog', { name: 'Award a scholarship' });
      await dialog.waitFor();
      await choose(page, dialog, 'Site', /^K7|^ASE/);
      await dialog.getByRole('textbox', { name: 'Recipient' }).fill('Lin Hsiao-Wen');
      await choose(page, dialog, 'School or institute', 'National Cheng Kung University');
      await dialog
        .getByRole('textbox', { name: 'Scholarship', exact: true })
        .fill('Semiconductor college scholarship');
      await dialog.getByRole('textbox', { name: 'Awarded on' }).fill('2026-09-01');
      await dialog.getByRole('textbox', { name: 'Amount' }).fill('33,000.5x');
      await dialog.getByRole('textbox', { name: 'Currency' }).fill('USD');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('An amount such as 33000 or 33000.50, more than zero').waitFor();
      await dialog.getByRole('textbox', { name: 'Amount' }).fill('33,000');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page
        .getByRole('textbox', { name: /Search/ })
        .first()
        .fill('Hsiao-Wen');
      const row = page.getByRole('row', { name: /Lin Hsiao-Wen/ });
      await row.getByRole('cell', { name: 'USD 33,000.00' }).waitFor();
      await row.click();
      const edit = page.getByRole('dialog', { name: 'Correct the award' });
      await edit.getByRole('textbox', { name: 'Condition' }).fill('Completes the three-year program');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'detached' });
      await row.getByRole('cell', { name: 'Completes the three-year program' }).waitFor();
      await screenshot(page, 'academia-scholarships');
      await context.close();
    });
  },
);
