import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONTRACTOR_WORKERS } from '../support/fixture.ts';
import { newContext, screenshot, serverAndBrowserOfFile, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

const poll = expect.poll;

const localInput = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

/** Nothing on the page is wider than the phone: the page itself never scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('employees and contractor workers serve themselves', () => {
  let server: RunningServer;
  let browser: Browser;

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('an employee reports a hazard from the home button on a phone, then finds it in "My reports"', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'employee');

    const forYou = page.getByTestId('for-you');
    await forYou.waitFor();
    // No contractor's qualifications for an employee.
    expect(await page.getByTestId('home-action-ohs-my-qualifications').count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'self-home-phone');
    await page.getByTestId('home-action-ohs-report').click();

    await page.getByRole('heading', { level: 2, name: 'Report an incident or hazard' }).waitFor();
    await page.getByTestId('kind-unsafe_condition').click();
    await page
      .getByRole('textbox', { name: 'When did it happen?' })
      .fill(localInput(new Date(Date.now() - 10 * 60_000)));
    await page.getByRole('textbox', { name: 'In a few words' }).fill('Loose grating at the chiller pit');
    await page
      .getByRole('textbox', { name: 'What happened' })
      .fill('A grating plate rocks when stepped on; someone could fall into the pit.');
    await page.getByRole('textbox', { name: 'What was done at once' }).fill('Cones placed around it');
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.getByTestId('report-done').waitFor();
    const reference = (await page.getByTestId('report-reference').textContent()) ?? '';
    expect(reference).toMatch(/^K7-\d{4}-\d{4}$/);

    await page.goto('/');
    await page.getByTestId('home-action-ohs-my-reports').click();
    await page.getByRole('heading', { level: 2, name: 'My reports' }).waitFor();
    // On a phone a list shows its rows as cards.
    const table = page.getByRole('list', { name: 'My reports' });
    await poll(() => table.getAttribute('data-total')).toBe('1');
    const row = table.getByRole('listitem').first();
    await poll(() => row.textContent()).toContain('Loose grating at the chiller pit');
    expect(await row.textContent()).toContain(reference);
    expect(await row.getByTestId('report-status').textContent()).toBe('Received');
    expect(await row.textContent()).toContain('At once: Cones placed around it');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'self-my-reports-phone');

    // My training, from the navigation's Work section as well as from the home page.
    await page.goto('/');
    await page.getByTestId('home-action-my-training').click();
    await page.getByRole('heading', { level: 2, name: 'My training' }).waitFor();
    await page.getByText('No course concerns you at the moment.').waitFor();
    await context.close();
  });

  it('a contractor worker sees his qualifications and their expiry, in Traditional Chinese too', async () => {
    const admin = await newContext(browser, server.baseUrl);
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'groupAdmin');
    const validUntil = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const created = await adminPage.evaluate(
      async ({ workerId, validUntil }) => {
        const token = (await (await fetch('/api/auth/session')).json()).csrfToken as string;
        const res = await fetch('/api/ohs/qualifications', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({ workerId, kind: 'elevated_work', validUntil, certificateNo: 'WAH-7781' }),
        });
        return res.status;
      },
      { workerId: CONTRACTOR_WORKERS.KS_003.id, validUntil },
    );
    expect(created).toBe(201);
    await admin.close();

    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'contractor');
    await page.getByTestId('home-action-ohs-my-qualifications').click();
    await page.getByRole('heading', { level: 2, name: 'My qualifications' }).waitFor();
    const card = page.getByTestId('my-qualification');
    await poll(() => card.count()).toBe(1);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Work at height');
    expect(text).toContain('Expiring soon');
    expect(text).toContain(validUntil);
    expect(text).toContain('WAH-7781');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'self-my-qualifications-phone');

    // The same page in Traditional Chinese.
    await page.evaluate(async () => {
      const token = (await (await fetch('/api/auth/session')).json()).csrfToken as string;
      await fetch('/api/auth/preferences', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({ locale: 'zh-TW' }),
      });
    });
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '我的資格證照' }).waitFor();
    await poll(async () => (await card.textContent()) ?? '').toContain('即將到期');
    expect(await card.textContent()).toContain('高處作業');
    await context.close();
  });
});
