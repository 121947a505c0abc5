/**
 * One schema change, written once per backend so both stay at the same version.
 * Released migrations are never edited or renumbered; a change is always a new, higher version.
 */
export interface Migration {
  /** Positive integer, strictly increasing through the list. */
  readonly version: number;
  /** Short snake_case description, recorded in `schema_migrations` and checked on every start. */
  readonly name: string;
  /** SQLite statements (several allowed, separated by `;`). */
  readonly sqlite: string;
  /** PostgreSQL statements (several allowed, separated by `;`). */
  readonly postgres: string;
}

/** A row of `schema_migrations`: what a database says it has applied. */
export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
}

/** What a migration run has to do, decided before anything is executed. */
export interface MigrationPlan {
  readonly pending: readonly Migration[];
  /** Versions the database has but this code does not know: a newer release ran against it. */
  readonly unknown: readonly AppliedMigration[];
}

/**
 * Compares the code's migration list with what the database has applied. Throws when the list is out of
 * order or a version was applied under another name (someone edited history), because running further
 * migrations on top of an unknown schema would corrupt it.
 */
export function planMigrations(
  migrations: readonly Migration[],
  applied: readonly AppliedMigration[],
): MigrationPlan {
  let previous = 0;
  for (const migration of migrations) {
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(
        `migration ${migration.version} (${migration.name}) must be an integer above ${previous}: ` +
          'versions are strictly increasing',
      );
    }
    previous = migration.version;
  }
  const known = new Map(migrations.map((migration) => [migration.version, migration]));
  const appliedVersions = new Set<number>();
  const unknown: AppliedMigration[] = [];
  for (const row of applied) {
    appliedVersions.add(row.version);
    const migration = known.get(row.version);
    if (!migration) {
      unknown.push(row);
    } else if (migration.name !== row.name) {
      throw new Error(
        `schema_migrations has version ${row.version} as "${row.name}" but this code calls it ` +
          `"${migration.name}"; released migrations must not be renamed or renumbered`,
      );
    }
  }
  return { pending: migrations.filter((migration) => !appliedVersions.has(migration.version)), unknown };
}
