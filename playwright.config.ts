import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { APP, APP_PORT } from './e2e/ports.ts';

// Debian's Chromium where it exists (CI and these machines), Playwright's own browser elsewhere.
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const useSystem = existsSync(systemChromium);
const isRoot = process.getuid?.() === 0;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  // Two workers on two cores: each spec file runs in order in one worker, files share the two.
  // Waits are for what the screen shows (no timed assertions), given 10 s for a loaded machine.
  workers: 2,
  fullyParallel: false,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: APP,
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: useSystem
      ? {
          executablePath: systemChromium,
          args: [
            ...(isRoot ? ['--no-sandbox'] : []),
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
          ],
        }
      : {},
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `npm run preview -- --port ${APP_PORT}`,
    url: APP,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
