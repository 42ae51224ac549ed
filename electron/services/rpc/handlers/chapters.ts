import {
  addChapter,
  deleteChapter,
  getChapter,
  listChapters,
  listDeletedChapters,
  moveChapter,
  renameChapter,
  restoreChapter,
  saveChapter,
} from '../../documents/chapters';
import { importTextAsChapter } from '../../documents/importText';
import { projectOutline } from '../../documents/outline';
import type { HandlerSlice } from '../handler';

export const chapterHandlers: HandlerSlice<
  | 'chapters.list'
  | 'chapters.add'
  | 'chapters.rename'
  | 'chapters.get'
  | 'chapters.save'
  | 'chapters.move'
  | 'chapters.delete'
  | 'chapters.restore'
  | 'chapters.deleted'
  | 'chapters.outline'
  | 'chapters.importText'
> = {
  'chapters.list': (_input, { session }) => listChapters(session.requireProject()),
  'chapters.add': ({ title }, { session }) => addChapter(session.requireProject(), title),
  'chapters.rename': ({ id, title }, { session }) => renameChapter(session.requireProject(), id, title),
  'chapters.get': ({ id }, { session }) => getChapter(session.requireProject(), id),
  'chapters.save': ({ id, doc, baseRevision }, { session }) => {
    const project = session.requireProject();
    const saved = saveChapter(project, id, doc, baseRevision);
    project.rememberLastChapter(id);
    session.edited();
    return saved;
  },
  'chapters.move': ({ id, toPosition }, { session }) => moveChapter(session.requireProject(), id, toPosition),
  'chapters.delete': ({ id }, { session }) => {
    deleteChapter(session.requireProject(), id);
    return null;
  },
  'chapters.restore': ({ id }, { session }) => restoreChapter(session.requireProject(), id),
  'chapters.deleted': (_input, { session }) => listDeletedChapters(session.requireProject()),
  'chapters.outline': (_input, { session }) => projectOutline(session.requireProject()),
  'chapters.importText': ({ title, text, allRecommendations }, { session }) =>
    importTextAsChapter(session.requireProject(), text, { title, ...(allRecommendations ? { allRecommendations } : {}) }),
};
