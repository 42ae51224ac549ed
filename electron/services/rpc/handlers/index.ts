import type { MethodName } from '../../../../shared/api';
import type { HandlerSlice } from '../handler';
import { chapterHandlers } from './chapters';
import { chartHandlers } from './charts';
import { exportHandlers } from './export';
import { fileHandlers } from './files';
import { fingertipsHandlers } from './fingertips';
import { libraryHandlers } from './library';
import { partnerHandlers } from './partners';
import { projectHandlers } from './project';
import { registerHandlers } from './register';

/** Every method's implementation, one slice per domain. A missing method fails to compile. */
export const handlers: HandlerSlice<MethodName> = {
  ...projectHandlers,
  ...fileHandlers,
  ...chapterHandlers,
  ...exportHandlers,
  ...libraryHandlers,
  ...partnerHandlers,
  ...registerHandlers,
  ...chartHandlers,
  ...fingertipsHandlers,
};
