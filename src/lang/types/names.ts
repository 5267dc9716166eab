/**
 * Which names exist without being declared in the program: the std prelude, primitive types and
 * the crate roots a path may start with. Used by name resolution (E0425, E0433, E0412).
 */
import type { Items } from './items.ts';
import { primitive } from './lower.ts';

const PRELUDE_VALUES = new Set(['Self', 'Some', 'None', 'Ok', 'Err', 'drop', 'Box', 'String', 'Vec']);

const PRELUDE_TYPES = new Set([
  'String',
  'Vec',
  'Option',
  'Result',
  'Box',
  'Self',
  'Some',
  'None',
  'Ok',
  'Err',
  'Default',
  'Clone',
  'Copy',
  'Iterator',
  'IntoIterator',
  'From',
  'Into',
  'ToString',
  'ToOwned',
  'PartialEq',
  'Eq',
  'PartialOrd',
  'Ord',
  'Drop',
  'Fn',
  'FnMut',
  'FnOnce',
  'AsRef',
  'AsMut',
  'Extend',
  'FromIterator',
  'TryFrom',
  'TryInto',
  'Send',
  'Sync',
  'Sized',
  'Unpin',
  'DoubleEndedIterator',
  'ExactSizeIterator',
  'Debug',
]);

const ROOTS = new Set(['std', 'core', 'alloc', 'tokio', 'tokio_util', 'futures', 'crate', 'self', 'super', 'Self']);

/** Names a program declares in any namespace (items, imports, modules). */
function declared(name: string, items: Items): boolean {
  return (
    items.adts.has(name) ||
    items.traits.has(name) ||
    items.aliases.has(name) ||
    items.fns.has(name) ||
    items.values.has(name) ||
    items.modules.has(name) ||
    items.imports.has(name) ||
    items.ambiguous.has(name)
  );
}

/** Can a path start with this segment? (Else rustc: E0433 failed to resolve.) */
export function knownPathRoot(name: string, items: Items, generics: ReadonlySet<string>): boolean {
  return (
    ROOTS.has(name) ||
    PRELUDE_TYPES.has(name) ||
    primitive(name) !== null ||
    generics.has(name) ||
    declared(name, items) ||
    enumVariantInScope(name, items) !== null
  );
}

/** Is a single-segment type name known? (Else rustc: E0412 cannot find type.) */
export function knownTypeName(name: string, items: Items, generics: ReadonlySet<string>): boolean {
  return PRELUDE_TYPES.has(name) || primitive(name) !== null || generics.has(name) || declared(name, items);
}

/** Is a single-segment value name known outside the locals? (Else rustc: E0425.) */
export function knownValueName(name: string, items: Items): boolean {
  return (
    PRELUDE_VALUES.has(name) ||
    declared(name, items) ||
    enumVariantInScope(name, items) !== null ||
    unitOrTupleStruct(name, items)
  );
}

function unitOrTupleStruct(name: string, items: Items): boolean {
  const d = items.adts.get(name);
  return d !== undefined && d.kind === 'struct';
}

/** A variant brought into scope by `use Enum::*` or `use Enum::Variant`: the enum's name. */
export function enumVariantInScope(name: string, items: Items): string | null {
  const imported = items.imports.get(name);
  if (imported !== undefined) {
    const parts = imported.split('::');
    const owner = parts[parts.length - 2];
    if (owner !== undefined && hasVariant(owner, name, items)) return owner;
  }
  for (const g of items.globs) {
    const owner = g.split('::').pop() ?? '';
    if (hasVariant(owner, name, items)) return owner;
  }
  return null;
}

export function hasVariant(enumName: string, variant: string, items: Items): boolean {
  const d = items.adts.get(enumName);
  return d !== undefined && d.item.kind === 'Enum' && d.item.variants.some((v) => v.name === variant);
}
