/**
 * The embed API from a real host page on another origin (issue 7): public/embed-demo.html served
 * from the port above the app's (e2e/ports.ts) by a tiny static server, embedding the app twice.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';
import type { FrameLocator, Page } from '@playwright/test';
import { APP, HOST_PORT } from './ports.ts';

const HOST = `http://127.0.0.1:${HOST_PORT}`;
/** Another origin than the host (same machine, another name). */
const STRANGER = `http://localhost:${HOST_PORT}`;
const BUILT = process.env.TASK_LAB_DIST ?? join(process.cwd(), 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** Pages a test adds beside the built files (path → html). */
const extra = new Map<string, string>();
let server: Server;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', HOST).pathname).replace(/^(\.\.[/\\])+/, '');
    const page = extra.get(path);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(page);
      return;
    }
    readFile(join(BUILT, path)).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(HOST_PORT, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface EmbedEvent {
  readonly type: string;
  readonly embedId: string;
  readonly step?: number;
  readonly steps?: number;
  readonly playback?: string;
  readonly slide?: number;
  readonly title?: string;
  readonly message?: string;
}

const events = (page: Page, id: string) =>
  page.evaluate(
    (i) => (window as unknown as { taskLabDemo: { events(id: string): unknown[] } }).taskLabDemo.events(i),
    id,
  ) as Promise<EmbedEvent[]>;

const send = (page: Page, id: string, body: Record<string, unknown>) =>
  page.evaluate(
    ([i, b]) => (window as unknown as { taskLabDemo: { send(id: string, b: unknown): void } }).taskLabDemo.send(i, b),
    [id, body] as const,
  );

const lastStep = async (page: Page, id: string) => (await events(page, id)).filter((e) => e.type === 'step').at(-1);

async function openDemo(page: Page, query = ''): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`${HOST}/embed-demo.html?app=${encodeURIComponent(`${APP}/index.html`)}${query}`);
}

/** Waits until embed `id` has loaded its slide and its run has streamed in. */
async function ready(page: Page, id: string): Promise<void> {
  await expect.poll(async () => (await events(page, id)).some((e) => e.type === 'slideChange')).toBe(true);
  await expect.poll(async () => (await lastStep(page, id))?.playback, { timeout: 15_000 }).toMatch(/paused|finished/);
}

const stepText = (frame: FrameLocator) => frame.getByTestId('embed-step');

test('a host page on another origin drives two independent embeds', async ({ page }, testInfo) => {
  await openDemo(page);
  await ready(page, 'a');
  await ready(page, 'b');
  const a = page.frameLocator('[data-testid=frame-a]');
  const b = page.frameLocator('[data-testid=frame-b]');
  const first = await events(page, 'a');
  expect(first[0]).toMatchObject({ type: 'ready', embedId: 'a', protocol: 'task-lab-embed', version: 1 });
  expect(first.find((e) => e.type === 'slideChange')).toMatchObject({ slide: 2, title: 'The detached task' });

  await send(page, 'a', { type: 'seek', step: 5 });
  await expect.poll(async () => (await lastStep(page, 'a'))?.step).toBe(5);
  await expect(stepText(a)).toHaveText(/^5\//);
  await send(page, 'a', { type: 'step' });
  await expect.poll(async () => (await lastStep(page, 'a'))?.step).toBe(6);
  await send(page, 'a', { type: 'step', back: true });
  await expect.poll(async () => (await lastStep(page, 'a'))?.step).toBe(5);
  // B did not move.
  await expect(stepText(b)).toHaveText(/^0\//);

  await send(page, 'b', { type: 'play' });
  await expect.poll(async () => (await lastStep(page, 'b'))?.playback, { timeout: 15_000 }).toBe('finished');
  const bEnd = await lastStep(page, 'b');
  expect(bEnd?.step).toBe(bEnd?.steps);
  await expect(stepText(a)).toHaveText(/^5\//);

  await send(page, 'a', { type: 'setSlide', slide: 3 });
  await expect
    .poll(async () => (await events(page, 'a')).filter((e) => e.type === 'slideChange').at(-1)?.slide)
    .toBe(3);
  await send(page, 'a', { type: 'setSlide', slide: 999, requestId: 'r1' });
  await expect
    .poll(async () => (await events(page, 'a')).find((e) => e.type === 'error')?.message)
    .toMatch(/slides 1 to/);

  await send(page, 'b', {
    type: 'load',
    source: 'fn main() {\n    println!("hello from the host");\n}\n',
  });
  await expect(b.getByTestId('embed')).toContainText('Program');

  await page.locator('[data-testid=frame-a]').screenshot({ path: testInfo.outputPath('embed-a-640x360.png') });
  await page.locator('[data-testid=frame-b]').screenshot({ path: testInfo.outputPath('embed-b-640x360.png') });
  await page.screenshot({ path: testInfo.outputPath('embed-demo.png'), fullPage: true });
});

test('an embed ignores origins it was not told to trust, and malformed messages', async ({ page }) => {
  // Only https://allowed.example may drive these embeds: the demo page's commands are ignored,
  // and no event is posted to it.
  await openDemo(page, `&origins=${encodeURIComponent('https://allowed.example')}`);
  const a = page.frameLocator('[data-testid=frame-a]');
  await expect(stepText(a)).toHaveText(/^0\/[1-9]/, { timeout: 15_000 });
  await send(page, 'a', { type: 'seek', step: 4 });
  await send(page, 'a', { type: 'hello' });
  await page.waitForTimeout(1000);
  await expect(stepText(a)).toHaveText(/^0\//);
  expect(await events(page, 'a')).toEqual([]);
});

test('messages from a stranger frame or malformed ones change nothing', async ({ page }) => {
  // A frame from another origin inside the host page tries to drive embed A.
  extra.set(
    '/stranger.js',
    `window.addEventListener('message', () => {});
     for (const data of [
       { protocol: 'task-lab-embed', version: 1, type: 'seek', step: 3 },
     ]) parent.frames[0].postMessage(data, '*');
     document.body.textContent = 'sent';`,
  );
  extra.set('/stranger.html', '<!doctype html><body><script src="/stranger.js"></script></body>');
  await openDemo(page);
  await ready(page, 'a');
  const a = page.frameLocator('[data-testid=frame-a]');
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.id = 'stranger';
    document.body.append(f);
  }, `${STRANGER}/stranger.html`);
  await expect(page.frameLocator('#stranger').locator('body')).toHaveText('sent');
  // Malformed messages from the trusted host: wrong shapes, wrong types, unknown commands.
  for (const body of [
    { type: 'seek', step: 'three' },
    { type: 'explode' },
    { type: 'seek', step: -2 },
    { type: 'load' },
  ]) {
    await send(page, 'a', body);
  }
  await page.evaluate(() => {
    const f = document.querySelector<HTMLIFrameElement>('[data-testid=frame-a]');
    f?.contentWindow?.postMessage('seek 3', '*');
    f?.contentWindow?.postMessage({ type: 'seek', step: 3 }, '*');
  });
  await page.waitForTimeout(1000);
  await expect(stepText(a)).toHaveText(/^0\//);
  expect((await events(page, 'a')).filter((e) => e.type === 'step' && e.step !== 0)).toEqual([]);
  // The trusted host is told what was wrong with each of its malformed commands; nothing else is answered.
  expect((await events(page, 'a')).filter((e) => e.type === 'error').map((e) => e.message)).toEqual([
    'seek: step must be a whole number from 0 to 1000000000, not "three"',
    'unknown command type "explode"; the commands are hello, load, play, pause, step, seek, setSlide',
    'seek: step must be a whole number from 0 to 1000000000, not -2',
    'load: give exactly one of source and lesson',
  ]);
  // A well-formed command still works afterwards.
  await send(page, 'a', { type: 'seek', step: 2 });
  await expect(stepText(a)).toHaveText(/^2\//);
});

test('hostile values get a short error with their requestId, never an uncaught TypeError or an echo', async ({
  page,
}) => {
  await openDemo(page);
  await ready(page, 'a');
  const a = page.frameLocator('[data-testid=frame-a]');
  await page.evaluate(() => {
    const demo = (window as unknown as { taskLabDemo: { send(id: string, b: unknown): void } }).taskLabDemo;
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const huge = 'x'.repeat(5_000_000);
    demo.send('a', { type: 'play', version: 10n, requestId: 'bigint' });
    demo.send('a', { type: 'play', version: cyclic, requestId: 'cyclic' });
    demo.send('a', { type: 'play', version: huge, requestId: 'huge-version' });
    demo.send('a', { type: 'load', source: huge, requestId: 'huge-source' });
    demo.send('a', { type: 'load', lesson: 'no-such-lesson', requestId: 'async' });
  });
  await expect.poll(async () => (await events(page, 'a')).filter((e) => e.type === 'error').length).toBe(5);
  const errors = (await events(page, 'a')).filter((e) => e.type === 'error') as (EmbedEvent & {
    requestId?: string;
  })[];
  expect(errors.map((e) => e.requestId).sort()).toEqual(['async', 'bigint', 'cyclic', 'huge-source', 'huge-version']);
  for (const e of errors) expect(JSON.stringify(e).length).toBeLessThan(400);
  expect(errors.find((e) => e.requestId === 'bigint')?.message).toMatch(/version a BigInt/);
  expect(errors.find((e) => e.requestId === 'async')?.message).toMatch(/no-such-lesson/);
  // The embed is still in working order.
  await send(page, 'a', { type: 'seek', step: 3 });
  await expect(stepText(a)).toHaveText(/^3\//);
});
