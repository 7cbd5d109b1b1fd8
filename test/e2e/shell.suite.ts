import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EMPLOYEES, SITES, USERS } from '../support/fixture.ts';
import { newContext, poll, screenshot, serverAndBrowserOfFile, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('web shell: sign-in, scoped people, language', () => {
  let server: RunningServer;
  let browser: Browser;

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('signs in with email and password, refuses a wrong password, and signs out', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();

    // Signed out, any page leads to the sign-in page, which remembers where the user was going.
    await page.goto('/people/employees');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/people/employees');
    await screenshot(page, 'sign-in');

    await page.getByLabel('Email').fill(USERS.groupAdmin.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email or password is not correct.');
    await screenshot(page, 'sign-in-wrong-password');

    // The password field was emptied; Enter submits the form.
    await page.getByRole('textbox', { name: 'Password' }).fill(USERS.groupAdmin.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/people/employees');
    await page.getByRole('table', { name: 'Employees' }).waitFor();

    await page.goto('/');
    await page.getByRole('heading', { name: `Welcome, ${USERS.groupAdmin.displayName}` }).waitFor();
    await screenshot(page, 'home-group-admin');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect((await page.request.get('/api/auth/session')).status()).toBe(401);

    // The old session is gone: pages lead back to sign-in.
    await page.goto('/admin/users');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await context.close();
  });

  it('tells a locked-out user when to try again', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(USERS.board.email);
    for (let i = 0; i < 5; i++) {
      await page.getByRole('textbox', { name: 'Password' }).fill(`wrong password ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await poll(() => page.getByRole('alert').textContent()).toContain('not correct');
      await page.getByRole('textbox', { name: 'Password' }).fill('');
    }
    // Even the right password is refused while the account is locked, with the time to wait.
    await page.getByRole('textbox', { name: 'Password' }).fill(USERS.board.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => page.getByRole('alert').textContent()).toMatch(/locked: try again in 15 minutes/);
    await screenshot(page, 'sign-in-locked');
    await context.close();
  });

  it('shows a site officer only the employees of their own site', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');

    // No administration of users or the audit log for a site officer.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Organisation' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Users and roles' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);

    // People is a group of pages: it opens to show them.
    await nav.getByRole('button', { name: 'People' }).click();
    await nav.getByRole('link', { name: 'Employees' }).click();
    const table = page.getByRole('table', { name: 'Employees' });
    const k7Active = Object.values(EMPLOYEES).filter((e) => e.siteCode === 'K7' && !e.leaveDate);
    await poll(() => table.getAttribute('data-total')).toBe(String(k7Active.length));
    await poll(() => table.getAttribute('aria-busy')).toBe('false');
    const sites = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(sites.length).toBe(k7Active.length);
    expect(new Set(sites)).toEqual(new Set([SITES.K7.code]));
    const names = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names.sort()).toEqual(k7Active.map((e) => e.fullName).sort());
    expect(await page.getByTestId('row-count').textContent()).toBe(
      `1–${k7Active.length} of ${k7Active.length}`,
    );

    // Leavers on request; still only K7.
    await page.getByText('All', { exact: true }).click();
    const k7All = Object.values(EMPLOYEES).filter((e) => e.siteCode === 'K7');
    await poll(() => table.getAttribute('data-total')).toBe(String(k7All.length));
    await screenshot(page, 'employees-site-officer');

    // The CSV export has the same filters as the table.
    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv.length).toBe(1 + k7All.length);
    expect(csv.slice(1).every((line) => line.includes(',K7,'))).toBe(true);

    // A person of another site does not exist for this user.
    const other = EMPLOYEES['PG-0001'];
    const status = await page.evaluate(
      async (id) => (await fetch(`/api/people/employees/${id}`)).status,
      other.id,
    );
    expect(status).toBe(404);
    await context.close();
  });

  it('switches to Traditional Chinese at once and keeps it for the next sign-in', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'ohsOwner');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '繁體中文' }).click();
    const nav = page.getByRole('navigation', { name: '主選單' });
    await nav.getByRole('link', { name: '首頁' }).waitFor();
    await page.getByRole('heading', { name: `歡迎，${USERS.ohsOwner.displayName}` }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-TW');
    expect(await nav.textContent()).toContain('職業安全衛生');
    await screenshot(page, 'home-zh-TW');

    await nav.getByRole('button', { name: '人員' }).click();
    await nav.getByRole('link', { name: '員工' }).click();
    await page.getByRole('table', { name: '員工' }).waitFor();
    await page.getByRole('columnheader', { name: '到職日' }).waitFor();
    await screenshot(page, 'employees-zh-TW');

    // Saved on the server: a new browser signs in and gets Chinese without asking.
    const fresh = await newContext(browser, server.baseUrl, { colorScheme: 'dark' });
    const again = await fresh.newPage();
    await again.goto('/sign-in');
    await again.getByLabel('Email').fill(USERS.ohsOwner.email);
    await again.getByRole('textbox', { name: 'Password' }).fill(USERS.ohsOwner.password);
    await again.keyboard.press('Enter');
    await again.getByRole('heading', { name: `歡迎，${USERS.ohsOwner.displayName}` }).waitFor();
    await screenshot(again, 'home-zh-TW-dark');

    // And back to English.
    await again.getByTestId('user-menu').click();
    await again.getByRole('menuitem', { name: 'English' }).click();
    await again
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Home' })
      .waitFor();
    await fresh.close();
    await context.close();
  });

  it('lets the language chosen on the sign-in page win for the session, and offers to keep it', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: '繁體中文' }).click();
    await page.getByLabel('電子郵件').fill(USERS.auditor.email);
    await page.getByRole('textbox', { name: '密碼' }).fill(USERS.auditor.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `歡迎，${USERS.auditor.displayName}` }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-TW');
    await page.getByRole('button', { name: '保留繁體中文' }).click();
    await page.getByText('之後 Steward 將以繁體中文開啟。').waitFor();
    await screenshot(page, 'sign-in-language-kept');

    // Kept on the server: a new browser opens in Chinese without choosing.
    const fresh = await newContext(browser, server.baseUrl);
    const again = await fresh.newPage();
    await again.goto('/sign-in');
    await again.getByLabel('Email').fill(USERS.auditor.email);
    await again.getByRole('textbox', { name: 'Password' }).fill(USERS.auditor.password);
    await again.keyboard.press('Enter');
    await again.getByRole('heading', { name: `歡迎，${USERS.auditor.displayName}` }).waitFor();
    await fresh.close();
    await context.close();
  });
});
