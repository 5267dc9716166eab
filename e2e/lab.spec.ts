import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { spawnAndJoinProgram } from './fixtures/lab-programs.ts';
import { LabPage } from './pages/lab-page.ts';

const JOINSET_OUTPUT = [
  '[0ms] spawned 3 tasks',
  '[10ms] quick finished',
  '[20ms] medium finished',
  '[30ms] slow finished',
  '[30ms] all done',
];

test.describe('the lab', () => {
  test('loads the JoinSet program, plays, pauses, steps, steps back and seeks', async ({ page, baseURL }, testInfo) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const lab = new LabPage(page, baseURL);
    await lab.open();
    const total = await lab.stepCount();
    expect(total).toBeGreaterThan(10);
    await lab.expectStep(0);
    await expect(lab.console).toContainText('Nothing printed yet');
    await lab.screenshot(testInfo.outputPath('lab-start-1920.png'));

    // Step forward twice with the button and the keyboard.
    await lab.stepButton.click();
    await lab.expectStep(1);
    await expect(lab.narration).toContainText('runtime is built');
    await page.keyboard.press('ArrowRight');
    await lab.expectStep(2);
    await expect(lab.narration).toContainText('block_on polls the main future');
    await expect(lab.console).toContainText('[0ms] spawned 3 tasks');

    // Two more steps: tasks 1 and 2 have been polled and wait on their timers, marked in the source.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await lab.expectStep(4);
    await expect(lab.narration).toContainText('waiting on a timer due at 10 ms');
    await expect(page.locator('.cm-task-marker')).not.toHaveCount(0);
    await lab.screenshot(testInfo.outputPath('lab-step4-1920.png'));
    await lab.seekTo(2);
    await lab.expectStep(2);

    // Step back.
    await lab.backButton.click();
    await lab.expectStep(1);
    await expect(lab.console).not.toContainText('spawned 3 tasks');

    // Play, then pause part-way (at 16x there are several steps a frame at most).
    await page.getByLabel('Speed').selectOption('1');
    await lab.playButton.click();
    await expect(lab.playButton).toHaveAccessibleName('Pause');
    await expect.poll(() => lab.step(), { timeout: 5_000 }).toBeGreaterThan(2);
    await page.keyboard.press('k');
    await expect(lab.playButton).toHaveAccessibleName('Play');
    const paused = await lab.step();
    expect(paused).toBeLessThan(total);
    await page.waitForTimeout(700);
    expect(await lab.step()).toBe(paused);

    // Seek to the end: the whole output, as real Tokio prints it.
    await lab.seekTo(total);
    await lab.expectStep(total);
    expect((await lab.consoleText()).split('\n').filter((l) => l !== '')).toEqual(JOINSET_OUTPUT);
    await lab.screenshot(testInfo.outputPath('lab-end-1920.png'));

    // Seek into the middle, then Home / End.
    const middle = Math.floor(total / 2);
    await lab.seekTo(middle);
    await lab.expectStep(middle);
    await page.keyboard.press('Home');
    await lab.expectStep(0);
    await page.keyboard.press('End');
    await lab.expectStep(total);
    expect(lab.problems).toEqual([]);
  });

  test('a breakpoint on a line stops playback where a statement or a poll reaches it', async ({
    page,
    baseURL,
  }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const lab = new LabPage(page, baseURL);
    await lab.open();
    // Line 10 is `set.spawn(async move {`: a statement main runs once per loop iteration, and the
    // async block every spawned task starts in.
    await lab.toggleBreakpoint(10);
    await expect(page.locator('.cm-breakpoint')).toHaveCount(1);
    await page.getByLabel('Speed').selectOption('16');
    for (let i = 0; i < 3; i++) {
      await lab.playButton.click();
      await expect(lab.playButton).toHaveAccessibleName('Play');
      await expect(lab.narration).toContainText('polls the main future');
      await expect(page.getByTestId('code-editor')).toHaveAttribute('data-current-line', '10');
    }
    await lab.playButton.click();
    await expect(lab.playButton).toHaveAccessibleName('Play');
    await expect(lab.narration).toContainText('polls task 1');
    const stopped = await lab.step();
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThan(await lab.stepCount());
    await lab.screenshot(testInfo.outputPath('lab-breakpoint-1280.png'));
    await lab.toggleBreakpoint(10);
    await expect(page.locator('.cm-breakpoint')).toHaveCount(0);
    expect(lab.problems).toEqual([]);
  });

  test('the edited program survives a reload', async ({ page, baseURL }) => {
    const lab = new LabPage(page, baseURL);
    await lab.open();
    const mine = [
      '#[tokio::main(flavor = "current_thread", start_paused = true)]',
      'async fn main() {',
      '    println!("my own program");',
      '}',
    ].join('\n');
    await lab.replaceSource(mine);
    await page.reload();
    await lab.waitForRun();
    await expect(page.locator('.cm-content')).toContainText('my own program');
    await lab.endButton.click();
    await expect(lab.console).toContainText('my own program');
    expect(lab.problems).toEqual([]);
  });

  test('editing the code shows an inline error at the reported line; fixing it runs again', async ({
    page,
    baseURL,
  }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const lab = new LabPage(page, baseURL);
    await lab.open();
    const broken = [
      '#[tokio::main(flavor = "current_thread", start_paused = true)]',
      'async fn main() {',
      '    let x = ;',
      '    println!("{}", x);',
      '}',
    ].join('\n');
    await lab.replaceSource(broken);
    await lab.runButton.click();
    await expect(lab.runStatus).toHaveText(/does not compile/);
    const message = page.locator('.cm-problem-message');
    await expect(message).toBeVisible();
    await expect(message).toContainText('line 3:');
    await expect(page.locator('.cm-problem-line')).toContainText('let x = ;');
    await expect(lab.diagnostics).toContainText('line 3:');
    await lab.screenshot(testInfo.outputPath('lab-inline-error-1280.png'));

    await lab.replaceSource(
      [
        '#[tokio::main(flavor = "current_thread", start_paused = true)]',
        'async fn main() {',
        '    println!("hello from the lab");',
        '}',
      ].join('\n'),
    );
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(lab.runStatus).toHaveAttribute('data-phase', 'ended');
    await expect(page.locator('.cm-problem-message')).toHaveCount(0);
    await lab.endButton.click();
    await expect(lab.runStatus).toHaveText('✓ run complete');
    await expect(lab.console).toContainText('hello from the lab');
    expect(lab.problems).toEqual([]);
  });

  test('a loop that never yields is stopped with a located message, and the page stays responsive', async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const lab = new LabPage(page, baseURL);
    await lab.open();
    await lab.replaceSource(
      [
        '#[tokio::main(flavor = "current_thread", start_paused = true)]',
        'async fn main() {',
        '    let mut i: u64 = 0;',
        '    loop {',
        '        i += 1;',
        '    }',
        '}',
      ].join('\n'),
    );
    await lab.runButton.click();
    // The page answers while the worker grinds.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await lab.waitForRun();
    await expect(lab.diagnostics).toContainText(/stopped at line 4/);
    await expect(page.locator('.cm-problem-message')).toContainText('line 4:');
    expect(lab.problems).toEqual([]);
  });

  test('stays responsive while a 1,000-task program streams in from the worker', async ({
    page,
    baseURL,
  }, testInfo) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const lab = new LabPage(page, baseURL);
    await lab.open();
    await lab.replaceSource(spawnAndJoinProgram(1000));
    await lab.startFrameProbe();
    await lab.runButton.click();
    await expect(lab.runStatus).toHaveAttribute('data-phase', 'running');
    await lab.waitForRun();
    const frames = await lab.stopFrameProbe();
    testInfo.annotations.push({ type: 'frames while streaming', description: JSON.stringify(frames) });
    // The page keeps drawing frames while the worker simulates and streams the run.
    expect(frames.count).toBeGreaterThan(5);
    expect(frames.maxGapMs).toBeLessThan(500);
    await lab.endButton.click();
    await expect(lab.console).toContainText('sum = 499500');
    await lab.screenshot(testInfo.outputPath('lab-1000-tasks-1920.png'));
    expect(lab.problems).toEqual([]);
  });

  test('shows its shortcuts on ?, and the URL keeps the seed and step', async ({ page, baseURL }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const lab = new LabPage(page, baseURL);
    await lab.open('#seed=7&step=5');
    await lab.expectStep(5);
    await expect(page.getByRole('textbox', { name: 'Seed' })).toHaveValue('7');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Play or pause');
    await expect(help).toContainText('Step back');
    await lab.screenshot(testInfo.outputPath('lab-shortcuts-1280.png'));
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await page.keyboard.press('ArrowRight');
    await lab.expectStep(6);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('step=6');
    expect(lab.problems).toEqual([]);
  });

  test('stacks its regions on a 390-px-wide phone', async ({ page, baseURL }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const lab = new LabPage(page, baseURL);
    await lab.open();
    await lab.stepButton.click();
    await lab.stepButton.click();
    const source = await page.getByRole('region', { name: 'Source' }).boundingBox();
    const consoleBox = await page.getByRole('region', { name: 'Console' }).boundingBox();
    expect(source).not.toBeNull();
    expect(consoleBox).not.toBeNull();
    if (source !== null && consoleBox !== null) {
      expect(consoleBox.y).toBeGreaterThan(source.y + source.height - 1);
      expect(source.width).toBeLessThanOrEqual(390);
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await lab.screenshot(testInfo.outputPath('lab-phone-390.png'));
    expect(lab.problems).toEqual([]);
  });

  test('prints the Debug text of Tokio’s sync errors as real Tokio does, in the minified page too', async ({
    page,
    baseURL,
  }) => {
    // The errors are told apart by a name they carry: a minified build renames their classes.
    const program = 'tests/fixtures/surface/s720_sync_error_debug';
    const lab = new LabPage(page, baseURL);
    await lab.open();
    await lab.replaceSource(readFileSync(`${program}.rs`, 'utf8'));
    await lab.runButton.click();
    await lab.waitForRun();
    await lab.endButton.click();
    await expect(lab.console).toHaveText(readFileSync(`${program}.txt`, 'utf8').trimEnd());
    expect(lab.problems).toEqual([]);
  });
});
