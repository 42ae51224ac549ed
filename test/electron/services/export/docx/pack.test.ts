import { Document, type ImageRun, Paragraph } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { WordImage } from '../../../../../electron/services/export/docx/figure';
import { packDocx } from '../../../../../electron/services/export/docx/pack';
import { PictureRun } from '../../../../../electron/services/export/docx/pictureRun';
import { PlainTables } from '../../../../../electron/services/export/docx/plainTable';
import { pngOfPixels } from '../../../../../electron/services/export/docx/pngFile';

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');

function docWith(image: WordImage): Document {
  const run = new PictureRun(image, { width: 10, height: 10 }, { name: 'Figure 1', title: 't', description: 'd' }) as unknown as ImageRun;
  return new Document({ sections: [{ children: [new Paragraph({ children: [run] })] }] });
}
const mediaPng = (bytes: Buffer) => Object.entries(unzipSync(new Uint8Array(bytes))).find(([p]) => /^word\/media\/.*\.png$/.test(p))![1];

describe('packing the Word file', () => {
  it('writes the parts while a PNG fallback is still coming, and puts it in its place once ready', async () => {
    const image: WordImage = { svg, svgHash: 'a'.repeat(40), png: null, pngPlaceholder: Buffer.alloc(0), width: 10, height: 10 };
    const png = await pngOfPixels(Buffer.alloc(4 * 4, 200), 2, 2);
    // Long enough that packing the small document is done before it comes, even on a busy machine.
    const coming = new Promise<Buffer>((resolve) => setTimeout(() => resolve((image.png = png)), 1500));
    const { bytes, waitedMs } = await packDocx(docWith(image), new PlainTables(), new Date(), new Map([[image.pngPlaceholder, coming]]));
    expect(Buffer.from(mediaPng(bytes)).equals(png)).toBe(true);
    expect(waitedMs).toBeGreaterThan(50);
  });

  it('fails the export when a PNG fallback failed or was never made, rather than write an empty picture', async () => {
    const failing: WordImage = { svg, svgHash: 'b'.repeat(40), png: null, pngPlaceholder: Buffer.alloc(0), width: 10, height: 10 };
    await expect(packDocx(docWith(failing), new PlainTables(), new Date(), new Map([[failing.pngPlaceholder, Promise.reject(new Error('resvg failed'))]]))).rejects.toThrow(/resvg failed/);
    const never: WordImage = { ...failing, pngPlaceholder: Buffer.alloc(0) };
    await expect(packDocx(docWith(never), new PlainTables(), new Date())).rejects.toThrow(/left empty/);
  });
});
