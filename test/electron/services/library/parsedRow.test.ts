import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../../electron/services/library/parsedRow';

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
});
