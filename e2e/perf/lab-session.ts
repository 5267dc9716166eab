/**
 * The lab opened for a benchmark: the built app served by `vite preview`, headless Chromium at
 * 1920×1080, the lab page loaded with its first run done, and page errors collected.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { preview } from 'vite';

export interface LabSession {
  readonly browser: Browser;
  readonly page: Page;
  /** The run-status label. */
  readonly status: Locator;
  readonly errors: string[];
  close(): Promise<void>;
}

/** `initScript`: runs in the page before its own scripts (e.g. to watch the worker's messages). */
export async function openLab(port: number, initScript?: string): Promise<LabSession> {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const server = await preview({ logLevel: 'error', preview: { host: '127.0.0.1', port, strictPort: false } });
  const base = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({
    executablePath: existsSync(executable) ? executable : undefined,
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  const close = async (): Promise<void> => {
    await browser.close();
    await server.close();
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (initScript !== undefined) await page.addInitScript(initScript);
    await page.goto(new URL('?mode=lab', base).toString());
    const status = page.getByTestId('run-status');
    await waitRunComputed(page, 60_000);
    return { browser, page, status, errors, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Replaces the editor's program with `source`. */
export async function typeProgram(page: Page, source: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(source);
}

/**
 * Waits until the worker has computed the whole run (or refused the program). The status words
 * claim "run complete" only at the end position, so this reads the worker's phase instead.
 */
export async function waitRunComputed(page: Page, timeout: number): Promise<void> {
  await page
    .locator('[data-testid="run-status"][data-phase="ended"], [data-testid="run-status"][data-phase="compile-error"]')
    .waitFor({ state: 'attached', timeout });
}
