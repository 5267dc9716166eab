/**
 * The Content-Security-Policy's style nonce (index.html): libraries that add <style> elements
 * from script (CodeMirror through `EditorView.cspNonce.of(cspStyleNonce())`, Vite's dev client on
 * its own) must put this nonce on them, or the policy blocks their styles.
 */

/** The nonce the page's csp-nonce meta publishes ('' when the page has none, e.g. in tests). */
export function cspStyleNonce(doc: Document = document): string {
  const meta = doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || meta?.getAttribute('nonce') || '';
}
