import { join } from 'node:path';
import type { ImportSummary } from '../../../shared/api/library';
import { resourcesDir } from '../resources';
import { importToPath } from './importFiles';

/** The bundled sample library's files (see resources/sample/library/SOURCE.txt). */
export function sampleLibraryFiles(): { data: string[]; metadata: string } {
  const dir = join(resourcesDir(), 'sample', 'library');
  return {
    // Real: an OHID Fingertips download (OGL v3.0). Illustrative: a child-health basket, marked as such.
    data: [join(dir, 'campylobacter-93356-county-ua-2015-17.csv'), join(dir, 'child-health-illustrative.csv')],
    metadata: join(dir, 'child-health-illustrative-metadata.csv'),
  };
}

/** Builds the sample library at `targetPath` (created if missing) with the same import code users run. */
export function buildSampleLibrary(targetPath: string): Promise<ImportSummary> {
  const { data, metadata } = sampleLibraryFiles();
  return importToPath(targetPath, data, { metadataPath: metadata });
}
