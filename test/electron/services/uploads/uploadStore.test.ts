import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { safeFileName, UploadStore } from '../../../../electron/services/uploads/uploadStore';

describe('UploadStore', () => {
  const store = new UploadStore();
  afterEach(() => store.close());

  it('keeps a sent file under its own name until it is used, then deletes it', async () => {
    const id = await store.save('Fingertips 93356.csv', Readable.from([Buffer.from('a,b\r\n'), Buffer.from('1,2\r\n')]));
    expect(store.waiting).toBe(1);
    const [file] = store.take([id]);
    expect(file!.name).toBe('Fingertips 93356.csv');
    expect(file!.path.endsWith('Fingertips 93356.csv')).toBe(true);
    expect(readFileSync(file!.path, 'utf8')).toBe('a,b\r\n1,2\r\n');
    store.discard([id]);
    expect(existsSync(dirname(file!.path))).toBe(false);
    expect(store.waiting).toBe(0);
    expect(() => store.take([id])).toThrow('A chosen file is no longer available; choose it again.');
  });

  it('refuses a file over the size limit and keeps nothing of it', async () => {
    await expect(store.save('big.csv', Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toThrow('big.csv is larger than');
    expect(store.waiting).toBe(0);
  });

  it('removes everything left when the session closes', async () => {
    const id = await store.save('a.csv', Readable.from([Buffer.from('x')]));
    const [file] = store.take([id]);
    store.close();
    expect(existsSync(file!.path)).toBe(false);
  });
});

describe('safeFileName', () => {
  it.each([
    ['campylobacter.csv', 'campylobacter.csv'],
    ['C:\\Users\\jo\\Downloads\\data.csv', 'data.csv'],
    ['../../etc/passwd', 'passwd'],
    ['..', 'upload'],
    ['', 'upload'],
    ['a\u0000b<c>.csv', 'a_b_c_.csv'],
  ])('%j → %j', (name, safe) => expect(safeFileName(name)).toBe(safe));
});
