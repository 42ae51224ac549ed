import type Database from 'better-sqlite3';
import { lineError } from './lineError';
import type { ParsedRow } from './parsedRow';

interface AreaState {
  id: number;
  name: string;
  areaType: string | null;
  parentCode: string | null;
}

/**
 * The keys of imported values: each row's area (created, or renamed by the latest file) and its
 * breakdown of an indicator (a `series` row), looked up once per import and cached.
 */
export class ImportKeys {
  readonly areasSeen = new Set<string>();
  /** Series created by the file being read: they have no stored values, so its rows go straight in. */
  readonly freshSeries = new Set<number>();
  /** Area codes by id, for the areas this import has seen. */
  readonly codeOf = new Map<number, string>();
  private readonly areas = new Map<string, AreaState>();
  private readonly seriesIds = new Map<string, number>();
  private lastSeries: { indicatorId: string; sex: string; age: string; categoryType: string; category: string; id: number } | null = null;
  private readonly stmt;
  /** The library had no areas when the import began: an area this import has not seen is new (no lookup). */
  private readonly noAreasBefore: boolean;

  constructor(db: Database.Database) {
    this.noAreasBefore = db.prepare('SELECT 1 FROM areas LIMIT 1').get() === undefined;
    this.stmt = {
      getSeries: db.prepare('SELECT id FROM series WHERE indicator_id = ? AND sex = ? AND age = ? AND category_type = ? AND category = ?'),
      insertSeries: db.prepare('INSERT INTO series (indicator_id, sex, age, category_type, category) VALUES (?, ?, ?, ?, ?) RETURNING id'),
      getArea: db.prepare('SELECT id, name, area_type AS areaType, parent_code AS parentCode FROM areas WHERE code = ?'),
      // Its id as lastInsertRowid, not RETURNING: ~40% less per area (a file of 10,000 areas makes 10,000).
      insertArea: db.prepare('INSERT INTO areas (code, name, area_type, parent_code) VALUES (?, ?, ?, ?)'),
      updateArea: db.prepare('UPDATE areas SET name = ?, area_type = ?, parent_code = ? WHERE id = ?'),
    };
  }

  seriesFor(indicatorId: string, r: ParsedRow): number {
    const last = this.lastSeries;
    if (last && last.indicatorId === indicatorId && last.sex === r.sex && last.age === r.age && last.categoryType === r.categoryType && last.category === r.category) {
      return last.id;
    }
    const key = `${indicatorId}\u0001${r.sex}\u0001${r.age}\u0001${r.categoryType}\u0001${r.category}`;
    let id = this.seriesIds.get(key);
    if (id === undefined) {
      const found = this.stmt.getSeries.get(indicatorId, r.sex, r.age, r.categoryType, r.category) as { id: number } | undefined;
      if (found) id = found.id;
      else {
        id = (this.stmt.insertSeries.get(indicatorId, r.sex, r.age, r.categoryType, r.category) as { id: number }).id;
        this.freshSeries.add(id);
      }
      this.seriesIds.set(key, id);
    }
    this.lastSeries = { indicatorId, sex: r.sex, age: r.age, categoryType: r.categoryType, category: r.category, id };
    return id;
  }

  areaFor(r: ParsedRow, fileName: string): number {
    let a = this.areas.get(r.areaCode);
    if (!a) {
      if (r.areaCode.length > 50) throw lineError(fileName, r.line, `the area code ${JSON.stringify(r.areaCode)} is longer than 50 characters.`);
      a = this.noAreasBefore ? undefined : (this.stmt.getArea.get(r.areaCode) as AreaState | undefined);
      if (!a) {
        const id = Number(this.stmt.insertArea.run(r.areaCode, r.areaName, r.areaType, r.parentCode).lastInsertRowid);
        a = { id, name: r.areaName, areaType: r.areaType, parentCode: r.parentCode };
      }
      this.areas.set(r.areaCode, a);
      this.codeOf.set(a.id, r.areaCode);
      this.areasSeen.add(r.areaCode);
    }
    // The latest file names the area; an empty type or parent does not erase a known one.
    if (a.name !== r.areaName || (r.areaType !== null && a.areaType !== r.areaType) || (r.parentCode !== null && a.parentCode !== r.parentCode)) {
      a.name = r.areaName;
      a.areaType = r.areaType ?? a.areaType;
      a.parentCode = r.parentCode ?? a.parentCode;
      this.stmt.updateArea.run(a.name, a.areaType, a.parentCode, a.id);
    }
    return a.id;
  }
}
