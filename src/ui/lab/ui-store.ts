/**
 * State that belongs to the screen rather than to the run: the program being edited (it only
 * becomes the run's program on Run), whether the shortcuts help is open, and a request to show a
 * source line (from the diagnostics list), and whether the console drawer is open (course and
 * embed keep the console to one line until asked, so it never pushes the stage).
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';

export interface UiState {
  readonly draft: string;
  readonly helpOpen: boolean;
  /** The line to scroll to and highlight; `nonce` makes a repeated request for one line count. */
  readonly reveal: { readonly line: number; readonly nonce: number } | undefined;
  readonly consoleOpen: boolean;
  setConsoleOpen(open: boolean): void;
  setDraft(draft: string): void;
  setHelpOpen(open: boolean): void;
  revealLine(line: number): void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(draft: string): UiStore {
  let nonce = 0;
  return createStore<UiState>()((set) => ({
    draft,
    helpOpen: false,
    reveal: undefined,
    consoleOpen: false,
    setConsoleOpen: (consoleOpen) => set({ consoleOpen }),
    setDraft: (d) => set({ draft: d }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    revealLine: (line) => set({ reveal: { line, nonce: ++nonce } }),
  }));
}
