/** Loads every built-in module (each registers its functions, namespaces and method tables). */
import './prelude.ts';
import './option.ts';
import './iter-adapters.ts';
import './iter-methods.ts';
import './vec.ts';
import './string.ts';
import './num.ts';
import './map.ts';
import './map-entry.ts';
import './errors.ts';
import './formatter-value.ts';
import './panic-api.ts';
import './reverse.ts';
import './ordering.ts';
import './thread.ts';
import './mpsc-std.ts';
import './sync-std.ts';
import './std-more.ts';
import './slice-mut.ts';
import './long-tail.ts';
// the collections' long tail (issue 13): after long-tail.ts, whose methods it reuses
import './coll-tail.ts';
import './map-tail.ts';
