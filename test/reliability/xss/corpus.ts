import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The XSS corpus: a fixture list of classic vectors (test/fixtures/xss/payloads.txt) plus payloads
 * built from vector families (tags × event handlers, URL schemes × URL attributes, attribute
 * breakouts, SVG/MathML namespace tricks, encodings). Each payload calls alert(N) with its own N,
 * so an execution can be traced back to the payload.
 */
export interface Payload {
  n: number;
  family: string;
  text: string;
}

const TAGS = ['img', 'svg', 'body', 'video', 'audio', 'iframe', 'input', 'details', 'object', 'marquee', 'div', 'a', 'math', 'style', 'select', 'textarea'];
const EVENTS = ['onerror', 'onload', 'onfocus', 'onmouseover', 'onclick', 'ontoggle', 'onbegin', 'onanimationstart', 'onpointerenter', 'onfocusin', 'onauxclick', 'OnErRoR', 'onmouseenter', 'onwheel', 'onkeydown', 'onplay', 'onscroll', 'onblur', 'onchange', 'onresize'];
const SCHEMES = ['javascript:alert(N)', 'JaVaScRiPt:alert(N)', ' javascript:alert(N)', 'java\tscript:alert(N)', '&#x6A;avascript:alert(N)', 'data:text/html,<script>alert(N)</script>', 'vbscript:msgbox(N)', 'javascript&colon;alert(N)'];
const URL_ATTRS = [['a', 'href'], ['iframe', 'src'], ['img', 'src'], ['form', 'action'], ['object', 'data'], ['embed', 'src'], ['svg><a', 'xlink:href'], ['area', 'href'], ['base', 'href'], ['link', 'href']];
const BREAKOUTS = ['"><img src=x onerror=alert(N)>', "'><img src=x onerror=alert(N)>", '" onmouseover="alert(N)', "' onfocus='alert(N)' autofocus='", '</p><script>alert(N)</script><p>', ']]><script>alert(N)</script>', '--><script>alert(N)</script><!--', '`><img src=x onerror=alert(N)>', '&lt;script&gt;alert(N)&lt;/script&gt;', '\u0000<script>alert(N)</script>'];
const NAMESPACE = [
  '<svg><style><img src=x onerror=alert(N)></style></svg>',
  '<math><style><img src=x onerror=alert(N)></style></math>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(N)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(N)>',
  '<svg><desc><img src=x onerror=alert(N)></desc></svg>',
  '<math><annotation-xml encoding="text/html"><img src=x onerror=alert(N)></annotation-xml></math>',
  '<svg><title><img src=x onerror=alert(N)></title></svg>',
  '<noembed><img title="</noembed><img src=x onerror=alert(N)>"></noembed>',
  '<xmp><img title="</xmp><img src=x onerror=alert(N)>"></xmp>',
  '<svg><animate attributeName="href" values="javascript:alert(N)" /><a><text>x</text></a></svg>',
];

export function buildCorpus(): Payload[] {
  const raw: Array<[string, string]> = [];
  const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'xss', 'payloads.txt'), 'utf8').split('\n').filter(Boolean);
  for (const line of fixture) raw.push(['fixture', line.replace(/__N__/g, 'N')]);
  for (const tag of TAGS) for (const ev of EVENTS) raw.push(['tag × handler', `<${tag} src=x ${ev}=alert(N)>`]);
  for (const [tag, attr] of URL_ATTRS) for (const s of SCHEMES) raw.push(['scheme × URL attribute', `<${tag} ${attr}="${s}">x</${tag!.split('><').pop()}>`]);
  for (const b of BREAKOUTS) for (const wrap of ['', 'Leicester ', 'x" y="', '<b>', "' "]) raw.push(['attribute breakout', wrap + b]);
  for (const ns of NAMESPACE) raw.push(['SVG/MathML', ns]);
  for (const ev of EVENTS) raw.push(['entity-encoded handler', `&lt;img src=x ${ev}=alert(N)&gt;`]);
  for (const ev of EVENTS) raw.push(['quoted handler', `" ${ev}=alert(N) x="`]);
  return raw.map(([family, text], i) => ({ n: i + 1, family, text: text.replace(/\bN\b/g, String(i + 1)).replace(/alert\(N\)/g, `alert(${i + 1})`) }));
}
