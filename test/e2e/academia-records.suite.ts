import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { partnerNamed } from './support/academia.ts';
import {
  callApi as call,
  choose,
  newContext,
  readInChinese,
  screenshot,
  serverAndBrowserOfFile,
  signIn,
} from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

/** Picks an option of a Mantine Select inside `scope` by its label. */
if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('the industry–academia program in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('creates a research project from the form, with a clear message for a bad field, and opens it', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    const _partner = await partnerNamed(page, {
      name: 'National Cheng Kung University',
      nameZh: '國立成功大學',
      country: 'TW',
      kind: 'university',
    });

    await page.goto('/academia/projects');
    await page.getByRole('heading', { level: 2, name: 'Research projects' }).waitFor();
    await page.getByRole('button', { name: 'New research project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New research project' });
    await dialog.waitFor();
    await choose(page, dialog, 'Site', /^K7/);
    await choose(page, dialog, 'School or institute', 'National Cheng Kung University');
    await dialog
      .getByRole('textbox', { name: 'Project title' })
      .fill('Optimisation of IIoT database middleware');
    await choose(page, dialog, 'Research line', 'Manufacturing automation');
    await choose(page, dialog, 'Status', 'Active');
    await dialog.getByRole('textbox', { name: 'Principal investigator' }).fill('Prof. Lin');
    await dialog.getByRole('textbox', { name: 'Starts' }).fill('2022-03-01');
    await dialog.getByRole('textbox', { name: 'Ends' }).fill('2022-12-31');
    await dialog.getByRole('textbox', { name: 'Project title' }).click();
    await dialog.getByRole('textbox', { name: 'Currency' }).fill('NT');
    await dialog.getByRole('textbox', { name: 'Budget for the start year' }).fill('1,500,000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // A currency that is not a three-letter code is named next to its field; nothing is saved.
    await dialog.getByText('A three-letter ISO 4217 code, e.g. TWD or USD').waitFor();
    await dialog.getByRole('textbox', { name: 'Currency' }).fill('TWD');
    await screenshot(page, 'academia-project-form');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.waitForURL((u) => /^\/academia\/projects\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('heading', { level: 2, name: 'Optimisation of IIoT database middleware' }).waitFor();
    const budget = page.getByRole('table', { name: 'Budget and spending by year' });
    await expect.poll(() => budget.textContent()).toContain('2022');
    expect(await budget.textContent()).toContain('1,500,000.00');
    await screenshot(page, 'academia-project');

    await page.goto('/academia/projects');
    await page.getByRole('cell', { name: 'Optimisation of IIoT database middleware' }).waitFor();
    await context.close();
  });
  it('proposes a former intern among new employees; the officer confirms and the conversion counts the hire', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    const partner = await partnerNamed(page, {
      name: 'National Kaohsiung University of Science and Technology',
      country: 'TW',
      kind: 'university',
    });
    const intern = await call(page, 'POST', '/api/academia/interns', {
      siteId: SITES.K7.id,
      partnerId: partner.json.id,
      fullName: 'Kuo Ya-Ting',
      email: 'ya-ting.kuo@nkust.edu.example',
      program: 'cooperative_education',
      startedOn: '2024-07-01',
      endedOn: '2024-08-31',
      outcome: 'completed',
    });
    expect(intern.status).toBe(201);

    // At the end of the internship, the mentor and the student each evaluate it.
    await page.goto('/academia/interns');
    await page.getByRole('heading', { level: 2, name: 'Interns' }).waitFor();
    for (const [by, rating, comments] of [
      ['Company mentor', '5', 'Careful with process data; would hire.'],
      ['Student', '4', 'Good mentoring; more shop-floor time next year.'],
    ]) {
      await page.getByRole('button', { name: 'Evaluations: Kuo Ya-Ting' }).click();
      const dialog = page.getByRole('dialog', { name: 'Evaluations of Kuo Ya-Ting' });
      await dialog.waitFor();
      await choose(page, dialog, 'By', by);
      await dialog.getByRole('textbox', { name: 'Evaluated on' }).fill('2024-08-30');
      await dialog.getByRole('textbox', { name: 'Comments' }).fill(comments);
      if (by === 'Company mentor') {
        // Without a rating nothing is saved, and the field says why.
        await dialog.getByRole('button', { name: 'Save' }).click();
        await dialog.getByText('Choose a rating from 1 to 5').waitFor();
      }
      await choose(page, dialog, 'Rating', rating);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.getByRole('button', { name: 'Evaluations: Kuo Ya-Ting' }).click();
    const evaluations = page.getByRole('table', { name: 'Evaluations so far' });
    await evaluations.getByRole('row', { name: /Company mentor.*5 of 5.*would hire/ }).waitFor();
    await evaluations.getByRole('row', { name: /Student.*4 of 5/ }).waitFor();
    await screenshot(page, 'academia-intern-evaluations');
    await page.keyboard.press('Escape');
    const saved = await call(page, 'GET', `/api/academia/interns/${intern.json.id}/evaluations`);
    expect(
      saved.json.items.map((e: { evaluator: string; rating: number }) => [e.evaluator, e.rating]),
    ).toEqual([
      ['mentor', 5],
      ['student', 4],
    ]);

    // A year later the former intern is hired.
    const employee = await call(page, 'POST', '/api/people/employees', {
      siteId: SITES.K7.id,
      employeeNo: 'K7-HIRE-1',
      fullName: 'Kuo Ya-Ting',
      email: 'Ya-Ting.Kuo@nkust.edu.example',
      department: 'Process engineering',
      hireDate: '2025-09-01',
    });
    expect(employee.status).toBe(201);

    await page.goto('/academia/interns');
    await page.getByRole('heading', { level: 2, name: 'Interns' }).waitFor();
    await page.getByRole('tab', { name: 'Proposed hires' }).click();
    await page.getByRole('button', { name: 'Look for matches now' }).click();
    await page.getByText(/new matches proposed: 1/).waitFor();
    const row = page.getByRole('row', { name: /Kuo Ya-Ting/ }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Same e-mail');
    await screenshot(page, 'academia-proposed-hires');
    await row.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Hire linked to the intern.').waitFor();
    const linked = await call(page, 'GET', `/api/academia/interns/${intern.json.id}`);
    expect(linked.json).toMatchObject({ hiredEmployeeId: employee.json.id, hiredOn: '2025-09-01' });

    await page.getByRole('tab', { name: 'Conversion' }).click();
    const byYear = page.getByRole('table', { name: 'By year' });
    await expect.poll(() => byYear.textContent()).toContain('2024');
    // The detail names the school from the report's list of schools.
    const detail = page.getByRole('table', { name: 'By school, program and site' });
    const schoolRow = detail.getByRole('row', {
      name: /National Kaohsiung University of Science and Technology/,
    });
    expect(await schoolRow.first().textContent()).toContain('2024');
    await screenshot(page, 'academia-conversion');

    // The evaluations in Traditional Chinese.
    await readInChinese(page);
    await page.goto('/academia/interns');
    await page.getByRole('button', { name: '評核: Kuo Ya-Ting' }).click();
    const zh = page.getByRole('dialog', { name: 'Kuo Ya-Ting 的評核' });
    await zh.getByRole('row', { name: /企業導師.*5 \/ 5/ }).waitFor();
    await zh.getByText('評核日期').waitFor();
    await screenshot(page, 'academia-intern-evaluations-zh');
    await context.close();

    // An auditor reads the evaluations and can add none.
    const auditorContext = await newContext(browser, server.baseUrl);
    const auditorPage = await auditorContext.newPage();
    await signIn(auditorPage, 'auditor');
    await auditorPage.goto('/academia/interns');
    await auditorPage.getByRole('button', { name: 'Evaluations: Kuo Ya-Ting' }).click();
    const readOnly = auditorPage.getByRole('dialog', { name: 'Evaluations of Kuo Ya-Ting' });
    await readOnly.getByRole('row', { name: /Company mentor.*5 of 5/ }).waitFor();
    expect(await readOnly.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await auditorContext.close();
  });
});
