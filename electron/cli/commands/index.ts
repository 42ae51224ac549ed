import type { CliCommand } from '../command';
import { docCommands } from './doc';

/** Every `jsna` command, one array per domain. */
export const commands: CliCommand[] = [...docCommands];
