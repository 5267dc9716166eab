import { StyleModule } from 'style-mod';

/**
 * The dev server's style nonce (scripts/csp-plugin.ts draws one per start; a build has none, and
 * its policy allows no inline style): libraries that add <style> elements from script
 * (CodeMirror through `EditorView.cspNonce.of(cspStyleNonce())`, Vite's dev client on its own)
 * put it on them. CodeMirror is moved to constructed style sheets below, which need none.
 */

/** The nonce the page's csp-nonce meta publishes ('' when the page has none, e.g. in tests). */
export function cspStyleNonce(doc: Document = document): string {
  const meta = doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || meta?.getAttribute('nonce') || '';
}

type MountRoot = Parameters<typeof StyleModule.mount>[0];
let patched = false;

/**
 * Makes CodeMirror's styles CSP-safe without any nonce: style-mod puts a document's rules in a
 * <style> element (which a hash-only policy blocks, its text changing as editors mount) but a
 * shadow root's in a constructed style sheet, which CSP does not govern. So the document is
 * handed to `StyleModule.mount` as a root without `head` whose adopted sheets are the
 * document's. Idempotent; browsers without adoptedStyleSheets keep the <style> path.
 */
export function mountEditorStylesAsConstructedSheets(doc: Document = document): void {
  if (patched || !('adoptedStyleSheets' in doc)) return;
  patched = true;
  const docRoot = {
    ownerDocument: doc,
    get adoptedStyleSheets(): CSSStyleSheet[] {
      return doc.adoptedStyleSheets;
    },
    set adoptedStyleSheets(sheets: CSSStyleSheet[]) {
      doc.adoptedStyleSheets = sheets;
    },
  } as unknown as MountRoot;
  const mount = StyleModule.mount.bind(StyleModule);
  StyleModule.mount = (root, modules, options) => mount(root === doc ? docRoot : root, modules, options);
}
