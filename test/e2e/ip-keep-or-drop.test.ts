import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { callApi as call, launchBrowser, newContext, screenshot, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE, startServer } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('Keep or drop in the browser', () => {
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

  it('shows a patent with a fee coming due, its working, and records the decision', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    const family = await call(page, 'POST', '/api/ip/families', {
      siteId: SITES.K7.id,
      reference: 'KD-E2E-1',
      title: 'Fan-out package kept or dropped',
      technology: 'fan_out',
    });
    expect(family.status).toBe(201);
    // Filed eight years ago and granted: a yearly Taiwan fee falls within the coming year.
    const filed = new Date();
    filed.setUTCFullYear(filed.getUTCFullYear() - 8);
    const granted = new Date();
    granted.setUTCFullYear(granted.getUTCFullYear() - 6);
    const matter = await call(page, 'POST', '/api/ip/matters', {
      familyId: family.json.id,
      office: 'TW',
      kind: 'invention',
      applicationNo: 'KDE2E0001',
      filingDate: filed.toISOString().slice(0, 10),
      grantDate: granted.toISOString().slice(0, 10),
      patentNo: 'I799001',
      status: 'granted',
    });
    expect(matter.status).toBe(201);

    await page.goto(`${server.baseUrl}/ip/keep-or-drop`);
    await page.getByText('I799001').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('table', { name: 'How the score is made' }).waitFor();
    await dialog.getByText('Family size (matters)').waitFor();
    await dialog.getByLabel('Claims').fill('18');
    // Little is known yet, so dropping is suggested; the decider keeps it.
    await dialog
      .getByRole('textbox', { name: 'Decision' })
      .or(dialog.getByRole('combobox', { name: 'Decision' }))
      .first()
      .click();
    await page.getByRole('option', { name: 'Keep', exact: true }).click();
    await dialog.getByLabel('Reason').fill('Used in our fan-out line');
    await dialog.getByRole('button', { name: 'Decide', exact: true }).click();
    await dialog.getByText(/Decided by Kai Officer/).waitFor();
    await screenshot(page, 'ip-keep-or-drop-decided', { fullPage: false });
    const after = await call(page, 'GET', `/api/ip/keep-or-drop/${matter.json.id}`);
    expect(after.json.claims).toBe(18);
    expect(after.json.decision.decision).toBe('keep');
    await context.close();
  });
});
