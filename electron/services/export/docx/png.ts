import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { resourcesDir } from '../../resources';
import { pngOfPixels } from './pngFile';

/**
 * The PNG fallback of a chart's SVG, for Word versions that cannot draw SVG: rasterised in Node by
 * resvg (no browser), at twice the size it is shown for a sharp print. resvg draws no text without
 * a font, and system fonts differ between machines, so it uses only the bundled Liberation Sans
 * (resources/fonts/, metric-compatible with Arial, whose widths the charts are laid out with).
 */
let fontFiles: string[] | null = null;

/** In a packaged app the fonts are unpacked beside app.asar (electron-builder.yml: asarUnpack), where native code can open them. */
export function unpackedPath(path: string): string {
  return path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

function fonts(): string[] {
  fontFiles ??= ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'].map((f) => unpackedPath(join(resourcesDir(), 'fonts', f)));
  return fontFiles;
}

/** Rasterised off this thread (resvg on libuv's pool), then encoded (pngFile.ts). */
export async function svgToPng(svg: string, widthPx: number): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.round(widthPx * 2) },
    background: '#ffffff',
    font: { fontFiles: fonts(), loadSystemFonts: false, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
  });
  return pngOfPixels(image.pixels, image.width, image.height);
}
