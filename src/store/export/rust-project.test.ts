import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crateName, projectAsText, rustProject } from './rust-project.ts';
import { zipFiles } from './zip.ts';

const EXAMPLE = readFileSync(join(__dirname, '../../../tests/fixtures/examples/01_spawn_await.rs'), 'utf8');

describe('Rust project export', () => {
  it('has a Cargo.toml with the tokio and tokio-util versions real programs need', () => {
    const [toml, main] = rustProject(EXAMPLE, { title: 'Day 6 · JoinSet, slide 7', seed: 3, flavor: 'current_thread' });
    expect(toml.path).toBe('Cargo.toml');
    expect(toml.text).toContain('[package]\nname = "day-6-joinset-slide-7"\nversion = "0.1.0"\nedition = "2021"\n');
    expect(toml.text).toContain('\n[dependencies]\ntokio = { version = "1.48", features = ["full", "test-util"] }\n');
    expect(toml.text).toContain('tokio-util = "0.7.16"\n');
    expect(toml.text).toMatch(/# Task Lab ran this on a simulated current_thread runtime, seed 3\./);
    expect(main).toEqual({ path: 'src/main.rs', text: EXAMPLE });
  });

  it('keeps the program byte for byte, ending in a newline', () => {
    expect(rustProject('fn main() {}')[1].text).toBe('fn main() {}\n');
    expect(rustProject('fn main() {}\n')[1].text).toBe('fn main() {}\n');
  });

  it('makes valid crate names from any title', () => {
    expect(crateName('Día 6: Tâches & JoinSet!')).toBe('dia-6-taches-joinset');
    expect(crateName('42 tasks')).toBe('task-lab-42-tasks');
    expect(crateName('✓✓✓')).toBe('task-lab-program');
    for (const t of ['', 'a'.repeat(200), '--x--', 'ÆØÅ']) expect(crateName(t)).toMatch(/^[a-z][a-z0-9-]{0,69}$/);
  });

  it('prints both files as one text to copy', () => {
    const text = projectAsText(rustProject('fn main() {}', { title: 'x' }));
    expect(text).toMatch(/^# ==> Cargo.toml <==\n/);
    expect(text).toContain('\n// ==> src/main.rs <==\nfn main() {}\n');
  });

  it('zips the project into a folder unzip can extract', () => {
    const files = rustProject(EXAMPLE, { title: 'spawn await' });
    const zip = zipFiles(files, 'spawn-await');
    expect(zipFiles(files, 'spawn-await')).toEqual(zip); // deterministic bytes
    if (!existsSync('/usr/bin/unzip')) return;
    const dir = mkdtempSync(join(tmpdir(), 'tasklab-zip-'));
    try {
      writeFileSync(join(dir, 'p.zip'), zip);
      execFileSync('/usr/bin/unzip', ['-q', 'p.zip'], { cwd: dir });
      expect(readFileSync(join(dir, 'spawn-await/src/main.rs'), 'utf8')).toBe(EXAMPLE);
      expect(readFileSync(join(dir, 'spawn-await/Cargo.toml'), 'utf8')).toBe(files[0].text);
      execFileSync('/usr/bin/unzip', ['-tq', 'p.zip'], { cwd: dir }); // CRCs check out
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
