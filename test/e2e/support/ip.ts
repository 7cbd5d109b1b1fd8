import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { callApi, choose } from './browser.ts';

type FamilyInput = { siteId: string; reference: string; title: string; technology: string };
type GrantedMatter = {
  office: string;
  applicationNo: string;
  patentNo: string;
  filingDate: string;
  grantDate: string;
};

/**
 * Creates, through the API as the signed-in user, a patent family and its granted inventions, one per office
 * given; answers the family's id and the matters' ids in the order given.
 */
export async function grantedFamily(
  page: Page,
  family: FamilyInput,
  matters: readonly GrantedMatter[],
): Promise<{ familyId: string; matterIds: string[] }> {
  const created = await callApi(page, 'POST', '/api/ip/families', family);
  expect(created.status).toBe(201);
  const matterIds: string[] = [];
  for (const matter of matters) {
    const answer = await callApi(page, 'POST', '/api/ip/matters', {
      familyId: created.json.id,
      kind: 'invention',
      status: 'granted',
      ...matter,
    });
    expect(answer.status).toBe(201);
    matterIds.push(answer.json.id);
  }
  return { familyId: created.json.id, matterIds };
}

type DisclosureInput = {
  title: string;
  description: string;
  /** Each inventor found by typing `search`, picked by the option's name, with a share in percent. */
  inventors: readonly { search: string; option: RegExp; share: string }[];
  /** The research project it came from, picked by its option's name. */
  project: RegExp;
};

/**
 * Opens "Disclose an invention" on the signed-in employee's disclosures and fills it in, as a keyboard user
 * would (Tab from the title to the description); answers the dialog, not yet saved.
 */
export async function fillDisclosure(page: Page, input: DisclosureInput) {
  await page.goto('/ip/my-disclosures');
  await page.getByRole('heading', { level: 2, name: 'My invention disclosures' }).waitFor();
  await page.getByRole('button', { name: 'Disclose an invention' }).click();
  const dialog = page.getByRole('dialog', { name: 'Disclose an invention' });
  await dialog.getByRole('textbox', { name: 'Title of the invention' }).fill(input.title);
  await page.keyboard.press('Tab');
  await page.keyboard.type(input.description);
  for (const [i, inventor] of input.inventors.entries()) {
    await dialog.getByRole('button', { name: 'Add an inventor' }).click();
    const person = dialog.getByRole('combobox', { name: `Inventor ${i + 1}` });
    await person.click();
    await person.fill(inventor.search);
    await page.getByRole('option', { name: inventor.option }).click();
    await dialog.getByRole('textbox', { name: `share ${i + 1}` }).fill(inventor.share);
  }
  await choose(page, dialog, 'Research project', input.project);
  return dialog;
}
