/**
 * The type checker (design.md §5): runs after parsing and the subset checker, before the
 * interpreter compiles. It infers every local type, resolves names, methods and fields, and
 * refuses what rustc refuses with rustc's code and primary position. Findings are reported by
 * phase, the earliest phase with errors only, as rustc stops there.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Program } from '../syntax/ast.ts';
import { Cx } from './cx.ts';
import { Findings, PHASES } from './findings.ts';
import { checkItem } from './fn.ts';
import { collectItems } from './items.ts';
import { checkOverflow } from './overflow.ts';
import { checkMoves } from './moves.ts';
import { checkExhaustive } from './exhaustive.ts';
import { checkSend } from './send.ts';
import { checkFmtTraits } from './fmt-traits.ts';
import { walk } from '../syntax/visit.ts';
import type { Block } from '../syntax/ast.ts';
import { checkTypePaths } from './type-paths.ts';
import { factsOf, NO_FACTS, type TypeFacts } from './facts.ts';
import { checkStdPaths } from './std-paths.ts';
import { checkItemShapes } from './item-checks.ts';
import { checkBreakValues } from './loops.ts';
import { checkFieldPrivacy } from './privacy.ts';
import { checkRegions } from './region.ts';
import { checkBorrows } from './borrow.ts';
import { checkDeferred } from './std-deferred.ts';
import { resolveFromPicks } from './from-picks.ts';

export interface TypeCheckResult {
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  /** The types the interpreter takes its type-dependent behaviour from. */
  readonly facts: TypeFacts;
  /** Locals moved out before each `.await` (a suspended future no longer holds them). */
  readonly movedAtAwait?: ReadonlyMap<object, ReadonlySet<string>>;
}

export function checkTypes(program: Program): TypeCheckResult {
  const findings = new Findings(program.file);
  const items = collectItems(program);
  const cx = new Cx(items, findings);
  checkTypePaths(cx, program);
  checkStdPaths(cx, program);
  checkItemShapes(cx, program);
  for (const item of program.items) checkItem(cx, item);
  checkDeferred(cx);
  resolveFromPicks(cx);
  cx.table.fallback();
  checkBreakValues(cx, program);
  checkFieldPrivacy(cx, program);
  checkOverflow(cx, program);
  checkSend(cx);
  checkFmtTraits(cx);
  checkExhaustive(cx, program);
  checkMoves(cx, fnBodies(program));
  checkRegions(cx, program);
  checkBorrows(cx, program);
  const byPos = (a: Diagnostic, b: Diagnostic): number => a.line - b.line || a.col - b.col;
  const warnings = findings.list.filter((f) => f.diagnostic.severity === 'warning').map((f) => f.diagnostic);
  for (const phase of PHASES) {
    const errors = findings.list
      .filter((f) => f.phase === phase && f.diagnostic.severity !== 'warning')
      .map((f) => f.diagnostic);
    if (errors.length > 0) return { errors: errors.sort(byPos), warnings: [], facts: NO_FACTS };
  }
  return { errors: [], warnings: warnings.sort(byPos), facts: factsOf(cx), movedAtAwait: cx.movedAtAwait };
}

function fnBodies(program: Program): Block[] {
  const out: Block[] = [];
  walk(program, (node) => {
    if (node.kind === 'Fn' && node.body !== null) out.push(node.body);
    return true;
  });
  return out;
}
