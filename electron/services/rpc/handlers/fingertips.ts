import { cancelJob, startJob } from '../../export/jobs';
import { DEFAULT_FINGERTIPS_URL, FINGERTIPS_URL_SETTING, resolveBaseUrl } from '../../fingertips/baseUrl';
import { listAreaTypes, listGroupIndicators, listGroups, listProfiles, planFetch, searchIndicators } from '../../fingertips/browse';
import { checkUpdates } from '../../fingertips/checkUpdates';
import { fetchToLibrary } from '../../fingertips/fetchData';
import { areaTypeNames, fingertipsClient } from '../../fingertips';
import type { HandlerSlice } from '../handler';
import type { Session } from '../session';

function client(session: Session) {
  return fingertipsClient(session.project?.getMeta(FINGERTIPS_URL_SETTING));
}

function address(session: Session) {
  const setting = session.project?.getMeta(FINGERTIPS_URL_SETTING);
  const url = resolveBaseUrl(setting);
  const from = process.env.JSNA_FINGERTIPS_URL?.trim() ? 'environment' : setting?.trim() ? 'project' : 'default';
  return { url, from } as const;
}

export const fingertipsHandlers: HandlerSlice<
  | 'fingertips.address'
  | 'fingertips.setAddress'
  | 'fingertips.search'
  | 'fingertips.profiles'
  | 'fingertips.groups'
  | 'fingertips.groupIndicators'
  | 'fingertips.areaTypes'
  | 'fingertips.plan'
  | 'fingertips.fetch'
  | 'fingertips.checkUpdates'
  | 'fingertips.cancel'
> = {
  'fingertips.address': (_input, { session }) => address(session),
  'fingertips.setAddress': ({ url }, { session }) => {
    const project = session.requireProject();
    // Checked first: a bad address is refused and the setting kept.
    const value = url === null || url === '' || url === DEFAULT_FINGERTIPS_URL ? '' : resolveBaseUrl(url, {});
    project.setMeta(FINGERTIPS_URL_SETTING, value);
    return address(session);
  },
  'fingertips.search': ({ words }, { session, signal }) => searchIndicators(client(session), words, signal),
  'fingertips.profiles': (_input, { session, signal }) => listProfiles(client(session), signal),
  'fingertips.groups': ({ profileId }, { session, signal }) => listGroups(client(session), profileId, signal),
  'fingertips.groupIndicators': ({ groupId }, { session, signal }) => listGroupIndicators(client(session), groupId, signal),
  'fingertips.areaTypes': ({ indicatorIds }, { session, signal }) => listAreaTypes(client(session), indicatorIds, signal),
  'fingertips.plan': async (req, { session, signal }) => {
    const { areaTypeName: _name, ...plan } = await planFetch(client(session), req, signal);
    return plan;
  },
  'fingertips.fetch': async ({ requests }, { session, jobId, signal }) => {
    const job = startJob(session, jobId, signal);
    try {
      const c = client(session);
      const summary = await fetchToLibrary(c, session.requireProject().libraryPath, requests, {
        signal: job.signal,
        areaTypeNames: await areaTypeNames(c, job.signal),
        createFolder: true,
        onProgress: jobId ? (p) => session.emit({ type: 'progress', jobId, ...p }) : undefined,
      });
      if (summary.vintages.length > 0 || summary.metadataIndicators > 0) session.emit({ type: 'library-changed' });
      return summary;
    } finally {
      job.end();
    }
  },
  'fingertips.checkUpdates': async (_input, { session, jobId, signal }) => {
    const job = startJob(session, jobId, signal);
    try {
      // Opens the library first so that a missing library is created empty, as elsewhere.
      session.library();
      return await checkUpdates(client(session), session.requireProject().libraryPath, {
        signal: job.signal,
        onProgress: jobId ? (p) => session.emit({ type: 'progress', jobId, ...p }) : undefined,
      });
    } finally {
      job.end();
    }
  },
  'fingertips.cancel': ({ jobId }, { session }) => ({ cancelled: cancelJob(session, jobId) }),
};
