import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { partnerNamed } from './support/academia.ts';
import {
  callApi as call,
  choose,
  newContext,
  readInChinese,
  screenshot,
  serverAndBrowserOfFile,
  signIn,
} from './support/browser.ts';
import { fillDisclosure } from './support/ip.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('invention disclosures in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('walks a disclosure from an employee to a filed family, linked to its research project both ways', async () => {
    const errors: string[] = [];
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    await signIn(admin, 'groupAdmin');
    const partner = await partnerNamed(admin, {
      name: 'National Cheng Kung University',
      country: 'TW',
      kind: 'university',
    });
    const project = await call(admin, 'POST', '/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId: partner.json.id,
      title: 'Fine-pitch copper pillar plating',
      line: 'materials',
      principalInvestigator: 'Prof. Lin',
      status: 'active',
      startsOn: '2024-03-01',
      currency: 'TWD',
      budget: [],
    });
    expect(project.status).toBe(201);

    // The employee discloses the invention from their own page, with the keyboard where it can.
    const employeeContext = await newContext(browser, server.baseUrl);
    const employee = await employeeContext.newPage();
    employee.on('pageerror', (e) => errors.push(e.message));
    await signIn(employee, 'employee');
    const dialog = await fillDisclosure(employee, {
      title: 'Pulse-reverse plating of pillars',
      description: 'Pulse reverse current keeps the pillar tops flat at 40 µm pitch.',
      inventors: [
        { search: 'Chen', option: /Chen Wei-Ling/, share: '60' },
        { search: 'Yang', option: /Yang Shu-Fen/, share: '30' },
      ],
      project: /Fine-pitch copper pillar plating/,
    });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('The shares add up to 90%, not 100%').first().waitFor();
    await dialog.getByRole('textbox', { name: 'share 2' }).fill('40');
    await screenshot(employee, 'ip-disclosure-form');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await employee.getByRole('heading', { level: 2, name: /Pulse-reverse plating of pillars/ }).waitFor();
    await employee.getByText('Waiting for the review committee.').waitFor();
    await employee.goto('/ip/my-disclosures');
    await employee.getByRole('cell', { name: 'Pulse-reverse plating of pillars' }).first().waitFor();

    // The IP office decides to file in Taiwan, then records the filing: the family and the rewards.
    const officerContext = await newContext(browser, server.baseUrl);
    const officer = await officerContext.newPage();
    officer.on('pageerror', (e) => errors.push(e.message));
    await signIn(officer, 'k7Officer');
    await officer.goto('/ip/disclosures');
    await officer.getByRole('heading', { level: 2, name: 'Invention disclosures' }).waitFor();
    await officer.getByRole('cell', { name: 'Pulse-reverse plating of pillars' }).first().click();
    await officer.getByRole('heading', { level: 2, name: /Pulse-reverse plating of pillars/ }).waitFor();
    await officer.getByRole('textbox', { name: 'Reason' }).fill('Novel; our customers will need it');
    await officer.getByRole('button', { name: 'Record the decision' }).click();
    await officer.getByText('File a patent application · Taiwan (TIPO) · Invention').waitFor();
    await officer.getByRole('textbox', { name: 'Family reference' }).fill('FAM-INV-1');
    await choose(officer, officer.locator('body'), 'Technology', 'SiP module');
    await officer.getByRole('textbox', { name: 'Application number' }).fill('114100777');
    await officer.getByRole('button', { name: 'Record the filing' }).click();
    const rewards = officer.getByRole('table').filter({ hasText: 'Amount (NT$)' });
    await rewards.getByText('6,000').waitFor();
    await rewards.getByText('4,000').waitFor();
    await officer.getByRole('button', { name: /Mark paid: Chen Wei-Ling/ }).click();
    await expect.poll(() => officer.getByRole('button', { name: /Mark paid/ }).count()).toBe(1);
    await screenshot(officer, 'ip-disclosure');
    await officer.getByRole('link', { name: 'FAM-INV-1' }).or(officer.getByText('FAM-INV-1')).first().click();
    await officer.getByRole('heading', { level: 2, name: /FAM-INV-1/ }).waitFor();
    await officer.getByText('Chen Wei-Ling (60%), Yang Shu-Fen (40%)').waitFor();
    await officer.getByRole('cell', { name: '114100777' }).waitFor();

    // From the project's side: its page lists the disclosure, which opens from there.
    await officer.goto(`/academia/projects/${project.json.id}`);
    await officer.getByRole('heading', { level: 4, name: 'Invention disclosures' }).waitFor();
    const row = officer.getByRole('row').filter({ hasText: 'Pulse-reverse plating of pillars' });
    await row.getByText('Filed').waitFor();
    await screenshot(officer, 'academia-project-disclosures');
    await row.getByText(/^ID-\d{4}-0001$/).click();
    await officer.getByRole('heading', { level: 2, name: /Pulse-reverse plating of pillars/ }).waitFor();
    await officer.getByText('Fine-pitch copper pillar plating').click();
    await officer.waitForURL((u) => u.pathname === `/academia/projects/${project.json.id}`);

    // The same pages in Traditional Chinese.
    await readInChinese(officer);
    await officer.goto('/ip/disclosures');
    await officer.getByRole('heading', { level: 2, name: '發明揭露' }).waitFor();
    await officer.getByText('已申請').first().waitFor();
    await screenshot(officer, 'ip-disclosures-zh');
    await officer.getByRole('cell', { name: 'Pulse-reverse plating of pillars' }).first().click();
    await officer.getByRole('heading', { level: 2, name: /Pulse-reverse plating of pillars/ }).waitFor();
    await officer.getByText('發明人獎金').waitFor();
    await officer.getByText('申請時').first().waitFor();
    await screenshot(officer, 'ip-disclosure-zh');
    expect(errors).toEqual([]);
  });
});
