import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { renderChartSvg } from '../../../../electron/services/charts/renderSvg';
import { activeSvgParts, isPlainSvg } from '../../../../electron/services/charts/staticSvg';

const HOSTILE = [
  '<IMG SRC=x OnErRoR=alert(5)>',
  '" autofocus onfocus=alert(29) "',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '&#106;avascript:alert(7) <a href="javascript:alert(8)">x</a>',
  "</text><script>alert(9)</script><text>",
  ']]><!-- --><?xml ?>',
];

/** A chart whose title, labels, tooltips, description and data all carry the payload. */
function hostileSpec(text: string): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text, subtitle: text },
    description: text,
    data: { values: [{ area: text, value: 1 }, { area: `${text} 2`, value: 2 }] },
    mark: { type: 'bar', tooltip: true },
    encoding: { y: { field: 'area', type: 'nominal', title: text }, x: { field: 'value', type: 'quantitative', title: text }, color: { field: 'area', type: 'nominal', legend: { title: text } } },
  } as TopLevelSpec;
}

describe('static SVG checks (issue 15 and the export fast path)', () => {
  it('vega escapes hostile titles, labels, legends, descriptions and data into text: plain SVG, nothing active', async () => {
    for (const text of HOSTILE) {
      const svg = await renderChartSvg(hostileSpec(text));
      expect(activeSvgParts(svg), text).toEqual([]);
      expect(isPlainSvg(svg), text).toBe(true);
      expect(svg).not.toMatch(/<(?:img|script|animate|a)\b/i);
    }
  });

  it('finds markup that really is active, and not text that only looks like it', () => {
    expect(activeSvgParts('<svg><text aria-label="&lt;img onerror=alert(1)&gt;">onclick=x</text></svg>')).toEqual([]);
    expect(activeSvgParts('<svg><g onclick="alert(1)"></g></svg>')).toEqual(['onclick=']);
    expect(activeSvgParts('<svg><script>alert(1)</script></svg>')).toEqual(['<script>']);
    expect(activeSvgParts('<svg><use href="#x"></use></svg>')).toEqual(['<use>', 'href=']);
    expect(activeSvgParts('<svg><g class="&#106;avascript:alert(1)"></g></svg>')).toEqual(['javascript: in class']);
    expect(activeSvgParts('<svg><!-- x --></svg>')).toEqual(['markup that is not plain SVG']);
  });

  it('calls plain only what our charts use: anything else goes to DOMPurify', () => {
    expect(isPlainSvg('<svg width="1" height="1"><g transform="translate(1,1)"><path d="M0,0"></path></g></svg>')).toBe(true);
    expect(isPlainSvg('<svg><style>*{}</style></svg>')).toBe(false);
    expect(isPlainSvg('<svg><rect style="fill:red"></rect></svg>')).toBe(false);
    expect(isPlainSvg('<svg><g clip-path="url(https://x/y)"></g></svg>')).toBe(false);
    expect(isPlainSvg('<svg><text>&bogus;</text></svg>')).toBe(false);
    expect(isPlainSvg('<div></div>')).toBe(false);
  });
});
