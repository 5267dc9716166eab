/**
 * What a page must never do while a spec drives it, collected as one line each: a console error, an
 * uncaught exception, a failed or refused request, a request to another origin.
 */
import type { Page } from '@playwright/test';

/**
 * `origin`, when given, is the only origin requests may go to. A request the browser itself cancels
 * (net::ERR_ABORTED: a reload or navigation cutting short the favicon or a chunk in flight) is not a
 * failure of the app; a missing file still shows as its HTTP status.
 */
export function watchProblems(page: Page, origin?: string): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  if (origin !== undefined) {
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) {
        problems.push(`request to another origin: ${req.url()}`);
      }
    });
  }
  return problems;
}
