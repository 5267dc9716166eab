/**
 * The relations view's model at a timeline position: the spawn tree (who spawned whom), JoinSet
 * membership (tokio-facts.md §10), the CancellationToken tree (§11) and "who woke whom" (§3.6
 * wakers), all read from the trace history. Sizes are bounded so a thousand tasks stay drawable.
 */
import type { TraceHistory } from './derive-history.ts';
import { countBefore, MAIN_ACTOR, RUNTIME_ACTOR } from './derive-history.ts';

export interface SpawnNode {
  readonly id: number;
  readonly parent: number | undefined;
  readonly depth: number;
  readonly label: string;
  /** Children not listed (the node limit). */
  readonly hiddenChildren: number;
}

export interface JoinSetMemberModel {
  readonly task: number;
  readonly joined: boolean;
  /** After join_next: 'ok' | 'cancelled' | 'panicked'. */
  readonly outcome: 'ok' | 'cancelled' | 'panicked' | undefined;
}

export interface JoinSetModel {
  readonly id: number;
  readonly owner: number;
  readonly members: readonly JoinSetMemberModel[];
  readonly abortedAll: boolean;
  readonly dropped: boolean;
}

export interface TokenModel {
  readonly id: number;
  readonly parent: number;
  readonly depth: number;
  readonly cancelled: boolean;
  readonly dropped: boolean;
  readonly waiters: readonly number[];
}

export interface WakeEdge {
  /** A task, MAIN_ACTOR or RUNTIME_ACTOR. */
  readonly by: number;
  readonly target: number;
  readonly count: number;
  /** Index of the latest such wake (for highlighting the newest). */
  readonly lastAt: number;
}

export interface RelationsModel {
  readonly spawnTree: readonly SpawnNode[];
  readonly joinSets: readonly JoinSetModel[];
  readonly tokens: readonly TokenModel[];
  readonly wakes: readonly WakeEdge[];
}

export interface RelationsOptions {
  /** Spawn-tree nodes at most (default 40). */
  readonly maxNodes?: number;
  /** Wake-ups aggregated, counting back from the position (default 2000). */
  readonly wakeWindow?: number;
  /** Wake edges returned at most, newest first (default 16). */
  readonly maxEdges?: number;
}

/** Children listed under one spawn-tree node; the rest are counted. */
export const MAX_CHILDREN = 12;
const OUTCOMES = ['ok', 'cancelled', 'panicked'] as const;

/** Each parent's children spawned before `position`, in spawn order. */
type ChildrenAt = (parent: number) => { readonly first: (n: number) => number[]; readonly count: number };

/** Read from the history's spawn edges: a search per drawn node, not a pass over every task. */
function indexedChildren(history: TraceHistory, position: number): ChildrenAt {
  return (parent) => {
    const edges = history.children.get(parent) ?? [];
    const count = countBefore(edges, position);
    return { count, first: (n) => edges.slice(0, Math.min(n, count)).map((e) => e.task) };
  };
}

/** Every task's parent read (needed when an id was spawned twice: its latest parent counts). */
function scannedChildren(history: TraceHistory, position: number): ChildrenAt {
  const children = new Map<number, number[]>();
  for (const id of history.taskIds) {
    const t = history.task(id);
    if (t === undefined || t.spawnAt >= position) continue;
    // Tasks spawned outside any poll hang under main: block_on is where the program runs.
    const parent = t.parent === RUNTIME_ACTOR ? MAIN_ACTOR : t.parent;
    const list = children.get(parent);
    if (list === undefined) children.set(parent, [id]);
    else list.push(id);
  }
  return (parent) => {
    const kids = children.get(parent) ?? [];
    return { count: kids.length, first: (n) => kids.slice(0, n) };
  };
}

function spawnTree(history: TraceHistory, position: number, maxNodes: number): SpawnNode[] {
  const childrenOf = history.respawns > 0 ? scannedChildren(history, position) : indexedChildren(history, position);
  const out: SpawnNode[] = [];
  // Depth-first, iteratively: a long chain of spawns must not overflow the stack.
  const stack: { id: number; parent: number | undefined; depth: number }[] = [
    { id: MAIN_ACTOR, parent: undefined, depth: 0 },
  ];
  while (stack.length > 0 && out.length < maxNodes) {
    const node = stack.pop();
    if (node === undefined) break;
    const kids = childrenOf(node.id);
    // Room left once this node and every node already waiting on the stack are drawn, so a
    // listed child is always drawn; a node lists at most MAX_CHILDREN and counts the rest.
    const room = Math.max(0, maxNodes - out.length - stack.length - 1);
    const listed = kids.first(Math.min(room, MAX_CHILDREN));
    const name = node.id === MAIN_ACTOR ? undefined : history.task(node.id)?.name;
    out.push({
      id: node.id,
      parent: node.parent,
      depth: node.depth,
      label: node.id === MAIN_ACTOR ? 'main' : name !== undefined ? `#${node.id} ${name}` : `#${node.id}`,
      hiddenChildren: kids.count - listed.length,
    });
    for (let k = listed.length - 1; k >= 0; k--) stack.push({ id: listed[k], parent: node.id, depth: node.depth + 1 });
  }
  return out;
}

function joinSets(history: TraceHistory, position: number): JoinSetModel[] {
  const out: JoinSetModel[] = [];
  for (const s of history.joinSets) {
    if (s.at >= position) continue;
    const members: JoinSetMemberModel[] = [];
    for (const m of s.members) {
      if (m.at >= position) break;
      const joined = m.joinAt !== undefined && m.joinAt < position;
      members.push({ task: m.task, joined, outcome: joined ? OUTCOMES[m.outcome ?? 0] : undefined });
    }
    out.push({
      id: s.id,
      owner: s.owner,
      members,
      abortedAll: s.abortAllAt !== undefined && s.abortAllAt < position,
      dropped: s.dropAt !== undefined && s.dropAt < position,
    });
  }
  return out;
}

function tokens(history: TraceHistory, position: number): TokenModel[] {
  const depth = new Map<number, number>();
  const out: TokenModel[] = [];
  for (const k of history.tokens) {
    if (k.at >= position) continue;
    const d = k.parent === 0 ? 0 : (depth.get(k.parent) ?? 0) + 1;
    depth.set(k.id, d);
    out.push({
      id: k.id,
      parent: k.parent,
      depth: d,
      cancelled: k.cancelAt !== undefined && k.cancelAt < position,
      dropped: k.dropAt !== undefined && k.dropAt < position,
      waiters: k.waiters.filter((w) => w.at < position).map((w) => w.task),
    });
  }
  // Children after their parent, in creation order: a tree read top to bottom.
  const byParent = new Map<number, TokenModel[]>();
  for (const t of out) {
    const list = byParent.get(t.parent) ?? [];
    list.push(t);
    byParent.set(t.parent, list);
  }
  const ids = new Set(out.map((t) => t.id));
  const ordered: TokenModel[] = [];
  const visit = (t: TokenModel): void => {
    ordered.push(t);
    for (const c of byParent.get(t.id) ?? []) visit(c);
  };
  for (const t of out) if (t.parent === 0 || !ids.has(t.parent)) visit(t);
  return ordered;
}

function wakeEdges(history: TraceHistory, position: number, window: number, maxEdges: number): WakeEdge[] {
  const end = countBefore(history.wakes, position);
  const edges = new Map<number, { by: number; target: number; count: number; lastAt: number }>();
  for (let i = Math.max(0, end - window); i < end; i++) {
    const w = history.wakes[i];
    // Actors are ≥ −1 and task ids < 2^26: one number keys the pair without building a string.
    const key = (w.by + 1) * 67_108_864 + (w.target + 1);
    const e = edges.get(key);
    if (e === undefined) edges.set(key, { by: w.by, target: w.target, count: 1, lastAt: w.at });
    else {
      e.count++;
      e.lastAt = w.at;
    }
  }
  return [...edges.values()].sort((a, b) => b.lastAt - a.lastAt).slice(0, maxEdges);
}

export function deriveRelations(
  history: TraceHistory,
  position: number,
  options: RelationsOptions = {},
): RelationsModel {
  return {
    spawnTree: spawnTree(history, position, Math.max(1, options.maxNodes ?? 40)),
    joinSets: joinSets(history, position),
    tokens: tokens(history, position),
    wakes: wakeEdges(history, position, options.wakeWindow ?? 2000, options.maxEdges ?? 16),
  };
}
