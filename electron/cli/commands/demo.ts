import { writeDemoWorkspace } from '../../services/sample/sampleWorkspace';
import { type CliCommand, printJson } from '../command';

export const demoCommands: CliCommand[] = [
  {
    name: 'demo',
    summary:
      'Write a copy of the sample workspace into a folder: the sample project (Leicester recommendations, a "Measuring progress" chapter with live charts) and the sample indicator library it uses.',
    usage: '<dir>',
    positionals: 1,
    async run({ positionals }, io) {
      const { projectPath, libraryPath } = await writeDemoWorkspace(positionals[0]!);
      printJson(io, { project: projectPath, library: libraryPath });
    },
  },
];
