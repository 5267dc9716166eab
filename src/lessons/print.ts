/**
 * Prints a `SourceLesson` back to the lesson format in a canonical layout: title, prose, scenario,
 * cues, challenge, explore, notes, quizzes. `parseLesson(printLesson(l))` gives `l` back (line numbers
 * aside); the round-trip tests hold the parser and this printer to that.
 */
import { printChallenge, printCue, printExplore, printScenario } from './directives.ts';
import { printFrontMatter } from './front-matter.ts';
import { slugify } from './parse.ts';
import { printQuiz } from './quiz.ts';
import type { SourceLesson, SourceSlide } from './types.ts';

export function printSlide(s: SourceSlide): string {
  const parts: string[] = [slugify(s.title) === s.id ? `# ${s.title}` : `# ${s.title} {#${s.id}}`];
  if (s.body !== '') parts.push(s.body);
  const directives: string[] = [];
  if (s.scenario) directives.push(printScenario(s.scenario));
  for (const c of s.cues) directives.push(printCue(c));
  if (s.challenge) directives.push(printChallenge(s.challenge));
  if (s.explore) directives.push(printExplore(s.explore));
  if (directives.length > 0) parts.push(directives.join('\n'));
  if (s.notes !== '') parts.push(`::: notes\n${s.notes}\n:::`);
  for (const q of s.quizzes) parts.push(printQuiz(q));
  return parts.join('\n\n');
}

export function printLesson(lesson: SourceLesson): string {
  return `${printFrontMatter(lesson.meta)}\n\n${lesson.slides.map(printSlide).join('\n\n---\n\n')}\n`;
}
