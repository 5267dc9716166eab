/**
 * One embedded Task Lab: what it shows (a program, or one lesson slide), the host bridge, and the
 * events it sends as the learner or the host moves through the run. React renders its state and
 * calls it; it never touches the DOM itself, so tests drive it with a fake lab and window.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { PlaybackCommand } from '../flow/index.ts';
import type { Lesson, Slide } from '../lessons/types.ts';
import type { LabStore, ProgramOrigin, RunConfig } from '../store/index.ts';
import { EmbedBridge } from './bridge.ts';
import type { BridgeWindow } from './bridge.ts';
import type { OriginPolicy } from './origins.ts';
import { HOST_COMMANDS } from './protocol.ts';
import type { EmbedEventBody, EmbedPosition, HostCommand, SlideInfo } from './protocol.ts';

/** What the session needs of a lab (src/ui/lab/create-lab.ts `Lab` has it). */
export interface EmbedLab {
  readonly store: LabStore;
  /** Starts the worker and playback; returns the function that stops them. */
  connect(): () => void;
  /** Ignored while not connected. */
  send(command: PlaybackCommand): void;
}

export type EmbedShown =
  | { readonly kind: 'loading' }
  | { readonly kind: 'program'; readonly title: string }
  | { readonly kind: 'slide'; readonly lesson: Lesson; readonly index: number };

export interface EmbedUiState {
  readonly shown: EmbedShown;
  /** A problem to show above the stage (a bad link, an unknown lesson). */
  readonly notice: string | undefined;
}

export interface EmbedSessionOptions {
  readonly lab: EmbedLab;
  readonly window: BridgeWindow;
  readonly policy: OriginPolicy;
  readonly embedId: string;
  readonly lessons: () => Promise<readonly Lesson[]>;
}

export function slideInfo(lesson: Lesson, index: number): SlideInfo {
  return {
    lesson: lesson.id,
    slide: index + 1,
    slides: lesson.slides.length,
    title: lesson.slides[index]?.title ?? '',
  };
}

/** The program a slide runs: its scenario, or its challenge's starter. */
export function slideProgram(slide: Slide): { source: string; seed: number | undefined } | undefined {
  const s = slide.scenario ?? slide.challenge?.starter;
  return s === undefined ? undefined : { source: s.source, seed: s.seed };
}

export class EmbedSession {
  readonly ui: StoreApi<EmbedUiState> = createStore<EmbedUiState>()(() => ({
    shown: { kind: 'loading' },
    notice: undefined,
  }));
  readonly bridge: EmbedBridge;
  private readonly lab: EmbedLab;
  private readonly lessons: () => Promise<readonly Lesson[]>;
  private unsubscribe: (() => void) | undefined;
  private lastStep = -1;
  private lastPlayback = '';
  /** The last program loaded, sent again whenever the lab (re)connects. */
  private loaded: Extract<PlaybackCommand, { type: 'LOAD' }> | undefined;
  private connected = false;

  constructor(options: EmbedSessionOptions) {
    this.lab = options.lab;
    this.lessons = options.lessons;
    this.bridge = new EmbedBridge({
      window: options.window,
      policy: options.policy,
      embedId: options.embedId,
      handle: (c) => this.handle(c),
      ready: () => ({ type: 'ready', commands: HOST_COMMANDS, position: this.position(), slide: this.slide() }),
    });
  }

  start(): void {
    this.bridge.start();
    this.unsubscribe = this.lab.store.subscribe((s) => {
      if (s.stepPosition === this.lastStep && s.playback === this.lastPlayback) return;
      this.lastStep = s.stepPosition;
      this.lastPlayback = s.playback;
      this.bridge.emit({ type: 'step', ...this.position() });
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.bridge.stop();
  }

  /**
   * Connects the lab (from a React effect; strict mode connects twice) and runs what is shown.
   * Returns the disconnect function.
   */
  connect(): () => void {
    const disconnect = this.lab.connect();
    this.connected = true;
    if (this.loaded !== undefined) this.lab.send(this.loaded);
    return () => {
      this.connected = false;
      disconnect();
    };
  }

  emit(body: EmbedEventBody): void {
    this.bridge.emit(body);
  }

  position(): EmbedPosition {
    const s = this.lab.store.getState();
    return { step: s.stepPosition, steps: s.stepCount, playback: s.playback, timeMs: s.view.time / 1e6 };
  }

  slide(): SlideInfo | undefined {
    const shown = this.ui.getState().shown;
    return shown.kind === 'slide' ? slideInfo(shown.lesson, shown.index) : undefined;
  }

  setNotice(notice: string | undefined): void {
    this.ui.setState({ notice });
  }

  /** Runs a program as the embed's subject. */
  showProgram(source: string, title: string, config: Partial<RunConfig> = {}, step?: number): void {
    this.ui.setState({ shown: { kind: 'program', title } });
    this.load(source, { kind: 'scratch' }, config, step);
  }

  /** Shows slide `slide` (1-based) of `lessonId`; an error message when there is no such slide. */
  async showSlide(
    lessonId: string,
    slide: number,
    config: Partial<RunConfig> = {},
    step?: number,
  ): Promise<string | undefined> {
    const lesson = (await this.lessons()).find((l) => l.id === lessonId);
    if (lesson === undefined) return `there is no lesson “${lessonId}”`;
    if (slide < 1 || slide > lesson.slides.length) {
      return `lesson “${lessonId}” has slides 1 to ${lesson.slides.length}, not ${slide}`;
    }
    this.enterSlide(lesson, slide - 1, config, step);
    return undefined;
  }

  private enterSlide(lesson: Lesson, index: number, config: Partial<RunConfig> = {}, step?: number): void {
    this.ui.setState({ shown: { kind: 'slide', lesson, index } });
    const slide = lesson.slides[index];
    const program = slide === undefined ? undefined : slideProgram(slide);
    if (program !== undefined) {
      const seed = config.seed ?? program.seed;
      const origin: ProgramOrigin = { kind: 'lesson', lesson: lesson.id, slide: index + 1 };
      this.load(program.source, origin, seed === undefined ? config : { ...config, seed }, step);
    }
    this.bridge.emit({ type: 'slideChange', ...slideInfo(lesson, index) });
  }

  private load(source: string, origin: ProgramOrigin, patch: Partial<RunConfig>, step: number | undefined): void {
    const current = this.lab.store.getState().config;
    const flavor = patch.flavor ?? current.flavor;
    const workers =
      flavor === 'current_thread' ? 1 : (patch.workers ?? (current.flavor === flavor ? current.workers : 4));
    const config: RunConfig = { flavor, workers, seed: patch.seed ?? current.seed };
    this.loaded = { type: 'LOAD', program: { source, origin }, config, step };
    if (this.connected) this.lab.send(this.loaded);
  }

  /** Applies a host command; a string (now or when the promise settles) is the error to send back. */
  handle(command: HostCommand): string | undefined | Promise<string | undefined> {
    switch (command.type) {
      case 'hello':
        return undefined;
      case 'play':
        this.lab.send({ type: 'PLAY' });
        return undefined;
      case 'pause':
        this.lab.send({ type: 'PAUSE' });
        return undefined;
      case 'step':
        this.lab.send({ type: command.back === true ? 'STEP_BACK' : 'STEP_FORWARD' });
        return undefined;
      case 'seek':
        this.lab.send({ type: 'SEEK', to: command.step, unit: 'step' });
        return undefined;
      case 'setSlide': {
        const shown = this.ui.getState().shown;
        if (shown.kind !== 'slide') return 'this embed shows a program, not a lesson; load a lesson first';
        if (command.slide > shown.lesson.slides.length) {
          return `lesson “${shown.lesson.id}” has slides 1 to ${shown.lesson.slides.length}, not ${command.slide}`;
        }
        this.enterSlide(shown.lesson, command.slide - 1);
        return undefined;
      }
      case 'load': {
        const config: Partial<RunConfig> = { seed: command.seed, flavor: command.flavor, workers: command.workers };
        if (command.source !== undefined) {
          this.showProgram(command.source, 'Program', config, command.step);
          return undefined;
        }
        return this.showSlide(command.lesson ?? '', command.slide ?? 1, config, command.step);
      }
    }
  }
}
