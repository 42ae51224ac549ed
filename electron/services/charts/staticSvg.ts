/**
 * What an SVG string holds, read tag by tag and attribute by attribute (quoted values skipped as
 * values), so text inside an attribute — an indicator named `<img onerror=…>` in an aria-label — is
 * never mistaken for markup. Two uses:
 *  - `activeSvgParts`: what would run or fetch (script, foreignObject, image, use, on… handlers,
 *    href, javascript:); the chart renderer refuses a chart with any.
 *  - `isPlainSvg`: the SVG is made only of the elements and attributes vega's string renderer
 *    writes for our charts, with well-formed entities and no comments, CDATA or processing
 *    instructions. Such an SVG is inert as it is (every piece of text in it is escaped text), so
 *    export need not run DOMPurify over it; anything else still goes through DOMPurify.
 */

const ELEMENTS = new Set(['svg', 'g', 'path', 'rect', 'line', 'text', 'tspan', 'circle', 'ellipse', 'polygon', 'polyline', 'defs', 'clippath', 'title', 'desc']);
const ATTRIBUTES = new Set([
  'xmlns', 'xmlns:xlink', 'version', 'class', 'role', 'width', 'height', 'viewbox', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'dx', 'dy', 'd', 'points',
  'transform', 'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'opacity', 'display', 'pointer-events', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'text-anchor', 'dominant-baseline',
  'letter-spacing', 'paint-order', 'shape-rendering', 'id', 'clip-path', 'aria-label', 'aria-labelledby', 'aria-describedby', 'aria-roledescription', 'aria-hidden',
]);
const ACTIVE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'image', 'use', 'a', 'animate', 'set', 'animatemotion', 'animatetransform', 'handler', 'style']);
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/i;

interface Tag {
  name: string;
  attrs: [string, string][];
}

/** The opening tags of `svg`, or null when it is not plain markup (comments, CDATA, <!…>, <?…?>, a broken tag, a bad entity). */
function readTags(svg: string): Tag[] | null {
  const tags: Tag[] = [];
  let i = 0;
  const entitiesOk = (s: string) => {
    for (let k = s.indexOf('&'); k !== -1; k = s.indexOf('&', k + 1)) if (!ENTITY.test(s.slice(k, k + 12))) return false;
    return true;
  };
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    const text = svg.slice(i, lt === -1 ? svg.length : lt);
    if (!entitiesOk(text)) return null;
    if (lt === -1) break;
    const m = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)/.exec(svg.slice(lt, lt + 64));
    if (!m) return null;
    let j = lt + m[0].length;
    const attrs: [string, string][] = [];
    for (;;) {
      const rest = svg.slice(j);
      const end = /^\s*(\/?)>/.exec(rest);
      if (end) {
        j += end[0].length;
        break;
      }
      const a = /^\s+([A-Za-z_:][A-Za-z0-9_:.-]*)="([^"]*)"/.exec(rest);
      if (!a || m[1]) return null;
      if (!entitiesOk(a[2]!)) return null;
      attrs.push([a[1]!.toLowerCase(), a[2]!]);
      j += a[0].length;
    }
    if (!m[1]) tags.push({ name: m[2]!.toLowerCase(), attrs });
    i = j;
  }
  return tags;
}

const decode = (v: string) =>
  v.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (e, x: string) => {
    if (x[0] === '#') return String.fromCodePoint(x[1]?.toLowerCase() === 'x' ? parseInt(x.slice(2), 16) : parseInt(x.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[x.toLowerCase()] ?? e;
  });

/** What in the SVG would run or fetch, each as a short description (empty: nothing). Unreadable markup counts as active. */
export function activeSvgParts(svg: string): string[] {
  const tags = readTags(svg);
  if (!tags) return ['markup that is not plain SVG'];
  const out: string[] = [];
  for (const t of tags) {
    if (ACTIVE_ELEMENTS.has(t.name)) out.push(`<${t.name}>`);
    for (const [name, raw] of t.attrs) {
      if (/^on/.test(name)) out.push(`${name}=`);
      else if (name === 'href' || name === 'xlink:href' || name === 'src') out.push(`${name}=`);
      else if (/^\s*javascript:/i.test(decode(raw).replace(/[\s\u0000-\u001f]/g, ''))) out.push(`javascript: in ${name}`);
    }
  }
  return out;
}

/** Only the elements and attributes our charts use, with url() only to in-page ids: inert without sanitising. */
export function isPlainSvg(svg: string): boolean {
  const tags = readTags(svg);
  if (!tags || tags[0]?.name !== 'svg') return false;
  return tags.every((t) => ELEMENTS.has(t.name) && t.attrs.every(([name, v]) => ATTRIBUTES.has(name) && (!/url\(/i.test(v) || /^url\(#[A-Za-z0-9_-]+\)$/.test(v))));
}
