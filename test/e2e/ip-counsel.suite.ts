import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exitInterviewDue } from '#shared/modules/ip/exit-interviews/rules.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';
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

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The IP counsel's cases on one server: keep or drop, a portfolio review, a risk case beside its security
 * incident, an exit interview. Each test makes its own records; the exit interview comes last, since it turns its officer's
 * language to Traditional Chinese.
 */
describe.skipIf(!hasChromium)('IP counsel’s cases in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('shows a patent with a fee coming due, its working, and records the decision', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    // Filed eight years ago and granted: a yearly Taiwan fee falls within the coming year.
    const filed = new Date();
    filed.setUTCFullYear(filed.getUTCFullYear() - 8);
    const granted = new Date();
    granted.setUTCFullYear(granted.getUTCFullYear() - 6);
    const {
      matterIds: [matterId],
    } = await grantedFamily(
      page,
      {
        siteId: SITES.K7.id,
        reference: 'KD-E2E-1',
        title: 'Fan-out package kept or dropped',
        technology: 'fan_out',
      },
      [
        {
          office: 'TW',
          applicationNo: 'KDE2E0001',
          filingDate: filed.toISOString().slice(0, 10),
          grantDate: granted.toISOString().slice(0, 10),
          patentNo: 'I799001',
        },
      ],
    );

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
    const after = await call(page, 'GET', `/api/ip/keep-or-drop/${matterId}`);
    expect(after.json.claims).toBe(18);
    expect(after.json.decision.decision).toBe('keep');
    await context.close();
  });

  it('launches a portfolio review, and the site gives a verdict that lists the patent for revitalisation', async () => {
    const officerContext = await newContext(browser, server.baseUrl);
    const officer = await officerContext.newPage();
    await signIn(officer, 'k7Officer');
    const today = new Date().toISOString().slice(0, 10);
    await grantedFamily(
      officer,
      {
        siteId: SITES.K7.id,
        reference: 'RV-E2E-1',
        title: 'MEMS lid under review',
        technology: 'mems_sensor',
      },
      [
        {
          office: 'TW',
          applicationNo: 'RVE2E0001',
          filingDate: addDays(today, -3000),
          grantDate: addDays(today, -2000),
          patentNo: 'I799101',
        },
      ],
    );

    // The group IP office launches the review of the Taiwan patents; a past due date is refused at its field.
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    await signIn(admin, 'groupAdmin');
    await admin.goto('/ip/reviews');
    await admin.getByRole('button', { name: 'Launch a review' }).click();
    const form = admin.getByRole('dialog', { name: 'Launch a portfolio review' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Taiwan patents 2027');
    await form.getByRole('textbox', { name: 'Due date' }).fill('2020-01-01');
    await form.getByLabel('Office', { exact: true }).click();
    await admin.getByRole('option', { name: 'Taiwan (TIPO)' }).click();
    await form.getByRole('button', { name: 'Launch a review' }).click();
    await form.getByText('A day from today on').first().waitFor();
    await form.getByRole('textbox', { name: 'Due date' }).fill(addDays(today, 30));
    await form.getByRole('button', { name: 'Launch a review' }).click();
    await admin.getByRole('heading', { name: 'Taiwan patents 2027' }).waitFor();
    const campaignId = admin.url().split('/').pop() as string;
    await admin
      .getByText(/0 of \d+ reviewed/)
      .first()
      .waitFor();
    await adminContext.close();

    // The K7 officer judges the site's patent: selling it needs a reason, asked for at the field.
    await officer.goto(`/ip/reviews/${campaignId}`);
    const table = officer.getByRole('table', { name: 'Patents under review' });
    await table.getByText('I799101').click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByRole('table', { name: 'How the score is made' }).waitFor();
    await dialog.getByText('Sell', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Save the verdict' }).click();
    await dialog.getByText('Required', { exact: true }).waitFor();
    await dialog.getByRole('textbox', { name: 'Why' }).fill('Outside our roadmap; a buyer asked');
    await screenshot(officer, 'ip-review-verdict', { fullPage: false });
    await dialog.getByRole('button', { name: 'Save the verdict' }).click();
    await dialog.waitFor({ state: 'detached' });
    await officer.getByText('Revitalisation candidates', { exact: true }).click();
    await table.getByRole('row').filter({ hasText: 'I799101' }).getByText('Sell').waitFor();
    await screenshot(officer, 'ip-review-campaign');
    const items = await call(
      officer,
      'GET',
      `/api/ip/review-items?campaignId=${campaignId}&state=revitalise`,
    );
    expect(items.json.items.map((i: { patentNo: string; note: string }) => [i.patentNo, i.note])).toEqual([
      ['I799101', 'Outside our roadmap; a buyer asked'],
    ]);
    await officerContext.close();
  });

  it('shows a risk case linked to an incident on both pages', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    const incident = await call(page, 'POST', '/api/infosec/incidents', {
      siteId: SITES.K7.id,
      title: 'Drawings uploaded to a personal drive',
      description: 'DLP alert on an upload of package drawings.',
      awareAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(incident.status).toBe(201);
    const opened = await call(page, 'POST', '/api/ip/risk-cases', {
      siteId: SITES.K7.id,
      reference: 'RC-E2E-001',
      kind: 'misappropriation',
      direction: 'against_us',
      title: 'Drawings taken to a competitor',
      incidentId: incident.json.id,
      stepOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    });
    expect(opened.status).toBe(201);

    await page.goto(`${server.baseUrl}/ip/risk-cases/${opened.json.id}`);
    const link = page.getByTestId('risk-case-incident');
    await link.getByText(incident.json.reference).waitFor();
    await link.click();
    await page.waitForURL(`**/infosec/incidents/${incident.json.id}`);
    await page.getByTestId('incident-ip-risk-cases').getByText('RC-E2E-001').waitFor();
    await context.close();
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
    // Filed once its link is there ("Uploading acknowledgement.txt" names it before).
    await dialog.getByRole('link', { name: 'acknowledgement.txt', exact: true }).waitFor();
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
    await readInChinese(page);
    await page.goto('/ip/exit-interviews');
    await page.getByRole('heading', { level: 2, name: '離職面談' }).waitFor();
    await page.getByText('已簽署切結').first().waitFor();
    await screenshot(page, 'ip-exit-interviews-zh');
    expect(errors).toEqual([]);
    await context.close();
  });
});
