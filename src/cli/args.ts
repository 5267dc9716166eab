/** Command-line parsing for `npm run sim`: strict, with one clear sentence for every mistake. */

export interface SimArgs {
  file: string;
  seed: number;
  flavor: 'current_thread' | 'multi_thread' | undefined;
  workers: number | undefined;
  maxSteps: number | undefined;
  trace: string | undefined;
  events: boolean;
  /** `--explore`: run under many schedules and group the outcomes. */
  explore: ExploreArgs | undefined;
  /** `--replay KEY`: run the schedule a replay key names (src/explore/key.ts). */
  replay: string | undefined;
}

export interface ExploreArgs {
  strategy: 'random' | 'pct' | 'dfs';
  runs: number;
  depth: number | undefined;
  preemptions: number | undefined;
}

export const SIM_USAGE =
  'usage: npm run sim -- FILE.rs [--seed N] [--flavor current_thread|multi_thread] [--workers N] [--max-steps N] [--trace out.json] [--events]\n' +
  '       [--explore [--runs N] [--strategy random|pct|dfs] [--depth D] [--preemptions P]] [--replay KEY]';

export type ParseResult = { ok: true; args: SimArgs } | { ok: false; message: string };

function wholeNumber(flag: string, text: string | undefined, min: number): number | string {
  if (text === undefined || !/^\d+$/.test(text)) return `${flag} takes a whole number, got ${text ?? 'nothing'}.`;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) return `${flag} must be at least ${min}, got ${text}.`;
  return n;
}

export function parseSimArgs(argv: readonly string[]): ParseResult {
  const args: SimArgs = {
    file: '',
    seed: 1,
    flavor: undefined,
    workers: undefined,
    maxSteps: undefined,
    trace: undefined,
    events: false,
    explore: undefined,
    replay: undefined,
  };
  let exploring = false;
  const ex: ExploreArgs = { strategy: 'random', runs: 100, depth: undefined, preemptions: undefined };
  const exploreOnly: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const next = (): string | undefined => argv[++i];
    switch (a) {
      case '--seed':
      case '--workers':
      case '--max-steps': {
        const n = wholeNumber(a, next(), a === '--seed' ? 0 : 1);
        if (typeof n === 'string') return { ok: false, message: n };
        if (a === '--seed') args.seed = n;
        else if (a === '--workers') args.workers = n;
        else args.maxSteps = n;
        break;
      }
      case '--flavor': {
        const f = next();
        if (f !== 'current_thread' && f !== 'multi_thread')
          return { ok: false, message: `--flavor takes current_thread or multi_thread, got ${f ?? 'nothing'}.` };
        args.flavor = f;
        break;
      }
      case '--trace': {
        const t = next();
        if (t === undefined || t.startsWith('--')) return { ok: false, message: '--trace takes an output file name.' };
        args.trace = t;
        break;
      }
      case '--events':
        args.events = true;
        break;
      case '--explore':
        exploring = true;
        break;
      case '--runs':
      case '--depth':
      case '--preemptions': {
        const n = wholeNumber(a, next(), a === '--preemptions' ? 0 : 1);
        if (typeof n === 'string') return { ok: false, message: n };
        if (a === '--runs') ex.runs = n;
        else if (a === '--depth') ex.depth = n;
        else ex.preemptions = n;
        exploreOnly.push(a);
        break;
      }
      case '--strategy': {
        const s = next();
        if (s !== 'random' && s !== 'pct' && s !== 'dfs')
          return { ok: false, message: `--strategy takes random, pct or dfs, got ${s ?? 'nothing'}.` };
        ex.strategy = s;
        exploreOnly.push(a);
        break;
      }
      case '--replay': {
        const k = next();
        if (k === undefined || k.startsWith('--')) return { ok: false, message: '--replay takes a replay key.' };
        args.replay = k;
        break;
      }
      case '-h':
      case '--help':
        return { ok: false, message: SIM_USAGE };
      default:
        if (a.startsWith('-')) return { ok: false, message: `unknown option ${a}.` };
        if (args.file !== '') return { ok: false, message: `one program at a time: got ${args.file} and ${a}.` };
        args.file = a;
    }
  }
  if (args.file === '') return { ok: false, message: 'name the Rust program to run.' };
  if (!exploring && exploreOnly.length > 0)
    return { ok: false, message: `${exploreOnly[0] ?? ''} only goes with --explore.` };
  if (exploring && args.replay !== undefined)
    return { ok: false, message: '--explore and --replay do not go together: replay one key at a time.' };
  if (exploring) args.explore = ex;
  return { ok: true, args };
}
