import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { RecentProject } from '../../../shared/api/files';

const MAX = 10;

interface Stored {
  path: string;
  title: string;
  openedAt: string;
}

function isStored(x: unknown): x is Stored {
  const r = x as Partial<Stored> | null;
  return typeof r?.path === 'string' && typeof r.title === 'string' && typeof r.openedAt === 'string';
}

/**
 * The projects opened lately, newest first, kept in `file` (recent-projects.json in the user's data
 * folder). With no file (tests, the CLI) the list lives in memory only. A damaged file is read as
 * empty and rewritten on the next open.
 */
export class RecentProjects {
  private memory: Stored[] = [];
  constructor(private readonly file: string | null = null) {}

  private read(): Stored[] {
    if (!this.file) return this.memory;
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      return Array.isArray(parsed) ? parsed.filter(isStored).slice(0, MAX) : [];
    } catch {
      return [];
    }
  }

  private write(list: Stored[]): void {
    if (!this.file) {
      this.memory = list;
      return;
    }
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.partial`;
      writeFileSync(temp, `${JSON.stringify(list, null, 2)}\n`);
      renameSync(temp, this.file);
    } catch {
      // Remembering is a convenience: never fail an open because the list could not be saved.
    }
  }

  list(): RecentProject[] {
    return this.read().map((r) => ({ ...r, exists: existsSync(r.path) }));
  }

  remember(path: string, title: string, now = new Date()): void {
    const full = resolve(path);
    const rest = this.read().filter((r) => r.path !== full);
    this.write([{ path: full, title, openedAt: now.toISOString() }, ...rest].slice(0, MAX));
  }
}
