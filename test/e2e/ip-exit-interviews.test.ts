import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitInterviewDue } from '#shared/modules/ip/exit-interviews/rules.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';
import { callApi as call, launchBrowser, newContext, screenshot, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE, startServer } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasChromium)('exit interviews in the browser', () => {
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

  it('proposes an interview when an inventor gets a leave date, and records it with the signed acknowledgement', async () => {
    const errors: string[] = [];
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'k7Officer');
    // Yang Shu-Fen is named as the inventor of a disclosure, then HR records her leave date three weeks on.
    const inventor = EMPLOYEES['K7-0007'];
    const filed = await call(page, 'POST', '/api/ip/disclosures', {
      siteId: SITES.K7.id,
      title: 'Pulse reverse plating for copper pillars',
      description: 'Flat pillar tops at 40 µm pitch.',
      inventors: [{ employeeId: inventor.id, share: 100 }],
    });
    expect(filed.status).toBe(201);
    const today = new Date().toISOString().slice(0, 10);
    const leaveDate = addDays(today, 21);
    const employee = await call(page, 'GET', `/api/people/employees/${inventor.id}`);
    const left = await call(page, 'PATCH', `/api/people/employees/${inventor.id}`, {
      version: employee.json.version,
      leaveDate,
    });
    expect(left.status).toBe(200);

    // Legal looks for leave dates now rather than waiting for the night.
    await page.goto('/ip/exit-interviews');
    await page.getByRole('heading', { level: 2, name: 'Exit interviews' }).waitFor();
    await page.getByRole('button', { name: 'Look for leave dates now' }).click();
    const table = page.getByRole('table', { name: 'Exit interviews' });
    const row = table.getByRole('row').filter({ hasText: 'Yang Shu-Fen' });
    await row.waitFor();
    const { dueDate } = exitInterviewDue(leaveDate);
    expect(await row.textContent()).toContain(dueDate);
    expect(await row.textContent()).toContain('Inventor');
    expect(await row.textContent()).toContain('Due');
    await screenshot(page, 'ip-exit-interviews');

    // The interview held today; the signed acknowledgement filed, then recorded as signed.
    await row.click();
    const dialog = page.getByRole('dialog', { name: 'Record the exit interview' });
    await dialog.getByRole('textbox', { name: 'Interview held on' }).fill(today);
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'acknowledgement.txt', mimeType: 'text/plain', buffer: Buffer.from('Signed.') });
    await dialog.getByText('acknowledgement.txt').waitFor();
    await dialog.getByRole('textbox', { name: 'Acknowledgement signed on' }).fill(today);
    await screenshot(page, 'ip-exit-interview-form');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await table
      .getByRole('row')
      .filter({ hasText: 'Yang Shu-Fen' })
      .getByText('Acknowledgement signed')
      .waitFor();

    // Legal's obligation is closed.
    const obligations = await call(page, 'GET', '/api/obligations?view=scope&kind=ip.exit_interview');
    expect(obligations.status).toBe(200);
    expect(obligations.json.items.map((o: { state: string }) => o.state)).toEqual(['done']);

    // The same page in Traditional Chinese.
    await page.evaluate(async () => {
      const token = (await (await fetch('/api/auth/session')).json()).csrfToken as string;
      await fetch('/api/auth/preferences', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({ locale: 'zh-TW' }),
      });
      localStorage.setItem('steward.locale', 'zh-TW');
    });
    await page.goto('/ip/exit-interviews');
    await page.getByRole('heading', { level: 2, name: '離職面談' }).waitFor();
    await page.getByText('已簽署切結').first().waitFor();
    await screenshot(page, 'ip-exit-interviews-zh');
    expect(errors).toEqual([]);
    await context.close();
  });
});
