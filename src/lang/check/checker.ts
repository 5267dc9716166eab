/**
 * The checker: walks a parsed program and refuses, before anything runs, every construct the
 * interpreter does not support (design.md §5). Each refusal is one located Diagnostic: what is not
 * supported, and (as the hint) what to write instead.
 */
import { diagnosticAt } from '../diagnostics.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Attribute, DynTraitType, Item, Program, Span, TraitBound } from '../syntax/ast.ts';
import { walk } from '../syntax/visit.ts';
import { checkTokioEntry } from './tokio-main.ts';

/** Foreign traits a program may implement (besides its own traits). */
export const IMPLEMENTABLE_TRAITS: readonly string[] = [
  ...['Drop', 'Future', 'Wake', 'Display', 'Debug', 'Clone', 'Default', 'PartialEq', 'Eq', 'PartialOrd', 'Ord'],
  ...[
    'From',
    'TryFrom',
    'Error',
    'Iterator',
    'Hash',
    'Hasher',
    'AsRef',
    'Borrow',
    'Deref',
    'DerefMut',
    'Index',
    'IndexMut',
    'FromStr',
  ],
  // operators and their compound assignments
  ...['Add', 'Sub', 'Mul', 'Div', 'Rem', 'Neg', 'AddAssign', 'SubAssign', 'MulAssign', 'DivAssign', 'RemAssign'],
];

/** Traits `#[derive(…)]` may name. */
export const DERIVABLE_TRAITS: readonly string[] = [
  'Debug',
  'Clone',
  'Copy',
  'PartialEq',
  'Eq',
  'PartialOrd',
  'Ord',
  'Hash',
  'Default',
];

/** Marker traits that may follow the main trait of a `dyn` type. */
const AUTO_TRAITS = new Set(['Send', 'Sync', 'Unpin', 'UnwindSafe', 'RefUnwindSafe']);

const MAX_SELECT_BRANCHES = 64;

export function checkProgram(program: Program): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = program.file;
  const report = (span: Span, message: string, hint?: string): void => {
    out.push(diagnosticAt(file, span, message, hint));
  };
  const ownTraits = new Set<string>();
  const impls: Extract<Item, { kind: 'Impl' }>[] = [];

  walk(program, (node, parent) => {
    switch (node.kind) {
      case 'Unsafe':
        report(
          node.span,
          '`unsafe` blocks are not supported',
          'Task Lab runs safe Rust only: remove the `unsafe` block',
        );
        break;
      case 'Fn':
        if (node.isUnsafe) report(node.nameSpan, '`unsafe fn` is not supported', 'declare a plain `fn`');
        if (node.abi !== null) report(node.nameSpan, '`extern` functions are not supported', 'declare a plain `fn`');
        break;
      case 'Impl':
        impls.push(node);
        break;
      case 'Trait':
        ownTraits.add(node.name);
        if (node.isUnsafe || node.isAuto) {
          report(node.nameSpan, '`unsafe` and `auto` traits are not supported', 'declare a plain `trait`');
        }
        break;
      case 'MacroRules':
        // Expanded by the parser where it is called (syntax/macro-expand.ts).
        break;
      case 'Mod':
        if (node.items === null) {
          report(node.span, 'modules in other files are not supported', 'write the module inline: `mod name { … }`');
        }
        break;
      case 'Static':
        if (node.mutable) {
          report(
            node.span,
            '`static mut` is not supported',
            'use an atomic (`static N: AtomicUsize = …`) or a `Mutex`',
          );
        }
        break;
      case 'PtrType':
        report(node.span, 'raw pointers are not supported', 'use a reference (`&T`), `Box<T>` or `Arc<T>`');
        break;
      case 'DynTraitType':
        checkDyn(node, report);
        break;
      case 'Closure':
        if (node.isAsync) {
          report(
            node.span,
            'async closures are not supported',
            'write a closure returning an async block: `move |x| async move { … }`',
          );
        }
        break;
      case 'Let':
        if (parent?.kind === 'Binary') {
          report(node.span, '`let` chains (`if let … && …`) are not supported', 'nest an `if` inside the `if let`');
        }
        break;
      case 'Path':
        if (node.qself) {
          report(
            node.span,
            'qualified paths (`<T as Trait>::name`) are not supported',
            'call the method on a value, or use `Type::name`',
          );
          return false;
        }
        break;
      case 'PinMacro':
        if (!node.expr && parent?.kind !== 'ExprStmt') {
          report(node.span, '`pin!` is only supported as a statement', 'write `tokio::pin!(fut);` on its own line');
        }
        break;
      case 'SelectMacro':
        if (node.branches.length > MAX_SELECT_BRANCHES) {
          report(
            node.span,
            `\`select!\` supports at most ${MAX_SELECT_BRANCHES} branches`,
            'split it into nested `select!`s',
          );
        }
        if (node.branches.length === 0 && node.elseBranch === null) {
          report(node.span, '`select!` needs at least one branch', 'add a branch: `v = fut => { … }`');
        }
        break;
      case 'Attribute': {
        checkAttribute(node, report);
        const entry = checkTokioEntry(node, file);
        if (entry !== undefined) out.push(entry);
        break;
      }
    }
    return true;
  });
  // After the walk: a trait may be declared after the impl that uses it.
  for (const impl of impls) checkImpl(impl, ownTraits, report);
  out.sort((a, b) => a.line - b.line || a.col - b.col);
  return out;
}

type Report = (span: Span, message: string, hint?: string) => void;

function checkImpl(node: Extract<Item, { kind: 'Impl' }>, ownTraits: Set<string>, report: Report): void {
  if (node.isUnsafe) report(node.span, '`unsafe impl` is not supported', 'write a plain `impl` block');
  if (node.trait === null) return;
  if (node.negative) {
    report(node.trait.span, 'negative impls (`impl !Trait for T`) are not supported', 'remove this impl');
    return;
  }
  const name = node.trait.segments[node.trait.segments.length - 1]?.name ?? '';
  if (!ownTraits.has(name) && !IMPLEMENTABLE_TRAITS.includes(name)) {
    report(
      node.trait.span,
      `implementing the trait \`${name}\` is not supported`,
      `implement ${IMPLEMENTABLE_TRAITS.join(', ')}, or a trait declared in this program`,
    );
  }
}

function checkDyn(node: DynTraitType, report: Report): void {
  const traits = node.bounds.filter((b): b is TraitBound => b.kind === 'TraitBound');
  const main = traits.filter((b) => !AUTO_TRAITS.has(b.path.segments[b.path.segments.length - 1]?.name ?? ''));
  if (main.length > 1) {
    report(
      node.span,
      'trait objects with more than one trait are not supported',
      "use one trait plus `Send`/`Sync`/lifetimes: `dyn Trait + Send + 'static`",
    );
  }
}

function checkAttribute(attr: Attribute, report: Report): void {
  const meta = attr.meta;
  if (meta.kind !== 'MetaList' || meta.path !== 'derive') return;
  for (const item of meta.items) {
    const name = item.kind === 'MetaPath' ? (item.path.split('::').pop() ?? '') : '';
    if (!DERIVABLE_TRAITS.includes(name)) {
      report(item.span, `\`#[derive(${name || '…'})]\` is not supported`, `derive only ${DERIVABLE_TRAITS.join(', ')}`);
    }
  }
}
