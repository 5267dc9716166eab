/**
 * The pure lesson parser: markdown text → `SourceLesson` (no files, no DOM). One pass over the
 * lines tracks code fences and `:::` blocks, so `---`, `::` and `:::` inside a fence are content.
 * Every problem is reported as `file:line` and one sentence; parsing continues to find them all.
 */
import { parseAttrs } from './attrs.ts';
import type { Attrs } from './attrs.ts';
import {
  CONTAINER_DIRECTIVES,
  LEAF_DIRECTIVES,
  parseChallenge,
  parseExplore,
  parseCue,
  parseScenarioDirective,
  parseScenarioFence,
} from './directives.ts';
import { parseFrontMatter } from './front-matter.ts';
import { stripMarkers } from './ledger/markers.ts';
import { parseQuiz } from './quiz.ts';
import type { BodyLine } from './quiz.ts';
import type {
  ChallengeRef,
  Cue,
  Diagnostic,
  ExploreRef,
  Parsed,
  Quiz,
  ScenarioRef,
  SourceLesson,
  SourceSlide,
} from './types.ts';

interface Fence {
  readonly marker: string;
  readonly line: number;
  /** Set for ```` ```rust scenario=… ```` fences. */
  readonly scenarioAttrs?: Attrs;
  readonly lines: string[];
}

interface Container {
  readonly kind: 'notes' | 'quiz' | 'unknown';
  readonly attrs: Attrs;
  readonly line: number;
  readonly body: BodyLine[];
}

class SlideBuilder {
  title: string | undefined;
  id: string | undefined;
  titleLine = 0;
  readonly body: string[] = [];
  scenario: ScenarioRef | undefined;
  challenge: ChallengeRef | undefined;
  explore: ExploreRef | undefined;
  readonly cues: Cue[] = [];
  notes: string | undefined;
  notesLine = 0;
  readonly quizzes: Quiz[] = [];
  hasContent = false;
  constructor(readonly line: number) {}
}

const FENCE_OPEN = /^(`{3,}|~{3,})\s*(.*)$/;
const LEAF = /^::([A-Za-z][\w-]*)(?:\{(.*)\})?\s*$/;
const CONTAINER_OPEN = /^:::\s*([A-Za-z][\w-]*)(?:\{(.*)\})?\s*$/;
const TITLE = /^#\s+(.+?)(?:\s+\{#([a-z0-9][a-z0-9-]*)\})?\s*$/;

export function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[`*_]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'slide'
  );
}

export function parseLesson(text: string, file: string): Parsed<SourceLesson> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, message: string): void => {
    diagnostics.push({ file, line, message });
  };
  const fm = parseFrontMatter(lines, file);
  diagnostics.push(...fm.diagnostics);

  const slides: SourceSlide[] = [];
  const ids = new Map<string, number>();
  let slide = new SlideBuilder(fm.next + 1);
  let fence: Fence | undefined;
  let container: Container | undefined;

  const closeContainer = (c: Container): void => {
    if (c.kind === 'unknown') return;
    if (c.kind === 'notes') {
      if (slide.notes !== undefined)
        report(c.line, `a slide has one notes block; the first is at line ${slide.notesLine}`);
      slide.notes = c.body.map((b) => b.text).join('\n');
      slide.notesLine = c.line;
      return;
    }
    const q = parseQuiz(c.attrs, c.body, c.line);
    if (q.ok) slide.quizzes.push(q.quiz);
    else report(q.line, q.message);
  };

  const finishSlide = (endLine: number): void => {
    if (!slide.hasContent) {
      report(slide.line, 'this slide is empty; remove the extra "---"');
    } else if (slide.title === undefined) {
      report(slide.line, 'a slide starts with a "# Title" line');
    } else {
      if (slide.explore && !slide.scenario)
        report(slide.explore.line, "::explore runs the slide's scenario, so the slide needs one");
      const id = slide.id ?? slugify(slide.title);
      const first = ids.get(id);
      if (first !== undefined)
        report(slide.titleLine, `slide id "${id}" is already used by the slide at line ${first}`);
      ids.set(id, slide.titleLine);
      slides.push({
        id,
        title: slide.title,
        body: tidy(slide.body),
        ...(slide.scenario ? { scenario: slide.scenario } : {}),
        cues: slide.cues,
        notes: tidy((slide.notes ?? '').split('\n')),
        quizzes: slide.quizzes,
        ...(slide.challenge ? { challenge: slide.challenge } : {}),
        ...(slide.explore ? { explore: slide.explore } : {}),
        line: slide.titleLine,
      });
    }
    slide = new SlideBuilder(endLine + 1);
  };

  for (let i = fm.next; i < lines.length; i++) {
    // Claim markers cite the ledger (src/lessons/ledger); learners see the prose without them.
    const raw = fence ? (lines[i] ?? '') : stripMarkers(lines[i] ?? '');
    const n = i + 1;
    if (fence) {
      if (isFenceClose(raw, fence.marker)) {
        if (fence.scenarioAttrs) {
          const s = parseScenarioFence(fence.scenarioAttrs, fence.lines.join('\n'), fence.line);
          if (!s.ok) report(fence.line, s.message);
          else setScenario(s.value);
        } else {
          pushText(raw, n);
        }
        fence = undefined;
      } else if (fence.scenarioAttrs) {
        fence.lines.push(raw);
      } else {
        pushText(raw, n);
      }
      continue;
    }
    const fenceOpen = FENCE_OPEN.exec(raw);
    if (fenceOpen) {
      const marker = fenceOpen[1] ?? '```';
      const info = (fenceOpen[2] ?? '').trim();
      const scenarioInfo = /^rust\s+(.*\bscenario\b.*)$/.exec(info);
      if (scenarioInfo && !container) {
        const attrs = parseAttrs(scenarioInfo[1] ?? '');
        if (!attrs.ok) report(n, `scenario fence: ${attrs.message}`);
        fence = { marker, line: n, scenarioAttrs: attrs.ok ? attrs.attrs : new Map(), lines: [] };
        slide.hasContent = true;
      } else {
        fence = { marker, line: n, lines: [] };
        pushText(raw, n);
      }
      continue;
    }
    if (container) {
      if (raw.trim() === ':::') {
        closeContainer(container);
        container = undefined;
      } else if (raw.trimEnd() === '---') {
        report(container.line, `the "::: ${container.kind}" block is not closed with ":::" before the slide ends`);
        container = undefined;
        finishSlide(n);
      } else if (raw.startsWith(':::')) {
        report(
          n,
          `"::: ${container.kind}" blocks do not nest; close the one at line ${container.line} with ":::" first`,
        );
      } else {
        container.body.push({ text: raw, line: n });
      }
      continue;
    }
    if (raw.trimEnd() === '---') {
      finishSlide(n);
      continue;
    }
    if (raw.startsWith(':::')) {
      const m = CONTAINER_OPEN.exec(raw);
      const name = m?.[1];
      if (raw.trim() === ':::') report(n, '":::" closes a block, but no block is open');
      else if (!m || name === undefined)
        report(n, `cannot read the directive "${raw.trim()}"; write "::: name{key=value}"`);
      else if (!(CONTAINER_DIRECTIVES as readonly string[]).includes(name)) {
        report(
          n,
          `unknown directive "::: ${name}"; blocks are ${CONTAINER_DIRECTIVES.map((d) => `"::: ${d}"`).join(', ')}`,
        );
        // Swallow its body up to ":::" so one mistake gives one message.
        container = { kind: 'unknown', attrs: new Map(), line: n, body: [] };
      } else {
        const attrs = parseAttrs(m[2] ?? '');
        if (!attrs.ok) report(n, `::: ${name}: ${attrs.message}`);
        if (name === 'notes' && attrs.ok && attrs.attrs.size > 0) report(n, '"::: notes" takes no attributes');
        container = {
          kind: name === 'notes' ? 'notes' : 'quiz',
          attrs: attrs.ok ? attrs.attrs : new Map(),
          line: n,
          body: [],
        };
        slide.hasContent = true;
      }
      continue;
    }
    if (raw.startsWith('::')) {
      slide.hasContent = true;
      leafDirective(raw, n);
      continue;
    }
    if (slide.title === undefined && raw.trim() !== '') {
      slide.hasContent = true;
      const t = TITLE.exec(raw);
      if (!t) {
        report(n, 'a slide starts with a "# Title" line');
        slide.title = raw.trim();
      } else {
        slide.title = (t[1] ?? '').trim();
        if (t[2] !== undefined) slide.id = t[2];
      }
      slide.titleLine = n;
      continue;
    }
    pushText(raw, n);
  }
  if (fence) report(fence.line, 'this code fence is never closed');
  if (container) report(container.line, `the "::: ${container.kind}" block is never closed with ":::"`);
  finishSlide(lines.length);
  if (slides.length === 0 && diagnostics.length === 0) report(fm.next + 1, 'the lesson has no slides');

  if (diagnostics.length > 0 || !fm.meta) return { ok: false, diagnostics };
  return { ok: true, lesson: { file, meta: fm.meta, slides } };

  function pushText(text: string, line: number): void {
    if (container) {
      container.body.push({ text, line });
      return;
    }
    if (text.trim() !== '') slide.hasContent = true;
    slide.body.push(text);
  }

  function setScenario(s: ScenarioRef): void {
    if (slide.scenario) report(s.line, `a slide has one scenario; the first is at line ${slide.scenario.line}`);
    else slide.scenario = s;
  }

  function leafDirective(raw: string, n: number): void {
    const m = LEAF.exec(raw);
    const name = m?.[1];
    if (!m || name === undefined) {
      report(n, `cannot read the directive "${raw.trim()}"; write "::name{key=value}"`);
      return;
    }
    if (!(LEAF_DIRECTIVES as readonly string[]).includes(name)) {
      report(
        n,
        `unknown directive "::${name}"; known directives are ${LEAF_DIRECTIVES.map((d) => `"::${d}"`).join(', ')}`,
      );
      return;
    }
    const attrs = parseAttrs(m[2] ?? '');
    if (!attrs.ok) {
      report(n, `::${name}: ${attrs.message}`);
      return;
    }
    if (name === 'scenario') {
      const s = parseScenarioDirective(attrs.attrs, n);
      if (s.ok) setScenario(s.value);
      else report(n, s.message);
    } else if (name === 'cue') {
      const c = parseCue(attrs.attrs, n);
      if (c.ok) slide.cues.push(c.value);
      else report(n, c.message);
    } else if (name === 'explore') {
      const e = parseExplore(attrs.attrs, n);
      if (!e.ok) report(n, e.message);
      else if (slide.explore) report(n, `a slide has one ::explore; the first is at line ${slide.explore.line}`);
      else slide.explore = e.value;
    } else {
      const c = parseChallenge(attrs.attrs, n);
      if (!c.ok) report(n, c.message);
      else if (slide.challenge) report(n, `a slide has one challenge; the first is at line ${slide.challenge.line}`);
      else slide.challenge = c.value;
    }
  }
}

function isFenceClose(raw: string, marker: string): boolean {
  const t = raw.trimEnd();
  return t.length >= marker.length && t.startsWith(marker[0] ?? '`') && new RegExp(`^\\${marker[0]}+$`).test(t);
}

/** Drops blank lines at both ends and collapses runs of blank lines (left where directives were). */
function tidy(lines: readonly string[]): string {
  const out: string[] = [];
  let inFence = '';
  for (const l of lines) {
    const open = FENCE_OPEN.exec(l);
    if (inFence !== '') {
      if (isFenceClose(l, inFence)) inFence = '';
    } else if (open) {
      inFence = open[1] ?? '';
    } else if (l.trim() === '' && (out.length === 0 || out[out.length - 1]?.trim() === '')) {
      continue;
    }
    out.push(l.trimEnd());
  }
  while (out.length > 0 && out[out.length - 1]?.trim() === '') out.pop();
  return out.join('\n');
}
