/**
 * `task::Id` is `Ord` (by its u64, tokio/src/runtime/task/id.rs), so ids sort and compare with
 * `<`. Registered here, beside the interpreter's other comparison glue, on the value class that
 * tokio/task.ts defines.
 */
import { ordering } from './std/enums.ts';
import { def, tableFor } from './std/tables.ts';
import { RTaskId } from './tokio/task.ts';
import { deref, type Value } from './values.ts';

const idOf = (v: Value): number => (deref(v) as RTaskId).id;
def(tableFor(RTaskId), 'cmp', 'ref', (_s, a) => {
  const x = idOf(a[0]);
  const y = idOf(a[1]);
  return ordering(x < y ? -1 : x > y ? 1 : 0);
});
