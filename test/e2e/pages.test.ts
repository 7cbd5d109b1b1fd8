import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AREAS, SITES, USERS } from '../support/fixture.ts';
import {
  newContext,
  openInApp,
  poll,
  screenshot,
  serverAndBrowserForFile,
  signIn,
} from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

/** Every page of the platform, and the programs whose module is not built yet, as a group administrator sees them. */
const pages = [
  { name: 'home', path: '/', heading: 'Welcome, Grace Admin' },
  { name: 'ip-portfolio', path: '/programs/ip', heading: 'Patent portfolio' },
  { name: 'infosec-report', path: '/programs/infosec', heading: 'Report a security incident' },
  { name: 'infosec-incidents', path: '/infosec/incidents', heading: 'Security incidents' },
  { name: 'infosec-systems', path: '/infosec/systems', heading: 'Systems register' },
  { name: 'program-academia', path: '/programs/academia', heading: 'Research projects' },
  { name: 'smart-alarms', path: '/programs/smart', heading: 'Alarms' },
  { name: 'smart-sensors', path: '/smart/sensors', heading: 'Sensors' },
  { name: 'organisation', path: '/org', heading: 'Organisation' },
  { name: 'site', path: `/org/sites/${SITES.K7.id}`, heading: SITES.K7.name },
  { name: 'employees', path: '/people/employees', heading: 'Employees' },
  { name: 'employee-import', path: '/people/employees/import', heading: 'Import employees' },
  { name: 'contractors', path: '/people/contractors', heading: 'Contractors' },
  { name: 'contractor-companies', path: '/people/contractors?tab=companies', heading: 'Contractors' },
  { name: 'externals', path: '/people/externals', heading: 'External persons' },
  { name: 'users', path: '/admin/users', heading: 'Users and roles' },
  { name: 'audit', path: '/admin/audit', heading: 'Audit log' },
  { name: 'tokens', path: '/account/tokens', heading: 'API tokens' },
  { name: 'not-found', path: '/no/such/page', heading: 'Page not found' },
];

/** Picks an option of a Mantine Select or MultiSelect (inside `scope`, e.g. a dialog) by its label. */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function csrf(page: Page): Promise<string> {
  return page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).csrfToken as string);
}

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('web pages of the platform', () => {
  let server: RunningServer;
  let browser: Browser;

  serverAndBrowserForFile((started) => ({ server, browser } = started));

  it.each(['light', 'dark'] as const)('shows every page without errors (%s theme)', async (scheme) => {
    const context = await newContext(browser, server.baseUrl, { colorScheme: scheme });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'groupAdmin');
    for (const p of pages) {
      await openInApp(page, p.path);
      try {
        await page.getByRole('heading', { level: 2, name: p.heading }).waitFor();
      } catch (error) {
        await screenshot(page, `failed-page-${p.name}-${scheme}`);
        throw new Error(`${p.path} did not show its heading "${p.heading}": ${(error as Error).message}`);
      }
      await screenshot(page, `page-${p.name}-${scheme}`);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('adds an employee with field errors first, and warns when someone else changed the record', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    await page.goto('/people/employees');
    await page.getByRole('button', { name: 'Add employee' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add employee' });
    await dialog.waitFor();

    // The first field has the focus; Enter submits, and the contract's rules show at the fields.
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe(
      'employeeNo',
    );
    await page.keyboard.press('Enter');
    await poll(() => dialog.getByText('Required', { exact: true }).count()).toBe(5);
    await screenshot(page, 'employee-form-errors');

    await dialog.getByRole('textbox', { name: 'Employee no.' }).fill('K7-0100');
    await choose(page, dialog, 'Site', /^K7 · /);
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Kao Yi-Chun');
    await dialog.getByRole('textbox', { name: 'Department' }).fill('Assembly');
    await dialog.getByRole('textbox', { name: 'Hire date' }).fill('2025-02-03');
    await dialog.getByRole('heading', { name: 'Add employee' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    const table = page.getByRole('table', { name: 'Employees' });
    await page.getByRole('textbox', { name: 'Search' }).fill('K7-0100');
    await poll(() => table.getAttribute('data-total')).toBe('1');
    // The row opens the employee's page; its Edit button opens the form.
    await table.getByText('Kao Yi-Chun').click();
    await page.getByRole('heading', { name: 'Kao Yi-Chun' }).waitFor();
    await page.getByRole('button', { name: 'Edit employee' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit employee' });
    await edit.waitFor();

    // Someone else changes the same employee meanwhile.
    const token = await csrf(page);
    const changed = await page.evaluate(
      async ({ token }) => {
        const list = await (await fetch('/api/people/employees?q=K7-0100')).json();
        const e = list.items[0];
        const res = await fetch(`/api/people/employees/${e.id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({ version: e.version, department: 'Test' }),
        });
        return res.status;
      },
      { token },
    );
    expect(changed).toBe(200);

    await edit.getByRole('textbox', { name: 'Job title' }).fill('Operator');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText('Changed by someone else').waitFor();
    await screenshot(page, 'employee-form-stale');
    await edit.getByRole('button', { name: 'Reload the current version' }).click();
    await poll(() => edit.getByRole('textbox', { name: 'Department' }).inputValue()).toBe('Test');
    await edit.getByRole('textbox', { name: 'Job title' }).fill('Operator');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await poll(() => page.locator('main').textContent()).toContain('Operator');
    await context.close();
  });

  it('imports employees through the import wizard: row errors first, then the whole file', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    await page.goto('/people/employees/import');
    // The file's own (Chinese) headers: Steward recognises them and suggests the mapping.
    const header = '工號,姓名,廠區,部門,到職日,離職日,電子郵件,職稱';
    const file = page.locator('input[type=file]');

    await file.setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${header}\nK7-0200,Ho Pei-Yu,K7,Test,2024-13-01,,,\nK7-0201,Su Chun-Wei,NOPE,Test,2024-01-02,,,\n`,
      ),
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const mapping = page.getByRole('table', { name: 'Columns' });
    await mapping.waitFor();
    await poll(() => mapping.getByText('Suggested').count()).toBe(8);
    await page.getByRole('button', { name: 'Check every row', exact: true }).click();
    const progress = page.getByTestId('import-progress');
    await poll(() => progress.getAttribute('data-status')).toBe('invalid');
    const errors = page.getByTestId('import-errors');
    // Each problem names its row in the file (the header is row 1), its column and what is wrong.
    await poll(() => errors.locator('tbody tr').count()).toBe(2);
    const rows = await errors
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['2', 'Hire date (YYYY-MM-DD) (到職日)', 'Not a real calendar date'],
      ['3', 'Site code (廠區)', 'Unknown site NOPE'],
    ]);
    expect(await page.getByRole('button', { name: /^Import \d+ rows?$/ }).count()).toBe(0);
    await screenshot(page, 'employee-import-errors');

    await page.getByRole('button', { name: 'Upload a corrected file' }).click();
    await file.setInputFiles({
      name: 'good.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${header}\nK7-0200,Ho Pei-Yu,K7,Test,2024-12-01,,,\nK7-0201,Su Chun-Wei,K7,Test,2024-01-02,,,Engineer\n`,
      ),
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByRole('button', { name: 'Check every row', exact: true }).click();
    await poll(() => progress.getAttribute('data-status')).toBe('valid');
    await page.getByText('Every row is valid').waitFor();
    await page.getByRole('button', { name: 'Import 2 rows', exact: true }).click();
    await poll(() => progress.getAttribute('data-status')).toBe('done');
    await page.getByText('2 rows imported: 2 new, 0 already recorded.').waitFor();
    await screenshot(page, 'employee-import-done');
    await page.getByRole('link', { name: 'See the employees' }).click();
    await page.getByRole('heading', { level: 2, name: 'Employees' }).waitFor();
    await context.close();
  });

  it('manages the areas of a site as a tree', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    await page.goto(`/org/sites/${SITES.K7.id}`);
    await page.getByTestId(`area-${AREAS.K7_B1_F3_L2.code}`).waitFor();

    await page.getByRole('button', { name: 'Add area' }).click();
    const add = page.getByRole('dialog', { name: 'Add area' });
    await add.getByRole('textbox', { name: 'Code' }).fill('B2');
    await add.getByRole('textbox', { name: 'Name' }).fill('Building 2');
    await add.getByRole('textbox', { name: 'Name' }).press('Enter');
    await add.waitFor({ state: 'detached' });
    await page.getByTestId('area-B2').waitFor();

    // Move the line into the new building.
    await page.getByTestId(`area-${AREAS.K7_B1_F3_L2.code}`).getByRole('button', { name: 'Move' }).click();
    const move = page.getByRole('dialog', { name: 'Edit area' });
    await choose(page, move, 'Inside', /^B2 · /);
    await move.getByRole('button', { name: 'Save' }).click();
    await move.waitFor({ state: 'detached' });

    // A building with a line inside cannot be deleted.
    await page.getByTestId('area-B2').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete area' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('This area still contains other areas').waitFor();
    await screenshot(page, 'site-areas');
    await context.close();
  });

  it('creates a user with a site role', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByRole('textbox', { name: 'Email' }).fill('new.officer@steward.test');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Nina Officer');
    await dialog.getByRole('textbox', { name: 'Password' }).fill('Nina-Officer-Pass-1');
    await dialog.getByRole('button', { name: 'Add role' }).click();
    await choose(page, dialog, 'Role', 'Site officer');
    await choose(page, dialog, 'Program', 'Occupational health & safety');
    await choose(page, dialog, 'Sites', /^TC · /);
    await page.keyboard.press('Escape');
    await screenshot(page, 'user-form');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Users and roles' }).getByText('Site officer · OHS · TC').waitFor();
    await context.close();
  });

  it('shows the before and after of a change, and verifies the audit chains', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'auditor');
    await page.goto('/admin/audit');
    const table = page.getByRole('table', { name: 'Audit log' });
    // The action reads as a word ("Changed") beside the record's type ("Employee"); its code is in its tooltip.
    const updated = table
      .locator('tbody tr')
      .filter({ hasText: 'Changed' })
      .filter({ has: page.getByRole('cell', { name: 'Employee', exact: true }) })
      .first();
    await updated.waitFor();
    expect(await updated.getByText('Changed').getAttribute('title')).toBe('employee.updated');
    await updated.getByRole('button', { name: 'Show details' }).click();
    const diff = page.getByTestId('audit-diff').first();
    await diff.waitFor();
    expect(await diff.textContent()).toContain('department');
    await screenshot(page, 'audit-diff');

    await page.getByRole('button', { name: 'Verify chains' }).click();
    await page.getByTestId('verify-ok').waitFor();
    await screenshot(page, 'audit-verify');
    await page.keyboard.press('Escape');

    // How a broken chain is shown (the report is the server's, as verify returns it for a tampered log).
    await page.route('**/api/audit/verify', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          chains: 3,
          events: 42,
          redactions: [],
          breaks: [
            {
              chainKey: `site:${SITES.K7.id}`,
              seq: 4,
              eventId: 17,
              reason: 'hash-mismatch',
              detail: 'Event 4 does not match its hash.',
            },
            {
              chainKey: 'group',
              seq: 2,
              eventId: null,
              reason: 'missing-event',
              detail: 'Event 2 is missing.',
            },
          ],
        }),
      }),
    );
    await page.getByRole('button', { name: 'Verify chains' }).click();
    const broken = page.getByTestId('verify-broken');
    await broken.waitFor();
    expect(await broken.textContent()).toContain('Altered event');
    expect(await broken.textContent()).toContain('Missing event');
    await screenshot(page, 'audit-verify-broken');
    await context.close();
  });

  it("shows an audit event's summary in the reader's language, and in the other once they switch", async () => {
    const context = await newContext(browser, server.baseUrl);
    // Five wrong passwords lock the Board member's account: an event the server writes on its own.
    for (let n = 0; n < 5; n++) {
      const wrong = await context.request.post('/api/auth/sign-in', {
        data: { email: USERS.board.email, password: 'not the password' },
      });
      expect(wrong.status()).toBe(401);
    }
    const page = await context.newPage();
    await signIn(page, 'auditor');
    await page.goto('/admin/audit');
    const table = page.getByRole('table', { name: 'Audit log' });
    await table.getByText('Locked for 15 minutes after 5 failed sign-ins').waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '繁體中文' }).click();
    const zh = page.getByRole('table', { name: '稽核紀錄' });
    await zh.getByText('登入失敗 5 次，鎖定 15 分鐘').waitFor();
    expect(await zh.textContent()).not.toContain('failed sign-ins');
    await screenshot(page, 'audit-zh-TW');

    // The language is saved on the server: back to English for whoever signs in as the auditor next.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await table.getByText('Locked for 15 minutes after 5 failed sign-ins').waitFor();
    await context.close();
  });
});

if (!hasChromium) {
  describe('web pages in a browser', () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}
