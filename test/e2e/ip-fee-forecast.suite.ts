import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import {
  callApi as call,
  newContext,
  readInChinese,
  screenshot,
  serverAndBrowserOfFile,
  signIn,
} from './support/browser.ts';
import { grantedFamily } from './support/ip.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

const yearsAgo = (n: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - n);
  return d.toISOString().slice(0, 10);
};

describe.skipIf(!hasChromium)('IP fee forecast in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('charts the fees of the five years by office with the rates used, and says a fee without a rate', async () => {
    const admin = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(admin, 'groupAdmin');
    // A TWD rate, but none for CNY: the Chinese patent's fees stay without amount.
    const rate = await call(admin, 'POST', '/api/academia/exchange-rates', {
      currency: 'TWD',
      validFrom: yearsAgo(1),
      perUsd: '31.5',
    });
    expect(rate.status).toBe(201);

    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    await grantedFamily(
      page,
      {
        siteId: SITES.K7.id,
        reference: 'FC-E2E-1',
        title: 'SiP module with forecast fees',
        technology: 'sip',
      },
      (
        [
          ['TW', 'I788001'],
          ['US', '11788001'],
          ['CN', 'ZL2019788001'],
        ] as const
      ).map(([office, patentNo]) => ({
        office,
        applicationNo: `FCE2E-${office}`,
        filingDate: yearsAgo(6),
        grantDate: yearsAgo(3),
        patentNo,
      })),
    );

    await page.goto(`${server.baseUrl}/ip/fee-forecast`);
    await page.getByRole('heading', { name: 'Fee forecast' }).first().waitFor();
    const table = page.getByRole('table', { name: 'Fee forecast' });
    await table.waitFor();
    await table.getByText('Total').first().waitFor();
    await page.getByText(/TWD: 31\.5/).waitFor();
    await page.getByText(/CNY: no rate on or before/).waitFor();
    await table
      .getByText(/fees? without amount/)
      .first()
      .waitFor();
    await page.getByText('I788001').first().waitFor();
    await screenshot(page, 'ip-fee-forecast-en');

    await page.getByText('US$', { exact: true }).click();
    await page.getByText('Technology', { exact: true }).first().click();
    await table.getByText('SiP module').waitFor();

    await readInChinese(page);
    await page.goto(`${server.baseUrl}/ip/fee-forecast`);
    await page.getByRole('heading', { name: '年費預估' }).first().waitFor();
    await page.getByRole('table', { name: '年費預估' }).getByText('合計').first().waitFor();
    await screenshot(page, 'ip-fee-forecast-zh-TW');
    await context.close();
  });

  it('asks a US matter for its USPTO entity size and forecasts the small-entity fee', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    // The group's administrator records matters too (the K7 officer reads Chinese since the test above).
    await signIn(page, 'groupAdmin');
    const family = await call(page, 'POST', '/api/ip/families', {
      siteId: SITES.K7.id,
      reference: 'FC-E2E-2',
      title: 'MEMS package of a small entity',
      technology: 'mems_sensor',
    });
    expect(family.status).toBe(201);
    await page.goto(`${server.baseUrl}/ip/families/${family.json.id}`);
    await page.getByRole('button', { name: 'Add a matter' }).click();
    const dialog = page.getByRole('dialog', { name: 'New matter' });
    await dialog.getByRole('combobox', { name: 'Office', exact: true }).click();
    await page.getByRole('option', { name: 'United States (USPTO)' }).click();
    await dialog.getByRole('combobox', { name: 'Status', exact: true }).click();
    await page.getByRole('option', { name: 'Granted' }).click();
    await dialog.getByRole('textbox', { name: 'Application no.' }).fill('16/788002');
    await dialog.getByRole('textbox', { name: 'Filing date' }).fill(yearsAgo(6));
    await dialog.getByRole('textbox', { name: 'Grant date' }).fill(yearsAgo(3));
    await dialog.getByRole('textbox', { name: 'Patent no.' }).fill('11788002');
    await dialog.getByRole('combobox', { name: 'USPTO entity size' }).click();
    await page.getByRole('option', { name: 'Small entity' }).click();
    await screenshot(page, 'ip-matter-entity-size');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Small entity').first().waitFor();

    await page.goto(`${server.baseUrl}/ip/fee-forecast`);
    // 37 CFR 1.20(e) from 2025-01-19: 860 US$ for a small entity.
    const row = page.getByRole('row').filter({ hasText: '3.5-year maintenance fee, small entity' });
    await row.first().waitFor();
    await expect.poll(() => row.first().textContent()).toContain('USD 860');
    await context.close();
  });
});
