/**
 * Which lines a slide's code may fold away (issue 11, "code folds to the lines that matter"):
 * the preamble before `#[tokio::main]` (crate docs, `use` lines, helper types), which the
 * learner rarely needs while watching the run. Pure, so it is tested without an editor.
 */

/** The 1-based line range [from, to] to fold, or undefined when there is nothing worth folding. */
export function preambleRange(text: string, minLines = 3): { from: number; to: number } | undefined {
  const lines = text.split('\n');
  const main = lines.findIndex((l) => /^\s*#\[tokio::main\b/.test(l));
  if (main < minLines) return undefined;
  // Keep blank lines just above the attribute out of the fold: the fold ends on text.
  let end = main;
  while (end > 0 && lines[end - 1].trim() === '') end--;
  return end >= minLines ? { from: 1, to: end } : undefined;
}
