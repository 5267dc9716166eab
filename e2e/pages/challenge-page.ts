/** The challenge slide: the checker's button, verdict, per-seed results and finding links. */
import { expect } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { DeckPage, slideNumber } from './deck-page.ts';

export const CHALLENGE_SLIDE = slideNumber('challenge');

export class ChallengePage extends DeckPage {
  async openChallenge(): Promise<void> {
    await this.open(CHALLENGE_SLIDE);
    await expect(this.panel).toBeVisible();
    await this.waitForRun();
  }

  get panel(): Locator {
    return this.page.getByTestId('challenge');
  }
  get verdict(): Locator {
    return this.page.getByTestId('verdict');
  }
  findings(kind?: string): Locator {
    return this.panel.locator(kind === undefined ? '.findings li' : `.findings li[data-kind="${kind}"]`);
  }

  async check(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Check my pool' }).click();
    await expect(this.verdict).toBeVisible({ timeout: 60_000 });
  }
}
