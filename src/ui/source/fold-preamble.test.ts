import { describe, expect, it } from 'vitest';
import { preambleRange } from './fold-preamble.ts';

describe('preambleRange', () => {
  it('folds everything above #[tokio::main] but the blank lines before it', () => {
    const text = [
      '//! docs',
      'use tokio::time::sleep;',
      'struct Guard;',
      '',
      '#[tokio::main]',
      'async fn main() {}',
    ].join('\n');
    expect(preambleRange(text)).toEqual({ from: 1, to: 3 });
  });
  it('leaves a short preamble or a program without tokio::main alone', () => {
    expect(preambleRange('use std::fmt;\n\n#[tokio::main]\nasync fn main() {}')).toBeUndefined();
    expect(preambleRange('fn main() {}\n')).toBeUndefined();
  });
});
