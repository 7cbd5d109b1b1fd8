// biome-ignore-all lint/suspicious/noExplicitAny: the catalogue is read as the API sent it.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { USERS } from '../support/fixture.ts';
import { newContext, poll, screenshot, serverAndBrowserForFile, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

const csrf = (page: Page) =>
  page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).csrfToken as string);

/** Signs in and reads the app in Traditional Chinese from then on. */
async function signInChinese(page: Page, user: keyof typeof USERS) {
  await signIn(page, user);
  const token = await csrf(page);
  await page.evaluate(async (token) => {
    await fetch('/api/auth/preferences', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({ locale: 'zh-TW' }),
    });
    localStorage.setItem('steward.locale', 'zh-TW');
  }, token);
}

/** Picks a level in a subcategory's Select. */
async function pick(page: Page, name: string, option: string) {
  await page.getByRole('combobox', { name, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!hasChromium)('the NIST CSF maturity assessment in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let campaignUrl = '';
  let assessmentUrl = '';
  let score = '';
  let revision2Url = '';

  serverAndBrowserForFile((started) => ({ server, browser } = started));

  it('lets the group administrator open a campaign for K7 IT through the form', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    await page.goto('/infosec/csf/campaigns');
    await page.getByRole('button', { name: 'Open a campaign' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a campaign' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('NIST CSF maturity 2026');
    await dialog.getByRole('textbox', { name: 'Year' }).fill('2026');
    await dialog.getByRole('checkbox', { name: 'K7 IT' }).check();
    await dialog.getByRole('button', { name: 'Open a campaign' }).click();
    await page.waitForURL(/\/infosec\/csf\/campaigns\/[0-9a-f-]+$/);
    campaignUrl = new URL(page.url()).pathname;
    const table = page.getByRole('table', { name: 'Assessments' });
    await poll(() => table.getAttribute('data-total')).toBe('1');
    await expect(table.getByRole('row').nth(1).textContent()).resolves.toMatch(
      /K7.*IT.*Draft.*0 of 106 answered.*Not assessed/,
    );
    await context.close();
  });

  it('lets the K7 officer name the consultancy, answer every subcategory and submit', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    await page.goto(campaignUrl);
    await page.getByRole('table', { name: 'Assessments' }).getByText('K7 ·').click();
    await page.waitForURL(/\/infosec\/csf\/assessments\/[0-9a-f-]+$/);
    assessmentUrl = new URL(page.url()).pathname;
    const id = assessmentUrl.split('/').at(-1) as string;

    // No named person: the site's team enters the consultancy's report.
    await page.getByRole('button', { name: 'Name the assessor' }).click();
    const named = page.getByRole('dialog', { name: 'Name the assessor' });
    await named.getByRole('textbox', { name: 'Consultancy' }).fill('Formosa Cyber Advisory');
    await named.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Consultancy: Formosa Cyber Advisory').waitFor();

    // A few answers through the page, kept locally until Save.
    await pick(page, 'GV.OC-01 Level', '3 · Defined');
    await pick(page, 'GV.OC-01 Target', '4 · Managed');
    await pick(page, 'GV.OC-02 Level', 'Not applicable');
    await pick(page, 'GV.OC-03 Level', '2 · Repeatable');
    await page.getByText('3 unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save answers' }).click();
    await page.getByText('3 of 106 answered').waitFor();
    await expect(page.getByRole('button', { name: 'Save answers' }).isDisabled()).resolves.toBe(true);

    // The rest through the API with the same session.
    const token = await csrf(page);
    const status = await page.evaluate(
      async ({ id, token }) => {
        const a = await (await fetch(`/api/infosec/csf/assessments/${id}`)).json();
        const cat = await (await fetch(`/api/infosec/csf/catalogues/${a.catalogueId}`)).json();
        const done = new Set(a.answers.map((x: { subcategory: string }) => x.subcategory));
        const rest: string[] = cat.functions.flatMap((f: any) =>
          f.categories.flatMap((c: any) => c.subcategories.map((s: any) => s.identifier)),
        );
        const answers = rest
          .filter((s) => !done.has(s))
          .map((subcategory, i) => ({ subcategory, level: 2 + (i % 3), target: 4 }));
        const res = await fetch(`/api/infosec/csf/assessments/${id}/answers`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({ answers, version: a.version }),
        });
        return res.status;
      },
      { id, token },
    );
    expect(status).toBe(200);
    await page.reload();
    await page.getByText('106 of 106 answered').waitFor();
    await page.getByLabel('Unanswered only').check();
    await page.getByText('Every subcategory is answered.').waitFor();
    await page.getByLabel('Unanswered only').uncheck();

    await page.getByRole('button', { name: 'Submit for review' }).click();
    const submit = page.getByRole('dialog', { name: 'Submit for review' });
    await submit.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText('In review', { exact: true }).first().waitFor();

    // A return needs a comment.
    await page.getByRole('button', { name: 'Return to the assessor' }).click();
    const back = page.getByRole('dialog', { name: 'Return the assessment to the assessor' });
    await back.getByRole('button', { name: 'Return to the assessor' }).click();
    await expect(back.isVisible()).resolves.toBe(true);
    await back
      .getByRole('textbox', { name: /What should the assessor change/ })
      .fill('Check PR.AA-01 evidence');
    await back.getByRole('button', { name: 'Return to the assessor' }).click();
    await page.getByRole('button', { name: 'Submit for review' }).waitFor();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await submit.getByRole('button', { name: 'Submit for review' }).click();

    // Without a named assessor, the site's team reviews and signs off the consultancy's report.
    await page.getByRole('button', { name: 'Mark reviewed' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mark reviewed' }).click();
    await page.getByRole('button', { name: 'Sign off' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign off' }).click();
    await page.getByText('Signed off', { exact: true }).first().waitFor();
    // Approval is the program owner's: not offered to the site.
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await context.close();
  });

  it('lets the administrator approve and correct it, and shows K7 on the heat map with its score', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    await page.goto(assessmentUrl);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await page.getByText(/Approved by Grace Admin/).waitFor();
    const scoreLine = await page.getByText(/^Score: \d\.\d$/).textContent();
    score = scoreLine?.replace('Score: ', '') ?? '';
    expect(score).toMatch(/^\d\.\d$/);
    await screenshot(page, 'csf-assessment-en');

    await page.goto('/infosec/csf');
    const heat = page.getByRole('table', { name: 'Maturity by site and function' });
    const k7 = heat.locator('tr', { has: page.getByRole('rowheader', { name: /^K7/ }) });
    await poll(() => k7.locator('td').last().textContent()).toBe(score);
    // Every function column has a figure or words, never a bare zero for a missing one.
    await expect(k7.locator('td').allTextContents()).resolves.not.toContain('');
    await page.getByTestId('csf-heatmap').locator('canvas').first().waitFor();
    await page.getByText('mean of the applicable subcategory levels', { exact: false }).waitFor();

    // The program owner enters the year's benchmark.
    await page.getByRole('button', { name: 'Enter the benchmark' }).click();
    const bench = page.getByRole('dialog', { name: 'Industry benchmark for 2026' });
    await bench.getByRole('textbox', { name: 'Govern (GV)' }).fill('3.1');
    await bench.getByRole('textbox', { name: 'Protect (PR)' }).fill('3.4');
    await bench.getByRole('button', { name: 'Save' }).click();
    const benchRow = heat.locator('tr', { has: page.getByRole('rowheader', { name: 'Industry benchmark' }) });
    await poll(() => benchRow.locator('td').first().textContent()).toBe('3.1');
    await screenshot(page, 'csf-heatmap-en');

    // The group-wide manager weighs Govern twice and renames level 5: the note beside the figures names the weight.
    await page.getByRole('button', { name: 'Scale and weights' }).click();
    const scale = page.getByRole('dialog', { name: 'Maturity scale and function weights' });
    const level5 = scale.getByRole('textbox', { name: 'Level 5 in English' });
    await poll(() => level5.inputValue()).toBe('Optimising');
    await level5.fill('Leading');
    await scale.getByRole('textbox', { name: 'Govern (GV)' }).fill('2');
    await screenshot(page, 'csf-scale-form-en');
    await scale.getByRole('button', { name: 'Save' }).click();
    await poll(() => page.getByTestId('csf-rule').textContent()).toContain(
      'Function weights in a site’s overall score: GV 2; others 1.',
    );
    const saved = await page.evaluate(async () => (await fetch('/api/infosec/csf/scale')).json());
    expect(saved.labels[5]).toEqual({ en: 'Leading', 'zh-TW': '最佳化' });
    // K7's score is now the weighted one, here and on its assessment.
    score = (await k7.locator('td').last().textContent()) ?? '';
    await screenshot(page, 'csf-rule-weights-en');

    // A correction opens revision 2 as a draft, with its reason.
    await page.goto(assessmentUrl);
    await page.getByText(`Score: ${score}`, { exact: true }).waitFor();
    await page.getByText('GV 2; others 1.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Correct' }).click();
    const correct = page.getByRole('dialog', { name: 'Correct the approved assessment' });
    await correct
      .getByRole('textbox', { name: /Why is it corrected/ })
      .fill('PR.AA-01 evidence was from 2025');
    await correct.getByRole('button', { name: 'Correct' }).click();
    await poll(() => new URL(page.url()).pathname).not.toBe(assessmentUrl);
    revision2Url = new URL(page.url()).pathname;
    await page.getByText('Revision 2', { exact: true }).first().waitFor();
    await page.getByText('Correction: PR.AA-01 evidence was from 2025').waitFor();
    await expect(page.getByText('Draft', { exact: true }).first().isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'Revision 1 · Approved' }).waitFor();

    await page.goto(campaignUrl);
    // The campaign lists the site once, at its current revision: the correction under way.
    const rows = page.getByRole('table', { name: 'Assessments' });
    await poll(() => rows.getAttribute('data-total')).toBe('1');
    await rows.getByText('Draft', { exact: true }).first().waitFor();
    await screenshot(page, 'csf-campaign-en');
    await context.close();
  });

  it('brings a named consultant without roles to their assessment, and reloads it when it changed meanwhile', async () => {
    const consultant = { email: 'lin.assessor@consulting.test', password: 'Consultant-Pass-42' };
    const admin = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(admin, 'groupAdmin');
    const token = await csrf(admin);
    const created = await admin.evaluate(
      async ({ token, consultant }) => {
        const res = await fetch('/api/users', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({ ...consultant, displayName: 'Lin Assessor', assignments: [] }),
        });
        return { status: res.status, id: (await res.json()).id as string };
      },
      { token, consultant },
    );
    expect(created.status).toBe(201);
    // The user picker lists only people holding a role, so an outside consultant is named through the API.
    const revision2 = revision2Url.split('/').at(-1) as string;
    const set = await admin.evaluate(
      async ({ token, id, assessorId }) => {
        const a = await (await fetch(`/api/infosec/csf/assessments/${id}`)).json();
        const res = await fetch(`/api/infosec/csf/assessments/${id}/assessor`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({
            assessorId,
            consultancy: a.consultancy,
            version: a.version,
          }),
        });
        return res.status;
      },
      { token, id: revision2, assessorId: created.id },
    );
    expect(set).toBe(200);
    await admin.goto(revision2Url);
    await admin.getByText(/Assessor: Lin Assessor/).waitFor();
    await admin.context().close();

    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(consultant.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(consultant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    // Their way in: "My assessments" in the navigation.
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Information security' })
      .click()
      .catch(() => undefined);
    await page.getByRole('link', { name: 'My assessments' }).click();
    const mine = page.getByRole('table', { name: 'My assessments' });
    await poll(() => mine.getAttribute('data-total')).toBe('1');
    await mine.getByText('K7 ·').click();
    await page.waitForURL((url) => url.pathname === revision2Url);
    await page.getByRole('link', { name: 'My assessments' }).first().waitFor();

    // A change here while the assessment changes elsewhere (another tab): the save is refused and reloaded.
    await pick(page, 'GV.OC-03 Level', '4 · Managed');
    await page.getByText('1 unsaved change').waitFor();
    const elsewhere = await page.evaluate(
      async ({ id, token }) => {
        const a = await (await fetch(`/api/infosec/csf/assessments/${id}`)).json();
        const res = await fetch(`/api/infosec/csf/assessments/${id}/answers`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({
            answers: [{ subcategory: 'GV.OC-01', level: 4, notApplicable: false, target: 4 }],
            version: a.version,
          }),
        });
        return res.status;
      },
      { id: revision2Url.split('/').at(-1) as string, token: await csrf(page) },
    );
    expect(elsewhere).toBe(200);
    await page.getByRole('button', { name: 'Save answers' }).click();
    await page.getByText('Someone changed this assessment since you opened it.', { exact: false }).waitFor();
    await poll(() => page.getByRole('combobox', { name: 'GV.OC-01 Level', exact: true }).inputValue()).toBe(
      '4 · Managed',
    );
    await expect(
      page.getByRole('combobox', { name: 'GV.OC-03 Level', exact: true }).inputValue(),
    ).resolves.toBe('2 · Repeatable');
    await context.close();
  });

  it('shows the same pages in Traditional Chinese', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signInChinese(page, 'groupAdmin');
    await page.goto('/infosec/csf');
    const heat = page.getByRole('table', { name: '各廠區各功能成熟度' });
    const k7 = heat.locator('tr', { has: page.getByRole('rowheader', { name: /^K7/ }) });
    await page.getByTestId('csf-heatmap').locator('canvas').first().waitFor();
    await screenshot(page, 'csf-heatmap-zh');
    await poll(() => k7.locator('td').last().textContent()).toBe(score);
    await poll(() => page.getByTestId('csf-rule').textContent()).toContain('GV 2；其餘為 1。');
    await page.getByRole('button', { name: '等級與權重' }).click();
    const scale = page.getByRole('dialog', { name: '成熟度等級與功能權重' });
    await poll(() => scale.getByRole('textbox', { name: '治理 (GV)' }).inputValue()).toBe('2');
    await screenshot(page, 'csf-scale-form-zh');
    await scale.getByRole('button', { name: '取消' }).click();
    await page.goto(assessmentUrl);
    await page.getByText('第 1 版', { exact: true }).first().waitFor();
    await screenshot(page, 'csf-assessment-zh');
    await page.goto(campaignUrl);
    const assessments = page.getByRole('table', { name: '評鑑' });
    await poll(() => assessments.getAttribute('data-total')).toBe('1');
    await screenshot(page, 'csf-campaign-zh');
    // Penang's IT is added during the year; K7's IT, already assessed, is ticked and locked.
    await page.getByRole('button', { name: '新增廠區' }).click();
    const add = page.getByRole('dialog', { name: '新增廠區' });
    const k7It = add.getByRole('checkbox', { name: 'K7 IT' });
    await poll(() => k7It.isDisabled()).toBe(true);
    await expect(k7It.isChecked()).resolves.toBe(true);
    await add.getByRole('checkbox', { name: 'PG IT' }).check();
    await screenshot(page, 'csf-add-sites-zh');
    await add.getByRole('button', { name: '新增廠區' }).click();
    await poll(() => assessments.getAttribute('data-total')).toBe('2');
    await assessments.getByText('PG ·').waitFor();
    await context.close();
  });
});
