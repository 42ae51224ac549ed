import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areasWithSameParent, hasNeighbours } from '../../../../electron/services/library/areaSets';
import { importToPath } from '../../../../electron/services/library/importFiles';
import { openLibrary } from '../../../../electron/services/library/openLibrary';
import { useTempDir } from '../../../helpers/tmp';
import { REAL_FILE, realRecords } from './helpers';

describe('area sets for the compare chart', () => {
  const tmp = useTempDir();

  it("lists the areas of the same type with the area's parent, as the file names them; no neighbours are invented", async () => {
    const path = join(tmp(), 'library.jsnalib');
    await importToPath(path, [REAL_FILE]);
    const lib = openLibrary(path, { readOnly: true });
    try {
      const truth = new Set(realRecords().filter((r) => r['Parent Code'] === 'E12000004' && r['Area Type'] === 'County & UA').map((r) => r['Area Code']));
      const set = areasWithSameParent(lib.db, 'E06000016');
      expect(set.parentCode).toBe('E12000004');
      expect(new Set(set.codes)).toEqual(truth);
      expect(set.codes).toContain('E06000016');
      // England has no parent: no set.
      expect(areasWithSameParent(lib.db, 'E92000001')).toEqual({ parentCode: null, codes: [] });
      expect(areasWithSameParent(lib.db, 'E99999999')).toEqual({ parentCode: null, codes: [] });
      expect(hasNeighbours(lib.db, 'County & UA')).toBe(false);
    } finally {
      lib.close();
    }
  });
});
