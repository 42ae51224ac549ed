import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../../electron/services/shellQuote';

describe('paths in the commands we suggest can be pasted into a shell', () => {
  it('leaves plain paths alone and quotes the rest so the shell reads them back unchanged', () => {
    expect(shellQuote('/tmp/w/p.jsna')).toBe('/tmp/w/p.jsna');
    for (const path of ['/tmp/w/Sample JSNA.jsna', "/tmp/O'Neil's JSNA.jsna", '/tmp/$HOME `x`.jsna']) {
      expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(path)}`], { encoding: 'utf8' })).toBe(path);
    }
  });
});
