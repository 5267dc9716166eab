/**
 * The claims ledger of a lesson (`ledger.md` beside `lesson.md`, lessons/README.md "The claims
 * ledger"): one `::claim{…}` line per claim, with its evidence. Other lines (headings, prose) are
 * for the reader. Pure: text in, entries and `file:line` diagnostics out.
 */
import { parseAttrs } from '../attrs.ts';
import type { Diagnostic } from '../types.ts';

/** A source reference: a function in a Tokio 1.48.0 or tokio-util 0.7.16 source file. */
export interface SourceRef {
  readonly file: string;
  readonly fn: string;
}

/** A probe: a program in the lesson folder whose recorded real-Tokio output shows the claim. */
export interface ProbeRef {
  /** Path inside the lesson folder (`probes/abort-idle.rs`, or a scenario). */
  readonly file: string;
  /** Text that must appear in a line of the recorded stdout. */
  readonly expect: string;
  /** Text that must appear in a later line than `expect`'s (an order claim). */
  readonly then?: string;
}

export interface LedgerEntry {
  readonly id: string;
  /** The claim in words. */
  readonly says: string;
  readonly probe?: ProbeRef;
  readonly src: readonly SourceRef[];
  readonly line: number;
}

export interface Ledger {
  readonly file: string;
  readonly entries: ReadonlyMap<string, LedgerEntry>;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
/** `tokio/src/…/file.rs#fn_name` or `tokio-util/src/…/file.rs#fn_name`. */
const SRC = /^((?:tokio|tokio-util)\/src\/[a-z0-9_/]+\.rs)#([a-z_][a-z0-9_]*)$/;
const KEYS = ['id', 'says', 'probe', 'expect', 'then', 'src'];

export function parseLedger(
  text: string,
  file: string,
): { readonly ledger: Ledger; readonly diagnostics: Diagnostic[] } {
  const entries = new Map<string, LedgerEntry>();
  const diagnostics: Diagnostic[] = [];
  text.split('\n').forEach((raw, k) => {
    const line = k + 1;
    const report = (message: string): void => {
      diagnostics.push({ file, line, message });
    };
    const t = raw.trim();
    if (!t.startsWith('::')) return;
    const m = /^::claim\{(.*)\}$/.exec(t);
    if (!m) return report('a ledger line is "::claim{id=… says=… probe=… expect=…}" or "::claim{… src=…}"');
    const a = parseAttrs(m[1] ?? '');
    if (!a.ok) return report(`::claim: ${a.message}`);
    const attrs = a.attrs;
    const str = (key: string): string | undefined => {
      const v = attrs.get(key);
      return typeof v === 'string' ? v : undefined;
    };
    for (const key of attrs.keys()) if (!KEYS.includes(key)) return report(`::claim has no attribute "${key}"`);
    const id = str('id');
    if (id === undefined || !ID.test(id)) return report('::claim needs id= (lower case letters, digits and dashes)');
    const first = entries.get(id);
    if (first) return report(`claim "${id}" is already in the ledger at line ${first.line}`);
    const says = str('says');
    if (says === undefined || says.trim() === '') return report(`claim "${id}" needs says= (the claim in words)`);
    const srcText = str('src');
    const src: SourceRef[] = [];
    for (const s of srcText === undefined ? [] : srcText.split(/\s+/).filter(Boolean)) {
      const r = SRC.exec(s);
      if (!r)
        return report(
          `claim "${id}": src= "${s}" is not "tokio/src/<path>.rs#<fn>" or "tokio-util/src/<path>.rs#<fn>"`,
        );
      src.push({ file: r[1] ?? '', fn: r[2] ?? '' });
    }
    const probeFile = str('probe');
    const expect = str('expect');
    const then = str('then');
    if (probeFile !== undefined) {
      if (probeFile.startsWith('/') || probeFile.split('/').includes('..') || !probeFile.endsWith('.rs'))
        return report(`claim "${id}": probe= names a .rs file inside the lesson folder`);
      if (expect === undefined || expect === '')
        return report(`claim "${id}": a probe needs expect="…", text its recorded output must show`);
    } else if (expect !== undefined || then !== undefined) {
      return report(`claim "${id}": expect= and then= check a probe's output, and the claim has no probe=`);
    }
    if (probeFile === undefined && src.length === 0)
      return report(`claim "${id}" has no evidence: give it probe="…" expect="…" or src="tokio/src/….rs#fn"`);
    entries.set(id, {
      id,
      says,
      ...(probeFile !== undefined && expect !== undefined
        ? { probe: { file: probeFile, expect, ...(then !== undefined ? { then } : {}) } }
        : {}),
      src,
      line,
    });
  });
  return { ledger: { file, entries }, diagnostics };
}
