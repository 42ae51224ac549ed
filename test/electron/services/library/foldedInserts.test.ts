import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FoldedInserts } from '../../../../electron/services/library/foldedInserts';

describe('multi-row inserts that bind shared columns once', () => {
  const COLS = ['k', 'a', 'b', 'c'];
  const setup = () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, a ANY, b ANY, c ANY)');
    return db;
  };
  const rows = (n: number, f: (i: number) => unknown[]) => Array.from({ length: n }, (_, i) => [i + 1, ...f(i)]).flat();

  it('stores exactly what the plain statement stores, whatever is shared (text, numbers, nulls, 0 and -0)', () => {
    const batches = [
      rows(4, (i) => ['same', i * 1.5, null]),
      rows(4, () => ['x', 2, 'y']),
      rows(4, (i) => [i % 2 ? 0 : -0, null, `t${i}`]),
      rows(4, (i) => [i, i, i]),
    ].map((b, j) => b.map((v, i) => (i % 4 === 0 ? (v as number) + j * 10 : v)));
    const folded = setup();
    const plain = setup();
    const ins = new FoldedInserts(folded, 't', COLS, 4);
    const one = plain.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
    for (const b of batches) {
      ins.run(b);
      for (let r = 0; r < 4; r++) one.run(b.slice(r * 4, r * 4 + 4));
    }
    const all = (db: Database.Database) => db.prepare('SELECT k, a, typeof(a) ta, b, typeof(b) tb, c, typeof(c) tc, a = 0 AND 1 / a < 0 AS neg FROM t ORDER BY k').all();
    expect(all(folded)).toEqual(all(plain));
    expect(all(folded)).toHaveLength(16);
  });

  it('takes its rows from the start of a longer buffer, also when no column is shared (the plain statement)', () => {
    const db = setup();
    const ins = new FoldedInserts(db, 't', COLS, 2);
    // A buffer sized for 2 rows of 5 columns: the last 2 values are not this table's.
    ins.run([1, 'a', 'b', 'c', 2, 'd', 'e', 'f', 'junk', 'junk']);
    ins.run([3, 'g', 'h', 'i', 4, 'g', 'h', 'i', 'junk', 'junk']);
    expect(db.prepare('SELECT * FROM t ORDER BY k').all()).toEqual([
      { k: 1, a: 'a', b: 'b', c: 'c' },
      { k: 2, a: 'd', b: 'e', c: 'f' },
      { k: 3, a: 'g', b: 'h', c: 'i' },
      { k: 4, a: 'g', b: 'h', c: 'i' },
    ]);
  });

  it('a batch the table refuses is undone whole (the caller then writes its rows one by one)', () => {
    const db = setup();
    const ins = new FoldedInserts(db, 't', COLS, 2);
    ins.run([1, 'a', 'b', 'c', 2, 'a', 'b', 'c']);
    expect(() => ins.run([3, 'a', 'b', 'c', 1, 'a', 'b', 'c'])).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(db.prepare('SELECT k FROM t ORDER BY k').all()).toEqual([{ k: 1 }, { k: 2 }]);
  });
});
