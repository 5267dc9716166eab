/**
 * The page's Content-Security-Policy (issue 7; issue 14 "hashes, not a fixed nonce"), written
 * into index.html by Vite. Everything loads from this origin only; no eval'd script, no style
 * attributes in markup, no third-party requests. An inline <script> or <style> is allowed only by
 * the sha256 of its exact text, computed from the final HTML — so the built app, which has none,
 * allows none. The dev server alone also needs Vite's injected <style> elements: for those it
 * publishes a nonce drawn at random when it starts (Vite's `html.cspNonce`), never a fixed one.
 * frame-ancestors cannot be set from a meta tag: see src/embed/README.md for the header to send.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Plugin } from 'vite';

const FIXED = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hashes of the inline elements `tag` in `html` (elements with a `src` are not inline). */
export function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi');
  for (const m of html.matchAll(re)) {
    if (/\ssrc\s*=/.test(m[1]) || m[2] === '') continue;
    out.push(sha256(m[2]));
  }
  return [...new Set(out)];
}

/** The policy for `html`: its inline scripts and styles by hash, plus `styleNonce` when given. */
export function policyFor(html: string, styleNonce?: string): string {
  const script = ["'self'", ...inlineHashes(html, 'script')];
  const style = ["'self'", ...inlineHashes(html, 'style'), ...(styleNonce ? [`'nonce-${styleNonce}'`] : [])];
  return [FIXED[0], `script-src ${script.join(' ')}`, `style-src ${style.join(' ')}`, ...FIXED.slice(1)].join('; ');
}

const META = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i;

export function cspPlugin(): Plugin {
  // Drawn once per dev-server start; in a build there is none.
  let devNonce: string | undefined;
  return {
    name: 'task-lab-csp',
    config(_config, env) {
      if (env.command !== 'serve') return undefined;
      devNonce = randomBytes(18).toString('base64url');
      return { html: { cspNonce: devNonce } };
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const clean = html.replace(META, '');
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(clean, devNonce)}" />`;
        // First in <head>: a meta policy governs only what follows it.
        return clean.replace(/<head>/i, `<head>\n    ${meta}`);
      },
    },
  };
}
