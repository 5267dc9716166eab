import { describe, expect, it } from 'vitest';
import { SHORTCUTS, bindingFor, helpRows, keyHint } from './shortcuts.ts';
import type { KeyPress, ShortcutScope } from './shortcuts.ts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  typing: false,
  ...more,
});
const course = (key: string, more: Partial<KeyPress> = {}) => bindingFor('course', press(key, more))?.command;
const lab = (key: string, more: Partial<KeyPress> = {}) => bindingFor('lab', press(key, more))?.command;

describe('the one key map', () => {
  it("follows Slidev's slide keys in the course", () => {
    const keys = [' ', 'ArrowRight', 'ArrowDown', 'PageDown', 'ArrowLeft', 'ArrowUp', 'PageUp', 'Home', 'End'];
    expect(keys.map((k) => course(k))).toEqual([
      'next-slide',
      'next-slide',
      'next-slide',
      'next-slide',
      'prev-slide',
      'prev-slide',
      'prev-slide',
      'first-slide',
      'last-slide',
    ]);
    expect(['o', 'd', 'f', 'g', 'O', 'G'].map((k) => course(k))).toEqual([
      'overview',
      'theme',
      'fullscreen',
      'goto',
      'overview',
      'goto',
    ]);
  });

  it('keeps forward and back in the lab, where they step the run', () => {
    expect([' ', 'ArrowRight', 'ArrowLeft', 'Home', 'End'].map((k) => lab(k))).toEqual([
      'step',
      'step',
      'back',
      'start',
      'end',
    ]);
    // Slide-only keys do nothing in the lab.
    for (const k of ['ArrowDown', 'PageUp', 'o', 'g', 'b', 'p', '+']) expect(lab(k)).toBeUndefined();
  });

  it('gives the run keys the same meaning in both scopes', () => {
    for (const k of ['k', '.', ',', '[', ']', 'x', 's', 'w', 'e', 'a', 'f', '?']) {
      expect(course(k)).toBeDefined();
      expect(course(k)).toEqual(lab(k));
    }
    expect(lab('k')).toBe('toggle');
    expect(lab('s')).toEqual({ runTo: 'spawn' });
  });

  it('leaves typing alone except for Ctrl+Enter and Escape', () => {
    expect(lab(' ', { typing: true })).toBeUndefined();
    expect(course('ArrowLeft', { typing: true })).toBeUndefined();
    expect(lab('Enter', { typing: true, ctrlKey: true })).toBe('run');
    expect(lab('Enter', { typing: true, metaKey: true })).toBe('run');
    expect(course('Escape', { typing: true })).toBe('escape');
  });

  it('never changes the slide with an arrow on a quiz choice, nor with a slider key', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown']) {
      expect(course(key, { onControl: true, onChoice: true })).toBeUndefined();
      expect(course(key, { onSlider: true })).toBeUndefined();
      expect(lab(key, { onSlider: true })).toBeUndefined();
    }
    expect(course('PageDown', { onControl: true, onChoice: true })).toBe('next-slide');
    // Space and Enter belong to a focused button or choice.
    expect(course(' ', { onControl: true })).toBeUndefined();
    expect(course('Enter', { onControl: true })).toBeUndefined();
  });

  it('needs the modifier exactly when the row has one', () => {
    expect(lab('Enter')).toBeUndefined();
    expect(course('ArrowRight', { ctrlKey: true })).toBeUndefined();
    expect(lab('ArrowRight', { altKey: true })).toBeUndefined();
  });

  it('binds every key once per scope, and describes every binding for the help', () => {
    for (const scope of ['course', 'lab'] as const satisfies readonly ShortcutScope[]) {
      const keys = SHORTCUTS.filter((s) => s[scope] !== undefined).flatMap((s) =>
        s.keys.map((k) => `${s.mod === true ? 'mod+' : ''}${k}`),
      );
      expect(new Set(keys).size).toBe(keys.length);
      const rows = helpRows(scope);
      expect(rows.length).toBe(SHORTCUTS.filter((s) => s[scope] !== undefined).length);
      for (const r of rows) expect(r.description.length).toBeGreaterThan(3);
    }
  });

  it("names a command's keys for a button's hint, per scope", () => {
    expect(keyHint('lab', 'step')).toBe('Space / → or .');
    expect(keyHint('course', 'step')).toBe('.');
    expect(keyHint('course', 'toggle')).toBe('K');
    expect(keyHint('course', 'theme')).toBe('D');
  });
});
