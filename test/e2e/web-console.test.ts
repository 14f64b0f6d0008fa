// The web console in a real browser against the real server and simulator: a wrong token is refused with the
// API's words, signing in shows the simulated pool's hosts and the instances, and a power change made behind
// xengraph's back, straight on XAPI, shows up in the table without a reload. An operator spawns from the form
// and watches it reach 100%, sees a typed error by its field, live-migrates with live progress; a reader is
// offered no action at all.
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
const SPAWNED = 'console-web-spawned';

/** Page screenshots for docs/: written when missing or when asked for (UPDATE_SCREENSHOTS=1). */
async function saveScreenshot(page: Page, name: string): Promise<void> {
  const file = new URL(`docs/${name}.png`, ROOT);
  if (existsSync(file) && process.env.UPDATE_SCREENSHOTS !== '1') return;
  writeFileSync(file, await page.screenshot({ fullPage: true }));
}

/** Keeps every value the progress bar named `label` shows from now on in `window.progressShown`. */
async function recordProgress(page: Page, label: string): Promise<void> {
  // A string, not a function: the test runner's transform would name the inner callback with a helper the page lacks.
  await page.evaluate(`(() => {
    const shown = window.progressShown = [];
    new MutationObserver(() => document.querySelectorAll('[role="progressbar"][aria-label="${label}"]')
      .forEach((bar) => shown.push(Number(bar.getAttribute('aria-valuenow')))))
      .observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  })()`);
}

/** Waits until the progress bar named `label` inside `scope` shows `percent`. */
async function progressReaches(page: Page, scopeSelector: string, label: string, percent: number): Promise<void> {
  await page.waitForFunction(
    ([scope, name, value]) => [...document.querySelectorAll(`${scope} [role="progressbar"][aria-label="${name}"]`)]
      .some((bar) => Number(bar.getAttribute('aria-valuenow')) >= Number(value)),
    [scopeSelector, label, String(percent)] as const, { timeout: 60_000 },
  );
}

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

describe('web console actions', () => {
  let stack: Stack;
  let browser: Browser;
  let origin: string;
  before(async () => {
    execFileSync(process.execPath, [new URL('scripts/build.mjs', ROOT).pathname, '--if-stale', '--web'], { stdio: 'inherit' });
    execFileSync(new URL('scripts/ensure-chromium.sh', ROOT).pathname, { stdio: 'inherit' });
    stack = await startStack({ timeScale: 0.02 });
    origin = new URL(stack.url).origin;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function signedIn(role: 'reader' | 'operator' | 'admin'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(origin, { waitUntil: 'load' });
    await page.getByLabel('API token').fill(await stack.tokenFor(role));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 20_000 });
    return page;
  }

  it('spawns from the form to 100%, shows a typed error by its field, live-migrates with live progress and follows a stop on XAPI', { timeout: 180_000 }, async () => {
    const { data: choices } = await stack.request<{ flavors: { edges: { node: { name: string } }[] }; images: { edges: { node: { name: string } }[] } }, Record<string, never>>(
      '{ flavors(first: 100) { edges { node { name } } } images(first: 100) { edges { node { name } } } }', {}, stack.adminToken);
    const image = choices!.images.edges.map((edge) => edge.node.name).find((name) => name.startsWith('cirros'));
    assert.ok(image, 'a cirros image');
    const page = await signedIn('operator');
    try {
      await page.getByRole('link', { name: 'Instances', exact: true }).click();
      await page.getByRole('button', { name: 'Spawn instance' }).click();
      const form = page.getByRole('form', { name: 'Spawn instance' });
      await form.getByLabel('flavorId (required)').selectOption({ label: 'm1.small' });
      await form.getByLabel('imageId').selectOption({ label: image });

      // Too long a name: the API's InvalidInputError lands under the name field, and nothing is spawned.
      await form.getByLabel('name (required)').fill('x'.repeat(300));
      await form.getByRole('button', { name: 'Spawn instance' }).click();
      const nameErrors = page.locator('#action-instanceSpawn-name-errors');
      await nameErrors.waitFor({ timeout: 20_000 });
      assert.match(await nameErrors.innerText(), /INVALID_INPUT/);
      assert.equal(await form.getByLabel('name (required)').getAttribute('aria-invalid'), 'true');
      assert.equal(await form.getByTestId('operation').count(), 0, 'a refused spawn starts no operation');

      await form.getByLabel('name (required)').fill(SPAWNED);
      await recordProgress(page, 'Operation progress');
      await form.getByRole('button', { name: 'Spawn instance' }).click();
      await progressReaches(page, 'form', 'Operation progress', 100);
      const shown = await page.evaluate(() => (window as unknown as { progressShown: number[] }).progressShown);
      assert.ok(shown.some((percent) => percent < 100), `the bar moved on its way to 100: ${shown.join(', ')}`);
      await form.locator('[data-testid="operation"][data-status="SUCCEEDED"]').waitFor({ timeout: 30_000 });
      assert.equal(await nameErrors.count(), 0, 'the error went with the accepted request');
      await saveScreenshot(page, 'console-spawn');

      // The operation links to its instance, whose page offers the actions.
      await form.getByRole('link', { name: SPAWNED }).click();
      await page.getByRole('heading', { name: SPAWNED, level: 1 }).waitFor({ timeout: 20_000 });
      await page.waitForFunction(() => document.querySelector('[data-testid="power-state"]')?.textContent === 'RUNNING', null, { timeout: 30_000 });
      const { data } = await stack.request<{ instance: { vmName: string; host: { name: string } } }, { name: string }>(
        'query ($name: String) { instance(name: $name) { vmName host { name } } }', { name: SPAWNED }, stack.adminToken);
      const hosts = await stack.request<{ hosts: { edges: { node: { name: string } }[] } }, Record<string, never>>(
        '{ hosts(first: 100) { edges { node { name } } } }', {}, stack.adminToken);
      const destination = hosts.data!.hosts.edges.map((edge) => edge.node.name).find((name) => name !== data!.instance.host.name);
      assert.ok(destination, 'another host to move to');

      await page.getByRole('button', { name: 'Live migrate' }).click();
      const migrate = page.getByRole('form', { name: 'Live migrate' });
      await migrate.getByLabel('hostId (required)').selectOption({ label: destination });
      await migrate.getByRole('button', { name: 'Live migrate' }).click();
      await migrate.getByTestId('migration').waitFor({ timeout: 20_000 });
      await progressReaches(page, 'form', 'Memory transferred', 100);
      await migrate.locator('[data-testid="operation"][data-status="SUCCEEDED"]').waitFor({ timeout: 60_000 });
      await saveScreenshot(page, 'console-instance');
      await page.getByRole('link', { name: 'Migrations', exact: true }).click();
      const card = page.getByTestId('migration-card').filter({ hasText: SPAWNED });
      await card.waitFor({ timeout: 20_000 });
      assert.match(await card.innerText(), new RegExp(`→ ${destination}`));
      await saveScreenshot(page, 'console-migrations');
      await page.getByRole('link', { name: 'Operations', exact: true }).click();
      const migrated = page.getByTestId('operation-row').filter({ hasText: 'INSTANCE_LIVE_MIGRATE' }).first();
      await migrated.waitFor({ timeout: 20_000 });
      await saveScreenshot(page, 'console-operations');

      // Stopped behind xengraph's back: the detail page follows without a reload.
      await migrated.getByRole('link', { name: SPAWNED }).click();
      await page.getByRole('heading', { name: SPAWNED, level: 1 }).waitFor({ timeout: 20_000 });
      // Which buttons are enabled is the API's allowedActions: a running instance cannot be powered on.
      const powerOn = page.locator('[data-action="instancePowerOn"]');
      await page.waitForFunction(() => document.querySelector('[data-action="instancePowerOn"]')?.hasAttribute('disabled'), null, { timeout: 20_000 });
      assert.ok(await powerOn.getAttribute('title'), 'a disabled action says why');
      assert.equal(await page.locator('[data-action="instancePowerOff"]').isDisabled(), false);
      const xapi = await xapiSession(stack);
      const vm = await vmNamed(xapi, data!.instance.vmName);
      assert.ok(vm, 'the spawned instance has a VM');
      await xapi.call('VM.hard_shutdown', vm);
      await page.waitForFunction(() => document.querySelector('[data-testid="power-state"]')?.textContent === 'SHUTDOWN', null, { timeout: 30_000 });
      await page.waitForFunction(() => document.querySelector('[data-action="instancePowerOn"]')?.hasAttribute('disabled') === false, null, { timeout: 20_000 });
      assert.equal(await page.locator('[data-action="instancePowerOff"]').isDisabled(), true, 'a stopped instance cannot be powered off');
    } finally {
      await page.close();
    }
  });

  it('offers an administrator the host and aggregate actions, and a reader no action anywhere', { timeout: 90_000 }, async () => {
    const admin = await signedIn('admin');
    try {
      await admin.getByTestId('host-card').first().waitFor({ timeout: 20_000 });
      assert.ok(await admin.locator('[data-testid="host-card"] [data-action="hostSetMaintenanceMode"]').count() > 0, 'hosts offer maintenance');
      const hostName = await admin.locator('[data-testid="host-card"] h3').first().innerText();
      await admin.getByRole('link', { name: 'Aggregates', exact: true }).click();
      await admin.getByRole('button', { name: 'Create aggregate' }).click();
      const create = admin.getByRole('form', { name: 'Create aggregate' });
      await create.getByLabel('name (required)').fill('rack-1');
      await create.getByLabel('hypervisorPool').selectOption('false');
      await create.getByRole('button', { name: 'Create aggregate' }).click();
      await create.getByTestId('action-done').waitFor({ timeout: 20_000 });
      const aggregate = admin.getByTestId('aggregate-card').filter({ hasText: 'rack-1' });
      await aggregate.waitFor({ timeout: 20_000 });
      await aggregate.getByRole('button', { name: 'Add host' }).click();
      const addHost = aggregate.getByRole('form', { name: 'Add host' });
      await addHost.getByLabel('hostId (required)').selectOption({ label: hostName });
      await addHost.getByRole('button', { name: 'Add host' }).click();
      await aggregate.locator('dd', { hasText: hostName }).waitFor({ timeout: 30_000 });
      await saveScreenshot(admin, 'console-aggregates');
    } finally {
      await admin.close();
    }
    const reader = await signedIn('reader');
    try {
      for (const [link, ready] of [['Pools & hosts', '[data-testid="host-card"]'], ['Instances', '[data-testid="instance-row"]'], ['Aggregates', 'h1']] as const) {
        await reader.getByRole('link', { name: link, exact: true }).click();
        await reader.locator(ready).first().waitFor({ timeout: 20_000 });
        assert.equal(await reader.locator('[data-action]').count(), 0, `no action offered on ${link}`);
      }
      await reader.getByRole('link', { name: 'Instances', exact: true }).click();
      await reader.getByRole('link', { name: SPAWNED }).click();
      await reader.getByRole('heading', { name: SPAWNED, level: 1 }).waitFor({ timeout: 20_000 });
      await reader.getByRole('heading', { name: 'Interfaces' }).waitFor();
      assert.equal(await reader.locator('[data-action]').count(), 0, 'no action offered on an instance');
      assert.equal(await reader.getByRole('button', { name: 'Cancel' }).count(), 0);
    } finally {
      await reader.close();
    }
  });

  it('cancels a running operation from the operations centre', { timeout: 90_000 }, async () => {
    const page = await signedIn('operator');
    try {
      await page.getByRole('link', { name: 'Instances', exact: true }).click();
      await page.getByRole('link', { name: SPAWNED }).click();
      await page.getByRole('heading', { name: SPAWNED, level: 1 }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Power on' }).click();
      const powerOn = page.getByRole('form', { name: 'Power on' });
      await powerOn.getByRole('button', { name: 'Power on' }).click();
      await powerOn.locator('[data-testid="operation"][data-status="SUCCEEDED"]').waitFor({ timeout: 30_000 });

      // A guest that never finishes its reboot: the operation runs until it is cancelled.
      stack.sim.faults.add({ method: 'Async.VM.hard_reboot', hang: true });
      await page.getByRole('button', { name: 'Reboot' }).click();
      const reboot = page.getByRole('form', { name: 'Reboot' });
      await reboot.getByLabel('type (required)').selectOption('HARD');
      await reboot.getByRole('button', { name: 'Reboot' }).click();
      await reboot.locator('[data-testid="operation"][data-status="RUNNING"]').waitFor({ timeout: 20_000 });

      await page.getByRole('link', { name: 'Operations', exact: true }).click();
      const running = page.getByRole('list', { name: 'Running operations' }).getByTestId('operation').filter({ hasText: 'INSTANCE_REBOOT' });
      await running.waitFor({ timeout: 20_000 });
      await running.getByRole('button', { name: 'Cancel' }).click();
      await page.getByTestId('operation-row').filter({ hasText: 'INSTANCE_REBOOT' }).filter({ hasText: 'CANCELLED' }).waitFor({ timeout: 30_000 });
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
