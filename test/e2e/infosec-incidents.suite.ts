import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { callApi, newContext, screenshot, serverAndBrowserOfFile, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

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

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

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

  it('takes the incident through its response, lessons learned and closure', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    await page.goto(incidentUrl);
    const tasks = page.getByTestId('response-tasks');
    await tasks.getByRole('button', { name: 'Add a task' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a task' });
    await dialog
      .getByRole('textbox', { name: 'What is to be done' })
      .fill('Reset the clerk’s password and sessions');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await tasks.getByText('Reset the clerk’s password and sessions').waitFor();

    // A defanged domain is written one way; a bad address is refused at the field before anything is sent.
    const observables = page.getByTestId('response-observables');
    await observables.getByRole('textbox', { name: 'Value' }).fill('198.51.100.300');
    await observables.getByRole('button', { name: 'Add', exact: true }).click();
    await observables.getByText(/pick its kind/).waitFor();
    await observables.getByRole('textbox', { name: 'Value' }).fill('invoice-example[.]NET');
    await observables.getByRole('button', { name: 'Add', exact: true }).click();
    await observables.getByText('invoice-example.net', { exact: true }).waitFor();

    const evidence = page.getByTestId('response-evidence');
    await evidence.locator('input[type=file]').setInputFiles({
      name: 'mail-headers.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Received: from mail.invoice-example.net (198.51.100.7)\n'),
    });
    await evidence.getByText(/SHA-256/).waitFor();
    await evidence.getByRole('button', { name: 'Record a custody step' }).click();
    dialog = page.getByRole('dialog', { name: /Record a custody step/ });
    await dialog.getByRole('textbox', { name: 'Now held by' }).fill('K7 security team');
    await dialog.getByRole('textbox', { name: 'Where' }).fill('Evidence locker 2');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await evidence.getByText('Transferred · K7 security team').waitFor();

    for (const event of ['Reported to the CISO office', 'Contained', 'Recovered']) {
      await page.getByRole('button', { name: 'Record an event' }).click();
      await page.getByRole('menuitem', { name: event }).click();
      dialog = page.getByRole('dialog', { name: event });
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
    }

    const lessons = page.getByTestId('response-lessons');
    await lessons.getByRole('button', { name: 'Record a lesson' }).click();
    dialog = page.getByRole('dialog', { name: 'Record a lesson' });
    await dialog.getByRole('textbox', { name: 'The lesson' }).fill('Look-alike domains were not flagged.');
    await dialog
      .getByRole('textbox', { name: 'Improvement action' })
      .fill('Turn on look-alike domain detection');
    await dialog.getByRole('textbox', { name: 'Action due' }).fill('2027-03-31');
    await dialog.getByRole('textbox', { name: 'Action due' }).press('Tab');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await lessons.getByRole('link', { name: 'Turn on look-alike domain detection' }).waitFor();

    // Closing waits for the open task.
    await page.getByRole('button', { name: 'Record an event' }).click();
    await page.getByRole('menuitem', { name: 'Closed' }).click();
    dialog = page.getByRole('dialog', { name: 'Closed' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/tasks are still open/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await tasks.getByRole('button', { name: /^Mark done/ }).click();
    await tasks.getByRole('button', { name: /^Open again/ }).waitFor();
    await page.getByRole('button', { name: 'Record an event' }).click();
    await page.getByRole('menuitem', { name: 'Closed' }).click();
    dialog = page.getByRole('dialog', { name: 'Closed' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Closed', { exact: true }).first().waitFor();
    await page.getByTestId('timeline').getByText('Task done').waitFor();
    await screenshot(page, 'infosec-incident-response');
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
