/**
 * Recovery journals in a real temporary user-data folder: written atomically in their envelope, one per
 * document; offered when newer than the document (or for a document never saved), not when older; a
 * corrupt journal is skipped and reported.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/document/file';
import { sampleDocument } from '../../shared/sample/sample2024';
import {
  discardJournal,
  journalDirectory,
  journalPathFor,
  listRecoverable,
  writeJournal,
  type JournalEnvelope,
} from './journal';

let folder: string;
let userData: string;
let documentPath: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'budget-journal-'));
  userData = join(folder, 'userData');
  documentPath = join(folder, '文档', '教育局2025.json');
  await mkdir(join(folder, '文档'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function version(name: string): string {
  const document = sampleDocument();
  document.department.name = name;
  return serializeDocument(document);
}

/** Local times, so the formatted prompt does not depend on the machine's time zone. */
const MARCH_1 = new Date(2025, 2, 1, 9, 0);
const MARCH_5 = new Date(2025, 2, 5, 14, 3);

async function documentFile(text: string, modified: Date): Promise<void> {
  await writeFile(documentPath, text);
  await utimes(documentPath, modified, modified);
}

describe('writeJournal', () => {
  it('writes the envelope to recovery/doc-<hash>.json, replacing the previous text', async () => {
    const written = await writeJournal(userData, { documentPath }, version('第一版'), { now: () => MARCH_1 });
    expect(written).toBe(journalPathFor(userData, { documentPath }));
    expect(written).toMatch(/[/\\]recovery[/\\]doc-[0-9a-f]{24}\.json$/);
    await writeJournal(userData, { documentPath }, version('第二版'), { now: () => MARCH_5 });
    const envelope = JSON.parse(await readFile(written, 'utf8')) as JournalEnvelope;
    expect(envelope).toEqual({
      format: 'budget-assistant/journal',
      savedAt: MARCH_5.toISOString(),
      documentPath,
      text: version('第二版'),
    });
    expect(await readdir(journalDirectory(userData))).toEqual([basename(written)]);
  });

  it('names journals stably: by path hash (case-blind on Windows), or untitled-<id>', () => {
    const a = journalPathFor(userData, { documentPath: 'D:\\预算\\2025.json' }, { platform: 'win32' });
    expect(journalPathFor(userData, { documentPath: 'd:\\预算\\2025.JSON' }, { platform: 'win32' })).toBe(a);
    expect(journalPathFor(userData, { documentPath: 'D:\\预算\\2024.json' }, { platform: 'win32' })).not.toBe(
      a,
    );
    expect(journalPathFor(userData, { documentPath: '/a/B.json' }, { platform: 'linux' })).not.toBe(
      journalPathFor(userData, { documentPath: '/a/b.json' }, { platform: 'linux' }),
    );
    expect(journalPathFor(userData, { untitledId: 'k3x9' })).toBe(
      join(userData, 'recovery', 'untitled-k3x9.json'),
    );
    expect(() => journalPathFor(userData, { untitledId: '../evil' })).toThrow('未保存文档的编号');
  });

  it('is discarded after a save or a clean close (and discarding twice is harmless)', async () => {
    const written = await writeJournal(userData, { documentPath }, version('第一版'));
    await discardJournal(userData, { documentPath });
    await discardJournal(userData, { documentPath });
    await expect(readFile(written)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(journalDirectory(userData))).toEqual([]);
  });
});

describe('listRecoverable', () => {
  it('offers a journal newer than its document, with the text and a Chinese prompt', async () => {
    await documentFile(version('第一版'), MARCH_1);
    const journal = await writeJournal(userData, { documentPath }, version('第二版'), { now: () => MARCH_5 });
    expect(await listRecoverable(userData)).toEqual({
      recoverable: [
        {
          journalPath: journal,
          documentPath,
          savedAt: MARCH_5.toISOString(),
          text: version('第二版'),
          documentModifiedAt: MARCH_1.toISOString(),
          documentMissing: false,
          title: '“教育局2025.json”',
          prompt: '发现“教育局2025.json”未保存的修改（保存于 2025年3月5日 14:03），是否恢复？',
        },
      ],
      corrupt: [],
      outdated: [],
    });
  });

  it('does not offer a journal older than its document (saved since)', async () => {
    const journal = await writeJournal(userData, { documentPath }, version('第二版'), { now: () => MARCH_1 });
    await documentFile(version('第二版'), MARCH_5);
    expect(await listRecoverable(userData)).toEqual({ recoverable: [], corrupt: [], outdated: [journal] });
  });

  it('offers the journal of a document never saved, named by its department and year', async () => {
    const document = sampleDocument();
    document.department.name = '新绛县教育局';
    document.year = 2025;
    await writeJournal(userData, { untitledId: 'w1' }, serializeDocument(document), { now: () => MARCH_5 });
    const { recoverable } = await listRecoverable(userData);
    expect(recoverable).toHaveLength(1);
    expect(recoverable[0]).toMatchObject({
      documentPath: null,
      documentModifiedAt: null,
      documentMissing: false,
      title: '新建文档“新绛县教育局 2025 年部门预算”',
      prompt:
        '发现新建文档“新绛县教育局 2025 年部门预算”未保存的修改（保存于 2025年3月5日 14:03），是否恢复？',
    });
  });

  it('offers the journal of a document whose file is gone, saying so', async () => {
    await writeJournal(userData, { documentPath }, version('第二版'), { now: () => MARCH_5 });
    const { recoverable } = await listRecoverable(userData);
    expect(recoverable[0]).toMatchObject({
      documentMissing: true,
      prompt: '发现“教育局2025.json”未保存的修改（保存于 2025年3月5日 14:03；原文件已不存在），是否恢复？',
    });
  });

  it('skips corrupt journals, reports them, and still offers the good ones (newest first)', async () => {
    await documentFile(version('第一版'), MARCH_1);
    const good = await writeJournal(userData, { documentPath }, version('第二版'), { now: () => MARCH_5 });
    const older = await writeJournal(userData, { untitledId: 'old' }, version('新'), {
      now: () => new Date(2025, 2, 2),
    });
    const recovery = journalDirectory(userData);
    const envelope = JSON.stringify({
      format: 'budget-assistant/journal',
      savedAt: MARCH_5.toISOString(),
      documentPath: null,
      text: version('x'),
    });
    await writeFile(join(recovery, 'untitled-cut.json'), envelope.slice(0, 200));
    await writeFile(join(recovery, 'untitled-foreign.json'), '{"format":"other"}');
    await writeFile(
      join(recovery, 'untitled-badtext.json'),
      envelope.replace(/"text":".*"}$/, '"text":"{\\"a\\":"}'),
    );
    await writeFile(join(recovery, 'untitled-binary.json'), new Uint8Array([0xff, 0xfe, 0x00]));
    await writeFile(join(recovery, 'notes.txt'), 'not a journal');

    const scan = await listRecoverable(userData);
    expect(scan.recoverable.map((r) => r.journalPath)).toEqual([good, older]);
    expect(scan.outdated).toEqual([]);
    expect(scan.corrupt).toEqual([
      {
        journalPath: join(recovery, 'untitled-badtext.json'),
        reason: '恢复文件“untitled-badtext.json”中的文档内容已损坏，已跳过',
      },
      {
        journalPath: join(recovery, 'untitled-binary.json'),
        reason: '恢复文件“untitled-binary.json”已损坏（不是 UTF-8 文字），已跳过',
      },
      {
        journalPath: join(recovery, 'untitled-cut.json'),
        reason: '恢复文件“untitled-cut.json”已损坏（不是完整的 JSON），已跳过',
      },
      {
        journalPath: join(recovery, 'untitled-foreign.json'),
        reason: '恢复文件“untitled-foreign.json”格式不对（不是部门预算编制助手的恢复文件），已跳过',
      },
    ]);
  });

  it('finds nothing when there is no recovery folder', async () => {
    expect(await listRecoverable(join(folder, 'nowhere'))).toEqual({
      recoverable: [],
      corrupt: [],
      outdated: [],
    });
  });
});
