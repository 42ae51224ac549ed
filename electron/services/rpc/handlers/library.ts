import type { ImportSummary } from '../../../../shared/api/library';
import { listAreas } from '../../library/areas';
import { affectedCharts, describePreview } from '../../library/affectedCharts';
import { importToPath } from '../../library/importFiles';
import { getIndicatorDetail, listIndicators, updateIndicator } from '../../library/indicators';
import { libraryInfo } from '../../library/info';
import { queryChart } from '../../library/query';
import { listVintages, restoreVintage } from '../../library/vintages';
import type { HandlerSlice } from '../handler';

export const libraryHandlers: HandlerSlice<
  | 'library.info'
  | 'library.import'
  | 'library.previewImport'
  | 'library.vintages'
  | 'library.restoreVintage'
  | 'library.indicators'
  | 'library.indicator'
  | 'library.updateIndicator'
  | 'library.areas'
  | 'library.query'
> = {
  'library.info': (_input, { session }) => libraryInfo(session.library()),
  'library.import': (input, ctx) => runImport(input, ctx, false),
  'library.previewImport': async (input, ctx) => {
    const summary = await runImport(input, ctx, true);
    const affected = affectedCharts(ctx.session.requireProject(), summary);
    return { ...summary, affected, description: describePreview(summary, affected) };
  },
  'library.vintages': ({ indicatorId }, { session }) => listVintages(session.library().db, indicatorId),
  'library.restoreVintage': ({ vintageId }, { session }) => {
    const summary = restoreVintage(session.library().db, vintageId);
    session.emit({ type: 'library-changed' });
    return summary;
  },
  'library.indicators': ({ search, areaCode }, { session }) => listIndicators(session.library().db, { search, areaCode }),
  'library.indicator': ({ id, areaCode }, { session }) => getIndicatorDetail(session.library().db, id, areaCode),
  'library.updateIndicator': (patch, { session }) => {
    const meta = updateIndicator(session.library().db, patch);
    session.emit({ type: 'library-changed' });
    return meta;
  },
  'library.areas': ({ search, limit }, { session }) => listAreas(session.library().db, { search, limit }),
  'library.query': (input, { session }) => queryChart(session.library().db, input),
};

type ImportInput = Parameters<(typeof libraryHandlers)['library.import']>[0];
type Ctx = Parameters<(typeof libraryHandlers)['library.import']>[1];

async function runImport({ paths, uploads, format, metadataPath, metadataUpload }: ImportInput, { session, jobId, signal }: Ctx, dryRun: boolean): Promise<ImportSummary> {
  const used = metadataUpload ? [...uploads, metadataUpload] : uploads;
  let ok = false;
  try {
    const sent = session.uploads.take(uploads);
    const metadata = metadataUpload ? session.uploads.take([metadataUpload])[0]! : null;
    // Sent files are named as the person chose them, in messages and in the vintages recorded.
    const names = new Map([...sent, ...(metadata ? [metadata] : [])].map((f) => [f.path, f.name]));
    // Its own connection: the session's stays on the last committed state until this commits.
    const summary = await importToPath(session.requireProject().libraryPath, [...paths, ...sent.map((f) => f.path)], {
      format,
      metadataPath: metadata?.path ?? metadataPath,
      names,
      signal,
      createFolder: true,
      dryRun,
      onProgress: jobId ? (p) => session.emit({ type: 'progress', jobId, ...p }) : undefined,
    });
    if (!dryRun && (summary.vintages.length > 0 || summary.metadataIndicators > 0)) session.emit({ type: 'library-changed' });
    ok = true;
    return summary;
  } finally {
    // A preview that worked keeps the files for the import it precedes (else they go at session close).
    if (!dryRun || !ok) session.uploads.discard(used);
  }
  }
