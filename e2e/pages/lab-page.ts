/**
 * The lab screen as a test sees it (design.md §7: page objects): its controls by role and label,
 * and reads of what it shows (step, console, narration, diagnostics) so specs speak the learner's
 * language rather than CSS selectors.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { APP } from '../ports.ts';
import { watchProblems } from './problems.ts';

export class LabPage {
  readonly problems: string[];

  /** `baseURL` is the test's (every request must stay on its origin). */
  constructor(
    readonly page: Page,
    baseURL: string | undefined,
  ) {
    this.problems = watchProblems(page, new URL(baseURL ?? APP).origin);
  }

  /** Opens the lab (with an optional URL hash) and waits for the first run to be playable. */
  async open(hash = ''): Promise<void> {
    await this.page.goto(`/?mode=lab${hash}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Task Lab' })).toBeVisible();
    await this.waitForRun();
  }

  async waitForRun(): Promise<void> {
    // The trace is computed (the words claim only what the screen shows; run-status.ts).
    await expect(this.runStatus).toHaveAttribute('data-phase', /^(ended|compile-error|lost)$/, { timeout: 15_000 });
  }

  get runStatus(): Locator {
    return this.page.getByTestId('run-status');
  }
  get playButton(): Locator {
    return this.page.getByRole('button', { name: /^(Play|Pause)$/ });
  }
  get stepButton(): Locator {
    return this.page.getByRole('button', { name: 'Step forward' });
  }
  get backButton(): Locator {
    return this.page.getByRole('button', { name: 'Step back' });
  }
  get startButton(): Locator {
    return this.page.getByRole('button', { name: 'Back to the start' });
  }
  get endButton(): Locator {
    return this.page.getByRole('button', { name: 'To the end' });
  }
  get seekBar(): Locator {
    return this.page.getByRole('slider', { name: 'Step' });
  }
  get console(): Locator {
    return this.page.getByTestId('console');
  }
  get narration(): Locator {
    return this.page.getByTestId('narration');
  }
  get diagnostics(): Locator {
    return this.page.getByTestId('diagnostics');
  }
  get editor(): Locator {
    return this.page.locator('.cm-content');
  }
  get runButton(): Locator {
    return this.page.getByRole('button', { name: /Run$/ });
  }

  async step(): Promise<number> {
    return Number(await this.page.getByTestId('step-position').textContent());
  }
  async stepCount(): Promise<number> {
    return Number(await this.page.getByTestId('step-count').textContent());
  }
  async consoleText(): Promise<string> {
    return (await this.console.textContent()) ?? '';
  }

  async expectStep(n: number): Promise<void> {
    await expect(this.page.getByTestId('step-position')).toHaveText(String(n));
  }

  /** Moves the seek bar to step `n` the way a keyboard user would not: by setting its value. */
  async seekTo(n: number): Promise<void> {
    await this.seekBar.fill(String(n));
  }

  /** Clicks the breakpoint gutter beside source line `line`. */
  async toggleBreakpoint(line: number): Promise<void> {
    const number = this.page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: new RegExp(`^${line}$`) });
    const row = await number.boundingBox();
    const gutter = await this.page.locator('.cm-breakpoint-gutter').boundingBox();
    if (row === null || gutter === null) throw new Error(`no gutter row for line ${line}`);
    await this.page.mouse.click(gutter.x + gutter.width / 2, row.y + row.height / 2);
  }

  /** Replaces the program in the editor (select all, type). */
  async replaceSource(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** Starts recording animation frames (to see whether the page keeps drawing). */
  async startFrameProbe(): Promise<void> {
    await this.page.evaluate(() => {
      const probe = { times: [] as number[], on: true };
      Object.assign(window, { __frameProbe: probe });
      const tick = (t: number) => {
        probe.times.push(t);
        if (probe.on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  /** Stops the probe: how many frames were drawn and the longest gap between two. */
  async stopFrameProbe(): Promise<{ count: number; maxGapMs: number; p95GapMs: number }> {
    return this.page.evaluate(() => {
      const probe = (window as unknown as { __frameProbe: { times: number[]; on: boolean } }).__frameProbe;
      probe.on = false;
      const gaps = probe.times.slice(1).map((t, i) => t - probe.times[i]);
      const sorted = [...gaps].sort((a, b) => a - b);
      return {
        count: probe.times.length,
        maxGapMs: Math.round(sorted[sorted.length - 1] ?? 0),
        p95GapMs: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
      };
    });
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path, fullPage: true });
  }
}
