import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type ScannedText, stringsIn } from './scan-for-recovery-passwords.js';

/** Every stored string of every table of a SQLite file, by table, row and column, with the rows per table. */
export interface StoredRows {
  readonly texts: readonly ScannedText[];
  readonly rowsPerTable: Readonly<Record<string, number>>;
}

/**
 * Reads every row of every table of the SQLite file at `databasePath` (read-only) and returns each string a
 * column holds, JSON columns decoded as well, so a scan sees what the store really kept.
 */
export function storedRows(databasePath: string): StoredRows {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((table) => table.name);
    const texts: ScannedText[] = [];
    const rowsPerTable: Record<string, number> = {};
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all() as Record<
        string,
        unknown
      >[];
      rowsPerTable[table] = rows.length;
      rows.forEach((row, index) => {
        for (const [column, value] of Object.entries(row)) {
          for (const text of stringsIn(value)) texts.push({ source: `${table}[${index}].${column}`, text });
        }
      });
    }
    return { texts, rowsPerTable };
  } finally {
    db.close();
  }
}

/**
 * The raw bytes of the SQLite file and its `-wal`/`-shm` companions as Latin-1 text: freed pages and WAL
 * frames keep old row versions that no `SELECT` returns any more.
 */
export function sqliteFileBytes(databasePath: string): ScannedText[] {
  return ['', '-wal', '-shm']
    .map((suffix) => `${databasePath}${suffix}`)
    .filter((path) => existsSync(path))
    .map((path) => ({ source: path, text: readFileSync(path).toString('latin1') }));
}
