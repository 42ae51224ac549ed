import { describe, expect, it } from 'vitest';
import { digitCodes, glyphWidths } from '../../../../electron/services/export/pdfFontDigits';

describe('the digits of a font Chromium embedded', () => {
  it('finds each digit’s glyph in ToUnicode ranges, single entries and range arrays', () => {
    // As Chromium wrote it for Liberation Sans (digits in a range), plus the other two forms.
    const cmap = `1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n2 beginbfchar\n<0003> <0020>\n<0100> <0037>\nendbfchar\n
      3 beginbfrange\n<000F> <0019> <002C>\n<0040> <0041> [<0038> <0039>]\n<0044> <005C> <0061>\nendbfrange`;
    const codes = digitCodes(cmap);
    expect(Object.fromEntries(codes)).toEqual({
      '0': '0013', '1': '0014', '2': '0015', '3': '0016', '4': '0017', '5': '0018', '6': '0019', '7': '0100', '8': '0040', '9': '0041',
    });
  });

  it('leaves out digits the subset does not hold', () => {
    expect([...digitCodes('1 beginbfrange\n<0013> <0015> <0030>\nendbfrange').keys()]).toEqual(['0', '1', '2']);
  });

  it('reads glyph widths in both forms of /W', () => {
    const w = glyphWidths('<</W [0 [365.23438 0 0 277.83203] 19 28 556.15234 29 30 277.83203 645 [604.00391]]\n/DW 500>>');
    expect(w.get(0)).toBe(365.23438);
    expect(w.get(3)).toBe(277.83203);
    expect(w.get(19)).toBe(556.15234);
    expect(w.get(28)).toBe(556.15234);
    expect(w.get(30)).toBe(277.83203);
    expect(w.get(645)).toBe(604.00391);
    expect(w.has(31)).toBe(false);
  });
});
