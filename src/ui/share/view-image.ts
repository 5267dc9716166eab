/**
 * The current view as an image for slides (issue 7, "Export"): the view's SVG made standalone
 * (computed styles inlined, since the page's stylesheets do not travel with the file), or drawn
 * onto a canvas as PNG. Views that are not SVG are wrapped in a foreignObject for the SVG export.
 */

/** Presentation properties copied from computed style onto each SVG element. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

function inlineStyles(source: Element, target: Element): void {
  const cs = getComputedStyle(source);
  // Presentation attributes rather than a style attribute: the file needs no stylesheet, and the
  // page's CSP (which forbids style attributes) has nothing to object to.
  for (const p of PROPS) {
    const v = cs.getPropertyValue(p);
    if (v !== '' && !target.hasAttribute(p)) target.setAttribute(p, v);
  }
  const a = source.children;
  const b = target.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i], b[i]);
}

export interface ViewImage {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** A standalone SVG document of the first SVG in `root` (or of `root` itself as HTML). */
export function viewAsSvg(root: Element, background: string): ViewImage {
  const svg = root instanceof SVGSVGElement ? root : root.querySelector('svg');
  const box = (svg ?? root).getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const ns = 'http://www.w3.org/2000/svg';
  let out: Element;
  if (svg !== null) {
    out = svg.cloneNode(true) as Element;
    inlineStyles(svg, out);
  } else {
    out = document.createElementNS(ns, 'svg');
    const fo = document.createElementNS(ns, 'foreignObject');
    fo.setAttribute('width', '100%');
    fo.setAttribute('height', '100%');
    fo.append(root.cloneNode(true));
    out.append(fo);
  }
  out.setAttribute('xmlns', ns);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  if (!out.hasAttribute('viewBox')) out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  out.insertBefore(bg, out.firstChild);
  const text = new XMLSerializer().serializeToString(out);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${text}`, width, height };
}

/** Draws an SVG image onto a canvas at `scale` (2 for crisp slides) and encodes it as PNG. */
export async function svgToPng(image: ViewImage, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('this browser cannot draw on a canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b === null ? reject(new Error('PNG encoding failed')) : resolve(b)), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
