/**
 * Presenter mode (issue 6 "Classroom"): a presenter window drives an audience window over
 * BroadcastChannel — slide, seed, step and blank stay in sync with no server.
 */
import { expect, test } from '@playwright/test';
import { DeckPage, LESSON } from './pages/deck-page.ts';

test('a presenter window drives the audience window', async ({ context }, testInfo) => {
  const audiencePage = await context.newPage();
  await audiencePage.setViewportSize({ width: 1920, height: 1080 });
  const audience = new DeckPage(audiencePage);
  await audience.open(1, '&audience=1');
  await expect(audience.counter).toContainText('audience');

  const presenterPage = await context.newPage();
  await presenterPage.setViewportSize({ width: 1280, height: 720 });
  const presenter = new DeckPage(presenterPage);
  await presenter.open(1, '&presenter=1');
  await expect(presenterPage.getByRole('heading', { name: 'Notes' })).toBeVisible();
  await expect(presenterPage.getByTestId('audiences')).toHaveText('1 audience window');

  // Slides.
  await presenter.press('ArrowRight');
  await presenter.press('ArrowRight');
  await presenter.expectSlide(3);
  await expect(audience.counter).toContainText('Slide 3 of 35');
  await expect(presenterPage.getByTestId('next-slide')).toContainText('4.');

  // Steps.
  await presenter.waitForRun();
  await presenterPage.getByRole('button', { name: 'Step forward' }).click();
  await presenterPage.getByRole('button', { name: 'Step forward' }).click();
  await presenterPage.getByRole('button', { name: 'Step forward' }).click();
  await expect(presenterPage.getByTestId('step-position')).toHaveText('3');
  await expect(audiencePage.getByTestId('step-position')).toHaveText('3');

  // Seed.
  const seed = presenterPage.getByRole('textbox', { name: 'Seed' }).or(presenterPage.getByLabel('Seed'));
  await seed.first().fill('7');
  await seed.first().press('Enter');
  await expect(audiencePage).toHaveURL(/seed=7/);
  // The audience window shows and follows; it offers no control of its own.
  await expect(audiencePage.locator('.deck-bar button, .deck-bar input:not([type="range"])')).toHaveCount(0);

  // Blank screen and back.
  await presenter.press('b');
  await expect(audiencePage.getByTestId('blank')).toBeVisible();
  await presenter.press('b');
  await expect(audiencePage.getByTestId('blank')).toBeHidden();
  await audiencePage.screenshot({ path: testInfo.outputPath('audience-1920.png') });
  await presenterPage.screenshot({ path: testInfo.outputPath('presenter-1280.png') });
  expect(audience.problems).toEqual([]);
  expect(presenter.problems).toEqual([]);
});

test('p opens the presenter window and turns this one into the audience', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const deck = new DeckPage(page);
  await deck.open(4);
  const popup = page.waitForEvent('popup');
  await deck.press('p');
  const presenterPage = await popup;
  await expect(presenterPage).toHaveURL(new RegExp(`lesson=${LESSON}.*presenter=1`));
  await expect(deck.counter).toContainText('audience');
  await expect(page).toHaveURL(/audience=1/);
  const presenter = new DeckPage(presenterPage);
  await expect(presenter.counter).toContainText('Slide 4 of 35');
  await presenter.press('ArrowRight');
  await expect(deck.counter).toContainText('Slide 5 of 35');
});
