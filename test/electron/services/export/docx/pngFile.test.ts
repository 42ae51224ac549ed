import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { pngOfPixels } from '../../../../../electron/services/export/docx/pngFile';

describe('PNG files of rendered pixels', () => {
  it('writes a PNG that decodes to the same pixels', async () => {
    const width = 7;
    const height = 5;
    const pixels = Buffer.alloc(width * height * 4);
    for (let i = 0; i < width * height; i++) pixels.set([(i * 37) % 256, (i * 11) % 256, 255 - i, 255], i * 4);
    const png = await pngOfPixels(pixels, width, height);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // resvg decodes it (with its CRCs and zlib stream checked) as an image drawn at its own size.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
    const back = new Resvg(svg, { imageRendering: 1 }).render();
    expect([back.width, back.height]).toEqual([width, height]);
    expect(Buffer.from(back.pixels).equals(pixels)).toBe(true);
  });
});
