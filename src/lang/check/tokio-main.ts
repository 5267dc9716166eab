/**
 * The options of `#[tokio::main(…)]` / `#[tokio::test(…)]`, refused as tokio-macros 2.6.0 refuses
 * them (`build_config` and `Configuration::build` in its entry.rs): the same sentence, at the same
 * span (the option's literal), so the learner sees the build error real Tokio gives rather than a
 * runtime that later fails to build. The messages carry no rustc code: they come from a proc macro.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Attribute, Meta, MetaNameValue, Span } from '../syntax/ast.ts';

type Flavor = 'current_thread' | 'multi_thread' | 'local';

const KNOWN = '`flavor`, `worker_threads`, `start_paused`, `crate`, `unhandled_panic`';

const FLAVOR_ERRORS: Readonly<Record<string, string>> = {
  single_thread: 'The single threaded runtime flavor is called `current_thread`.',
  basic_scheduler: 'The `basic_scheduler` runtime flavor has been renamed to `current_thread`.',
  threaded_scheduler: 'The `threaded_scheduler` runtime flavor has been renamed to `multi_thread`.',
};

class MacroError extends Error {
  constructor(
    readonly span: Span,
    message: string,
  ) {
    super(message);
  }
}

function literalText(m: MetaNameValue, field: string, as: 'string' | 'integer' | 'bool'): string | bigint | boolean {
  const v = m.value;
  if (as === 'string' && v.kind === 'StrLit') return v.value;
  if (as === 'integer' && v.kind === 'IntLit') return v.value;
  if (as === 'bool' && v.kind === 'BoolLit') return v.value;
  throw new MacroError(v.span, `Failed to parse value of \`${field}\` as ${as}.`);
}

/** A string option that must be one of `allowed`; anything else gets the macro's sentence for it. */
function choice<T extends string>(m: MetaNameValue, allowed: readonly T[], refuse: (v: string) => string): T {
  const v = String(literalText(m, m.path.toLowerCase(), 'string'));
  const hit = allowed.find((a) => a === v);
  if (hit === undefined) throw new MacroError(m.value.span, refuse(v));
  return hit;
}

interface Config {
  flavor?: Flavor;
  workers?: Span;
  startPaused?: Span;
  unhandledPanic?: Span;
  crate?: true;
}

function option(c: Config, m: Meta, macro: string): void {
  if (m.kind === 'MetaPath') {
    const name = m.path.toLowerCase();
    let msg = `Unknown attribute ${name} is specified; expected one of: ${KNOWN}.`;
    if (name === 'threaded_scheduler' || name === 'multi_thread')
      msg = `Set the runtime flavor with #[${macro}(flavor = "multi_thread")].`;
    else if (name === 'basic_scheduler' || name === 'current_thread' || name === 'single_threaded')
      msg = `Set the runtime flavor with #[${macro}(flavor = "current_thread")].`;
    else if (KNOWN.includes(`\`${name}\``)) msg = `The \`${name}\` attribute requires an argument.`;
    throw new MacroError(m.span, msg);
  }
  if (m.kind !== 'MetaNameValue') throw new MacroError(m.span, 'Unknown attribute inside the macro');
  const name = m.path.toLowerCase();
  const at = m.value.span;
  const once = (set: unknown): void => {
    if (set !== undefined) throw new MacroError(at, `\`${name}\` set multiple times.`);
  };
  switch (name) {
    case 'worker_threads':
      once(c.workers);
      if (literalText(m, name, 'integer') === 0n) throw new MacroError(at, '`worker_threads` may not be 0.');
      c.workers = at;
      return;
    case 'flavor':
      once(c.flavor);
      c.flavor = choice(
        m,
        ['current_thread', 'multi_thread', 'local'] as const,
        (v) =>
          FLAVOR_ERRORS[v] ??
          `No such runtime flavor \`${v}\`. The runtime flavors are \`current_thread\`, \`local\`, and \`multi_thread\`.`,
      );
      return;
    case 'start_paused':
      once(c.startPaused);
      literalText(m, name, 'bool');
      c.startPaused = at;
      return;
    case 'unhandled_panic':
      once(c.unhandledPanic);
      choice(
        m,
        ['ignore', 'shutdown_runtime'] as const,
        (v) =>
          `No such unhandled panic behavior \`${v}\`. The unhandled panic behaviors are \`ignore\` and \`shutdown_runtime\`.`,
      );
      c.unhandledPanic = at;
      return;
    case 'crate':
      once(c.crate);
      literalText(m, name, 'string');
      c.crate = true;
      return;
    case 'core_threads':
      throw new MacroError(m.span, 'Attribute `core_threads` is renamed to `worker_threads`');
    default:
      throw new MacroError(m.span, `Unknown attribute ${name} is specified; expected one of: ${KNOWN}`);
  }
}

/** `Configuration::build`: options that the chosen flavor does not take. */
function build(c: Config, macro: string): void {
  const flavor = c.flavor ?? (macro === 'tokio::test' ? 'current_thread' : 'multi_thread');
  if (flavor !== 'multi_thread' && c.workers !== undefined)
    throw new MacroError(
      c.workers,
      `The \`worker_threads\` option requires the \`multi_thread\` runtime flavor. Use \`#[${macro}(flavor = "multi_thread")]\``,
    );
  if (flavor !== 'multi_thread') return;
  for (const [span, opt] of [
    [c.startPaused, 'start_paused'],
    [c.unhandledPanic, 'unhandled_panic'],
  ] as const)
    if (span !== undefined)
      throw new MacroError(
        span,
        `The \`${opt}\` option requires the \`current_thread\` runtime flavor. Use \`#[${macro}(flavor = "current_thread")]\``,
      );
}

/** The macro's error for this attribute, or undefined when it is not a tokio entry macro or is fine. */
export function checkTokioEntry(attr: Attribute, file: string): Diagnostic | undefined {
  const meta = attr.meta;
  if (meta.kind !== 'MetaList' || (meta.path !== 'tokio::main' && meta.path !== 'tokio::test')) return undefined;
  const c: Config = {};
  try {
    for (const m of meta.items) option(c, m, meta.path);
    build(c, meta.path);
    return undefined;
  } catch (e) {
    if (!(e instanceof MacroError)) throw e;
    const s = e.span;
    return {
      file,
      line: s.line,
      col: s.col,
      endLine: s.endLine,
      endCol: s.endCol,
      message: e.message,
      severity: 'error',
    };
  }
}
