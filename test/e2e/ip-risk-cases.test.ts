import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { callApi as call, launchBrowser, newContext, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE, startServer } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('IP risk cases and security incidents in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a risk case linked to an incident on both pages', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    const incident = await call(page, 'POST', '/api/infosec/incidents', {
      siteId: SITES.K7.id,
      title: 'Drawings uploaded to a personal drive',
      description: 'DLP alert on an upload of package drawings.',
      awareAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(incident.status).toBe(201);
    const opened = await call(page, 'POST', '/api/ip/risk-cases', {
      siteId: SITES.K7.id,
      reference: 'RC-E2E-001',
      kind: 'misappropriation',
      direction: 'against_us',
      title: 'Drawings taken to a competitor',
      incidentId: incident.json.id,
      stepOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    });
    expect(opened.status).toBe(201);

    await page.goto(`${server.baseUrl}/ip/risk-cases/${opened.json.id}`);
    const link = page.getByTestId('risk-case-incident');
    await link.getByText(incident.json.reference).waitFor();
    await link.click();
    await page.waitForURL(`**/infosec/incidents/${incident.json.id}`);
    await page.getByTestId('incident-ip-risk-cases').getByText('RC-E2E-001').waitFor();
    await context.close();
  });
});
