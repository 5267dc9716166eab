/**
 * Rust syntax colours (mockups/README.md "Syntax"): each at least 4.5:1 on the code background
 * and on the tinted current and task lines, which CodeMirror's default style is not (its type
 * green and escape orange fail on a tint; axe-core flagged them).
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { tags as t } from '@lezer/highlight';

const style = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.self], color: '#8A2A8F' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: '#005F99' },
  { tag: [t.typeName, t.namespace, t.className], color: '#006D55' },
  { tag: [t.string, t.number, t.bool, t.character, t.escape, t.special(t.string), t.literal], color: '#A3420C' },
  { tag: [t.macroName, t.meta, t.attributeName], color: '#7A4E00' },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: '#596273', fontStyle: 'italic' },
  { tag: [t.labelName, t.atom, t.special(t.variableName)], color: '#3B4350' },
  { tag: t.invalid, color: '#B34D00' },
]);

export const rustHighlight: Extension = syntaxHighlighting(style);
