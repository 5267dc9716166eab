import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor } from './shortcuts.ts';
import type { KeyPress } from './shortcuts.ts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  typing: false,
  ...more,
});

describe('shortcutFor', () => {
  it('maps the playback keys', () => {
    expect(shortcutFor(press(' '))?.action).toBe('toggle');
    expect(shortcutFor(press('ArrowRight'))?.action).toBe('step');
    expect(shortcutFor(press('ArrowLeft'))?.action).toBe('back');
    expect(shortcutFor(press('Home'))?.action).toBe('start');
    expect(shortcutFor(press('End'))?.action).toBe('end');
    expect(shortcutFor(press('?'))?.action).toBe('help');
    expect(shortcutFor(press('S'))?.action).toEqual({ runTo: 'spawn' });
  });

  it('leaves typing alone except for Ctrl+Enter and Escape', () => {
    expect(shortcutFor(press(' ', { typing: true }))).toBeUndefined();
    expect(shortcutFor(press('ArrowLeft', { typing: true }))).toBeUndefined();
    expect(shortcutFor(press('Enter', { typing: true, ctrlKey: true }))?.action).toBe('run');
    expect(shortcutFor(press('Enter', { typing: true, metaKey: true }))?.action).toBe('run');
    expect(shortcutFor(press('Escape', { typing: true }))?.action).toBe('close');
  });

  it('needs the modifier exactly when the shortcut has one', () => {
    expect(shortcutFor(press('Enter'))).toBeUndefined();
    expect(shortcutFor(press('ArrowRight', { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(press('ArrowRight', { altKey: true }))).toBeUndefined();
  });

  it('gives every shortcut a distinct key and a description for the help', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys.map((k) => `${s.mod === true ? 'mod+' : ''}${k}`));
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SHORTCUTS) expect(s.description.length).toBeGreaterThan(3);
  });
});
