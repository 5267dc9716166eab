/**
 * One open lesson, wired (design.md §2): the lab (U1's createLab: store, worker, playback), the
 * lesson machine (slides, cues, quizzes), the learner's progress, and — in a classroom — the
 * presenter sync. React components read from here and send commands; none of them builds any
 * of it. Effects only flow one way: machine emits → session applies to the lab and storage.
 */
import { createActor } from 'xstate';
import type { Actor } from 'xstate';
import { lessonMachine } from '../../flow/lesson/lesson-machine.ts';
import type { LessonMachine } from '../../flow/lesson/lesson-machine.ts';
import { quizKey } from '../../flow/lesson/lesson-types.ts';
import type { LessonSlide } from '../../flow/lesson/lesson-types.ts';
import { CHECKERS } from '../../lessons/challenge/kinds.ts';
import type { Lesson, Slide } from '../../lessons/types.ts';
import type { LabState, SimEvent } from '../../store/index.ts';
import { createLab } from '../lab/create-lab.ts';
import type { Lab } from '../lab/create-lab.ts';
import type { WorkerFactory } from '../../worker/client.ts';
import type { DeckState } from '../../flow/presenter/protocol.ts';
import type { DeckUrl, WindowRole } from './deck-url.ts';
import { configOfSource } from './run-config.ts';
import { ProgressBook } from '../../store/storage/index.ts';
import type { AppStorage } from '../../store/storage/index.ts';

export type LessonActor = Actor<LessonMachine>;

/** The run-failed message that means "the lab ran the learner's edit, not the slide's program". */
export const EDITED_RUN = 'edited';

export interface SessionOptions {
  readonly url: DeckUrl;
  readonly storage: AppStorage;
  readonly workerFactory?: WorkerFactory;
}

/** What the lab is running for the slide on show. */
export interface Loaded {
  readonly index: number;
  readonly source: string;
  readonly seed: number;
  /** The program is the slide's own (quizzes grade against it), not the learner's edit. */
  readonly original: boolean;
  /** The checker's program for this seed (a finding's link). */
  readonly check: boolean;
}

function toLessonSlide(s: Slide): LessonSlide {
  return { id: s.id, cues: s.cues, quizzes: s.quizzes };
}

/** The stdout and events of a finished run, read back from the lab's timeline. */
export function runOf(state: LabState): { stdout: string; events: SimEvent[] } {
  const { timeline } = state;
  const events: SimEvent[] = [];
  let stdout = '';
  for (let i = 0; i < timeline.length; i++) {
    const e = timeline.eventAt(i);
    if (e === undefined) continue;
    events.push(e);
    if (e.type === 'stdout') stdout += e.text;
  }
  return { stdout, events };
}

export class LessonSession {
  readonly lab: Lab;
  readonly actor: LessonActor;
  readonly book: ProgressBook;
  role: WindowRole;
  private loaded: Loaded | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly stops: (() => void)[] = [];
  private lastRun = 0;
  /** The step the last LOAD asked for, until the trace reaches it. */
  private lastStep: number | undefined;

  constructor(
    readonly lesson: Lesson,
    options: SessionOptions,
  ) {
    this.role = options.url.role;
    this.book = new ProgressBook(options.storage);
    const saved = this.book.lesson(lesson.id);
    const fromUrl = (options.url.lesson === lesson.id ? options.url.slide : undefined) ?? saved.slide;
    const index = Math.max(0, Math.min(lesson.slides.length - 1, fromUrl - 1));
    this.lab = createLab({ source: '', ...(options.workerFactory ? { workerFactory: options.workerFactory } : {}) });
    this.actor = createActor(lessonMachine, {
      input: { slides: lesson.slides.map(toLessonSlide), index, answers: saved.answers },
    });
    this.first = { seed: options.url.seed, check: options.url.check, step: options.url.step };
    this.actor.start();
  }

  private first: { seed: number | undefined; check: boolean; step: number } | undefined;

  /**
   * Starts the lab's worker and playback and runs the slide on show; returns the function that
   * stops them. React's strict mode connects, disconnects and connects again: each connect
   * re-runs the slide where it was.
   */
  connect(): () => void {
    const stopLab = this.lab.connect();
    this.wire();
    const index = this.actor.getSnapshot().context.index;
    const first = this.first;
    this.first = undefined;
    if (first !== undefined) {
      // The slide opened from the URL: its start-of-slide cues (inspect, highlight) apply now, as
      // they do when the learner moves to a slide.
      const { inspect, highlight } = this.actor.getSnapshot().context;
      const task = inspect ?? highlight;
      if (task !== undefined) this.lab.store.getState().actions.selectTask(task);
      this.enter(index, first);
    } else {
      // Where the learner was: the step shown, or the one a deep link still waits for.
      const step = this.lastStep ?? this.lab.store.getState().stepPosition;
      this.enter(index, { seed: this.loaded?.seed, check: this.loaded?.check ?? false, step });
    }
    return () => {
      for (const stop of this.stops.splice(0)) stop();
      stopLab();
    };
  }

  /** Subscribes to "something the screen shows changed" (the loaded program, the role). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    for (const l of this.listeners) l();
  }

  get current(): Loaded | undefined {
    return this.loaded;
  }

  slide(index: number): Slide | undefined {
    return this.lesson.slides[index];
  }

  /** The slide's own program: its scenario, or the challenge's starter. */
  originalSource(index: number): string {
    const s = this.slide(index);
    return s?.scenario?.source ?? s?.challenge?.starter.source ?? '';
  }

  /** What the editor shows for a slide: the learner's saved edit, else the original. */
  editedSource(index: number): string {
    const s = this.slide(index);
    if (s === undefined) return '';
    return this.book.lesson(this.lesson.id).code[s.id] ?? this.originalSource(index);
  }

  defaultSeed(index: number): number {
    const s = this.slide(index);
    return s?.scenario?.seed ?? s?.challenge?.starter.seed ?? 1;
  }

  /** Runs a slide's program in the lab: the learner's edit if any, else the slide's own. */
  enter(index: number, how: { seed?: number | undefined; check?: boolean; source?: string; step?: number } = {}): void {
    const slide = this.slide(index);
    if (slide === undefined) return;
    this.book.visit(this.lesson.id, index + 1, slide.id);
    const seed = how.seed ?? this.defaultSeed(index);
    const edited = how.source ?? this.editedSource(index);
    let source = edited;
    let check = false;
    if (how.check === true && slide.challenge !== undefined) {
      const p = CHECKERS[slide.challenge.kind].programFor(edited, seed);
      if (p.ok) {
        source = p.source;
        check = true;
      }
    }
    this.loaded = { index, source, seed, original: !check && source === this.originalSource(index), check };
    this.lab.ui.getState().setDraft(edited);
    const step = how.step !== undefined && how.step > 0 ? how.step : undefined;
    this.lastStep = step;
    this.lab.send({
      type: 'LOAD',
      program: { source, origin: { kind: 'lesson', lesson: this.lesson.id, slide: index + 1 } },
      config: configOfSource(source, seed),
      ...(step !== undefined ? { step } : {}),
    });
    this.changed();
  }

  /** Re-runs the slide's program with the editor's text (the Run button). */
  runEdited(): void {
    const loaded = this.loaded;
    if (loaded === undefined) return;
    this.enter(loaded.index, { seed: this.lab.store.getState().config.seed, source: this.lab.ui.getState().draft });
  }

  /** Puts the slide's own program back in the editor and runs it. */
  resetCode(): void {
    const loaded = this.loaded;
    const slide = loaded && this.slide(loaded.index);
    if (loaded === undefined || slide === undefined) return;
    this.book.saveCode(this.lesson.id, slide.id, undefined);
    this.enter(loaded.index, { seed: loaded.seed, source: this.originalSource(loaded.index) });
  }

  /** Opens the checker's run of `seed` at `step` (a finding's link). */
  openCheck(seed: number, step: number): void {
    const loaded = this.loaded;
    if (loaded === undefined) return;
    this.enter(loaded.index, { seed, check: true, step });
  }

  setRole(role: WindowRole): void {
    this.role = role;
    this.changed();
  }

  private wire(): void {
    const lab = this.lab;
    const actor = this.actor;
    const subs = [
      actor.on('slide.changed', (e) => {
        const how = this.nextEnter ?? {};
        this.nextEnter = undefined;
        this.enter(e.index, how);
      }),
      actor.on('cue.pause', (e) => {
        lab.send({ type: 'PAUSE' });
        lab.send({ type: 'SEEK', to: e.position, unit: 'event' });
      }),
      actor.on('cue.highlight', (e) => lab.store.getState().actions.selectTask(e.task)),
      actor.on('cue.inspect', (e) => {
        const s = lab.store.getState();
        s.actions.selectTask(e.task);
        if (!s.openViews.includes('inspector')) s.actions.toggleView('inspector');
      }),
      actor.on('quiz.graded', (e) => this.book.saveAnswer(this.lesson.id, e.key, e.record)),
    ];
    this.stops.push(() => subs.forEach((s) => s.unsubscribe()));
    // The lab's run → the lesson machine (cues, grading) and the playback position → cues.
    this.stops.push(
      lab.store.subscribe((s, prev) => {
        const run = s.run;
        if (run !== prev.run && run.kind !== 'idle') {
          if (run.kind === 'running' && run.runId !== this.lastRun) {
            this.lastRun = run.runId;
            actor.send({ type: 'RUN.STARTED' });
          } else if (run.kind === 'done' && this.isOriginal(s.program.source)) {
            actor.send({ type: 'RUN.DONE', ...runOf(s) });
          } else if (run.kind === 'done') {
            // Quizzes are about the slide's program; a run of the learner's edit cannot grade them.
            actor.send({ type: 'RUN.FAILED', message: EDITED_RUN });
          } else if (run.kind === 'error') {
            actor.send({ type: 'RUN.FAILED', message: run.message });
          }
        }
        if (s.position !== prev.position) {
          if (this.lastStep !== undefined && s.stepPosition >= this.lastStep) this.lastStep = undefined;
          actor.send({ type: 'POSITION', position: s.position });
        }
      }),
    );
    // Never lose an edit: every change of the editor's text is saved before anything runs it.
    this.stops.push(
      lab.ui.subscribe((u, prev) => {
        const loaded = this.loaded;
        const slide = loaded && this.slide(loaded.index);
        if (u.draft === prev.draft || loaded === undefined || slide === undefined) return;
        const original = this.originalSource(loaded.index);
        this.book.saveCode(this.lesson.id, slide.id, u.draft === original ? undefined : u.draft);
      }),
    );
  }

  private nextEnter: { seed: number; step: number } | undefined;

  /** What this window shows, as the presenter publishes it. */
  deckState(): DeckState {
    const snap = this.actor.getSnapshot();
    const s = this.lab.store.getState();
    const mode = snap.value === 'overview' ? 'overview' : snap.value === 'blank' ? 'blank' : 'slide';
    return {
      lesson: this.lesson.id,
      slide: snap.context.index + 1,
      seed: s.config.seed,
      step: s.stepPosition,
      playing: s.playback === 'playing',
      mode,
    };
  }

  /** An audience window takes the presenter's slide, seed, step and mode. */
  follow(remote: DeckState): void {
    if (remote.lesson !== this.lesson.id) return;
    const snap = this.actor.getSnapshot();
    const index = Math.max(0, Math.min(this.lesson.slides.length - 1, remote.slide - 1));
    const mode = snap.value;
    if (mode !== 'slide' && remote.mode !== mode) this.actor.send({ type: 'ESCAPE' });
    const s = this.lab.store.getState();
    if (index !== this.actor.getSnapshot().context.index) {
      this.nextEnter = { seed: remote.seed, step: remote.step };
      this.actor.send({ type: 'GOTO', index });
    } else if (
      remote.seed !== s.config.seed ||
      s.playback === 'idle' ||
      s.playback === 'loading' ||
      s.playback === 'error'
    ) {
      this.enter(index, { seed: remote.seed, step: remote.step });
    } else if (remote.step !== s.stepPosition) {
      this.lab.send({ type: 'SEEK', to: remote.step, unit: 'step' });
    }
    const now = this.actor.getSnapshot().value;
    if (remote.mode === 'overview' && now !== 'overview') this.actor.send({ type: 'TOGGLE_OVERVIEW' });
    if (remote.mode === 'blank' && now !== 'blank') this.actor.send({ type: 'TOGGLE_BLANK' });
  }

  private isOriginal(source: string): boolean {
    return this.loaded !== undefined && source === this.originalSource(this.loaded.index);
  }

  quizKey(index: number, quiz: number): string {
    const s = this.slide(index);
    return s === undefined ? '' : quizKey(toLessonSlide(s), quiz);
  }

  /** Ends the session for good (the lesson machine cannot be restarted). */
  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.actor.stop();
  }
}
