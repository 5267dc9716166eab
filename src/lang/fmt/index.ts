/**
 * Rust's formatting machinery (`std::fmt`), byte for byte as Rust 1.95 prints: format-string
 * parsing and argument binding with rustc's errors, the Formatter with core's padding rules,
 * Debug builders (compact and `{:#?}`), and the formatting of integers, floats, strings, chars,
 * bools, std containers and Duration. The interpreter adapts its values to `Formattable`.
 */
export type {
  Alignment,
  ArgRef,
  Count,
  FormatError,
  FormatResult,
  FormatTemplate,
  FormatTrait,
  Literal,
  Piece,
  Placeholder,
} from './spec.ts';
export { parseFormatString } from './parse.ts';
export { type ArgumentList, type BoundFormat, type BoundPiece, type BoundPlaceholder, bindArguments } from './bind.ts';
export { compileFormat, formatString, FormatStringError } from './format.ts';
export {
  charCount,
  FmtTraitError,
  fmtWith,
  formatBound,
  formatValue,
  type Formattable,
  Formatter,
  type Sink,
  StringSink,
  writeBound,
} from './formatter.ts';
export {
  type DebugEntry,
  DebugList,
  DebugMap,
  DebugSet,
  DebugStruct,
  DebugTuple,
  debugList,
  debugMap,
  debugSet,
  debugStruct,
  debugTuple,
} from './builders.ts';
export { debugChar, debugStr, escapeDebugChar } from './escape.ts';
export { fmtIntDebug, fmtIntDisplay, fmtIntExp, fmtIntRadix, type Radix, radixDigits } from './int-fmt.ts';
export { floatDebugString, floatDisplayString, fmtFloatDebug, fmtFloatDisplay, fmtFloatExp } from './float-fmt.ts';
export { fmtDurationDebug } from './duration-fmt.ts';
export {
  BoolArg,
  CharArg,
  DurationArg,
  FloatArg,
  fmtDerivedDebug,
  fromFn,
  IntArg,
  ListArg,
  MapArg,
  OptionArg,
  ResultArg,
  SetArg,
  StrArg,
  StructArg,
  type StructShape,
  TupleArg,
  UNIT,
} from './values.ts';
