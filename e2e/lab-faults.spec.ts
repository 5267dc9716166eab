import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page.ts';

/** A one-connection server that prints what its read got. */
const SERVER = [
  'use tokio::io::{AsyncReadExt, AsyncWriteExt};',
  'use tokio::net::{TcpListener, TcpStream};',
  '',
  '#[tokio::main(flavor = "current_thread", start_paused = true)]',
  'async fn main() {',
  '    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();',
  '    let addr = listener.local_addr().unwrap();',
  '    let server = tokio::spawn(async move {',
  '        let (mut sock, _) = listener.accept().await.unwrap();',
  '        let mut buf = [0u8; 16];',
  '        match sock.read(&mut buf).await {',
  '            Ok(n) => println!("server: read {n} bytes"),',
  '            Err(e) => println!("server: read failed: {:?}: {}", e.kind(), e),',
  '        }',
  '    });',
  '    let mut client = TcpStream::connect(addr).await.unwrap();',
  '    tokio::time::sleep(std::time::Duration::from_millis(100)).await;',
  '    let _ = client.write_all(b"ping").await;',
  '    server.await.unwrap();',
  '}',
].join('\n');

test('a reset added by hand replays the run: the server reads ConnectionReset', async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const lab = new LabPage(page, baseURL);
  await lab.open();
  await lab.replaceSource(SERVER);
  await lab.runButton.click();
  await lab.waitForRun();
  await lab.endButton.click();
  await expect(lab.console).toContainText('server: read 4 bytes');

  // back to where the client sleeps, connected, and the server waits in read()
  await lab.startButton.click();
  let at = 0;
  for (let i = 0; i < 20 && at === 0; i++) {
    await lab.stepButton.click();
    if (((await lab.narration.textContent()) ?? '').includes('waiting on a timer due at 100 ms')) at = await lab.step();
  }
  expect(at).toBeGreaterThan(0);

  await page.getByTestId('faults-toggle').click();
  const panel = page.getByTestId('faults-panel');
  await expect(panel).toBeVisible();
  // the run has made one connection by now: it is offered, and so is the next connect
  const conn = page.getByTestId('fault-conn');
  await expect(conn.locator('option')).toHaveText([/^connection 1 \(port \d+\)$/, 'next connect (connection 2)']);
  await conn.selectOption('1');
  await page.getByTestId('fault-by').selectOption('client');
  await expect(page.getByTestId('fault-when')).toHaveValue('now');
  await lab.screenshot(testInfo.outputPath('lab-faults-menu-1280.png'));
  await page.getByTestId('fault-add').click();

  // the run replays with the reset and comes back to the same step; the next step applies it
  await lab.waitForRun();
  await lab.expectStep(at);
  await lab.stepButton.click();
  await expect(lab.narration).toContainText('connection 1: the client reset it');
  await lab.endButton.click();
  await expect(lab.console).toContainText(
    'server: read failed: ConnectionReset: Connection reset by peer (os error 104)',
  );
  await expect(lab.console).not.toContainText('server: read 4 bytes');
  await expect(page.getByTestId('faults-toggle')).toContainText('1');
  await expect(panel.getByRole('list', { name: 'Faults in this run' })).toContainText(
    `connection 1: the client resets it at step`,
  );

  // a share link carries the fault: opened in a new page, the run has it and the server is reset
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(new URL(link).hash).toMatch(/^#share=v4\./);
  const again = await context.newPage();
  const shared = new LabPage(again, baseURL);
  await again.goto(link);
  await expect(shared.console).toContainText(
    'server: read failed: ConnectionReset: Connection reset by peer (os error 104)',
    { timeout: 15_000 },
  );
  await expect(again.getByTestId('faults-toggle')).toContainText('1');
  await again.getByTestId('faults-toggle').click();
  await expect(again.getByTestId('faults-panel').getByRole('list', { name: 'Faults in this run' })).toContainText(
    'connection 1: the client resets it at step',
  );
  expect(shared.problems).toEqual([]);
  await again.close();
  await page.keyboard.press('Escape');

  // removing it runs the program as before
  await panel.getByRole('button', { name: /^Remove: / }).click();
  await lab.waitForRun();
  await lab.endButton.click();
  await expect(lab.console).toContainText('server: read 4 bytes');
  expect(lab.problems).toEqual([]);
});

test('the Faults menu fits a 640x360 screen', async ({ page, baseURL }, testInfo) => {
  await page.setViewportSize({ width: 640, height: 360 });
  const lab = new LabPage(page, baseURL);
  await lab.open();
  await page.getByTestId('faults-toggle').click();
  const panel = page.getByTestId('faults-panel');
  await expect(panel).toBeVisible();
  const box = await panel.boundingBox();
  expect(box).not.toBeNull();
  if (box !== null) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(640);
  }
  await lab.screenshot(testInfo.outputPath('lab-faults-menu-640.png'));
  // the open menu passes axe: every control is labelled, contrast holds
  const axe = await new AxeBuilder({ page }).include('[data-testid="faults-panel"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('random faults drawn from the seed: the run replays with one, the timeline marks it, and the picker can choose another', async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000); // a hang guard: three runs and a walk through the picker
  await page.setViewportSize({ width: 1440, height: 900 });
  const lab = new LabPage(page, baseURL);
  await lab.open();
  await lab.replaceSource(SERVER);
  await lab.runButton.click();
  await lab.waitForRun();

  await page.getByTestId('faults-toggle').click();
  const rate = page.getByTestId('fault-rate');
  await expect(rate).toHaveValue('off');
  await rate.selectOption({ label: 'every connect fails' });
  await lab.waitForRun();
  await expect(page.getByTestId('faults-toggle')).toContainText('1');
  await page.screenshot({ path: testInfo.outputPath('lab-faults-random-1440.png') });
  await page.getByRole('button', { name: 'Close faults' }).click();
  await expect(page.getByTestId('faults-panel')).toBeHidden();
  await lab.endButton.click();

  // the timeline marks the step the fault was applied at, and says what it was
  const timeline = page.locator('[data-view="timeline"]');
  await timeline.scrollIntoViewIfNeeded();
  const mark = timeline.getByTestId('timeline-fault-mark');
  await expect(mark).toHaveCount(1);
  await expect(mark.locator('title')).toHaveText(/^At step \d+: connection 1: .*\(a planned fault\)$/);
  await timeline.screenshot({ path: testInfo.outputPath('timeline-fault-1440.png') });
  const at = Number(await mark.getAttribute('data-step'));
  // the step the mark names is the one the narration tells once it has been applied
  await lab.seekTo(at + 1);
  await expect(lab.narration).toContainText('(a planned fault)');

  // a link keeps the rate
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(new URL(link).hash).toMatch(/^#share=v5\./);
  const again = await context.newPage();
  const shared = new LabPage(again, baseURL);
  await again.goto(link);
  await shared.waitForRun();
  await again.getByTestId('faults-toggle').click();
  await expect(again.getByTestId('fault-rate')).toHaveValue('1');
  expect(shared.problems).toEqual([]);
  await again.close();
  await page.keyboard.press('Escape');

  // as the scheduler, the learner is asked whether the connection fails, and how
  await lab.startButton.click();
  await page.keyboard.press('y');
  const picker = page.getByTestId('choice-picker');
  let asked = false;
  for (let i = 0; i < 50; i++) {
    await lab.endButton.click();
    if (!(await picker.isVisible())) break;
    const question = (await picker.locator('h2').textContent()) ?? '';
    if (!asked && question.includes('Does this connection fail, and how?')) {
      asked = true;
      await expect(picker.getByTestId('choice-option')).toContainText([
        'no fault',
        'a reset',
        'a refused connect',
        'a slow peer',
      ]);
      await page.screenshot({ path: testInfo.outputPath('lab-faults-pick-1440.png') });
      await page.keyboard.press('3');
      await lab.waitForRun();
    } else {
      await page.keyboard.press('Enter');
    }
  }
  expect(asked).toBe(true);
  await lab.endButton.click();
  await expect(lab.console).toContainText('kind: ConnectionRefused, message: "Connection refused"');
  expect(lab.problems).toEqual([]);
});
