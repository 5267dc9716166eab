/**
 * Two tabs on one set of drafts (issue 14): each tab holds the drafts in memory and writes them
 * all, so before a write, and whenever another tab writes, it merges what is stored into what it
 * holds, draft by draft, against the record as this tab last read or wrote it (the base):
 *  - a draft only one side changed takes that side's text, except the draft this tab shows in
 *    its editor: its text never changes under the learner's eyes, so that is a conflict too;
 *  - a draft only the other tab has is added, one only this tab has is kept;
 *  - a draft both changed to different texts is a conflict: this tab keeps its own text in
 *    memory, the storage keeps the other tab's, and the learner decides (load theirs, or keep
 *    this one as a new draft). Nothing is overwritten without asking.
 */
import type { Draft } from './drafts.ts';

export interface Merged {
  readonly drafts: readonly Draft[];
  /** The other tab's version of each draft both tabs changed, by draft id. */
  readonly conflicts: ReadonlyMap<string, Draft>;
}

export function mergeDrafts(
  base: readonly Draft[],
  ours: readonly Draft[],
  theirs: readonly Draft[],
  conflicts: ReadonlyMap<string, Draft>,
  editing: string,
): Merged {
  const baseById = new Map(base.map((d) => [d.id, d]));
  const theirsById = new Map(theirs.map((d) => [d.id, d]));
  const out: Draft[] = [];
  const open = new Map<string, Draft>();
  for (const o of ours) {
    const t = theirsById.get(o.id);
    const b = baseById.get(o.id);
    if (t === undefined || t.source === o.source) out.push(o);
    else if (b !== undefined && t.source === b.source) {
      // They left it alone (a pending conflict's base is their text: it stays pending).
      out.push(o);
      const pending = conflicts.get(o.id);
      if (pending !== undefined) open.set(o.id, pending);
    } else if (b !== undefined && o.source === b.source && !conflicts.has(o.id) && o.id !== editing) out.push(t);
    else {
      out.push(o);
      open.set(o.id, t);
    }
  }
  const known = new Set(ours.map((d) => d.id));
  for (const t of theirs) if (!known.has(t.id)) out.push(t);
  return { drafts: out, conflicts: open };
}

/** What goes to storage: the other tab's text of each draft still in conflict. */
export function storedDrafts(drafts: readonly Draft[], conflicts: ReadonlyMap<string, Draft>): Draft[] {
  return drafts.map((d) => conflicts.get(d.id) ?? d);
}
