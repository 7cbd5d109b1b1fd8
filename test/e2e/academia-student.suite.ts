import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { partnerNamed } from './support/academia.ts';
import {
  callApi as call,
  choose,
  newContext,
  screenshot,
  serverAndBrowserOfFile,
  signIn,
  signInWith,
} from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

const STUDENT = { email: 'chen.yuting@nsysu.edu.example', password: 'Internship-Summer-2026x' };
const PROFESSOR = { email: 'wang.prof@ncku.edu.example', password: 'Research-Project-2026x' };

describe.skipIf(!hasChromium)('a student’s own sign-in in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('the staff give an intern’s sign-in to the student, who sees the internship and evaluates it, in both languages', async () => {
    const staff = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(staff, 'groupAdmin');
    const partner = await partnerNamed(staff, {
      name: 'National Sun Yat-sen University',
      nameZh: '國立中山大學',
      country: 'TW',
      kind: 'university',
    });
    const intern = await call(staff, 'POST', '/api/academia/interns', {
      siteId: SITES.K7.id,
      partnerId: partner.json.id,
      fullName: 'Chen Yu-Ting',
      program: 'cooperative_education',
      startedOn: '2026-07-01',
      endedOn: '2026-08-31',
      hours: 320,
      outcome: 'completed',
    });
    expect(intern.status).toBe(201);
    const user = await call(staff, 'POST', '/api/users', {
      ...STUDENT,
      displayName: 'Chen Yu-Ting',
      assignments: [],
    });
    expect(user.status).toBe(201);

    await staff.goto('/academia/interns');
    await staff.getByRole('button', { name: 'Sign-in: Chen Yu-Ting' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Student sign-in: Chen Yu-Ting' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('sign-in-holder').textContent()).toBe(
      'Nobody signs in as this student yet.',
    );
    // Giving it without a person names the field.
    await dialog.getByRole('button', { name: 'Give the sign-in' }).click();
    await dialog.getByText('Choose the person who signs in').waitFor();
    const person = { name: 'Person outside the company' };
    await dialog.getByRole('textbox', person).or(dialog.getByRole('combobox', person)).first().fill('Chen');
    await staff.getByRole('option', { name: /Chen Yu-Ting/ }).click();
    await dialog.getByRole('button', { name: 'Give the sign-in' }).click();
    await expect
      .poll(() => dialog.getByTestId('sign-in-holder').textContent())
      .toBe(`Chen Yu-Ting · ${STUDENT.email}`);
    await screenshot(staff, 'academia-student-sign-in');

    const page = await (await newContext(browser, server.baseUrl)).newPage();
    await signInWith(page, STUDENT.email, STUDENT.password);
    const nav = page.getByRole('navigation').first();
    await page.getByText('You see the records given to you by name; the navigation leads to them.').waitFor();
    await screenshot(page, 'academia-student-home');
    // The program's group in the navigation holds the student's one page.
    await nav.getByRole('button', { name: 'Industry–academia' }).click();
    await nav.getByRole('link', { name: 'My internships' }).click();
    await page.getByRole('heading', { level: 2, name: 'My internships' }).waitFor();
    const card = page.getByTestId('my-internship');
    await expect.poll(() => card.textContent()).toContain('National Sun Yat-sen University');
    expect(await card.textContent()).toContain('2026-07-01 – 2026-08-31');
    expect(await card.textContent()).toContain('Not given yet');
    // The staff's pages of the program are not in the student's navigation.
    expect(await nav.getByRole('link', { name: 'Interns', exact: true }).count()).toBe(0);

    await card.getByRole('button', { name: 'Evaluate my internship' }).click();
    const form = page.getByRole('dialog', { name: 'My evaluation of the internship at K7' });
    await form.waitFor();
    await choose(page, form, 'Rating', '4');
    await form.getByRole('textbox', { name: 'Evaluated on' }).fill('2026-06-15');
    await form.getByRole('textbox', { name: 'Comments' }).fill('Good mentoring; more time on the line.');
    await form.getByRole('button', { name: 'Save' }).click();
    // Before the internship began: the server names the field and nothing is saved.
    await form.getByText('Before the internship began').first().waitFor();
    await form.getByRole('textbox', { name: 'Evaluated on' }).fill('2026-09-01');
    await form.getByRole('textbox', { name: 'Comments' }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => card.textContent()).toContain('4 of 5 · 2026-09-01');
    expect(await card.getByRole('button', { name: 'Evaluate my internship' }).count()).toBe(0);
    await screenshot(page, 'academia-my-internships');

    // In Traditional Chinese: the school by its Chinese name.
    expect((await call(page, 'PUT', '/api/auth/preferences', { locale: 'zh-TW' })).status).toBe(204);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '我的實習' }).waitFor();
    await expect.poll(() => card.textContent()).toContain('國立中山大學');
    expect(await card.textContent()).toContain('您的評核');
    await screenshot(page, 'academia-my-internships-zh');

    // The staff see the student's evaluation among the internship's.
    const evaluations = await call(staff, 'GET', `/api/academia/interns/${intern.json.id}/evaluations`);
    expect(
      evaluations.json.items.map((e: { evaluator: string; rating: number }) => [e.evaluator, e.rating]),
    ).toEqual([['student', 4]]);
  });

  it('the staff give a research project’s principal investigator a sign-in; the professor follows its milestones and sends a deliverable', async () => {
    const staff = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(staff, 'groupAdmin');
    const partner = await partnerNamed(staff, {
      name: 'National Cheng Kung University',
      nameZh: '國立成功大學',
      country: 'TW',
      kind: 'university',
    });
    const project = await call(staff, 'POST', '/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId: partner.json.id,
      title: 'Warpage of thin fan-out packages',
      line: 'packaging',
      principalInvestigator: 'Prof. Wang',
      status: 'active',
      startsOn: '2026-02-01',
      endsOn: '2027-01-31',
      currency: 'TWD',
    });
    expect(project.status).toBe(201);
    const milestone = await call(staff, 'POST', `/api/academia/projects/${project.json.id}/milestones`, {
      title: 'Interim report',
      dueDate: '2026-07-31',
    });
    expect(milestone.status).toBe(201);
    expect(
      (
        await call(staff, 'POST', '/api/users', {
          ...PROFESSOR,
          displayName: 'Wang Chih-Ming',
          assignments: [],
        })
      ).status,
    ).toBe(201);

    await staff.goto(`/academia/projects/${project.json.id}`);
    await staff.getByRole('button', { name: 'Investigator’s sign-in: Prof. Wang' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Principal investigator’s sign-in: Prof. Wang' });
    await dialog.waitFor();
    const person = { name: 'Person outside the company' };
    await dialog.getByRole('textbox', person).or(dialog.getByRole('combobox', person)).first().fill('Wang');
    await staff.getByRole('option', { name: /Wang Chih-Ming/ }).click();
    await dialog.getByRole('button', { name: 'Give the sign-in' }).click();
    await expect
      .poll(() => dialog.getByTestId('sign-in-holder').textContent())
      .toBe(`Wang Chih-Ming · ${PROFESSOR.email}`);

    const page = await (await newContext(browser, server.baseUrl)).newPage();
    await signInWith(page, PROFESSOR.email, PROFESSOR.password);
    const nav = page.getByRole('navigation').first();
    await nav.getByRole('button', { name: 'Industry–academia' }).click();
    expect(await nav.getByRole('link', { name: 'My internships' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'My research projects' }).click();
    const card = page.getByTestId('my-project');
    await expect.poll(() => card.textContent()).toContain('Warpage of thin fan-out packages');
    expect(await card.getByRole('list', { name: 'Milestones' }).textContent()).toBe(
      'Interim report · Due 2026-07-31 · Open Files: 0',
    );
    // The professor sends the interim report for the milestone; the company sees it on the project.
    await card.getByRole('button', { name: 'Deliverables: Interim report' }).click();
    const files = page.getByRole('dialog', { name: 'Interim report' });
    await files.locator('input[type=file]').setInputFiles({
      name: 'interim-report.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Warpage by lot, first six months'),
    });
    await files.getByText('interim-report.txt', { exact: true }).waitFor();
    await screenshot(page, 'academia-my-deliverables');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => card.getByRole('button', { name: 'Deliverables: Interim report' }).textContent())
      .toBe('Files: 1');
    const seen = await call(staff, 'GET', `/api/academia/projects/${project.json.id}`);
    expect(seen.json.milestones.map((m: { deliverables: number }) => m.deliverables)).toEqual([1]);
    await screenshot(page, 'academia-my-projects');
  });
});
