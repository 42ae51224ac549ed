import { addChapter, getChapter, listChapters, renameChapter, saveChapter } from '../../documents/chapters';
import type { HandlerSlice } from '../handler';

export const chapterHandlers: HandlerSlice<'chapters.list' | 'chapters.add' | 'chapters.rename' | 'chapters.get' | 'chapters.save'> = {
  'chapters.list': (_input, { session }) => listChapters(session.requireProject()),
  'chapters.add': ({ title }, { session }) => addChapter(session.requireProject(), title),
  'chapters.rename': ({ id, title }, { session }) => renameChapter(session.requireProject(), id, title),
  'chapters.get': ({ id }, { session }) => getChapter(session.requireProject(), id),
  'chapters.save': ({ id, doc, baseRevision }, { session }) => saveChapter(session.requireProject(), id, doc, baseRevision),
};
