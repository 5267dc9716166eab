/**
 * Makes sure a Chromium exists for the browser tests, without ever downloading a browser build:
 * Debian's package where we may install it, Playwright's own browser if a developer has one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function playwrightBrowserPresent(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

export function ensureBrowser(): boolean {
  if (existsSync(systemChromium) || playwrightBrowserPresent()) return true;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log('No Chromium found: installing Debian’s chromium package (about 40 s).');
    const r = spawnSync(
      'sh',
      ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'],
      {
        stdio: 'inherit',
      },
    );
    if (r.status === 0 && existsSync(systemChromium)) return true;
  }
  console.error(
    `The browser tests need Chromium: install it (Debian: "apt-get install -y chromium") or set CHROMIUM_PATH to a Chromium binary.`,
  );
  return false;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(ensureBrowser() ? 0 : 1);
