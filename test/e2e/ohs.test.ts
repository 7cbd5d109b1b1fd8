import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AREAS, CONTRACTOR_WORKERS, SITES } from '../support/fixture.ts';
import { newContext, openInApp, screenshot, serverAndBrowserForFile, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

const poll = expect.poll;

/** Picks an option of a Mantine Select or MultiSelect (inside `scope`, e.g. a dialog) by its label. */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp, type?: string) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  if (type) await box.fill(type);
  await page.getByRole('option', { name: option }).first().click();
}

async function csrf(page: Page): Promise<string> {
  return page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).csrfToken as string);
}

/** Calls the API from the page's session (for set-up that is not the subject of the test). */
async function call(page: Page, method: string, path: string, body?: unknown) {
  const token = await csrf(page);
  return page.evaluate(
    async ({ method, path, body, token }) => {
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: res.status === 204 ? null : await res.json() };
    },
    { method, path, body, token },
  );
}

// A 1×1 PNG, as a phone camera would send a photo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const localInput = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('the OHS program in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let reference = '';

  serverAndBrowserForFile((started) => ({ server, browser } = started));

  it('reports an injury from a phone through an area QR link, with a photo, and gets the reference', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'employee');
    await page.goto(`/ohs/report?site=${SITES.K7.id}&area=${AREAS.K7_B1.id}`);
    await page.getByRole('heading', { level: 2, name: 'Report an incident or hazard' }).waitFor();
    await page.getByText('Site and area filled in from the QR code.').waitFor();
    await poll(() => page.getByRole('combobox', { name: 'Area', exact: true }).inputValue()).toContain(
      'Building 1',
    );

    // Anonymity is offered for hazards and near misses only.
    await page.getByTestId('kind-near_miss').click();
    await page.getByRole('checkbox', { name: 'Report anonymously' }).waitFor();
    await page.getByTestId('kind-injury').click();
    await page.getByText('Only hazards and near misses can be reported anonymously.').waitFor();

    // Sending it empty shows what is missing next to the fields.
    await page.getByRole('button', { name: 'Send the report' }).click();
    await poll(() => page.getByText('Required', { exact: true }).count()).toBeGreaterThanOrEqual(2);

    await page
      .getByRole('textbox', { name: 'When did it happen?' })
      .fill(localInput(new Date(Date.now() - 30 * 60_000)));
    await page
      .getByRole('textbox', { name: 'In a few words' })
      .fill('Hand caught in a conveyor at the wire bonder');
    await page
      .getByRole('textbox', { name: 'What happened' })
      .fill(
        'An operator reached into the conveyor to free a jammed magazine; two colleagues were hurt pulling her out.',
      );
    await page
      .getByRole('textbox', { name: 'What was done at once' })
      .fill('Line stopped and locked out, first aid given, ambulance called.');
    await page.getByRole('textbox', { name: 'Injured' }).fill('3');
    await page.getByRole('textbox', { name: 'Hospitalised' }).fill('1');
    await page.getByTestId('notice-warning').waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'conveyor.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('img', { name: 'conveyor.png' }).waitFor();
    await screenshot(page, 'ohs-report-phone');

    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.getByTestId('report-done').waitFor();
    reference = (await page.getByTestId('report-reference').textContent()) ?? '';
    expect(reference).toMatch(/^K7-\d{4}-\d{4}$/);
    await page.getByText('1 photo attached.').waitFor();
    await screenshot(page, 'ohs-report-phone-done');
    await context.close();
  });

  it('investigates the incident: notice, injury, root cause, action, close', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'k7Officer');
    await page.goto('/ohs/incidents');
    const table = page.getByRole('table', { name: 'Incidents' });
    await page.getByRole('textbox', { name: 'Search' }).fill(reference);
    await poll(() => table.getAttribute('data-total')).toBe('1');
    await screenshot(page, 'ohs-incidents');
    await table.getByText(reference).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(reference) }).waitFor();

    // The 8-hour notice counts down, and the officer records it.
    await poll(() => page.getByTestId('notice-countdown').textContent()).toMatch(/left$/);
    await screenshot(page, 'ohs-incident-notice');
    await page.getByRole('button', { name: 'Record the notice' }).click();
    const notice = page.getByRole('dialog', { name: 'Record the notice to the authority' });
    await notice.getByRole('textbox', { name: 'Authority’s reference' }).fill('KHH-OSH-2026-118');
    await notice.getByRole('button', { name: 'Record the notice' }).click();
    await notice.waitFor({ state: 'detached' });
    await page
      .getByTestId('notice-card')
      .getByText(/KHH-OSH-2026-118/)
      .waitFor();

    // Someone else changes the incident while the officer edits it: the form says so and reloads.
    await page.getByRole('button', { name: 'Edit details' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit details' });
    await edit.waitFor();
    const list = await call(page, 'GET', `/api/ohs/incidents?q=${reference}`);
    const incident = (list.json as { items: { id: string; version: number }[] }).items[0];
    expect(
      (
        await call(page, 'PATCH', `/api/ohs/incidents/${incident.id}`, {
          version: incident.version,
          immediateActions: 'Line stopped, first aid, ambulance; area photographed.',
        })
      ).status,
    ).toBe(200);
    await edit
      .getByRole('textbox', { name: 'In a few words' })
      .fill('Hand caught in conveyor, wire bonder line 2');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText('Changed by someone else').waitFor();
    await screenshot(page, 'ohs-incident-stale');
    await edit.getByRole('button', { name: 'Reload the current version' }).click();
    await poll(() => edit.getByRole('textbox', { name: 'What was done at once' }).inputValue()).toContain(
      'area photographed',
    );
    await edit
      .getByRole('textbox', { name: 'In a few words' })
      .fill('Hand caught in conveyor, wire bonder line 2');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });

    // A person injured, with the Taiwan classification.
    await page.getByRole('tab', { name: /People injured/ }).click();
    await page.getByRole('button', { name: 'Add a person injured' }).click();
    const injury = page.getByRole('dialog', { name: 'Add a person injured' });
    await choose(page, injury, 'Name or number', /Lin Chih-Hao/, 'Lin');
    await choose(page, injury, 'Injury', 'Crush');
    await choose(page, injury, 'Body part', 'Hand');
    await choose(page, injury, 'Classification', 'Temporary total disability (days away)');
    // GRI 403-9: the outcome is recorded, not guessed from the days counted up to today.
    await choose(page, injury, 'Recovery (GRI 403-9)', 'Not expected to recover fully within six months');
    await injury.getByRole('textbox', { name: 'Days of restricted work or job transfer' }).fill('5');
    await injury.getByRole('switch', { name: 'Hospitalised' }).check({ force: true });
    await injury.getByRole('button', { name: 'Save' }).click();
    await injury.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'People injured' }).getByText('Lin Chih-Hao').waitFor();
    await page.getByRole('table', { name: 'People injured' }).getByText('High-consequence').waitFor();
    // The incident's time reads in the site's zone, which it names, whatever the browser's zone.
    await page
      .getByText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Taipei\)/)
      .first()
      .waitFor();
    await screenshot(page, 'ohs-incident-injuries');

    // The photo sent from the phone.
    await page.getByRole('tab', { name: /Photos/ }).click();
    await page.getByText('conveyor.png').waitFor();

    // The investigation: open, start, a 5 whys chain, an action, review, close.
    await page.getByRole('tab', { name: /Investigation/ }).click();
    await page.getByRole('button', { name: 'Open the investigation' }).click();
    await page.getByRole('button', { name: 'Start investigating' }).click();
    await page.getByTestId('close-blockers').getByText('Record at least one root cause.').waitFor();
    await page
      .getByRole('textbox', { name: 'What happened' })
      .fill('Operator reached into the running conveyor');
    await page.getByRole('button', { name: 'Add to the timeline' }).click();
    await page.getByText('Operator reached into the running conveyor').waitFor();

    await page.getByRole('button', { name: 'Add a 5 whys chain' }).click();
    const cause = page.getByRole('dialog', { name: 'Add a 5 whys chain' });
    await cause.getByRole('textbox', { name: 'Why 1?' }).fill('The operator reached into a running conveyor');
    await cause.getByRole('button', { name: 'Ask why again' }).click();
    await cause
      .getByRole('textbox', { name: 'Why 2?' })
      .fill('Jams are cleared by hand to keep the line going');
    await cause.getByRole('button', { name: 'Ask why again' }).click();
    await cause
      .getByRole('textbox', { name: 'Why 3?' })
      .fill('There is no guard or interlock on the magazine feed');
    await choose(page, cause, 'Category', 'Machine');
    await cause
      .getByRole('textbox', { name: 'Root cause' })
      .fill('No interlocked guard on the magazine feed of the wire bonder conveyor');
    await cause.getByRole('button', { name: 'Save' }).click();
    await cause.waitFor({ state: 'detached' });
    await page
      .getByTestId('close-blockers')
      .getByText(/has no action/)
      .waitFor();

    await page.getByRole('button', { name: 'Add an action' }).click();
    const action = page.getByRole('dialog', { name: 'Add an action' });
    await action
      .getByRole('textbox', { name: 'Action' })
      .fill('Fit an interlocked guard on the magazine feed');
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await action.getByRole('textbox', { name: 'Due by' }).fill(due);
    await action.getByRole('heading', { name: 'Add an action' }).click();
    await action.getByRole('button', { name: 'Save' }).click();
    await action.waitFor({ state: 'detached' });
    await page.getByText('Fit an interlocked guard on the magazine feed').waitFor();
    await page.getByText('Every root cause has an action: the investigation can close.').waitFor();
    await page.getByRole('img', { name: 'Fishbone diagram' }).waitFor();
    await screenshot(page, 'ohs-investigation');

    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.getByRole('button', { name: 'Close the investigation' }).click();
    await page.getByText(/^Closed .+/).waitFor();
    await screenshot(page, 'ohs-investigation-closed');

    await page.goto('/ohs/incidents');
    await page.getByRole('textbox', { name: 'Search' }).fill(reference);
    await poll(() => table.locator('tbody').textContent()).toContain('Closed');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a hot-work permit from request to close, with a failed and a passed gas test', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    // Set-up: both workers hold a valid hot-work qualification.
    const until = `${new Date().getFullYear() + 1}-12-31`;
    for (const w of [CONTRACTOR_WORKERS.KS_001, CONTRACTOR_WORKERS.KS_002]) {
      const r = await call(page, 'POST', '/api/ohs/qualifications', {
        workerId: w.id,
        kind: 'hot_work',
        certificateNo: `HW-${w.workerNo}`,
        validUntil: until,
      });
      expect(r.status).toBe(201);
    }
    await page.goto('/ohs/qualifications');
    await page.getByText(`HW-${CONTRACTOR_WORKERS.KS_001.workerNo}`).waitFor();
    await screenshot(page, 'ohs-qualifications');

    await page.goto('/ohs/permits');
    await page.getByRole('button', { name: 'Request a permit' }).click();
    const form = page.getByRole('dialog', { name: 'Request a permit' });
    await choose(page, form, 'Type', 'Hot work');
    await choose(page, form, 'Area', /^B1 · /);
    await choose(page, form, 'Contractor company', 'Kaohsiung Scaffolding Co.');
    await form.getByRole('combobox', { name: 'Workers', exact: true }).click();
    await page.getByRole('option', { name: new RegExp(CONTRACTOR_WORKERS.KS_001.fullName) }).click();
    await page.getByRole('option', { name: new RegExp(CONTRACTOR_WORKERS.KS_002.fullName) }).click();
    await form.getByRole('heading', { name: 'Request a permit' }).click();
    await form
      .getByRole('textbox', { name: 'Work to be done' })
      .fill('Weld a new support bracket for the exhaust duct on the roof of building 1');
    await form.getByText('Qualified', { exact: true }).waitFor();
    await screenshot(page, 'ohs-permit-request');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 2, name: /Hot work/ }).waitFor();

    const step = async (name: string, status: string) => {
      await page.getByRole('button', { name, exact: true }).click();
      await page.getByText(`Permit is now ${status}.`).first().waitFor();
    };
    await step('Approve', 'Approved');
    await step('Verify isolations', 'Isolations verified');

    // A failing atmosphere is refused, with the rule explained.
    await page.getByRole('button', { name: 'Record gas test', exact: true }).click();
    const gas = page.getByRole('dialog', { name: 'Record gas test' });
    await gas.getByRole('textbox', { name: 'Oxygen (%)' }).fill('17');
    await gas.getByRole('textbox', { name: 'Flammables (% of LEL)' }).fill('4');
    await gas.getByTestId('gas-fail').getByText('Oxygen below 18%.').waitFor();
    await screenshot(page, 'ohs-permit-gas-fail');
    await gas.getByRole('button', { name: 'Record gas test' }).click();
    await gas.getByText(/The gas test failed/).waitFor();
    await gas.getByRole('textbox', { name: 'Oxygen (%)' }).fill('20.9');
    await gas.getByRole('textbox', { name: 'Flammables (% of LEL)' }).fill('0');
    await gas.getByTestId('gas-pass').waitFor();
    await gas.getByRole('button', { name: 'Record gas test' }).click();
    await gas.waitFor({ state: 'detached' });

    // Issuing needs the whole checklist.
    await page.getByRole('button', { name: 'Issue', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Tick every checklist item' }).waitFor();
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await step('Issue', 'Issued');
    await step('Start work', 'Active');
    await screenshot(page, 'ohs-permit-active');
    await step('Complete', 'Completed');
    await step('Close', 'Closed');
    await page.getByText('This permit is finished: no further step.').waitFor();
    await screenshot(page, 'ohs-permit-closed');
    await context.close();
  });

  it('enters hours worked in the year grid and imports a month from a spreadsheet', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    await page.goto('/ohs/hours');
    const year = new Date().getFullYear();
    const january = page.getByRole('textbox', { name: `K7 ${year}-01 Employee hours` });
    await january.fill('3456789.5');
    await page.getByRole('textbox', { name: `K7 ${year}-01 Other workers’ hours` }).fill('412000');
    await page.getByRole('button', { name: 'Save 1 change' }).click();
    await page.getByText('1 month saved.').waitFor();
    await screenshot(page, 'ohs-hours-grid');

    await page.getByRole('tab', { name: 'Import' }).click();
    const csv = `site_code,month,employee_hours,non_employee_hours\nK7,${year}-02,3300000,398000.25\n`;
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'hours.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const mapping = page.getByRole('table', { name: 'Columns' });
    await mapping.waitFor();
    await poll(() => mapping.getByText('Suggested').count()).toBe(4);
    await page.getByRole('button', { name: 'Check every row', exact: true }).click();
    const progress = page.getByTestId('import-progress');
    await poll(() => progress.getAttribute('data-status'), { timeout: 60_000 }).toBe('valid');
    await page.getByRole('button', { name: 'Import 1 row', exact: true }).click();
    await poll(() => progress.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    await screenshot(page, 'ohs-hours-import');
    await page.getByRole('tab', { name: 'Grid' }).click();
    await poll(() => page.getByRole('textbox', { name: `K7 ${year}-02 Employee hours` }).inputValue()).toBe(
      '3300000',
    );
    await context.close();
  });

  it('shows every OHS page without errors in English, and the QR codes of a site in Traditional Chinese', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'ohsOwner');
    const paths = [
      '/ohs',
      '/ohs/incidents',
      '/ohs/statistics',
      '/ohs/hours',
      '/ohs/hazards',
      '/ohs/permits',
      '/ohs/qualifications',
      '/ohs/health',
      '/ohs/goals',
      `/ohs/qr-codes?site=${SITES.K7.id}`,
      '/ohs/report',
    ];
    const visit = async (path: string, locale: 'en' | 'zh-TW') => {
      await openInApp(page, path);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      const name = path.replace(/\?.*$/, '').replace(/^\/ohs\/?/, '') || 'dashboard';
      await screenshot(page, `ohs-${name}-${locale}`);
    };
    for (const path of paths) await visit(path, 'en');
    // In Chinese, the walk (walk.test.ts) opens every OHS page of the navigation as the demo's OHS program owner
    // (no page error, no server error, its heading shown, no word left in English, a screenshot); the QR codes
    // of one site, which the navigation does not open, are seen here.
    expect((await call(page, 'PUT', '/api/auth/preferences', { locale: 'zh-TW' })).status).toBeLessThan(300);
    await page.evaluate(() => localStorage.setItem('steward.locale', 'zh-TW'));
    // The app takes the saved language when it loads.
    await page.reload();
    await visit(`/ohs/qr-codes?site=${SITES.K7.id}`, 'zh-TW');
    await page.getByRole('heading', { level: 2, name: '通報用 QR 碼' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps individual health results to medical staff', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    await page.goto('/ohs/health');
    await page.getByText('Individual results are seen by medical staff only', { exact: false }).waitFor();
    expect(await page.getByRole('tab', { name: 'Screenings' }).count()).toBe(0);
    await context.close();

    const medical = await newContext(browser, server.baseUrl);
    const doctor = await medical.newPage();
    await signIn(doctor, 'medical');
    await doctor.goto('/ohs/health?tab=screenings');
    await doctor.getByRole('button', { name: 'Record a screening' }).waitFor();
    await screenshot(doctor, 'ohs-health-medical');
    await medical.close();
  });
  it('offers each role only the pages it may use, and never shows a refused request as an all-clear', async () => {
    const pageOf = async (user: 'medical' | 'board' | 'employee') => {
      const context = await newContext(browser, server.baseUrl);
      const page = await context.newPage();
      await signIn(page, user);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: 'Home' }).waitFor();
      return { context, page, nav };
    };

    // Medical staff: no Committees; the OHS dashboard has no "Overdue actions" card, which they may not
    // see (it said "Nothing overdue" after a 403), and no card of theirs reads as an all-clear.
    const medical = await pageOf('medical');
    expect(await medical.nav.locator('a[href="/committees"]').count()).toBe(0);
    await medical.page.goto('/ohs');
    await medical.page.getByRole('heading', { level: 5, name: 'Open investigations' }).waitFor();
    await medical.page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
    expect(await medical.page.getByRole('heading', { name: 'Overdue actions' }).count()).toBe(0);
    expect(await medical.page.getByText('Nothing overdue.').count()).toBe(0);
    await screenshot(medical.page, 'ohs-dashboard-medical');
    await medical.context.close();

    // The Board reads the dashboard but reports nothing: no "Report an incident", in the navigation (whose
    // OHS group is open on the dashboard) or on the page.
    const board = await pageOf('board');
    await board.nav.locator('a[href="/committees"]').waitFor({ state: 'attached' });
    await board.page.goto('/ohs');
    await board.page.getByRole('heading', { level: 5, name: 'Open investigations' }).waitFor();
    await board.nav.locator('a[href="/ohs/incidents"]').waitFor({ state: 'attached' });
    expect(await board.nav.locator('a[href="/ohs/report"]').count()).toBe(0);
    expect(await board.page.getByRole('link', { name: 'Report an incident' }).count()).toBe(0);
    await board.context.close();

    // An employee reports, and has no Committees page.
    const employee = await pageOf('employee');
    await employee.page.goto('/ohs/report');
    await employee.page.getByRole('heading', { level: 2, name: 'Report an incident or hazard' }).waitFor();
    await employee.nav.locator('a[href="/ohs/report"]').waitFor({ state: 'attached' });
    expect(await employee.nav.locator('a[href="/committees"]').count()).toBe(0);
    await employee.context.close();
  });
});
