import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, type Migration } from './migrations';
import { CURRENT_FORMAT_VERSION } from './schema';

describe('migrate', () => {
  it('has one step for every version below the current one, in order', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(
      Array.from({ length: CURRENT_FORMAT_VERSION - 1 }, (_, i) => i + 1),
    );
  });

  it('leaves a current file alone', () => {
    const raw = { formatVersion: CURRENT_FORMAT_VERSION, year: 2024 };
    expect(migrate(raw)).toEqual({ ok: true, raw, fromVersion: CURRENT_FORMAT_VERSION });
  });

  it('applies each step in turn and stamps the new version', () => {
    const steps: Migration[] = [
      { from: 1, description: 'rename', migrate: (raw) => ({ ...raw, title: raw.name, name: undefined }) },
      { from: 2, description: 'add list', migrate: (raw) => ({ ...raw, items: [] }) },
    ];
    const result = migrate({ formatVersion: 1, name: '办公室' }, steps, 3);
    expect(result).toEqual({
      ok: true,
      fromVersion: 1,
      raw: { formatVersion: 3, title: '办公室', name: undefined, items: [] },
    });
  });

  it('refuses a newer version and an unknown one', () => {
    expect(migrate({ formatVersion: CURRENT_FORMAT_VERSION + 1 })).toEqual({
      ok: false,
      reason: 'newer',
      version: CURRENT_FORMAT_VERSION + 1,
    });
    expect(migrate({ formatVersion: '1' })).toMatchObject({ ok: false, reason: 'unknown' });
    expect(migrate({})).toMatchObject({ ok: false, reason: 'unknown' });
    expect(migrate({ formatVersion: 1 }, [], 2)).toMatchObject({ ok: false, reason: 'unknown', version: 1 });
  });
});
