import { exportActionList } from '../../export/actionList';
import { listRegister, registerRow } from '../../recommendations/register';
import { setStatus, statusHistory } from '../../recommendations/status';
import type { HandlerSlice } from '../handler';

export const registerHandlers: HandlerSlice<'register.list' | 'register.get' | 'register.setStatus' | 'register.history' | 'register.export'> = {
  'register.list': (query, { session }) => listRegister(session.requireProject(), query),
  'register.get': ({ id }, { session }) => registerRow(session.requireProject(), id),
  'register.setStatus': (change, { session }) => {
    const row = setStatus(session.requireProject(), change);
    session.emit({ type: 'register-changed', chapterIds: [] });
    return row;
  },
  'register.history': ({ id }, { session }) => statusHistory(session.requireProject(), id),
  'register.export': (query, { session }) => exportActionList(session.requireProject(), query),
};
