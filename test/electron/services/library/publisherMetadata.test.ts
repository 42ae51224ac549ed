import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importToPath } from '../../../../electron/services/library/importFiles';
import { getIndicatorDetail } from '../../../../electron/services/library/indicators';
import { readLibrary } from '../../../helpers/library';
import { useTempDir } from '../../../helpers/tmp';

const DATA = join(__dirname, '..', '..', '..', 'fixtures', 'fingertips', 'campylobacter-93356-county-ua-2015-17.csv');

/** The publisher's metadata (a Fingertips fetch) is refreshed by the next; the analyst's own is never replaced by it. */
describe("the publisher's metadata and the analyst's", () => {
  const tmp = useTempDir();
  const lib = () => join(tmp(), 'lib.jsnalib');
  const metaFile = (name: string, csv: string) => {
    const p = join(tmp(), name);
    writeFileSync(p, csv);
    return p;
  };
  const meta = () => readLibrary(lib(), (db) => getIndicatorDetail(db, '93356').meta);
  const publisher = (definition: string, polarity: string) =>
    importToPath(lib(), [], { metadataPath: metaFile('publisher.csv', `indicator_id,definition,polarity\r\n93356,${definition},${polarity}\r\n`), metadataByPublisher: true });

  it('a later fetch refreshes the publisher’s own; then the analyst’s file wins, field group by field group', async () => {
    await importToPath(lib(), [DATA], { createFolder: true });
    await publisher('Definition A', 'low-is-good');
    expect(meta()).toMatchObject({ definition: 'Definition A', polarity: 'low-is-good' });
    await publisher('Definition B', 'high-is-good');
    expect(meta()).toMatchObject({ definition: 'Definition B', polarity: 'high-is-good' });

    // The analyst sets only the polarity: the publisher's definition still refreshes, the polarity stays theirs.
    await importToPath(lib(), [], { metadataPath: metaFile('ours.csv', 'indicator_id,polarity\r\n93356,low-is-good\r\n') });
    await publisher('Definition C', 'high-is-good');
    expect(meta()).toMatchObject({ definition: 'Definition C', polarity: 'low-is-good' });

    // …and then the definition too: neither is replaced by the next fetch, nor the one after.
    await importToPath(lib(), [], { metadataPath: metaFile('ours2.csv', 'indicator_id,definition\r\n93356,Our local definition\r\n') });
    for (const d of ['Definition D', 'Definition E']) {
      await publisher(d, 'high-is-good');
      expect(meta()).toMatchObject({ definition: 'Our local definition', polarity: 'low-is-good' });
    }
  });
});
