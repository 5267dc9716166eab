/**
 * The built app under its Content-Security-Policy (index.html's meta tag, issue 7): no violation
 * is reported while programs play, and no request leaves the origin (no CDN, font or analytics).
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { APP } from './ports.ts';

const LESSON = 'day06-tasks-joinset-cancellation';

/** Records violations in every frame and every request of the page. */
async function watch(page: Page): Promise<{ requests: string[]; violations: () => Promise<string[]> }> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const violations = async () => {
    const all: string[] = [];
    for (const f of page.frames()) {
      all.push(...(await f.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [])));
    }
    return all;
  };
  return { requests, violations };
}

const foreign = (urls: readonly string[]) =>
  urls.filter((u) => !u.startsWith(`${APP}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));

test('every slide of a lesson plays in an embed with no CSP violation and no outside request', async ({ page }) => {
  test.setTimeout(180_000);
  const { requests, violations } = await watch(page);
  await page.setViewportSize({ width: 1400, height: 1000 });
  // The demo host page, same origin here, embedding the app twice.
  await page.goto(`/embed-demo.html`);
  type Demo = {
    taskLabDemo: {
      events(id: string): { type: string; playback?: string; slides?: number; step?: number; steps?: number }[];
      send(id: string, b: unknown): void;
    };
  };
  const events = () => page.evaluate(() => (window as unknown as Demo).taskLabDemo.events('a'));
  await expect.poll(async () => (await events()).find((e) => e.type === 'slideChange')?.slides ?? 0).toBeGreaterThan(0);
  const slides = (await events()).find((e) => e.type === 'slideChange')?.slides ?? 0;
  let played = 0;
  for (let slide = 1; slide <= slides; slide++) {
    const before = (await events()).length;
    const after = async () => (await events()).slice(before);
    await page.evaluate(
      (s) => (window as unknown as Demo).taskLabDemo.send('a', { type: 'setSlide', slide: s }),
      slide,
    );
    await expect.poll(async () => (await after()).some((e) => e.type === 'slideChange')).toBe(true);
    await page.waitForTimeout(300);
    // A slide without a program (prose only) runs nothing.
    if (!(await after()).some((e) => e.type === 'step')) continue;
    await expect
      .poll(
        async () => (await after()).some((e) => e.type === 'step' && e.playback !== 'loading' && e.playback !== 'idle'),
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
    // Play a while (animations, narration), then jump to the end (every step folded and drawn).
    await page.evaluate(() => (window as unknown as Demo).taskLabDemo.send('a', { type: 'play' }));
    await page.waitForTimeout(700);
    await page.evaluate(() => (window as unknown as Demo).taskLabDemo.send('a', { type: 'seek', step: 1_000_000 }));
    await expect
      .poll(
        async () => {
          const last = (await after()).filter((e) => e.type === 'step').at(-1);
          return last !== undefined && last.steps !== undefined && last.steps > 0 && last.step === last.steps;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    played++;
  }
  expect(played).toBeGreaterThan(slides / 2);
  expect(await violations()).toEqual([]);
  expect(foreign(requests)).toEqual([]);
  expect(requests.some((u) => u.includes(LESSON) || u.includes('embed=1'))).toBe(true);
});

test('the lab screen, its editor and its worker run under the policy', async ({ page }) => {
  const { requests, violations } = await watch(page);
  await page.goto('/?mode=lab');
  await page.waitForLoadState('networkidle');
  const play = page.getByRole('button', { name: 'Play' }).first();
  if ((await play.count()) > 0 && (await play.isEnabled())) await play.click();
  await page.waitForTimeout(3000);
  expect(await violations()).toEqual([]);
  expect(foreign(requests)).toEqual([]);
});

test('the CSP meta tag is strict', async ({ page }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')?;/);
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("object-src 'none'");
});

test('the built page’s policy uses hashes, not a nonce, and no source map ships', async ({ page }) => {
  const html = await (await page.request.get('/')).text();
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(policy).toContain("default-src 'self'");
  expect(policy).not.toMatch(/nonce-|unsafe-inline|unsafe-eval/);
  expect(html).not.toContain('csp-nonce');
  const entry = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(entry).toBeDefined();
  const js = await (await page.request.get(`/${entry}`)).text();
  expect(js).not.toContain('sourceMappingURL');
  const map = await page.request.get(`/${entry}.map`);
  expect(map.status() === 404 || !(await map.text()).startsWith('{"version":3')).toBe(true);
});
