/**
 * The program as a Cargo project that builds and runs against real Tokio (issue 7, "Export"):
 * Cargo.toml with the dependencies every Task Lab program may use, and the program, unmodified,
 * as src/main.rs. `test-util` is there because lessons pause the clock (`start_paused = true`).
 */

export const TOKIO_VERSION = '1.48';
export const TOKIO_UTIL_VERSION = '0.7.16';

export interface ProjectFile {
  readonly path: string;
  readonly text: string;
}

export interface RustProjectOptions {
  /** A title to derive the crate name from (e.g. the lesson and slide). */
  readonly title?: string;
  /** How Task Lab ran it, recorded as a comment (real Tokio takes no seed). */
  readonly seed?: number;
  readonly flavor?: string;
  readonly workers?: number;
}

/** A valid Cargo package name from any title: lowercase ASCII words joined by '-'. */
export function crateName(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  let name = words.join('-').slice(0, 60).replace(/-+$/, '');
  if (name === '') name = 'task-lab-program';
  if (!/^[a-z]/.test(name)) name = `task-lab-${name}`;
  return name;
}

export function cargoToml(name: string, options: RustProjectOptions = {}): string {
  const how =
    options.seed === undefined
      ? ''
      : `# Task Lab ran this on a simulated ${options.flavor ?? 'current_thread'} runtime` +
        `${options.workers !== undefined && options.flavor === 'multi_thread' ? ` with ${options.workers} workers` : ''}, seed ${options.seed}.\n` +
        '# Real Tokio takes no seed: programs whose output depends on scheduling may print in another order.\n';
  return (
    '# Exported from Task Lab. Build and run: cargo run\n' +
    how +
    '\n[package]\n' +
    `name = "${name}"\n` +
    'version = "0.1.0"\n' +
    'edition = "2021"\n' +
    'publish = false\n' +
    '\n[dependencies]\n' +
    `tokio = { version = "${TOKIO_VERSION}", features = ["full", "test-util"] }\n` +
    `tokio-util = "${TOKIO_UTIL_VERSION}"\n`
  );
}

export function rustProject(source: string, options: RustProjectOptions = {}): ProjectFile[] {
  const name = crateName(options.title ?? 'task-lab-program');
  const main = source.endsWith('\n') ? source : `${source}\n`;
  return [
    { path: 'Cargo.toml', text: cargoToml(name, options) },
    { path: 'src/main.rs', text: main },
  ];
}

/** Both files as one text to copy, each under a comment naming its path. */
export function projectAsText(files: readonly ProjectFile[]): string {
  return files.map((f) => `${f.path.endsWith('.toml') ? '#' : '//'} ==> ${f.path} <==\n${f.text}`).join('\n');
}
