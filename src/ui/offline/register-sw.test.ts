import { describe, expect, it } from 'vitest';
import { shouldRegister } from './register-sw.ts';

describe('service worker registration', () => {
  it('registers in production builds served over http(s)', () => {
    expect(shouldRegister('https://school.example/tasklab/?lesson=x', true, true)).toBe(true);
    expect(shouldRegister('http://127.0.0.1:4173/', true, true)).toBe(true);
  });

  it('stays away from dev mode, file pages, browsers without service workers and ?sw=0', () => {
    expect(shouldRegister('http://127.0.0.1:5173/', true, false)).toBe(false);
    expect(shouldRegister('file:///home/t/tasklab/index.html', true, true)).toBe(false);
    expect(shouldRegister('https://school.example/', false, true)).toBe(false);
    expect(shouldRegister('https://school.example/?sw=0', true, true)).toBe(false);
  });
});
