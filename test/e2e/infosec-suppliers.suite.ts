// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { callApi, newContext, poll, screenshot, serverAndBrowserOfFile, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

const SUPPLIER = { email: 'security@bonder.example', password: 'Bonder-Answers-2027x' };

describe.skipIf(!hasChromium)('supplier cybersecurity assessments in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let supplierId = '';

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('lets the supplier’s person sign in, find its assessment and answer the questionnaire', async () => {
    const admin = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(admin, 'groupAdmin');
    const user = await callApi(admin, 'POST', '/api/users', {
      ...SUPPLIER,
      displayName: 'Sora Supplier',
      assignments: [],
    });
    expect(user.status).toBe(201);
    const supplier = await callApi(admin, 'POST', '/api/infosec/suppliers', {
      siteId: SITES.K7.id,
      name: 'Bonder Works',
      country: 'JP',
      supplies: 'Wire bonders',
      category: 'equipment',
      criticality: 'critical',
      servedSiteIds: [],
    });
    expect(supplier.status).toBe(201);
    supplierId = supplier.json.id;
    const withContact = await callApi(admin, 'POST', `/api/infosec/suppliers/${supplierId}/contacts`, {
      name: 'Sora Supplier',
      email: SUPPLIER.email,
      userId: user.json.id,
    });
    expect(withContact.status).toBe(201);
    const templates = await callApi(admin, 'GET', '/api/infosec/supplier-templates');
    const e187 = templates.json.items.find((x: any) => x.code === 'semi_e187');
    const assessment = await callApi(admin, 'POST', '/api/infosec/supplier-assessments', {
      supplierId,
      templateId: e187.id,
      startedOn: '2026-03-01',
    });
    expect(assessment.status).toBe(201);
    const granted = await callApi(
      admin,
      'POST',
      `/api/infosec/supplier-assessments/${assessment.json.id}/respondents`,
      { contactId: withContact.json.contacts[0].id },
    );
    expect(granted.status).toBeLessThan(300);

    const page = await (await newContext(browser, server.baseUrl)).newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(SUPPLIER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(SUPPLIER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/infosec/supplier-assessments/mine');
    await page.getByText('Bonder Works').click();
    await page.waitForURL(/\/infosec\/supplier-assessments\/[0-9a-f-]+$/);
    for (const q of e187.questions) {
      await page.getByRole('combobox', { name: q.code, exact: true }).click();
      await page
        .getByRole('option', { name: q.code.startsWith('MAL') ? 'Partly' : 'Yes', exact: true })
        .click();
    }
    await page.getByRole('button', { name: 'Save the answers' }).click();
    await poll(() => page.getByText('14 of 14 answered').count()).toBe(1);
    await poll(() => page.getByTestId('supplier-score').textContent()).toMatch(/^\d+(\.\d)? · Satisfactory$/);
    await screenshot(page, 'infosec-supplier-answers');
  });

  it('lets the site’s team edit the supplier and its contact from the supplier’s page', async () => {
    const page = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(page, 'k7Officer');
    await page.goto('/infosec/suppliers');
    await page.getByText('Bonder Works').click();
    await page.waitForURL(`**/infosec/suppliers/${supplierId}`);
    await page.getByRole('button', { name: 'Edit the supplier' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Country (ISO code)' }).fill('J');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await poll(() => dialog.getByText(/two-letter country code/).count()).toBe(1);
    await dialog.getByRole('textbox', { name: 'Country (ISO code)' }).fill('JP');
    await dialog.getByRole('textbox', { name: 'Supplies' }).fill('Wire bonders and their spare parts');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => page.getByText('Wire bonders and their spare parts').count()).toBe(1);
    await page.getByRole('button', { name: 'Edit Sora Supplier' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Position' }).fill('Security manager');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const contacts = page.getByRole('table', { name: 'Contacts' });
    await poll(() => contacts.getByText('Security manager').count()).toBe(1);
    await screenshot(page, 'infosec-supplier');
    await page.context().close();
  });
});
