import { listAreas } from '../../library/areas';
import { importToPath } from '../../library/importFiles';
import { getIndicatorDetail, listIndicators, updateIndicator } from '../../library/indicators';
import { libraryInfo } from '../../library/info';
import { queryChart } from '../../library/query';
import type { HandlerSlice } from '../handler';

export const libraryHandlers: HandlerSlice<
  | 'library.info'
  | 'library.import'
  | 'library.indicators'
  | 'library.indicator'
  | 'library.updateIndicator'
  | 'library.areas'
  | 'library.query'
> = {
  'library.info': (_input, { session }) => libraryInfo(session.library()),
  'library.import': async ({ paths, format, metadataPath }, { session, jobId, signal }) => {
    // Its own connection: the session's stays on the last committed state until this commits.
    const summary = await importToPath(session.requireProject().libraryPath, paths, {
      format,
      metadataPath,
      signal,
      createFolder: true,
      onProgress: jobId ? (p) => session.emit({ type: 'progress', jobId, ...p }) : undefined,
    });
    if (summary.vintages.length > 0 || summary.metadataIndicators > 0) session.emit({ type: 'library-changed' });
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
