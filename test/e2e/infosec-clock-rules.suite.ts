import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  callApi,
  keepLocale,
  newContext,
  screenshot,
  serverAndBrowserOfFile,
  signInDemo,
} from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

type StoredRules = { levels: { levelReviewHours: number }[] };
const storedLevel3Review = async (page: Page) =>
  ((await callApi(page, 'GET', '/api/infosec/clock-rules')).json as StoredRules).levels[2]?.levelReviewHours;

describe.skipIf(!hasChromium)('the incident clock rules in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('lets the CISO office change a level’s review hours, refuses a bad value at the field, and keeps the change', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signInDemo(page, 'infosec.owner@steward.demo');
    await page.goto('/infosec/clock-rules');
    await page.getByRole('heading', { level: 2, name: 'Incident clock rules' }).waitFor();
    const level3Review = page.getByRole('textbox', { name: 'Level 3: level reviewed within (hours)' });
    await expect.poll(() => level3Review.inputValue()).toBe('2');

    // A bad value stays in the form, refused at its field, and nothing is sent.
    await level3Review.fill('0');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => level3Review.getAttribute('aria-invalid')).toBe('true');
    expect(await storedLevel3Review(page)).toBe(2);

    await level3Review.fill('3');
    await expect.poll(() => level3Review.getAttribute('aria-invalid')).not.toBe('true');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Clock rules saved').waitFor();
    expect(await storedLevel3Review(page)).toBe(3);
    await page.reload();
    await expect.poll(() => level3Review.inputValue(), { timeout: 10_000 }).toBe('3');

    // A country is added from the keyboard's place: the new row's country is focused; then removed again.
    await page.getByRole('button', { name: 'Add a country' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Row 5: country');
    await page.getByRole('button', { name: 'Remove row 5' }).click();

    // The defaults come back into the form only: the stored rules stay until saved.
    await page.getByRole('button', { name: 'Restore the defaults' }).click();
    await expect.poll(() => level3Review.inputValue()).toBe('2');
    expect(await storedLevel3Review(page)).toBe(3);
    await page.getByText('Unsaved changes').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'infosec-clock-rules-en');

    await keepLocale(page, 'zh-TW');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '事件時限規則' }).waitFor();
    await expect
      .poll(() => page.getByRole('textbox', { name: '第 3 級：等級審核（小時內）' }).inputValue())
      .toBe('3');
    await screenshot(page, 'infosec-clock-rules-zh-TW');
    await context.close();
  });

  it('refuses a save over a change made since the page was opened, and reloads the current rules', async () => {
    const first = await newContext(browser, server.baseUrl);
    const second = await newContext(browser, server.baseUrl);
    const pageA = await first.newPage();
    const pageB = await second.newPage();
    const level4 = (page: Page) =>
      page.getByRole('textbox', { name: 'Level 4: level reviewed within (hours)' });
    for (const page of [pageA, pageB]) {
      await signInDemo(page, 'infosec.owner@steward.demo');
      await page.goto('/infosec/clock-rules');
      await expect.poll(() => level4(page).inputValue(), { timeout: 20_000 }).toBe('2');
    }
    await level4(pageB).fill('1');
    await pageB.getByRole('button', { name: 'Save' }).click();
    await pageB.getByText('Clock rules saved').waitFor();

    // The first page still shows what it read: its save would undo the other one, so it is refused.
    await level4(pageA).fill('4');
    await pageA.getByRole('button', { name: 'Save' }).click();
    await pageA.getByText('Changed by someone else').waitFor();
    expect(
      ((await callApi(pageA, 'GET', '/api/infosec/clock-rules')).json as StoredRules).levels[3]
        ?.levelReviewHours,
    ).toBe(1);
    await screenshot(pageA, 'infosec-clock-rules-stale');
    await pageA.getByRole('button', { name: 'Reload the current version' }).click();
    await expect.poll(() => level4(pageA).inputValue(), { timeout: 20_000 }).toBe('1');
    await first.close();
    await second.close();
  });

  it('shows the auditor the rules to read, with nothing to change', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signInDemo(page, 'auditor@steward.demo');
    await page.goto('/infosec/clock-rules');
    await page.getByText('Only the group’s security managers change these rules').waitFor();
    const level3Review = page.getByRole('textbox', { name: 'Level 3: level reviewed within (hours)' });
    expect(await level3Review.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add a country' }).count()).toBe(0);
    await keepLocale(page, 'zh-TW');
    await page.reload();
    await page.getByText('僅集團資安管理者可變更這些規則').waitFor();
    await screenshot(page, 'infosec-clock-rules-read-only-zh-TW');
    await context.close();
  });
});
