#!/usr/bin/env node
/**
 * Prints the top N self-time entries of a `node --cpu-prof` profile taken on the bundled CLI
 * (.cache/cli/sim.mjs), each named with the source file esbuild bundled it from, for docs/perf.md.
 * usage: node scripts/profile-top.mjs PROFILE.cpuprofile [N] [BUNDLE]
 */
import { readFileSync } from 'node:fs';

const [profilePath, nArg, bundlePath = '.cache/cli/sim.mjs'] = process.argv.slice(2);
if (profilePath === undefined) {
  process.stderr.write('usage: node scripts/profile-top.mjs PROFILE.cpuprofile [N] [BUNDLE]\n');
  process.exit(2);
}
const n = Number(nArg ?? 10);
const profile = JSON.parse(readFileSync(profilePath, 'utf8'));

// esbuild marks each bundled module with a `// src/...` line: the last one above a line owns it.
const owners = [];
let current = '';
for (const line of readFileSync(bundlePath, 'utf8').split('\n')) {
  if (line.startsWith('// src/') || line.startsWith('// node_modules/')) current = line.slice(3);
  owners.push(current);
}

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const frame = nodes.get(profile.samples[i]).callFrame;
  const inBundle = frame.url.endsWith(bundlePath.split('/').pop());
  const where = inBundle ? (owners[frame.lineNumber] ?? '?') : frame.url.split('/').pop() || '(native)';
  const key = `${frame.functionName || '(anonymous)'} — ${where}${inBundle ? ` (bundle line ${frame.lineNumber + 1})` : ''}`;
  self.set(key, (self.get(key) ?? 0) + dt);
}
process.stdout.write(`total ${(total / 1e6).toFixed(2)} s\n`);
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, n);
for (const [key, us] of rows) process.stdout.write(`| ${((us / total) * 100).toFixed(1)}% | ${key} |\n`);
