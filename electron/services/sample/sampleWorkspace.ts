import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DocJson } from '../../../shared/api/chapters';
import { AppError } from '../../../shared/api/errors';
import { addChapter } from '../documents/chapters';
import { importTextAsChapter } from '../documents/importText';
import { buildSampleLibrary } from '../library/sampleLibrary';
import { createProject, type Project } from '../project/project';
import { resourcesDir } from '../resources';
import { decodeText } from '../text/decodeText';

/**
 * The bundled sample workspace (resources/sample/, see SOURCE.txt there): a project whose chapters
 * are tiptap documents or imported text, with charts that reference the sample indicator library.
 */
type SampleChapter =
  | { title: string; doc: DocJson }
  /** A text file in resources/sample/, imported as "Import text…" does (tags → recommendations). */
  | { title: string; importText: string; dropLeadingLines?: string[] };

interface SampleSpec {
  title: string;
  /** Title page settings, stored as project settings (area, authors, version). */
  titlePage?: { area?: string; authors?: string; version?: string };
  chapters: SampleChapter[];
}

export const SAMPLE_PROJECT_FILE = 'Sample JSNA.jsna';
export const SAMPLE_LIBRARY_FILE = 'Sample indicator library.jsnalib';

export function sampleDir(): string {
  return join(resourcesDir(), 'sample');
}

function readSpec(): SampleSpec {
  return JSON.parse(readFileSync(join(sampleDir(), 'sample-project.json'), 'utf8')) as SampleSpec;
}

/** A sample text file, without the lines of web-page furniture the spec names (e.g. "Skip to content"). */
function sampleText(file: string, drop: string[] = []): string {
  const { text } = decodeText(readFileSync(join(sampleDir(), file)));
  let out = text.replace(/^\uFEFF/, '');
  for (const line of drop) {
    const escaped = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`^\\s*${escaped}[ \\t]*\\r?\\n`), '');
  }
  return out;
}

/**
 * Writes a new copy of the bundled sample project to `targetPath` and returns it, open. Its charts
 * need the sample library: pass `libraryPath` (see createSampleWorkspace) to point the project at it.
 */
export function createSampleProject(targetPath: string, opts: { libraryPath?: string } = {}): Project {
  const spec = readSpec();
  const project = createProject(targetPath, spec.title);
  try {
    project.db.transaction(() => {
      if (spec.titlePage?.area) project.setMeta('area', spec.titlePage.area);
      if (spec.titlePage?.authors) project.setMeta('authors', spec.titlePage.authors);
      if (spec.titlePage?.version) project.setMeta('version', spec.titlePage.version);
      if (opts.libraryPath) project.setMeta('library_path', resolve(opts.libraryPath));
      for (const chapter of spec.chapters) {
        if ('doc' in chapter) addChapter(project, chapter.title, chapter.doc);
        else importTextAsChapter(project, sampleText(chapter.importText, chapter.dropLeadingLines), { title: chapter.title });
      }
    })();
  } catch (e) {
    project.close();
    throw e;
  }
  return project;
}

export interface SampleWorkspace {
  projectPath: string;
  libraryPath: string;
}

/**
 * The sample workspace in `dir`: the sample indicator library (built with the same import code users
 * run) and the sample project pointing at it. Files already there are kept (only what is missing is
 * made), so the app can call this on every start.
 */
export async function createSampleWorkspace(dir: string): Promise<SampleWorkspace> {
  mkdirSync(dir, { recursive: true });
  const projectPath = join(resolve(dir), SAMPLE_PROJECT_FILE);
  const libraryPath = join(resolve(dir), SAMPLE_LIBRARY_FILE);
  if (!existsSync(libraryPath)) await buildSampleLibrary(libraryPath);
  if (!existsSync(projectPath)) createSampleProject(projectPath, { libraryPath }).close();
  return { projectPath, libraryPath };
}

/** `demo <dir>`: a fresh copy of the sample workspace; refuses to overwrite one already there. */
export async function writeDemoWorkspace(dir: string): Promise<SampleWorkspace> {
  const target = resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new AppError('BAD_INPUT', `${target} is a file, not a folder; give a new or empty folder for the demo workspace.`, { file: target });
  }
  for (const f of [SAMPLE_PROJECT_FILE, SAMPLE_LIBRARY_FILE]) {
    if (existsSync(join(target, f))) {
      throw new AppError('BAD_INPUT', `${join(target, f)} already exists; choose an empty folder for the demo workspace.`, { file: join(target, f) });
    }
  }
  return createSampleWorkspace(target);
}
