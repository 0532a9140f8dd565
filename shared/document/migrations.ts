/**
 * File-format migrations, in order. Each takes the raw JSON of version `from` to version `from + 1`;
 * a file is migrated step by step up to CURRENT_FORMAT_VERSION before it is validated. When the format
 * changes: bump CURRENT_FORMAT_VERSION, change the schema, and append the step that converts old files.
 */
import { CURRENT_FORMAT_VERSION } from './schema';

export type RawDocument = Record<string, unknown>;

export interface Migration {
  readonly from: number;
  readonly description: string;
  readonly migrate: (raw: RawDocument) => RawDocument;
}

/** Version 1 is the first format: nothing to migrate yet. */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | { ok: true; raw: RawDocument; fromVersion: number }
  | { ok: false; reason: 'newer' | 'unknown'; version: unknown };

/** Brings a raw document of any known older version to `target`, one step at a time. */
export function migrate(
  raw: RawDocument,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_FORMAT_VERSION,
): MigrationResult {
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'unknown', version };
  }
  if (version > target) return { ok: false, reason: 'newer', version };
  let current = raw;
  for (let step = version; step < target; step++) {
    const migration = migrations.find((m) => m.from === step);
    if (!migration) return { ok: false, reason: 'unknown', version };
    current = { ...migration.migrate(current), formatVersion: step + 1 };
  }
  return { ok: true, raw: current, fromVersion: version };
}
