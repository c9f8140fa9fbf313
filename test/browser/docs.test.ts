import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN_KEY, useTestServer } from '../support/test-server.js';

/**
 * Swagger UI and GraphiQL as a person uses them, in headless Chromium (Debian's `chromium`
 * package; .ci/run installs it). Where no browser is installed the tests are skipped with a
 * message naming the package, so a machine without one still runs the rest of the suite.
 */

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
/** From Swagger UI asking for the contract to the operations listed, on localhost. */
const CONTRACT_LISTED_WITHIN_MS = 2000;

if (CHROMIUM === undefined) console.warn('browser tests skipped: no Chromium; install Debian\'s "chromium" package (apt-get install chromium)');

describe.skipIf(CHROMIUM === undefined)('the docs in a browser', () => {
  // Five seconds of cluster time: a leader is elected and every node has reported it.
  const fixture = useTestServer({ nodes: 5, warmUpMs: 5000 });
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    const httpServer = fixture.server.api.httpServer;
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A page in a browser context of its own: nothing cached, nothing authorized. */
  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  test(`Swagger UI lists the operations within ${CONTRACT_LISTED_WITHIN_MS} ms of asking for the contract`, async () => {
    // A first visit makes the server compress its documents once; the timed visit is a new
    // browser context (an empty cache), as a user's first visit after the server's.
    const warmUp = await newPage();
    await warmUp.goto(`${baseUrl}/docs/`);
    await warmUp.locator('#operations-Cluster-listClusterNodes').waitFor();
    await warmUp.close();
    const page = await newPage();
    await page.goto(`${baseUrl}/docs/`);
    // Swagger UI renders the tags as they scroll into view: the first tag's operations are listed.
    await page.locator('#operations-Cluster-listClusterNodes').waitFor();
    const { contractRequestedMs, listedMs } = await page.evaluate(() => {
      const contract = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/openapi.json'))!;
      return { contractRequestedMs: contract.startTime, listedMs: performance.now() };
    });
    // What the contract and this server decide: fetching, reading and listing the contract. The
    // time before it is Swagger UI's own bundle starting (about 1.5 s on these 2-core machines),
    // which no contract changes; the whole page is printed for the README's figure.
    console.info(`Swagger UI: contract requested at ${Math.round(contractRequestedMs)} ms, operations listed at ${Math.round(listedMs)} ms`);
    expect(listedMs - contractRequestedMs).toBeLessThan(CONTRACT_LISTED_WITHIN_MS);
    await page.close();
  });

  test('Authorize with a key, then Try it out on GET /api/v1/cluster/nodes shows the leader', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/docs/`);
    await page.locator('button.authorize').first().click();
    const dialog = page.locator('.auth-container').filter({ hasText: 'ApiKeyAuth' });
    await dialog.locator('input').fill(ADMIN_KEY);
    await dialog.locator('button.authorize').click();
    await page.locator('.modal-ux .close-modal').click();
    const operation = page.locator('#operations-Cluster-listClusterNodes');
    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.getByRole('button', { name: 'Execute' }).click();
    const body = operation.locator('.responses-wrapper .live-responses-table .microlight').first();
    await expect.poll(async () => (await body.textContent()) ?? '').toContain('"LEADER"');
    const leader = await fixture.server.http.get('/api/v1/cluster/raft/leader').set({ 'X-API-Key': ADMIN_KEY });
    expect(await body.textContent()).toContain(`"${leader.body.data.leaderId}"`);
    await page.close();
  });

  test('GraphiQL at /graphql runs a query', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/graphql`);
    // The headers editor holds a placeholder key; the user pastes theirs.
    await page.getByText('Headers', { exact: true }).click();
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await headers.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(JSON.stringify({ 'X-API-Key': ADMIN_KEY }));
    // The editor closed the brackets and quotes it saw opened: remove what it added after the text.
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Delete');
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.graphiql-response');
    await expect.poll(async () => (await result.textContent()) ?? '').toContain('node-1');
    expect(await result.textContent()).not.toContain('UNAUTHENTICATED');
    await page.close();
  });
});
