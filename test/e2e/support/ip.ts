import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { callApi } from './browser.ts';

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
