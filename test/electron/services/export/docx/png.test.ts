import { describe, expect, it } from 'vitest';
import { svgToPng, unpackedPath } from '../../../../../electron/services/export/docx/png';

describe('PNG fallbacks for Word', () => {
  it('reads the bundled fonts from beside app.asar in a packaged app (native code cannot open files inside it)', () => {
    expect(unpackedPath('/opt/JSNA Studio/resources/app.asar/resources/fonts/LiberationSans-Regular.ttf')).toBe(
      '/opt/JSNA Studio/resources/app.asar.unpacked/resources/fonts/LiberationSans-Regular.ttf',
    );
    expect(unpackedPath('C:\\Program Files\\JSNA Studio\\resources\\app.asar\\resources\\fonts\\x.ttf')).toBe(
      'C:\\Program Files\\JSNA Studio\\resources\\app.asar.unpacked\\resources\\fonts\\x.ttf',
    );
    expect(unpackedPath('/work/repo/resources/fonts/x.ttf')).toBe('/work/repo/resources/fonts/x.ttf');
  });
  it('draws text with the bundled font (a PNG of a label is not blank)', async () => {
    const svg = (label: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="#fff"/><text x="5" y="28" font-family="Arial" font-size="20">${label}</text></svg>`;
    const withText = await svgToPng(svg('Leicester 49.7'), 200);
    const blank = await svgToPng(svg(''), 200);
    expect(withText.subarray(1, 4).toString()).toBe('PNG');
    // Glyphs drawn: the image holds far more than the same image without its label.
    expect(withText.length).toBeGreaterThan(blank.length * 2);
  });
});
