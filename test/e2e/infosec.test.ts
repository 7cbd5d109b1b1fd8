import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { callApi, launchBrowser, newContext, screenshot, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE, startServer } from './support/server.ts';

const poll = expect.poll;

/** Picks an option of a Mantine Select (inside `scope`, e.g. a dialog) by its label. */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('the information security program in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let incidentUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reports a suspected incident from a phone and gets its reference', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'employee');
    await page.goto('/infosec/report');
    await page.getByRole('heading', { level: 2, name: 'Report a security incident' }).waitFor();
    // Nothing wider than the phone: no horizontal scrolling on the form.
    await poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Send the report' }).click();
    await poll(() => page.getByText('Required', { exact: true }).count()).toBeGreaterThanOrEqual(2);
    await page
      .getByRole('textbox', { name: 'What happened, in one line' })
      .fill('Clicked a link in a fake invoice e-mail');
    await page
      .getByRole('textbox', { name: /Details/ })
      .fill('The page asked for my password and I typed it. Reported to IT desk by phone.');
    await screenshot(page, 'infosec-report-phone');
    await page.getByRole('button', { name: 'Send the report' }).click();
    const done = page.getByTestId('report-done');
    await done.waitFor();
    await expect(done.textContent()).resolves.toMatch(/K7-SEC-\d{4}-0001/);
    await done.getByRole('link', { name: 'Open the report' }).click();
    await page.waitForURL(/\/infosec\/incidents\/[0-9a-f-]+$/);
    incidentUrl = new URL(page.url()).pathname;
    // The reporter sees the clocks, not the team's buttons.
    await page.getByTestId('clock-report').waitFor();
    expect(await page.getByRole('button', { name: 'Classify' }).count()).toBe(0);
    await context.close();
  });

  it('lets the site security team classify it and sees the clocks recomputed', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    await page.goto('/infosec/incidents');
    const table = page.getByRole('table', { name: 'Security incidents' });
    await poll(() => table.getAttribute('data-total'), { timeout: 20_000 }).toBe('1');
    // The team triages from a phone too.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(incidentUrl);
    await page.getByText('Not classified yet: the clocks run on the hours of levels 3–4.').waitFor();
    await page.getByRole('button', { name: 'Classify' }).click();
    const dialog = page.getByRole('dialog', { name: 'Classify the incident' });
    await dialog.waitFor();
    await dialog.getByTestId('level-preview').getByText('Name at least one impact').waitFor();
    await choose(
      page,
      dialog.getByRole('group', { name: 'Confidentiality: information leaked' }),
      'What was affected',
      'Core business or critical system',
    );
    await dialog.getByTestId('level-preview').getByText('Level 2', { exact: false }).waitFor();
    await choose(page, dialog, 'Attack vector', 'E-mail');
    await screenshot(page, 'infosec-classify-phone');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Level 2', { exact: true }).first().waitFor();
    await page.getByText('Classified', { exact: true }).waitFor();
    await poll(() =>
      page
        .getByTestId('clock-report')
        .getByText(/left|late/)
        .count(),
    ).toBe(1);
    await screenshot(page, 'infosec-incident-phone');
    await context.close();
  });

  it('lets a group security manager change the risk matrix and sees a risk re-rated; a site officer cannot', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    const created = await page.evaluate(async (siteId) => {
      const token = (await (await fetch('/api/auth/session')).json()).csrfToken as string;
      const res = await fetch('/api/infosec/risks', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({
          siteId,
          title: 'Ransomware on the test handler',
          likelihood: 4,
          impact: 5,
          treatment: 'mitigate',
          reviewOn: '2027-06-30',
        }),
      });
      return res.status;
    }, SITES.K7.id);
    expect(created).toBe(201);
    await page.goto('/infosec/risks');
    const table = page.getByRole('table', { name: 'Risk register' });
    await table.getByText('20 · Critical').waitFor();
    await page.getByRole('button', { name: 'Risk matrix' }).click();
    const dialog = page.getByRole('dialog', { name: 'Risk matrix' });
    await dialog.waitFor();
    // A band that does not rise above the one before is refused at the band, before anything is sent.
    await dialog.getByRole('textbox', { name: 'Critical from score' }).fill('8');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Each band starts above the one before').waitFor();
    await dialog.getByRole('textbox', { name: 'Critical from score' }).fill('21');
    // Correcting the band clears its message.
    await poll(() => dialog.getByText('Each band starts above the one before').count()).toBe(0);
    await screenshot(page, 'infosec-risk-matrix');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await table.getByText('20 · High').waitFor();
    await context.close();

    const officer = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(officer, 'k7Officer');
    await officer.goto('/infosec/risks');
    await officer.getByRole('table', { name: 'Risk register' }).getByText('20 · High').waitFor();
    expect(await officer.getByRole('button', { name: 'Risk matrix' }).count()).toBe(0);
    await officer.context().close();
  });

  it('lets the program owner edit a cyber insurance policy in the form it was registered with', async () => {
    const page = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(page, 'groupAdmin');
    const made = await callApi(page, 'POST', '/api/infosec/insurance/policies', {
      insurer: 'Formosa Cyber Insurance',
      policyNumber: 'FCI-2026-001',
      covers: ['incident_response'],
      limitMinor: 3_000_000_000,
      currency: 'USD',
      noticeHours: 72,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    expect(made.status).toBe(201);
    await page.goto('/infosec/insurance');
    await page.getByText('FCI-2026-001').click();
    const dialog = page.getByRole('dialog', { name: /Edit the policy/ });
    await dialog.getByRole('textbox', { name: 'Ends on' }).fill('2025-12-31');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Ends before it starts').waitFor();
    await dialog.getByRole('textbox', { name: 'Ends on' }).fill('2027-06-30');
    await dialog.getByRole('textbox', { name: 'Notice period (hours)' }).fill('48');
    await screenshot(page, 'infosec-insurance-edit');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /FCI-2026-001/ });
    await poll(() => row.textContent()).toContain('2027-06-30');
    expect(await row.textContent()).toContain('48');
    await page.context().close();
  });
});
