// The web console in a real browser against the real server and simulator: a wrong token is refused with the
// API's words, signing in shows the simulated pool's hosts and the instances, and a power change made behind
// xengraph's back, straight on XAPI, shows up in the table without a reload.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { spawnChoices, spawnRunning, vmNamed, xapiSession } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';

const ROOT = new URL('../../', import.meta.url);
const SCREENSHOT = new URL('docs/console.png', ROOT);
const INSTANCE = 'console-web-1';

describe('web console', () => {
  let stack: Stack;
  let browser: Browser;
  let origin: string;
  let hostNames: string[];
  before(async () => {
    // The console is served from its build; build it when web/ changed since (a no-op otherwise).
    execFileSync(process.execPath, [new URL('scripts/build.mjs', ROOT).pathname, '--if-stale', '--web'], { stdio: 'inherit' });
    execFileSync(new URL('scripts/ensure-chromium.sh', ROOT).pathname, { stdio: 'inherit' });
    stack = await startStack();
    origin = new URL(stack.url).origin;
    const hosts = await stack.request<{ hosts: { edges: { node: { name: string } }[] } }, Record<string, never>>(
      '{ hosts(first: 100) { edges { node { name } } } }', {}, stack.adminToken);
    hostNames = hosts.data!.hosts.edges.map((edge) => edge.node.name);
    assert.ok(hostNames.length > 1, 'the simulated pool has several hosts');
    await spawnRunning(stack, await spawnChoices(stack), { name: INSTANCE });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A fresh tab that may reach the server and nothing else, so a CDN reference would fail the page. */
  async function offlinePage(): Promise<{ page: Page; refused: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const refused: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      refused.push(url);
      return route.abort('internetdisconnected');
    });
    return { page, refused };
  }

  async function signIn(page: Page, token: string): Promise<void> {
    await page.goto(origin, { waitUntil: 'load' });
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('refuses a wrong token with the API\'s error and stays on the sign-in page', { timeout: 60_000 }, async () => {
    const { page } = await offlinePage();
    try {
      await signIn(page, 'xg_not-a-real-token');
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 20_000 });
      assert.match(await alert.innerText(), /token|authenticat/i);
      assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'no console behind a refused token');
      assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'a refused token is not kept');
    } finally {
      await page.close();
    }
  });

  it('signs in, shows the pool\'s hosts and the instances, and follows a power change made on XAPI', { timeout: 120_000 }, async () => {
    const { page, refused } = await offlinePage();
    try {
      await signIn(page, await stack.tokenFor('reader'));
      await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 20_000 });
      await page.getByRole('heading', { name: 'Pools & hosts', level: 1 }).waitFor();
      const cards = page.getByTestId('host-card');
      await cards.first().waitFor({ timeout: 20_000 });
      assert.deepEqual((await cards.locator('h3').allInnerTexts()).sort(), [...hostNames].sort());
      assert.ok(await page.getByRole('meter', { name: 'Memory' }).count() >= hostNames.length, 'a memory bar per host');

      await page.getByRole('link', { name: 'Instances', exact: true }).click();
      const row = page.locator(`[data-testid="instance-row"][data-name="${INSTANCE}"]`);
      await row.waitFor({ timeout: 20_000 });
      const power = row.getByTestId('power-state');
      assert.equal(await power.innerText(), 'RUNNING');
      // The screenshot shows the pools page with a running instance; refreshed on request only.
      if (!existsSync(SCREENSHOT) || process.env.UPDATE_SCREENSHOTS === '1') {
        await page.getByRole('link', { name: 'Pools & hosts', exact: true }).click();
        await cards.first().waitFor();
        writeFileSync(SCREENSHOT, await page.screenshot({ fullPage: true }));
        await page.getByRole('link', { name: 'Instances', exact: true }).click();
        await row.waitFor();
      }

      // Behind xengraph's back: the VM is shut down on the pool itself.
      const xapi = await xapiSession(stack);
      const vm = await vmNamed(xapi, (await vmNameOf(stack, INSTANCE)));
      assert.ok(vm, 'the instance has a VM on the pool');
      await xapi.call('VM.hard_shutdown', vm);
      await page.waitForFunction(
        (name) => document.querySelector(`[data-testid="instance-row"][data-name="${name}"] [data-testid="power-state"]`)?.textContent === 'SHUTDOWN',
        INSTANCE, { timeout: 30_000 },
      );
      // The filters go to the API: running instances only leaves it out, shut-down ones bring it back.
      await page.getByLabel('Power state').selectOption('RUNNING');
      await page.getByText('0 instances').waitFor({ timeout: 20_000 });
      await page.getByLabel('Power state').selectOption('SHUTDOWN');
      await row.waitFor({ timeout: 20_000 });

      await row.getByRole('link', { name: INSTANCE }).click();
      await page.getByRole('heading', { name: INSTANCE, level: 1 }).waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('power-state').innerText(), 'SHUTDOWN');
      await page.getByRole('heading', { name: 'Interfaces' }).waitFor();
      assert.deepEqual(refused, [], 'the console asked for nothing beyond the server');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('API token').waitFor();
      assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'signing out forgets the token');
    } finally {
      await page.close();
    }
  });
});

async function vmNameOf(stack: Stack, name: string): Promise<string> {
  const { data } = await stack.request<{ instance: { vmName: string } | null }, { name: string }>(
    'query ($name: String) { instance(name: $name) { vmName } }', { name }, stack.adminToken);
  assert.ok(data?.instance, `instance ${name}`);
  return data.instance.vmName;
}
