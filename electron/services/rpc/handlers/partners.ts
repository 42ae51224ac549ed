import { addPartner, deletePartner, editPartner, listPartners, mergePartners, partnerUsage, renamePartner } from '../../partners/directory';
import type { HandlerSlice } from '../handler';
import type { Session } from '../session';

/** The directory changed (the editor's partner list reloads on project-changed); so may have chapters. */
function directoryChanged(session: Session, chapterIds: string[] = []): void {
  session.emit({ type: 'project-changed' });
  session.emit({ type: 'register-changed', chapterIds });
}

export const partnerHandlers: HandlerSlice<
  'partners.list' | 'partners.add' | 'partners.edit' | 'partners.rename' | 'partners.merge' | 'partners.delete' | 'partners.usage'
> = {
  'partners.list': (_input, { session }) => listPartners(session.requireProject()),
  'partners.add': (input, { session }) => {
    const result = addPartner(session.requireProject(), input);
    directoryChanged(session);
    return result;
  },
  'partners.edit': (input, { session }) => {
    const result = editPartner(session.requireProject(), input);
    directoryChanged(session);
    return result;
  },
  'partners.rename': ({ code, newCode }, { session }) => {
    const result = renamePartner(session.requireProject(), code, newCode);
    directoryChanged(session, result.chapterIds);
    return result;
  },
  'partners.merge': ({ from, into }, { session }) => {
    const result = mergePartners(session.requireProject(), from, into);
    directoryChanged(session, result.chapterIds);
    return result;
  },
  'partners.delete': ({ code }, { session }) => {
    deletePartner(session.requireProject(), code);
    directoryChanged(session);
    return null;
  },
  'partners.usage': ({ code }, { session }) => partnerUsage(session.requireProject(), code),
};
