import Database from 'better-sqlite3';
import { PROJECT_APPLICATION_ID } from '../db/kinds';
import { getNativeBinding } from '../db/nativeBinding';

/** Why a backup file is not a sound project, or null when it is (integrity_check ok and the project application_id). */
export function backupProblem(path: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: getNativeBinding() });
    const appId = db.pragma('application_id', { simple: true });
    if (appId !== PROJECT_APPLICATION_ID) return `${path} is not a JSNA project (application_id ${String(appId)})`;
    const rows = db.pragma('integrity_check(5)') as Array<{ integrity_check: string }>;
    const bad = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    return bad.length ? `${path} failed its integrity check: ${bad.join('; ')}` : null;
  } catch (e) {
    return `${path} cannot be read: ${(e as Error).message}`;
  } finally {
    db?.close();
  }
}
