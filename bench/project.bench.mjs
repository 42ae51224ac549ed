// Foundation benchmark: opening a project and saving a chapter through the real services
// (bundled with esbuild), vs raw better-sqlite3 doing the same SQL — the near-physical limit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle, requireFromRoot } from './bundle.mjs';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const ms = (x) => `${x.toFixed(3)} ms`;

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-bench-'));
  const svc = await loadBundle('project', `export * from './electron/services/project/project'; export * from './electron/services/documents/chapters';`);
  const Database = requireFromRoot('better-sqlite3');
  const path = join(dir, 'b.jsna');
  const p = svc.createProject(path, 'Bench');
  const ch = svc.addChapter(p, 'Chapter');
  const doc = { type: 'doc', content: Array.from({ length: 200 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${i} of a long chapter about child health outcomes in the area.` }] })) };
  p.close();

  const opens = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    svc.openProject(path).close();
    opens.push(performance.now() - t);
  }
  const rawOpens = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.close();
    rawOpens.push(performance.now() - t);
  }

  const proj = svc.openProject(path);
  let rev = svc.getChapter(proj, ch.id).revision;
  const saves = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    rev = svc.saveChapter(proj, ch.id, doc, rev).revision;
    saves.push(performance.now() - t);
  }
  proj.close();
  const db = new Database(path);
  db.pragma('synchronous = FULL');
  const stmt = db.prepare('UPDATE chapters SET doc = ?, revision = revision + 1 WHERE id = ?');
  const rawSaves = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    stmt.run(JSON.stringify(doc), ch.id);
    rawSaves.push(performance.now() - t);
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });

  const ratio = (a, b) => `${(median(a) / median(b)).toFixed(2)}×`;
  return {
    name: 'Project file (foundation)',
    notes: 'Peer: raw better-sqlite3 on the same file (no header check, lock file, migrations check or revision check).',
    rows: [
      { metric: 'open + close a project (median of 30)', ours: ms(median(opens)), peer: ms(median(rawOpens)), ratio: ratio(opens, rawOpens) },
      { metric: 'autosave of a 200-paragraph chapter (median of 100, synchronous=FULL)', ours: ms(median(saves)), peer: ms(median(rawSaves)), ratio: ratio(saves, rawSaves) },
    ],
  };
}
