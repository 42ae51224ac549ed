import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appliedMigrations, migrate, pendingMigrations } from '../../../../electron/services/db/migrate';

const m = (name: string, sql: string) => ({ name, sql });

describe('migrations', () => {
  it('applies pending migrations in order and records them', () => {
    const db = new Database(':memory:');
    const known = [m('001_a', 'CREATE TABLE a (x INTEGER)'), m('002_b', 'ALTER TABLE a ADD COLUMN y TEXT')];
    expect(migrate(db, known.slice(0, 1), 'f')).toBe(1);
    expect(migrate(db, known, 'f')).toBe(1);
    expect(appliedMigrations(db)).toEqual(['001_a', '002_b']);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(migrate(db, known, 'f')).toBe(0);
  });

  it('rolls back every pending migration when one fails', () => {
    const db = new Database(':memory:');
    const known = [m('001_a', 'CREATE TABLE a (x)'), m('002_bad', 'CREATE TABLE oops (')];
    expect(() => migrate(db, known, 'f')).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('a','schema_migrations')").all()).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
  });

  it('refuses a file whose history is not a prefix of ours', () => {
    const known = [m('001_a', ''), m('002_b', '')];
    expect(() => pendingMigrations(['001_a', '002_b', '003_c'], known, 'p.jsna')).toThrow(/p\.jsna was saved by a newer version/);
    expect(() => pendingMigrations(['001_a', '002_x'], known, 'p.jsna')).toThrow(/schema change "002_x" where this app expects "002_b"/);
    expect(pendingMigrations(['001_a'], known, 'p.jsna').map((x) => x.name)).toEqual(['002_b']);
  });
});
