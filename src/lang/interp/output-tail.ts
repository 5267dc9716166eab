/**
 * The last `keep` characters of a stream that may never end (a program printing in a loop). Text is
 * appended as it comes and cut back to the tail only when it has grown to twice the bound, so the
 * cost stays linear in what was written and the memory within 2 × keep.
 */
export class OutputTail {
  private buf = '';
  /** Characters cut from the front so far. */
  dropped = 0;

  constructor(private readonly keep: number) {}

  add(text: string): void {
    this.buf += text;
    if (this.buf.length > 2 * this.keep) this.trim();
  }

  text(): string {
    this.trim();
    return this.buf;
  }

  private trim(): void {
    const cut = this.buf.length - this.keep;
    if (cut <= 0) return;
    this.buf = this.buf.slice(cut);
    this.dropped += cut;
  }
}
