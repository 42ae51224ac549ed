import type { CliCommand } from '../command';
import { demoCommands } from './demo';
import { docCommands } from './doc';
import { libraryCommands } from './library';
import { partnerCommands } from './partners';
import { recsCommands } from './recs';
import { renderCommands } from './render';

/** Every `jsna` command, one array per domain. */
export const commands: CliCommand[] = [...docCommands, ...libraryCommands, ...recsCommands, ...partnerCommands, ...renderCommands, ...demoCommands];
