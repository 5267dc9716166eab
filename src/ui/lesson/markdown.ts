/**
 * Slide prose to HTML with `marked`. The markdown is the course's own, bundled at build time and
 * validated by src/lessons, so its HTML is trusted; links still open outside the deck.
 */
import { Marked } from 'marked';

const md = new Marked({ gfm: true, breaks: false, async: false });

export function renderMarkdown(text: string): string {
  const html = md.parse(text, { async: false });
  return html.replace(/<a href="(https?:)/g, '<a target="_blank" rel="noopener noreferrer" href="$1');
}
