import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, newContext, poll, screenshot, serverAndBrowserOfFile, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

/** Picks an option of a Mantine Select (inside `scope`) by its label. */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('the IP program in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('records a family and a Taiwan patent, and shows its deadlines to the day', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'k7Officer');
    await page.goto('/ip');
    await page.getByRole('heading', { level: 2, name: 'Patent portfolio' }).waitFor();

    await page.getByRole('button', { name: 'New family' }).click();
    const familyDialog = page.getByRole('dialog', { name: 'New patent family' });
    await familyDialog.getByRole('textbox', { name: 'Family reference' }).fill('FAM-E2E-1');
    await familyDialog
      .getByRole('textbox', { name: 'Title', exact: true })
      .fill('Fan-out package with a thinned substrate');
    await choose(page, familyDialog, 'Technology', 'Fan-out wafer-level package');
    await familyDialog.getByRole('switch', { name: 'Green-related' }).check({ force: true });
    // Inventors are employees found by name, their shares adding up to 100%.
    await familyDialog.getByRole('button', { name: 'Add an inventor' }).click();
    const inventor = familyDialog.getByRole('combobox', { name: 'Inventor 1' });
    await inventor.click();
    await inventor.fill('Lin Chih');
    await page.getByRole('option', { name: /Lin Chih-Hao/ }).click();
    await familyDialog.getByRole('textbox', { name: 'share 1' }).fill('90');
    await familyDialog.getByRole('button', { name: 'Save' }).click();
    await familyDialog.getByText('The shares add up to 90%, not 100%').first().waitFor();
    await familyDialog.getByRole('textbox', { name: 'share 1' }).fill('100');
    await screenshot(page, 'ip-family-form');
    await familyDialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 2, name: /FAM-E2E-1/ }).waitFor();
    await page.getByText('Lin Chih-Hao (100%)').waitFor();

    await page.getByRole('button', { name: 'Add a matter' }).click();
    const matterDialog = page.getByRole('dialog', { name: 'New matter' });
    await choose(page, matterDialog, 'Office', 'Taiwan (TIPO)');
    await choose(page, matterDialog, 'Status', 'Granted');
    await matterDialog.getByRole('textbox', { name: 'Application no.' }).fill('108117401');
    // A date that does not exist is refused next to its field.
    await matterDialog.getByRole('textbox', { name: 'Filing date' }).fill('2019-02-30');
    await matterDialog.getByRole('button', { name: 'Save' }).click();
    await matterDialog.getByText('Not a real calendar date').waitFor();
    await matterDialog.getByRole('textbox', { name: 'Filing date' }).fill('2019-05-20');
    // Dates out of order with the filing are named before anything is sent.
    await matterDialog.getByRole('textbox', { name: 'Grant date' }).fill('2019-01-31');
    await matterDialog.getByRole('textbox', { name: 'Term counts from' }).fill('2019-06-01');
    await matterDialog.getByRole('button', { name: 'Save' }).click();
    await matterDialog.getByText('Not before the filing date (2019-05-20).').waitFor();
    await matterDialog.getByText('Not after the filing date (2019-05-20).').waitFor();
    await matterDialog.getByRole('textbox', { name: 'Term counts from' }).fill('');
    await matterDialog.getByRole('textbox', { name: 'Grant date' }).fill('2021-01-31');
    // Classes typed loosely are kept in their printed form; one that is not a class is named.
    const ipc = matterDialog.getByLabel('IPC classes');
    await ipc.fill('h01l23/31');
    await ipc.press('Enter');
    await ipc.fill('H01L-99');
    await ipc.press('Enter');
    await matterDialog.getByRole('button', { name: 'Save' }).click();
    await matterDialog.getByText('Not a class: H01L-99. A class reads like H01L 23/31.').waitFor();
    await ipc.press('Backspace');
    const cpc = matterDialog.getByLabel('CPC classes');
    await cpc.fill('H01L 2224/48091');
    await cpc.press('Enter');
    await screenshot(page, 'ip-matter-form');
    await matterDialog.getByRole('button', { name: 'Save' }).click();

    // The matter's page: years counted from the grant publication of 2021-01-31, each due by the day before
    // its anniversary; year 6 falls due on Friday 2026-01-30, year 7 on Saturday 2027-01-30, moved to Monday.
    await page.getByRole('heading', { level: 2, name: 'TW 108117401' }).waitFor();
    await page.getByText('H01L 23/31', { exact: true }).waitFor();
    await page.getByText('H01L 2224/48091', { exact: true }).waitFor();
    const deadlines = page.getByRole('table', { name: 'Deadlines' });
    await deadlines.waitFor();
    const year6 = page.getByTestId('deadline-annuity-6');
    await poll(() => year6.textContent()).toContain('2026-01-30');
    const year7 = page.getByTestId('deadline-annuity-7');
    await poll(() => year7.textContent()).toContain('2027-02-01');
    await year7.getByText('Moved to the next working day').waitFor();
    await poll(() => page.getByTestId('deadline-term_end-TW').textContent()).toContain('2039-05-20');
    await screenshot(page, 'ip-matter-deadlines');

    // The portfolio lists it with its next deadline.
    await page.goto('/ip');
    const table = page.getByRole('table', { name: 'Patent portfolio' });
    await page.getByRole('textbox', { name: 'Search' }).fill('108117401');
    await poll(() => table.getAttribute('data-total')).toBe('1');
    await table.getByText('2027-02-01').waitFor();
    await screenshot(page, 'ip-portfolio');

    // The portfolio on a day: granted today; on the eve of its grant, pending.
    const counts = page.getByTestId('ip-portfolio-counts');
    const countsTable = counts.getByRole('table', { name: 'Portfolio on a day' });
    const taiwan = countsTable.getByRole('row', { name: /Taiwan \(TIPO\)/ });
    await poll(() => taiwan.textContent()).toMatch(/Taiwan \(TIPO\)\s*1\s*0$/);
    await counts.getByRole('textbox', { name: 'As of' }).fill('2021-01-30');
    await poll(() => taiwan.textContent()).toMatch(/Taiwan \(TIPO\)\s*0\s*1$/);
    // Green patents granted in 2021: this family's, by its technology, and all up to the end of that year.
    const green = page.getByTestId('ip-green-patents');
    await green.getByRole('textbox', { name: 'Year' }).fill('2021');
    const greenTable = green.getByRole('table', { name: 'Green patents' });
    await poll(() =>
      greenTable.getByRole('row', { name: /Fan-out wafer-level package/ }).textContent(),
    ).toMatch(/1$/);
    await poll(() =>
      greenTable.getByRole('row', { name: /Granted up to the end of 2021/ }).textContent(),
    ).toMatch(/1$/);
    await screenshot(page, 'ip-portfolio-figures');
    expect(errors).toEqual([]);
    await context.close();
  });
  it('registers a trade secret and shows the score of its measures with its working', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    await page.goto('/ip/trade-secrets');
    await page.getByRole('heading', { level: 2, name: 'Trade secrets' }).waitFor();
    await page.getByRole('button', { name: 'New trade secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'New trade secret' });
    await dialog.getByRole('textbox', { name: 'What is protected' }).fill('Wire-bond recipe windows');
    await choose(page, dialog, 'Category', 'Technology');
    await choose(page, dialog, 'Owner', /Kai Officer/);
    await dialog.getByRole('textbox', { name: 'Last review' }).fill('2024-02-29');
    await dialog.getByRole('radiogroup', { name: 'Access control' }).getByText('Yes').click();
    await dialog.getByRole('radiogroup', { name: 'Training' }).getByText('Partly').click();
    await dialog.getByText('Score: 20 + 0 + 0 + 10 + 0 = 30 of 100').waitFor();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'Wire-bond recipe windows' }).waitFor();
    await page.getByRole('cell', { name: /2025-02-28/ }).waitFor();
    await context.close();
  });

  it('imports matters from a spreadsheet: a bad date is named at its row, the corrected file lands whole', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    await page.goto('/ip/import');
    const header =
      'family_reference,site_code,title,technology,green,inventors,office,kind,application_no,filing_date,publication_no,publication_date,patent_no,grant_date,status,claims,ipc_classes,cpc_classes';
    const first =
      'E2E-IMP-1,K7,Thermal lid attach with sintered silver,sip,no,,TW,invention,113100001,2024-01-15,,,,,filed,10,,';
    const second = (filed: string) => `E2E-IMP-1,,,,,,US,invention,18/000001,${filed},,,,,filed,15,,`;
    const file = page.locator('input[type=file]');
    const progress = page.getByTestId('import-progress');
    const send = async (name: string, rows: string[]) => {
      await file.setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(`${header}\n${rows.join('\n')}\n`),
      });
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      await page.getByRole('button', { name: 'Check every row', exact: true }).click();
    };
    // 30 February: row 3 of the file (the header is row 1) is refused, and nothing is imported.
    await send('matters-with-errors.csv', [first, second('2024-02-30')]);
    await poll(() => progress.getAttribute('data-status'), { timeout: 20_000 }).toBe('invalid');
    const errors = page.getByTestId('import-errors').locator('tbody tr');
    await poll(() => errors.count(), { timeout: 20_000 }).toBe(1);
    const cells = await errors.first().locator('td').allInnerTexts();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toContain('(filing_date)');
    await screenshot(page, 'ip-import-errors');
    const matters = async () =>
      page.evaluate(async () => (await (await fetch('/api/ip/matters?q=E2E-IMP&count=true')).json()).total);
    expect(await matters()).toBe(0);

    // The leap day of 2024 is a real date: both rows land, in one family.
    await page.getByRole('button', { name: 'Upload a corrected file' }).click();
    await send('matters.csv', [first, second('2024-02-29')]);
    await poll(() => progress.getAttribute('data-status'), { timeout: 20_000 }).toBe('valid');
    await page.getByRole('button', { name: 'Import 2 rows', exact: true }).click();
    await poll(() => progress.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    await screenshot(page, 'ip-import-done');
    expect(await matters()).toBe(2);
    await context.close();
  });

  it('shows a European patent’s renewal fees state by state, and an office action’s period to the day', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'k7Officer');
    // Filed 15.06.2018, grant published 07.09.2022: from the 6th year the fees go to the states it was
    // validated in (EPC art. 141). The 8th year falls due on 30.06.2025 in each: DPMA 280 €, UK IPO £130
    // (reference/ip-fees/README.md); France's schedule is not kept.
    const family = await callApi(page, 'POST', '/api/ip/families', {
      siteId: server.fixture.sites.K7.id,
      reference: 'FAM-E2E-EP',
      title: 'Fan-out package validated in three states',
      technology: 'fan_out',
    });
    expect(family.status).toBe(201);
    const matter = await callApi(page, 'POST', '/api/ip/matters', {
      familyId: family.json.id,
      office: 'EP',
      kind: 'invention',
      applicationNo: '18177002.3',
      filingDate: '2018-06-15',
      grantDate: '2022-09-07',
      patentNo: 'EP3580002',
      status: 'granted',
      validationStates: ['DE', 'FR', 'GB'],
    });
    expect(matter.status).toBe(201);
    await page.goto(`/ip/matters/${matter.json.id}`);
    const row = (id: string) => page.getByTestId(`deadline-annuity-${id}`);
    await row('8-DE').waitFor();
    expect(await row('8-DE').innerText()).toContain('EUR 280');
    expect(await row('8-GB').innerText()).toContain('GBP 130');
    expect(await row('8-FR').innerText()).toContain('Not priced: this state’s schedule is not kept');
    // The 5th year, the grant's, was the EPO's.
    expect(await row('5').innerText()).toContain('2022-06-30');
    // Narrowed to what Germany is paid.
    await page.getByRole('radiogroup', { name: 'Paid to' }).getByText('Germany', { exact: true }).click();
    await poll(() => row('8-FR').count()).toBe(0);
    await poll(() => row('5').count()).toBe(0);
    expect(await row('9-DE').innerText()).toContain('2026-06-30');
    await screenshot(page, 'ip-ep-validation-states');

    // An examination report dated 15.01.2024 sets four months: 15.05.2024 (EPC Rule 131(4)).
    await page.getByRole('button', { name: 'Record office action' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record office action' });
    await choose(page, dialog, 'Communication', 'Examination report');
    await dialog.getByRole('textbox', { name: 'Date of the communication' }).fill('2024-01-15');
    await dialog.getByRole('textbox', { name: 'Period to respond (months)' }).fill('4');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const action = page.getByTestId('office-action-2024-01-15');
    // The row's cells: communication, date, period, act by, extendable to, response filed.
    const cells = async () =>
      (await action.locator('td').evaluateAll((tds) => tds.map((td) => td.textContent?.trim() ?? ''))).slice(
        0,
        6,
      );
    await poll(cells).toEqual([
      'Examination report',
      '2024-01-15',
      '4 months',
      '2024-05-15',
      '2024-07-15',
      'Open',
    ]);
    // Extended on request: six months in all at most (Rule 132(2)).
    await action.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit' });
    const extension = edit.getByRole('textbox', { name: 'Extension taken (months)' });
    await extension.fill('3');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit
      .getByText('The period and its extension exceed the six months the law allows')
      .first()
      .waitFor();
    await extension.fill('2');
    await edit.getByRole('textbox', { name: 'Response filed on' }).fill('2024-07-10');
    await edit.getByRole('button', { name: 'Save' }).click();
    await poll(cells).toEqual([
      'Examination report',
      '2024-01-15',
      '4 + 2 months',
      '2024-07-15',
      '2024-07-15',
      '2024-07-10',
    ]);
    await screenshot(page, 'ip-office-actions');
    expect(errors).toEqual([]);
    await context.close();
  });
});
