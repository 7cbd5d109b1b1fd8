// Exploratory walk: node test/walk/explore.ts <baseUrl> <email> <locale> [width]
import { chromium } from 'playwright-core';

const [baseUrl, email, locale, widthArg] = process.argv.slice(2);
const width = Number(widthArg ?? 1440);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const context = await browser.newContext({ baseURL: baseUrl, viewport: { width, height: 900 }, locale: locale === 'zh-TW' ? 'zh-TW' : 'en-US', reducedMotion: 'reduce' });
const page = await context.newPage();
const errors: string[] = [];
page.on('pageerror', (e) => errors.push(`pageerror ${e.message}`));
page.on('console', (m) => { if (m.type() === 'error') errors.push(`console ${m.text().slice(0, 200)}`); });
await page.goto('/sign-in');
await page.locator('input[type=email], input[name=email]').first().fill(email);
await page.locator('input[type=password]').first().fill('Steward-demo-2026');
await page.keyboard.press('Enter');
await page.waitForURL((u) => u.pathname === '/', { timeout: 60000 });
await page.request.put('/api/auth/preferences', { data: { locale }, headers: { 'x-csrf-token': await page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).csrfToken) } });
await page.reload();
await page.waitForTimeout(1500);
const links: string[] = await page.evaluate(() => [...new Set([...document.querySelectorAll('nav a[href^="/"]')].map((a) => (a as HTMLAnchorElement).getAttribute('href') as string))]);
const out: Record<string, unknown> = {};
for (const link of ['/', ...links]) {
  errors.length = 0;
  await page.goto(link);
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(800);
  const found = await page.evaluate((zh) => {
    const latin: string[] = [];
    const uuids: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script,style,[aria-hidden=true]')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const text = (n.textContent ?? '').trim();
      if (!text) continue;
      if (/[0-9a-f]{8}-[0-9a-f]{4}-/i.test(text)) uuids.push(text.slice(0, 80));
      if (zh) for (const w of text.match(/[A-Za-z][A-Za-z'’]{2,}/g) ?? []) latin.push(w);
    }
    const cut: string[] = [];
    for (const el of document.querySelectorAll('main *')) {
      const h = el as HTMLElement;
      if (h.children.length > 0 && !h.matches('span,p,div')) continue;
      const s = getComputedStyle(h);
      if (h.scrollWidth > h.clientWidth + 1 && (s.overflow === 'hidden' || s.textOverflow === 'ellipsis' || s.overflowX === 'hidden')) {
        if (!h.closest('[title]') && !h.getAttribute('aria-label')) cut.push(`${h.tagName}.${h.className.toString().slice(0, 30)}: ${h.textContent?.slice(0, 60)}`);
      }
    }
    const tables = [...document.querySelectorAll('main table')].map((t) => t.querySelectorAll('tbody tr').length);
    const heading = document.querySelector('main h1, main h2')?.textContent;
    return { heading, latin: [...new Set(latin)].slice(0, 40), uuids: uuids.slice(0, 5), cut: cut.slice(0, 10), tables };
  }, locale === 'zh-TW');
  const safe = link.replace(/[^a-z0-9]+/gi, '_');
  await page.screenshot({ path: `/tmp/walk/${email.split('@')[0]}-${locale}-${width}${safe}.png`, fullPage: false });
  out[link] = { ...found, errors: [...errors] };
}
console.log(JSON.stringify(out, null, 1));
await browser.close();
