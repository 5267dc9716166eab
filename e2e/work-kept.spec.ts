/**
 * The remaining ways to lose work (issue 14): a share link pasted into the address bar of an open
 * lab (a hash change, no reload), and one draft edited in two tabs.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shareHashOf } from './fixtures/share-links.ts';
import { LabPage } from './pages/lab-page.ts';

const SHARED = readFileSync(join(process.cwd(), 'tests/fixtures/examples/01_spawn_await.rs'), 'utf8');
const program = (words: string) =>
  [
    '#[tokio::main(flavor = "current_thread", start_paused = true)]',
    'async fn main() {',
    `    println!("${words}");`,
    '}',
  ].join('\n');

test('a share link pasted into the open lab opens as its own draft, beside the learner’s', async ({
  page,
  baseURL,
}) => {
  const lab = new LabPage(page, baseURL);
  await lab.open();
  await lab.replaceSource(program('mine, typed before the link'));
  const hash = await shareHashOf(SHARED);
  // Same document: only `hashchange` fires, as when a link is pasted into the address bar.
  const loads = await page.evaluate(async (h) => {
    let n = 0;
    addEventListener('load', () => n++);
    location.hash = h;
    await new Promise((r) => setTimeout(r, 100));
    return n;
  }, hash);
  expect(loads).toBe(0);
  await expect(lab.editor).toContainText('tokio::spawn');
  const menu = page.getByRole('combobox', { name: 'Draft' });
  await expect(menu.locator('option')).toHaveText(['My program', 'Shared program 1']);
  await lab.waitForRun();
  await menu.selectOption({ label: 'My program' });
  await expect(lab.editor).toContainText('mine, typed before the link');
  expect(lab.problems).toEqual([]);
});

test('two tabs on one draft: the other tab is asked, and keeps its text as a new draft', async ({
  context,
  baseURL,
}, testInfo) => {
  const first = new LabPage(await context.newPage(), baseURL);
  await first.open();
  const second = new LabPage(await context.newPage(), baseURL);
  await second.open();
  await second.replaceSource(program('typed in the second tab'));
  // The first tab hears of it (a storage event) and asks; its own text stays on screen.
  const notice = first.page.getByTestId('draft-conflict');
  await expect(notice).toContainText('“My program” was changed in another tab');
  await first.page.bringToFront();
  await first.page.screenshot({ path: testInfo.outputPath('draft-conflict.png') });
  // Typing on in the first tab does not overwrite the second tab's newer text.
  await first.replaceSource(program('typed in the first tab'));
  const saved = () =>
    second.page.evaluate(
      () =>
        (JSON.parse(localStorage.getItem('task-lab:drafts') ?? '{}') as { drafts: { name: string; source: string }[] })
          .drafts,
    );
  expect((await saved()).find((d) => d.name === 'My program')?.source).toContain('typed in the second tab');
  await notice.getByRole('button', { name: 'Keep mine as a new draft' }).click();
  await expect(notice).toBeHidden();
  const menu = first.page.getByRole('combobox', { name: 'Draft' });
  await expect(menu.locator('option')).toHaveText(['My program', 'My program (this tab)']);
  await expect(first.editor).toContainText('typed in the first tab');
  // Both texts are saved, and the second tab lists the new draft too.
  const drafts = await saved();
  expect(drafts.map((d) => d.name)).toEqual(['My program', 'My program (this tab)']);
  expect(drafts[0].source).toContain('typed in the second tab');
  expect(drafts[1].source).toContain('typed in the first tab');
  await expect(second.page.getByRole('combobox', { name: 'Draft' }).locator('option')).toHaveText([
    'My program',
    'My program (this tab)',
  ]);
  await expect(second.editor).toContainText('typed in the second tab');
  await expect(second.page.getByTestId('draft-conflict')).toBeHidden();
  expect([...first.problems, ...second.problems]).toEqual([]);
});

test('two tabs on one draft: the other tab can load the newer text, keeping its own as a version', async ({
  context,
  baseURL,
}) => {
  const first = new LabPage(await context.newPage(), baseURL);
  await first.open();
  const second = new LabPage(await context.newPage(), baseURL);
  await second.open();
  await first.page.bringToFront();
  await first.replaceSource(program('typed in the first tab'));
  const notice = second.page.getByTestId('draft-conflict');
  await notice.getByRole('button', { name: 'Load the other tab’s version' }).click();
  await expect(second.editor).toContainText('typed in the first tab');
  await expect(notice).toBeHidden();
  await expect(second.page.getByText(/^Versions \(\d+\)$/)).toBeVisible();
});

test('a program printing past the console’s 16 MiB shows the tail, and says so', async ({ page, baseURL }) => {
  const lab = new LabPage(page, baseURL);
  await lab.open();
  // 17 lines of 1 MiB, then a short one: past the tail the lab keeps (console-lines.ts).
  await lab.replaceSource(
    [
      '#[tokio::main(flavor = "current_thread", start_paused = true)]',
      'async fn main() {',
      '    let line = "x".repeat(1 << 20);',
      '    for i in 0..17 {',
      '        println!("{:02} {}", i, line);',
      '    }',
      '    println!("the end");',
      '}',
    ].join('\n'),
  );
  await page.getByRole('button', { name: /Run$/ }).click();
  await lab.waitForRun();
  await lab.endButton.click();
  const notice = page.getByTestId('console-tail');
  await expect(notice).toHaveText(
    /showing the tail of the output: 1 earlier line and the first [\d,]+ characters of the line below not shown/,
    { timeout: 30_000 },
  );
  await expect(lab.console.locator('.console-line').last()).toHaveText('the end');
  expect(lab.problems).toEqual([]);
});
