import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { callApi } from './browser.ts';

type PartnerInput = { name: string; nameZh?: string; country: string; kind: string };

/**
 * The school or institute of that name, created through the API as the signed-in user, or the one an earlier
 * suite on the same server created (a partner's name is unique).
 */
export async function partnerNamed(page: Page, partner: PartnerInput): Promise<{ json: { id: string } }> {
  const created = await callApi(page, 'POST', '/api/academia/partners', partner);
  if (created.status === 201) return { json: created.json };
  expect(created.status).toBe(409);
  const list = await callApi(page, 'GET', `/api/academia/partners?q=${encodeURIComponent(partner.name)}`);
  const found = (list.json.items as { id: string; name: string }[]).find((p) => p.name === partner.name);
  expect(found, partner.name).toBeDefined();
  return { json: found as { id: string } };
}
