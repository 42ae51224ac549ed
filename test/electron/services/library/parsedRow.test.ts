import { describe, expect, it } from 'vitest';
import { parseNumber, PLAIN_NUMBER } from '../../../../electron/services/library/parsedRow';

const read = (text: string | undefined) => parseNumber(text, 'Value', 'file.csv', 7);

describe('parseNumber', () => {
  it('reads the forms a download writes', () => {
    expect(read('51.6636935434328')).toBe(51.6636935434328);
    expect(read('342627')).toBe(342627);
    expect(read('5.')).toBe(5);
    expect(read('.5')).toBe(0.5);
    expect(read('-1.5')).toBe(-1.5);
    expect(read('+2')).toBe(2);
    expect(read('1.5e-3')).toBe(0.0015);
    expect(read(' 12 ')).toBe(12);
    expect(read('342,627')).toBe(342627);
  });

  it('keeps empty fields missing, never 0', () => {
    expect(read(undefined)).toBeNull();
    expect(read('')).toBeNull();
    expect(read('   ')).toBeNull();
  });

  it.each(['.', '1.2.3', 'abc', '12a', '1,23', '1e400', '9'.repeat(400), '0x10', 'Infinity', 'NaN', '1 000'])('refuses %j, naming the file, line and column', (text) => {
    expect(() => read(text)).toThrow(`file.csv:7: column "Value": ${JSON.stringify(text)} is not a number.`);
  });

  it('takes exactly the numbers PLAIN_NUMBER describes (or grouped by thousands): 200,000 generated fields agree', () => {
    // The reference: trimmed as parseNumber trims (when a space or tab shows), then the regular expression and a finite value.
    const reference = (text: string): number | null | 'refused' => {
      const t = text.startsWith(' ') || text.endsWith(' ') || text.includes('\t') ? text.trim() : text;
      if (t === '') return null;
      if (PLAIN_NUMBER.test(t)) return Number.isFinite(Number(t)) ? Number(t) : 'refused';
      if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
      return 'refused';
    };
    const alphabet = ['0', '1', '5', '9', '.', 'e', 'E', '+', '-', 'x', 'X', 'b', 'o', ' ', '\t', '\n', ',', 'a', '\u00a0', '_', 'I'];
    let seed = 7;
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const distinct = new Set<string>();
    let compared = 0;
    for (let i = 0; i < 200_000; i++) {
      let text = '';
      const length = 1 + next(8);
      for (let k = 0; k < length; k++) text += alphabet[next(alphabet.length)];
      distinct.add(text);
      const expected = reference(text);
      let actual: number | null | 'refused';
      try {
        actual = read(text);
      } catch {
        actual = 'refused';
      }
      if (actual !== expected && !(Number.isNaN(actual) && Number.isNaN(expected))) throw new Error(`${JSON.stringify(text)}: ${String(actual)}, expected ${String(expected)}`);
      if (typeof expected === 'number') compared++;
    }
    expect(distinct.size).toBeGreaterThan(100_000);
    expect(compared).toBeGreaterThan(1000);
  });
});
