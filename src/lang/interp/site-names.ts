/**
 * Task names by spawn site: the compiler names a spawn call's Site from the syntax
 * (compile/spawn-names.ts) and the spawn builtins read it back when they build the task's meta.
 * A side table rather than a Site field, since only spawn sites ever have one.
 */
import type { Site } from './defs.ts';

const names = new WeakMap<Site, string>();

export function nameSpawnSite(site: Site, name: string): void {
  names.set(site, name);
}

/** The name the syntax gives tasks spawned at `site`, if any. */
export function spawnSiteName(site: Site): string | undefined {
  return names.get(site);
}
