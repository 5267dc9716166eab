/** Command-line parsing for `npm run sim`: strict, with one clear sentence for every mistake. */
import { MAX_SEED, MAX_WORKERS, MIN_WORKERS } from '../store/lab-types.ts';
import { FAULT_GRAMMAR, parseFault, type Fault } from '../sim/index.ts';

/** The most runs, choice depth or preemptions `--explore` takes (a bound, so a typo cannot hang it). */
const MAX_EXPLORE_COUNT = 1_000_000;
/** A day: later presses could only mean a typo. */
const MAX_CTRL_C_MS = 86_400_000;

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
  /** `--ctrl-c-at MS[,MS…]`: real-time instants (ms after start) at which Ctrl-C is pressed. */
  ctrlCAt: number[];
  /** `--fault SPEC` (repeatable): network faults given by hand (src/sim/net/faults.ts). */
  faults: Fault[];
  /** `--faults-seeded RATE`: each connect fails with this probability, drawn from the seed. */
  faultRate: number | undefined;
}

export interface ExploreArgs {
  strategy: 'random' | 'pct' | 'dfs';
  runs: number;
  depth: number | undefined;
  preemptions: number | undefined;
}

export const SIM_USAGE =
  'usage: npm run sim -- FILE.rs [--seed N] [--flavor current_thread|multi_thread] [--workers N] [--max-steps N] [--trace out.json] [--events]\n' +
  '       [--explore [--runs N] [--strategy random|pct|dfs] [--depth D] [--preemptions P]] [--replay KEY] [--ctrl-c-at MS[,MS…]]\n' +
  '       [--fault SPEC]... [--faults-seeded RATE]';

export const SIM_HELP = `${SIM_USAGE}

Runs a tokio-flavoured Rust program on the simulated Tokio 1.48 runtime and behaves like the real
binary: its stdout and stderr, and its exit status (0; 1 when main returns Err; 101 on a panic;
2 with located diagnostics for a program outside the supported subset).

  --seed N          the run's seed, 0 to ${MAX_SEED} (default 1)
  --flavor F        current_thread or multi_thread (default: what #[tokio::main] says)
  --workers N       multi_thread worker threads, ${MIN_WORKERS} to ${MAX_WORKERS}
  --max-steps N     stop after N scheduler steps (at least 1)
  --trace FILE      write the decoded event trace as JSON to FILE
  --events          narrate every scheduler step on stderr
  --explore         run under many schedules and group the outcomes; with
    --runs N          how many schedules (default 100, at most ${MAX_EXPLORE_COUNT})
    --strategy S      random, pct or dfs (default random)
    --depth D         PCT's priority-change points, or DFS's bound on choices
    --preemptions P   DFS's preemption bound
  --replay KEY      replay one schedule the explorer printed, byte for byte
  --ctrl-c-at MS    press Ctrl-C MS milliseconds (real time) after the start;
                    a comma-separated list presses it several times
  --fault SPEC      inject a network fault (repeat the flag for several):
                      reset:conn=N[:after=BYTES|:step=S|:at=MS][:by=client|server]
                        the Nth connect's connection is reset by that end (default
                        by=client, at once; at=MS is real time after the start, as
                        --ctrl-c-at); the other end reads ConnectionReset
                      refuse:conn=N or refuse:port=P
                        connect gets ConnectionRefused though a listener exists
                      slow:conn=N[:by=client|server][:window=BYTES][:delay=MS]
                        that end reads slowly: a small receive window (default
                        4096) and a pause after each read (default 10 ms)
                    port=P aims at every connection to port P instead of conn=N
  --faults-seeded R each connect gets a fault drawn from the seed with probability
                    R (0 to 1); the draws are choice points, so --explore varies them
                    and --replay (given the same fault flags) repeats them
  -h, --help        show this help
`;

export type ParseResult =
  | { readonly kind: 'run'; readonly args: SimArgs }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

const error = (message: string): ParseResult => ({ kind: 'error', message });

/** A whole number in [min, max], or the sentence that says why `text` is not one. */
function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number | string {
  if (text === undefined || !/^\d+$/.test(text)) return `${flag} takes a whole number, got ${text ?? 'nothing'}.`;
  const n = Number(text);
  if (n < min) return `${flag} must be at least ${min}, got ${text}.`;
  if (!Number.isSafeInteger(n) || n > max) return `${flag} must be at most ${max}, got ${text}.`;
  return n;
}

const BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  '--seed': [0, MAX_SEED],
  '--workers': [MIN_WORKERS, MAX_WORKERS],
  '--max-steps': [1, Number.MAX_SAFE_INTEGER],
};

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
    ctrlCAt: [],
    faults: [],
    faultRate: undefined,
  };
  const seen = new Set<string>();
  let exploring = false;
  const ex: ExploreArgs = { strategy: 'random', runs: 100, depth: undefined, preemptions: undefined };
  const exploreOnly: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    // `--flag=value` is the same as `--flag value`.
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const a = eq < 0 ? word : word.slice(0, eq);
    const next = (): string | undefined => (eq < 0 ? argv[++i] : word.slice(eq + 1));
    if (a.startsWith('-') && a !== '-' && a !== '--fault') {
      if (seen.has(a)) return error(`${a} was given twice.`);
      seen.add(a);
    }
    switch (a) {
      case '--seed':
      case '--workers':
      case '--max-steps': {
        const [min, max] = BOUNDS[a];
        const n = wholeNumber(a, next(), min, max);
        if (typeof n === 'string') return error(n);
        if (a === '--seed') args.seed = n;
        else if (a === '--workers') args.workers = n;
        else args.maxSteps = n;
        break;
      }
      case '--flavor': {
        const f = next();
        if (f !== 'current_thread' && f !== 'multi_thread')
          return error(`--flavor takes current_thread or multi_thread, got ${f ?? 'nothing'}.`);
        args.flavor = f;
        break;
      }
      case '--trace': {
        const t = next();
        if (t === undefined || t === '' || t.startsWith('--')) return error('--trace takes an output file name.');
        args.trace = t;
        break;
      }
      case '--events':
        if (eq >= 0) return error('--events takes no value.');
        args.events = true;
        break;
      case '--explore':
        exploring = true;
        break;
      case '--runs':
      case '--depth':
      case '--preemptions': {
        const n = wholeNumber(a, next(), a === '--preemptions' ? 0 : 1, MAX_EXPLORE_COUNT);
        if (typeof n === 'string') return error(n);
        if (a === '--runs') ex.runs = n;
        else if (a === '--depth') ex.depth = n;
        else ex.preemptions = n;
        exploreOnly.push(a);
        break;
      }
      case '--strategy': {
        const s = next();
        if (s !== 'random' && s !== 'pct' && s !== 'dfs')
          return error(`--strategy takes random, pct or dfs, got ${s ?? 'nothing'}.`);
        ex.strategy = s;
        exploreOnly.push(a);
        break;
      }
      case '--ctrl-c-at': {
        const list = next();
        for (const part of (list ?? '').split(',')) {
          const n = wholeNumber('--ctrl-c-at', list === undefined ? undefined : part, 0, MAX_CTRL_C_MS);
          if (typeof n === 'string') return error(n);
          args.ctrlCAt.push(n);
        }
        break;
      }
      case '--fault': {
        const spec = next();
        if (spec === undefined || spec.startsWith('--')) return error(`--fault takes a fault: ${FAULT_GRAMMAR}.`);
        const f = parseFault(spec);
        if (typeof f === 'string') return error(`--fault ${spec}: ${f}.`);
        args.faults.push(f);
        break;
      }
      case '--faults-seeded': {
        const r = next();
        if (r === undefined || !/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(r))
          return error(`--faults-seeded takes a rate from 0 to 1, got ${r ?? 'nothing'}.`);
        args.faultRate = Number(r);
        break;
      }
      case '--replay': {
        const k = next();
        if (k === undefined || k.startsWith('--')) return error('--replay takes a replay key.');
        args.replay = k;
        break;
      }
      case '-h':
      case '--help':
        return { kind: 'help' };
      default:
        if (a.startsWith('-') && a !== '-') return error(`unknown option ${a}.`);
        if (args.file !== '') return error(`one program at a time: got ${args.file} and ${word}.`);
        args.file = word;
    }
  }
  if (args.file === '') return error('name the Rust program to run.');
  if (!exploring && exploreOnly.length > 0) return error(`${exploreOnly[0] ?? ''} only goes with --explore.`);
  if (exploring && args.replay !== undefined)
    return error('--explore and --replay do not go together: replay one key at a time.');
  if (exploring) args.explore = ex;
  return { kind: 'run', args };
}
