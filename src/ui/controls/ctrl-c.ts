/** When the Ctrl-C button is offered (issue 17). */

/** The program listens for Ctrl-C: it calls `tokio::signal::ctrl_c()` (by any path). */
export function usesCtrlC(source: string): boolean {
  return /\bctrl_c\s*\(/.test(source);
}

/**
 * The lab offers the button for every program (a press without a handler kills it, exit status
 * 130, which is worth seeing); a course slide only where the program listens for Ctrl-C.
 */
export function offersCtrlC(scope: 'lab' | 'course', source: string): boolean {
  return scope === 'lab' || usesCtrlC(source);
}
