/**
 * The course mode (issue 6): walk the whole Day 6 deck by keyboard at projector size (screenshots
 * for people to look at come from e2e/shots/shots.ts), the slide-tool keys, a predict-then-run
 * quiz graded by the run, progress and edited code restored after a reload, and a phone-width
 * layout.
 */
import { expect, test } from '@playwright/test';
import { DeckPage, LESSON, SLIDES } from './pages/deck-page.ts';

// One walk, at projector size: the layout of every slide at 720p, 900p and 1080p in both themes is
// the stage contract's (stage.spec.ts), and the scenarios do not depend on the size.
for (const [width, height] of [[1920, 1080]] as const) {
  test(`walks every slide at ${width}×${height}, each running its scenario`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height });
    const deck = new DeckPage(page);
    await deck.open();
    for (let n = 1; n <= SLIDES; n++) {
      await deck.expectSlide(n);
      await expect(deck.title).not.toBeEmpty();
      await deck.waitForRun();
      // The trace ran to its end, but the slide opens at its start: nothing is claimed yet.
      await expect(deck.runStatus).toHaveAttribute('data-phase', 'ended');
      await expect(deck.runStatus).not.toHaveText(/complete/);
      if (n < SLIDES) await deck.press(n % 2 === 0 ? 'PageDown' : 'ArrowRight');
    }
    // The last slide stays the last.
    await deck.press('ArrowRight');
    await deck.expectSlide(SLIDES);
    expect(deck.problems).toEqual([]);
  });
}

test('slide-tool keys: Home/End, PageUp, overview, blank, help', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const deck = new DeckPage(page);
  await deck.open(5);
  await deck.expectSlide(5);
  await deck.press('End');
  await deck.expectSlide(SLIDES);
  await deck.press('Home');
  await deck.expectSlide(1);
  await deck.press('PageDown');
  await deck.press('PageDown');
  await deck.press('PageUp');
  await deck.expectSlide(2);

  await deck.press('o');
  const overview = page.getByRole('navigation', { name: 'All slides' });
  await expect(overview).toBeVisible();
  await expect(overview.getByRole('button')).toHaveCount(SLIDES);
  await deck.page.keyboard.press('ArrowRight');
  await deck.page.keyboard.press('ArrowRight');
  await deck.page.keyboard.press('Escape');
  await expect(overview).toBeHidden();
  await deck.expectSlide(4);
  await deck.press('o');
  await overview.getByRole('button', { name: /^9\b/ }).click();
  await deck.expectSlide(9);

  await deck.press('b');
  await expect(page.getByTestId('blank')).toBeVisible();
  await deck.press('ArrowRight');
  await deck.expectSlide(9);
  await deck.press('b');
  await expect(page.getByTestId('blank')).toBeHidden();

  await deck.press('?');
  await expect(page.getByRole('dialog', { name: 'Keys' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keys' })).toBeHidden();

  // Zoom and the projector theme change the type size.
  const size = () => deck.deck.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await size();
  await deck.press('+');
  expect(await size()).toBeGreaterThan(before);
  await deck.press('0');
  await deck.press('t');
  // The projector's 1rem is 1/33.75 of the viewport's height: 21.3 px at 720p.
  expect(await size()).toBeCloseTo(720 / 33.75, 0);
  await expect(page).toHaveURL(/theme=projector/);
  expect(deck.problems).toEqual([]);
});

test('a quiz: predict, then the run grades it', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const deck = new DeckPage(page);
  await deck.open(2);
  await deck.answerChoice(0, /\[15ms\] main: no handle/);
  await deck.waitForRun();
  const result = deck.quiz(0).getByTestId('quiz-result');
  await expect(result).toContainText('Right.');
  await page.screenshot({ path: testInfo.outputPath('quiz-right.png'), fullPage: true });

  // A first wrong answer does not give the answer away; asking for it does.
  await deck.press('ArrowRight');
  await deck.press('ArrowRight');
  await deck.press('ArrowRight');
  await deck.expectSlide(5);
  await deck.answerChoice(0, /handle\.await -> 8$/);
  await expect(deck.quiz(0).getByTestId('quiz-result')).toContainText('Not quite.');
  await expect(deck.quiz(0).getByTestId('quiz-result')).not.toContainText('Ok(8)');
  await deck.quiz(0).getByRole('button', { name: 'Show the answer' }).click();
  await expect(deck.quiz(0).getByTestId('quiz-result')).toContainText('Ok(8)');

  // A state-word quiz is typed, and graded against the trace.
  await deck.press('ArrowRight');
  await deck.press('ArrowRight');
  await deck.press('ArrowRight');
  await deck.expectSlide(8);
  await deck.quiz(0).getByRole('textbox').fill('0b100_101100');
  await deck.quiz(0).getByRole('button', { name: 'Lock in my answer' }).click();
  await expect(deck.quiz(0).getByTestId('quiz-result')).toContainText('Right.', { timeout: 20_000 });
  expect(deck.problems).toEqual([]);
});

test('progress and edited code survive a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const deck = new DeckPage(page);
  await deck.open(2);
  await deck.answerChoice(0, /\[15ms\] main: no handle/);
  await expect(deck.quiz(0).getByTestId('quiz-result')).toContainText('Right.', { timeout: 20_000 });
  await deck.open(SLIDES);
  await deck.waitForRun();
  await deck.editor.click();
  // At the top: the editor only renders the lines in view.
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.insertText('// my pool, work in progress\n');
  await expect(page.getByText('Your edited version')).toBeVisible();

  // Reload the bare lesson URL: it reopens where the learner was, with their code.
  await page.goto(`/?lesson=${LESSON}`);
  await deck.expectSlide(SLIDES);
  await expect(deck.editor).toContainText('// my pool, work in progress');
  await deck.press('o');
  await expect(page.getByRole('navigation', { name: 'All slides' }).getByText('✓ seen')).toHaveCount(2);
  await page.keyboard.press('Escape');

  // The graded quiz is still graded.
  await page.goto(`/?lesson=${LESSON}&slide=2`);
  await expect(deck.quiz(0).getByTestId('quiz-result')).toContainText('Right.');

  // Resetting puts the slide's program back and forgets the edit.
  await page.goto(`/?lesson=${LESSON}&slide=${SLIDES}`);
  await page.getByRole('button', { name: "Reset to the slide's program" }).click();
  await expect(deck.editor).not.toContainText('work in progress');
  await page.reload();
  await expect(deck.editor).not.toContainText('work in progress');
  expect(deck.problems).toEqual([]);
});

test('edited code is kept when the program runs away', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const deck = new DeckPage(page);
  await deck.open(5);
  await deck.waitForRun();
  const looping = '#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    loop {}\n}\n';
  await deck.replaceSource(looping);
  await page.getByRole('button', { name: /Run$/ }).click();
  await page.reload();
  await expect(deck.editor).toContainText('loop {}');
});

test('works 390 px wide', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const deck = new DeckPage(page);
  await deck.open(8);
  await deck.waitForRun();
  await deck.expectNoSidewaysScroll();
  await page.screenshot({ path: testInfo.outputPath('slide-08-390.png'), fullPage: true });
  await page.getByRole('button', { name: 'Next slide' }).click();
  await deck.expectSlide(9);
});

test('a cue pauses the lab at its event and says why', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const deck = new DeckPage(page);
  await deck.open(2);
  await deck.waitForRun();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('cue-say')).toContainText('The handle is gone before the worker ever ran');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const stopped = await deck.step();
  expect(stopped).toBeGreaterThan(0);
  expect(stopped).toBeLessThan(Number(await page.getByTestId('step-count').textContent()));
});
