import type { CliCommand } from '../command';
import { demoCommands } from './demo';
import { docCommands } from './doc';
import { fingertipsCommands } from './fingertips';
import { libraryCommands } from './library';
import { partnerCommands } from './partners';
import { recsCommands } from './recs';
import { renderCommands } from './render';

/** Every `jsna` command, one array per domain. */
export const commands: CliCommand[] = [...docCommands, ...libraryCommands, ...fingertipsCommands, ...recsCommands, ...partnerCommands, ...renderCommands, ...demoCommands];
