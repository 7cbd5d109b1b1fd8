import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
import { fillDisclosure } from './support/ip.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

async function researchUsdCents(page: Page, year: number) {
  const res = await call(page, 'GET', `/api/academia/contribution?year=${year}`);
  expect(res.status).toBe(200);
  return {
    total: res.json.totalUsdCents as number,
    research: res.json.researchUsdCents as number,
  };
}

const TITLE = 'Warpage control of large fan-out panels';

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('a research project walked in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('goes from proposal to final report with payments in TWD and USD and an invention disclosure', async () => {
    const errors: string[] = [];
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'groupAdmin');
    // Set-up the walk does not cover: the school, and the dated rates the program owner maintains (the rate
    // changes mid-year, so each payment must convert at the rate of its own date).
    const _partner = await partnerNamed(page, {
      name: 'National Sun Yat-sen University',
      nameZh: '國立中山大學',
      country: 'TW',
      kind: 'university',
    });
    for (const rate of [
      { currency: 'TWD', validFrom: '2025-01-01', perUsd: '30' },
      { currency: 'TWD', validFrom: '2025-07-01', perUsd: '32' },
    ]) {
      expect((await call(page, 'POST', '/api/academia/exchange-rates', rate)).status).toBe(201);
    }
    const before = await researchUsdCents(page, 2025);

    // The proposal.
    await page.goto('/academia/projects');
    await page.getByRole('heading', { level: 2, name: 'Research projects' }).waitFor();
    await page.getByRole('button', { name: 'New research project' }).click();
    const form = page.getByRole('dialog', { name: 'New research project' });
    await choose(page, form, 'Site', /^K7/);
    await choose(page, form, 'School or institute', 'National Sun Yat-sen University');
    await form.getByRole('textbox', { name: 'Project title' }).fill(TITLE);
    await choose(page, form, 'Research line', 'Packaging technology');
    await form.getByRole('textbox', { name: 'Principal investigator' }).fill('Prof. Huang');
    await form.getByRole('textbox', { name: 'Starts' }).fill('2025-02-01');
    await form.getByRole('textbox', { name: 'Ends' }).fill('2025-12-31');
    await form.getByRole('textbox', { name: 'Project title' }).click();
    await form.getByRole('textbox', { name: 'Budget for the start year' }).fill('600,000');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page.waitForURL((u) => /^\/academia\/projects\/[0-9a-f-]{36}$/.test(u.pathname));
    const projectPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    await page.getByText('Proposal', { exact: true }).waitFor();

    // The contract's milestones and instalments, the review first.
    const milestones = page.getByRole('table', { name: 'Milestones' });
    for (const [title, due] of [
      ['Proposal review', '2025-02-15'],
      ['First instalment', '2025-03-15'],
      ['Second instalment', '2025-09-01'],
      ['Final report', '2025-12-31'],
    ]) {
      await page.getByRole('button', { name: 'Add milestone' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add milestone' });
      await dialog.getByRole('textbox', { name: 'Milestone or instalment' }).fill(title);
      await dialog.getByRole('textbox', { name: 'Due' }).fill(due);
      await dialog.getByRole('textbox', { name: 'Milestone or instalment' }).click();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await milestones.getByRole('cell', { name: title, exact: true }).waitFor();
    }
    // Marked done on the day of the review, not today; the others on the day they are marked.
    const markDone = async (title: string, day?: string) => {
      await page.getByRole('button', { name: `Mark done: ${title}` }).click();
      const popover = page
        .getByRole('dialog')
        .filter({ has: page.getByRole('textbox', { name: 'Done on' }) });
      if (day === 'calendar') {
        // Picked in the calendar: the first day of this month, a click inside the dialog that keeps it open.
        await popover.getByRole('textbox', { name: 'Done on' }).click();
        await popover.locator('table button').filter({ hasText: /^1$/ }).first().click();
      } else if (day) await popover.getByRole('textbox', { name: 'Done on' }).fill(day);
      await popover.getByRole('button', { name: 'Mark done', exact: true }).click();
      await popover.waitFor({ state: 'detached' });
    };
    await markDone('Proposal review', '2025-02-20');
    await milestones
      .getByRole('row', { name: /Proposal review/ })
      .getByText('Done 2025-02-20')
      .waitFor();

    // Reviewed: the contract starts.
    await page.getByRole('button', { name: 'Edit research project' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit research project' });
    await choose(page, edit, 'Status', 'Active');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByText('Active', { exact: true }).waitFor();

    // The two instalments: one in NT$, one in US$; a bad amount is named next to its field.
    await page.getByRole('button', { name: 'Record payment' }).click();
    let pay = page.getByRole('dialog', { name: 'Record payment' });
    await pay.getByRole('textbox', { name: 'Paid on' }).fill('2025-03-15');
    await pay.getByRole('textbox', { name: 'Amount' }).fill('three hundred');
    await pay.getByRole('button', { name: 'Save' }).click();
    await pay.getByText('An amount above zero, e.g. 250,000 or 12,500.50').waitFor();
    await pay.getByRole('textbox', { name: 'Amount' }).fill('300,000');
    await screenshot(page, 'academia-payment-form');
    await pay.getByRole('button', { name: 'Save' }).click();
    await pay.waitFor({ state: 'detached' });
    await markDone('First instalment');

    await page.getByRole('button', { name: 'Record payment' }).click();
    pay = page.getByRole('dialog', { name: 'Record payment' });
    await pay.getByRole('textbox', { name: 'Paid on' }).fill('2025-09-01');
    await pay.getByRole('textbox', { name: 'Amount' }).fill('5000');
    await pay.getByRole('textbox', { name: 'Currency' }).fill('USD');
    await pay.getByRole('button', { name: 'Save' }).click();
    await pay.waitFor({ state: 'detached' });
    await markDone('Second instalment');
    const payments = page.getByRole('table', { name: 'Payments' });
    await payments.getByText('TWD 300,000.00').waitFor();
    await payments.getByText('USD 5,000.00').waitFor();
    // Spent in the project's currency: NT$300,000 plus US$5,000 at 32 on 1 September.
    const budget = page.getByRole('table', { name: 'Budget and spending by year' });
    await expect.poll(() => budget.textContent()).toContain('460,000.00');

    // The final report arrives, is marked done too soon and reopened, then done on the day it came.
    await markDone('Final report');
    await page.getByRole('button', { name: 'Reopen: Final report' }).click();
    await page.getByText('Milestone reopened: the investigator may send files again.').waitFor();
    await markDone('Final report', 'calendar');
    const now = new Date();
    const firstOfMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
    await milestones
      .getByRole('row', { name: /Final report/ })
      .getByText(`Done ${firstOfMonth}`)
      .waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^Mark done:/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Edit research project' }).click();
    await choose(page, page.getByRole('dialog', { name: 'Edit research project' }), 'Status', 'Completed');
    await page
      .getByRole('dialog', { name: 'Edit research project' })
      .getByRole('button', { name: 'Save' })
      .click();
    await page.getByText('Completed', { exact: true }).waitFor();
    await screenshot(page, 'academia-project-walk');

    // The year's contribution counts both payments, each at its date's rate: 300,000 / 30 + 5,000 US$.
    const after = await researchUsdCents(page, 2025);
    expect(after.research - before.research).toBe(1_500_000);
    expect(after.total - before.total).toBe(1_500_000);

    // The researcher discloses the invention the project produced.
    const employeeContext = await newContext(browser, server.baseUrl);
    const employee = await employeeContext.newPage();
    employee.on('pageerror', (e) => errors.push(e.message));
    await signIn(employee, 'employee');
    const disclose = await fillDisclosure(employee, {
      title: 'Stepped carrier for panel warpage',
      description: 'A stepped carrier holds the panel flat through moulding.',
      inventors: [{ search: 'Chen', option: /Chen Wei-Ling/, share: '100' }],
      project: new RegExp(TITLE),
    });
    await disclose.getByRole('button', { name: 'Save' }).click();
    await employee.getByRole('heading', { level: 2, name: /Stepped carrier for panel warpage/ }).waitFor();
    await employeeContext.close();

    // The project's page lists the disclosure; it opens, and its page leads back to the project.
    const officerContext = await newContext(browser, server.baseUrl);
    const officer = await officerContext.newPage();
    officer.on('pageerror', (e) => errors.push(e.message));
    await signIn(officer, 'k7Officer');
    await officer.goto(projectPath);
    await officer.getByRole('heading', { level: 4, name: 'Invention disclosures' }).waitFor();
    const row = officer.getByRole('row').filter({ hasText: 'Stepped carrier for panel warpage' });
    await row.waitFor();
    await screenshot(officer, 'academia-project-walk-disclosure');
    await row.getByText(/^ID-\d{4}-\d{4}$/).click();
    await officer.getByRole('heading', { level: 2, name: /Stepped carrier for panel warpage/ }).waitFor();
    await officer.getByText(TITLE).click();
    await officer.waitForURL((u) => u.pathname === projectPath);
    await officer.getByRole('heading', { level: 2, name: TITLE }).waitFor();

    // The project's page in Traditional Chinese.
    await readInChinese(page);
    await page.goto(projectPath);
    await page.getByRole('button', { name: '登錄付款' }).waitFor();
    await page.getByRole('button', { name: '新增里程碑' }).waitFor();
    await page.getByText('已結案', { exact: true }).first().waitFor();
    await screenshot(page, 'academia-project-walk-zh');
    await page.getByRole('button', { name: '登錄付款' }).click();
    await page.getByRole('dialog', { name: '登錄付款' }).getByText('付款日').waitFor();
    await screenshot(page, 'academia-payment-form-zh');
    expect(errors).toEqual([]);
    await officerContext.close();
    await context.close();
  });
});
