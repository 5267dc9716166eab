/**
 * Queue pushes and pops at the queue's ends (issue 11), in the scheduler view on a real trace
 * (e2e/fixtures/views.html): a freshly spawned task slides in at the tail of its queue, a popped
 * task leaves the head and its old place stays as a dashed ghost, a stolen batch moves from ring
 * to ring — and under prefers-reduced-motion the same changes happen without motion.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startFixtureServer } from './fixtures/serve.ts';
import type { FixtureServer } from './fixtures/serve.ts';

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startFixtureServer();
});
test.afterAll(async () => {
  await server.close();
});

async function open(page: Page, query: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(server.url(`/e2e/fixtures/views.html?views=scheduler&${query}`));
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('[data-view="scheduler"] svg');
}

type Ev = { readonly type: string; readonly task: number | undefined };
const events = (page: Page): Promise<Ev[]> => page.evaluate(() => window.viewsFixture.events());
const seek = (page: Page, p: number) => page.evaluate((x) => window.viewsFixture.seek(x), p);

/** The token's translate(x, y) one frame after the seek, and once it has settled. */
async function track(page: Page, task: number, from: number, to: number) {
  await seek(page, from);
  await page.waitForTimeout(500);
  const sel = `[data-view="scheduler"] g.tl-token[data-task="${task}"]`;
  const early = await page.evaluate(
    async ([p, s]) => {
      window.viewsFixture.seek(p);
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      const el = document.querySelector(s);
      return { transform: el?.getAttribute('transform') ?? '', enter: el?.getAttribute('data-enter') ?? null };
    },
    [to, sel] as const,
  );
  await page.waitForTimeout(600);
  const late = (await page.locator(sel).getAttribute('transform')) ?? '';
  const xy = (t: string) => (t.match(/-?[\d.]+/g) ?? []).map(Number);
  return { early: xy(early.transform), late: xy(late), enter: early.enter };
}

/** The position just after the first push of a freshly spawned task into a queue. */
function firstPush(evs: readonly Ev[]): { task: number; at: number } {
  const spawned = new Set<number>();
  for (let i = 0; i < evs.length; i++) {
    const e = evs[i];
    if (e.task === undefined) continue;
    if (e.type === 'task.spawned') spawned.add(e.task);
    else if (e.type === 'queue.push' && spawned.has(e.task)) return { task: e.task, at: i + 1 };
  }
  throw new Error('no fresh push in the trace');
}

/** Positions just after the task's next pop and just after the poll that follows it (one step). */
function popAndPoll(evs: readonly Ev[], push: { task: number; at: number }): { popAt: number; pollAt: number } {
  const popAt = evs.findIndex((e, i) => i >= push.at && e.type === 'queue.pop' && e.task === push.task) + 1;
  const pollAt = evs.findIndex((e, i) => i >= popAt && e.type === 'poll.start' && e.task === push.task) + 1;
  expect(popAt).toBeGreaterThan(0);
  expect(pollAt).toBeGreaterThan(popAt);
  return { popAt, pollAt };
}

test('a push slides in at the tail, a pop leaves the head with a ghost behind', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await open(page, 'program=joinset&position=0');
  const evs = await events(page);
  const push = firstPush(evs);
  const p = await track(page, push.task, push.at - 2, push.at);
  expect(p.enter).toBe('tail');
  // One frame in, it is still right of its place (it came in past the tail), on the same row.
  expect(p.early[0]).toBeGreaterThan(p.late[0]);
  expect(p.early[1]).toBeCloseTo(p.late[1], 0);

  // The step that pops it and polls it: it moves off the head, and a dashed ghost marks where it was.
  const { popAt, pollAt } = popAndPoll(evs, push);
  const q = await track(page, push.task, popAt - 1, pollAt);
  expect(q.early).not.toEqual(q.late);
  await expect(page.locator(`[data-view="scheduler"] [data-ghost="${push.task}"]`)).toHaveCount(1);
});

test('a stolen batch moves between two rings, ghosts marking where it was', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, 'program=fanout&n=300&workers=4&position=0');
  const evs = await events(page);
  const steal = evs.findIndex((e) => e.type === 'worker.steal');
  expect(steal).toBeGreaterThan(0);
  // The steal, then the batch's pops from the victim and pushes onto the thief, as one move.
  let end = steal + 1;
  while (evs[end]?.type === 'queue.pop' || evs[end]?.type === 'queue.push') end++;
  expect(end - steal).toBeGreaterThanOrEqual(4);
  await seek(page, steal);
  await page.waitForTimeout(100);
  await seek(page, end);
  await expect.poll(() => page.locator('[data-view="scheduler"] .tl-ghost').count()).toBeGreaterThanOrEqual(2);
});

test('under prefers-reduced-motion, pushes and pops happen without motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, 'program=joinset&position=0');
  const evs = await events(page);
  const push = firstPush(evs);
  const p = await track(page, push.task, push.at - 2, push.at);
  expect(p.enter).toBeNull();
  expect(p.early).toEqual(p.late);
  const { popAt, pollAt } = popAndPoll(evs, push);
  const q = await track(page, push.task, popAt - 1, pollAt);
  await expect(page.locator(`[data-view="scheduler"] [data-ghost="${push.task}"]`)).toHaveCount(1);
  expect(q.early).toEqual(q.late);
  const moving = await page.$$eval('[data-view="scheduler"] g.tl-token', (els) =>
    els.some((e) => (e as Element & { __transition?: unknown }).__transition !== undefined),
  );
  expect(moving).toBe(false);
});
