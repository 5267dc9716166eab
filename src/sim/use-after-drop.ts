/**
 * A handle (JoinHandle, AbortHandle, CancellationToken, Runtime) used after it was dropped or
 * consumed. Rust's ownership rules make that impossible in a program rustc accepts, so reaching it
 * means the program moved a value and used it again: the interpreter reports it as rustc's E0382.
 */
export class UseAfterDrop extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UseAfterDrop';
  }
}
