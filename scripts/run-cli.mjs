#!/usr/bin/env node
/**
 * `npm run sim`: runs src/cli/sim.ts from a bundle in .cache/cli, so starting a program costs no
 * TypeScript transpiling. The bundle is rebuilt (esbuild, about a second) only when a file under
 * src/ is newer than it, so an edited checkout never runs stale code.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/cli/sim.ts');
const bundle = join(root, '.cache/cli/sim.mjs');

/** The newest modification time of the TypeScript under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) latest = Math.max(latest, newest(p));
    else if (e.name.endsWith('.ts')) latest = Math.max(latest, statSync(p).mtimeMs);
  }
  return latest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newest(join(root, 'src'))) {
  mkdirSync(dirname(bundle), { recursive: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    outfile: `${bundle}.${process.pid}.tmp`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // the interpreter names some simulator errors by their class (`TryAcquireError`'s Debug):
    // bundling would rename a class whose name another module also uses
    keepNames: true,
    logLevel: 'warning',
  });
  // Concurrent first runs (parallel tests) each build their own file; the rename is atomic.
  renameSync(`${bundle}.${process.pid}.tmp`, bundle);
}
await import(pathToFileURL(bundle).href);
