import type { MethodName } from '../../../../shared/api';
import type { HandlerSlice } from '../handler';
import { chapterHandlers } from './chapters';
import { projectHandlers } from './project';

/** Every method's implementation, one slice per domain. A missing method fails to compile. */
export const handlers: HandlerSlice<MethodName> = {
  ...projectHandlers,
  ...chapterHandlers,
};
