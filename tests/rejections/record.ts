/** What `scripts/record-rejections.ts` writes beside each corpus program (`NNN_name.expected.json`). */
export interface RejectionRecord {
  /** `error` for a refused program; `warning` for one that built (then stdout and exitCode are set). */
  level: 'error' | 'warning';
  /** rustc's code (`E0382`, a lint such as `overflowing_literals`), or null when it gives none. */
  code: string | null;
  message: string;
  /** rustc's primary span, 1-based. */
  line: number;
  col: number;
  stdout?: string;
  exitCode?: number;
}
