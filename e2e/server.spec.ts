import SwaggerParser from '@apidevtools/swagger-parser';
import { expect, test } from './fixtures';

test.describe('the Node server', () => {
  test('GET /api/health says ok and names the store', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: 'pglite', version: expect.any(String) });
  });

  test('security headers are on the page, a deep link, an asset and the API', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const asset = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset, 'index.html loads a script from /assets').toBeTruthy();

    for (const path of ['/', '/sequences/1', asset!, '/api/health', '/api/no-such-thing']) {
      const headers = (await request.get(path)).headers();
      const csp = headers['content-security-policy'] ?? '';
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(scriptSrc, path).toContain("'self'");
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['cross-origin-opener-policy'], path).toBe('same-origin');
      expect(headers['cross-origin-resource-policy'], path).toBe('same-origin');
      expect(headers['permissions-policy'], path).toMatch(/(^|, )camera=\(\)(,|$)/);
    }
  });

  test('the app runs under these headers: no console errors on sign-in or a signed-in page', async ({ page, signInAs }) => {
    // A resource the cross-origin policies blocked would show up as a console error.
    const problems: string[] = [];
    const watch = (p: typeof page) => {
      p.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      p.on('pageerror', (e) => problems.push(e.message));
    };
    watch(page);
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    const signedIn = await signInAs('manager'); // the same page, now with the session
    await signedIn.goto('/sequences');
    await expect(signedIn.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('the browser knows every feature the Permissions-Policy names, and denies each', async ({ page, request }) => {
    const named = ((await request.get('/')).headers()['permissions-policy'] ?? '')
      .split(',')
      .map((d) => d.trim().split('=')[0] ?? '');
    expect(named).toContain('camera');
    await page.goto('/sign-in');
    // Chromium's view of the policy in force (document.featurePolicy): an unknown name would be
    // dropped with a warning, silently leaving nothing denied.
    const seen = await page.evaluate((features) => {
      const policy = (document as unknown as { featurePolicy: { features(): string[]; allowsFeature(f: string): boolean } }).featurePolicy;
      const known = new Set(policy.features());
      return features.map((f) => ({ feature: f, known: known.has(f), allowed: policy.allowsFeature(f) }));
    }, named);
    expect(seen.filter((s) => !s.known || s.allowed)).toEqual([]);
  });

  test('hashed assets are cached for good, the page never without asking', async ({ request }) => {
    const page = await request.get('/');
    expect(page.headers()['cache-control']).toBe('no-cache');
    const asset = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1];
    const res = await request.get(asset);
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toContain('immutable');
  });

  test('a deep link gets the app, an unknown API path a JSON 404', async ({ request }) => {
    const page = await request.get('/sequences/1');
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const api = await request.get('/api/no-such-thing');
    expect(api.status()).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found', requestId: expect.any(String) } });
  });

  test('/api/openapi.json is a valid OpenAPI 3.1 document', async ({ request }) => {
    const res = await request.get('/api/openapi.json');
    expect(res.status()).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.paths)).toContain('/api/health');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  test('the API reference at /api/docs renders under the Content-Security-Policy', async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto('/api/docs');
    await expect(page.getByRole('heading', { name: /Sequence Desk/ }).first()).toBeVisible();
    await expect(page.getByText('/api/health').first()).toBeVisible();
    expect(problems).toEqual([]);
  });
});
