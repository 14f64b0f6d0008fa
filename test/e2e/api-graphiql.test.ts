// GraphiQL on a management network with no way out: the page is whole in itself (no CDN), and a real browser
// with every other host unreachable shows the editor.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { startStack, type Stack } from '../helpers/stack.js';

const SCREENSHOT = new URL('../../docs/graphiql.png', import.meta.url);

/** URLs a browser would load: attributes, CSS, and string literals handed to loaders or naming script/style files. */
function loadedUrls(html: string): string[] {
  const patterns = [
    /\b(?:src|href|action|poster|data)\s*=\s*["']?([^"'\s>]+)/gi,
    /url\(\s*["']?([^"')]+)/gi,
    /@import\s+["']([^"']+)/gi,
    /\b(?:fetch|importScripts|import|Worker|SharedWorker|EventSource|WebSocket)\s*\(\s*["'`]([^"'`]+)/g,
    /["'`]((?:https?:|wss?:)?\/\/[^"'`\s]+\.(?:m?js|css|woff2?|ttf|ico|png|svg|wasm|json)(?:\?[^"'`\s]*)?)["'`]/gi,
  ];
  return patterns.flatMap((pattern) => [...html.matchAll(pattern)].map((match) => match[1]!));
}

function external(url: string, origin: string): boolean {
  if (/^(?:data|blob|about|javascript):/i.test(url) || url.startsWith('#')) return false;
  if (!/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url)) return false;
  try {
    return new URL(url, origin).origin !== origin;
  } catch {
    return false; // template fragments such as `${host}` in the bundle are not addresses
  }
}

describe('GraphiQL offline', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  it('serves a page that references no host but the server itself', async () => {
    const response = await fetch(stack.url, { headers: { accept: 'text/html' } });
    assert.equal(response.status, 200);
    const html = await response.text();
    const origin = new URL(stack.url).origin;
    const urls = loadedUrls(html);
    assert.ok(urls.length > 0, 'the scan found the favicon and other references at all');
    assert.deepEqual(urls.filter((url) => external(url, origin)), []);
    assert.ok(!/unpkg\.com|jsdelivr|cdnjs|esm\.sh/.test(html), 'no CDN named anywhere in the page');
  });

  it('shows the editor in Chromium with every other host unreachable', { timeout: 180_000 }, async () => {
    execFileSync(new URL('../../scripts/ensure-chromium.sh', import.meta.url).pathname, { stdio: 'inherit' });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const origin = new URL(stack.url).origin;
      const refused: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (new URL(url).origin === origin) return route.continue();
        refused.push(url);
        return route.abort('internetdisconnected');
      });
      await page.goto(stack.url, { waitUntil: 'load' });
      await page.locator('.graphiql-container').first().waitFor({ state: 'visible', timeout: 120_000 });
      await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ state: 'visible', timeout: 60_000 });
      assert.deepEqual(refused, [], 'the page asked for nothing beyond the server');
      const shot = await page.screenshot();
      assert.ok(shot.length > 10_000, 'a real rendering, not a blank page');
      // The committed screenshot is refreshed on request, so runs do not rewrite a tracked file.
      if (!existsSync(SCREENSHOT) || process.env.UPDATE_SCREENSHOTS === '1') writeFileSync(SCREENSHOT, shot);
    } finally {
      await browser.close();
    }
  });
});
