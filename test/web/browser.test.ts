/**
 * The status page as a visitor sees it, in headless Chromium: during an incident and after it, on a
 * desktop and on a phone, with screenshots saved to test-results/ (look at them).
 * Skips, saying why, when /usr/bin/chromium is absent (`apt-get install -y chromium`); CI installs it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/db';
import { SIGNING_KEY, imageOutage, privateIncident, serve, testSettings, webTestApp, type Served } from './support';
import { signedPath } from '../../src/web/signed-links';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`browser tests skipped: ${CHROMIUM} is missing; install it with "apt-get install -y chromium"`);

const ARTIFACTS = 'test-results';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

describe.skipIf(!available)(available ? 'the status page in Chromium' : `the status page in Chromium (skipped: ${CHROMIUM} is missing)`, () => {
  const database = useTestDatabase();
  let browser: Browser;
  let served: Served | undefined;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await served?.close();
    await browser?.close();
  });

  async function open(path: string, options = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ ...options, javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${served!.url}${path}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  /** Components grouped and described, as an operator's STATUS_PAGE_CONFIG would have them. */
  const settings = testSettings();
  settings.groups = [{ id: 'g1', name: 'Storefront', description: 'What shoppers see' }];
  settings.components = settings.components.map((c) =>
    c.name === 'Storefront' || c.name === 'Image storage'
      ? { ...c, group: 'Storefront', description: c.name === 'Storefront' ? 'Product and category pages' : 'Product photos and banners' }
      : { ...c, description: c.name === 'Checkout' ? 'Basket, payment and order confirmation' : 'api.example.com' },
  );

  async function start() {
    const app = webTestApp(database());
    await served?.close();
    served = await serve({ db: database().db, settings, clock: app.clock, signingKey: SIGNING_KEY });
    return app;
  }

  it('during an incident shows the outage, the component states, the incident and its latest update, and the day tooltip', async () => {
    const app = await start();
    await imageOutage(app, { resolve: false });
    await privateIncident(app, 2);
    const page = await open('/');

    await expect.poll(() => page.locator('#overall').innerText()).toBe('Major System Outage');
    const storage = page.locator('.component', { hasText: 'Image storage' });
    await expect.poll(() => storage.locator('.state').innerText()).toBe('Major outage');
    expect(await page.locator('.component', { hasText: 'Checkout' }).locator('.state').innerText()).toBe('Operational');
    const incident = page.locator('article.incident');
    expect(await incident.locator('h3').innerText()).toBe('Product images fail to load');
    expect(await incident.locator('.updates li').first().innerText()).toContain('Identified – We found a database configuration change');
    expect(await page.content()).not.toContain('Payroll');

    const today = storage.locator('.day').last();
    await expect.poll(() => today.locator('.tip').isVisible()).toBe(false);
    await today.hover();
    await expect.poll(() => today.locator('.tip').isVisible()).toBe(true);
    expect(await today.locator('.tip').innerText()).toMatch(/27 May 2026\s+Major outage\s+Product images fail to load/);
    await page.screenshot({ path: `${ARTIFACTS}/status-during-incident.png`, fullPage: true });
    await page.context().close();
  });

  it('on a phone, a tapped day shows its details and nothing overflows the screen', async () => {
    const app = await start();
    await imageOutage(app, { resolve: false });
    const page = await open('/', PHONE);
    expect(await page.locator('#overall').innerText()).toBe('Major System Outage');
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    expect(width).toBeLessThanOrEqual(390);

    const day = page.locator('.component', { hasText: 'Storefront' }).locator('.day').last();
    await day.tap();
    await expect.poll(() => day.locator('.tip').isVisible()).toBe(true);
    expect(await day.locator('.tip').innerText()).toContain('Degraded performance');
    const box = await day.locator('.tip').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}/status-phone-during-incident.png`, fullPage: true });

    await day.blur();
    const earlier = page.locator('.component', { hasText: 'Checkout' }).locator('.day').first();
    await earlier.focus();
    expect(await earlier.locator('.tip').innerText()).toContain('No incidents recorded');
    await page.context().close();
  });

  it('after the incident shows all systems operational and the incident in the history with its resolution', async () => {
    const app = await start();
    await imageOutage(app, { resolve: true });
    app.clock.advance(3 * 86_400_000);
    const page = await open('/');
    expect(await page.locator('#overall').innerText()).toBe('All Systems Operational');
    expect(await page.locator('article.incident').count()).toBe(0);
    for (const state of await page.locator('.component .state').allInnerTexts()) expect(state).toBe('Operational');
    const past = page.locator('.day-group', { hasText: 'Product images fail to load' });
    expect(await past.locator('h3').innerText()).toBe('27 May 2026');
    expect(await past.innerText()).toMatch(/Product images load normally again\.[\s\S]*resolved 27 May 2026, 1\d:\d\d CEST/);

    const day = page.locator('.component', { hasText: 'Image storage' }).locator('.day[data-day="2026-05-27"]');
    await day.focus();
    expect(await day.locator('.tip').innerText()).toMatch(/Major outage\s+Product images fail to load/);
    await page.screenshot({ path: `${ARTIFACTS}/status-after-incident.png`, fullPage: true });
    await page.context().close();

    const phone = await open('/', PHONE);
    await phone.screenshot({ path: `${ARTIFACTS}/status-phone-after-incident.png`, fullPage: true });
    await phone.context().close();
  });

  it('shows the incident page with its phase timeline, and the postmortem, through signed links', async () => {
    const app = await start();
    await imageOutage(app, { resolve: true });
    const expires = new Date(app.clock.now().getTime() + 86_400_000);
    const page = await open(signedPath('incident', { workspace: 'local', number: 1 }, SIGNING_KEY, expires));
    expect(await page.locator('h1').innerText()).toBe('INC-1: Product images fail to load');
    expect(await page.locator('.phases rect').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: `${ARTIFACTS}/incident-page.png`, fullPage: true });
    await page.locator('a', { hasText: 'Postmortem draft' }).click();
    expect(await page.locator('h1').innerText()).toBe('INC-1: Product images fail to load');
    expect(await page.locator('h2').allInnerTexts()).toContain('Timeline');
    await page.screenshot({ path: `${ARTIFACTS}/postmortem-page.png`, fullPage: true });
    await page.context().close();
  });
});
