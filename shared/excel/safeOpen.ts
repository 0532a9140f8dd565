/**
 * Opening a workbook the user imports. The file is untrusted input — a zip from anywhere — so before
 * exceljs sees it, its zip container is read here with hard limits, and anything that is not a plausible
 * department-budget .xlsx becomes an ImportError with a message the user can act on.
 *
 * Dependency: fflate (MIT, no dependencies, ~8 kB, well kept, pure JavaScript that runs in Node and the
 * browser alike). exceljs unzips with JSZip, which inflates every entry whole, with no limit; fflate's
 * streaming `Inflate` lets each entry be inflated in small pieces while the bytes are counted, so a zip
 * bomb is stopped within a few megabytes of a limit instead of filling memory.
 *
 * How the zip is read (and why not fflate's `Unzip`): `Unzip` walks the local headers front to back,
 * while JSZip (inside exceljs) follows the central directory; a crafted file can show the two different
 * entries. So the central directory is parsed here, every entry it names is inflated and counted, and
 * exceljs is then handed a zip rebuilt from exactly those entries (their compressed bytes copied, fresh
 * headers, no extra fields, the sizes that were measured): whatever exceljs reads has been inspected.
 * The sizes a zip's headers claim are never used for the limits; only what actually inflates counts.
 *
 * exceljs itself: a few parts of a sheet make it create one object per cell they cover, so a file of a
 * few kilobytes can keep it busy for hours (measured: one data validation over A1:XFD1048576 did not
 * finish in a minute; the same for a defined name, a merge, or a `<col max="100000000">`). So the XML
 * is read before exceljs sees it: merges must be inside the row and column limits and must not overlap,
 * column settings inside Excel's 16,384 columns, and data validations and defined names — which an
 * import does not need — are hidden from exceljs (their elements renamed, so the XML stays well-formed).
 * A sheet's merges are hidden from exceljs too, and made here once it has loaded: exceljs checks each
 * merge against every earlier one of its sheet, which made a large department's own workbook take
 * minutes (see MAX_MERGE_COST).
 */
import ExcelJS from 'exceljs';
import { Inflate, strFromU8 } from 'fflate';
import { ImportError } from './problems';
import { mergeCells } from './style';

export interface ZipLimits {
  /**
   * Entries in the zip, directories included (default 10,000). The thirteen tables exported by this
   * program make about 40; a workbook with many sheets and pictures a few hundred. At most 65,535.
   */
  readonly maxEntries: number;
  /**
   * Bytes one entry may inflate to (default 50 MB). exceljs takes about 0.2 s and 13 MB of memory per
   * megabyte of sheet XML (measured: a 37 MB sheet of 100,000 rows × 10 columns took 7 s and 475 MB), so
   * 50 MB is ~140,000 such rows and about 10 s — far more than any department's budget.
   */
  readonly maxEntryBytes: number;
  /**
   * Bytes all entries together may inflate to (default 100 MB); also the largest file accepted. Keeps
   * exceljs's working memory near 1 GB at worst.
   */
  readonly maxTotalBytes: number;
  /**
   * Largest inflated:compressed ratio of an entry that inflates to more than 1 MB (default 200). Real
   * sheet XML compresses about 10:1 (repetitive styling perhaps 50:1); deflate's ceiling is ~1,032:1,
   * which is what zip bombs use.
   */
  readonly maxRatio: number;
  /** Rows a sheet may extend to, i.e. its last used row number (default 200,000). */
  readonly maxRows: number;
  /** Columns a sheet may extend to, i.e. its last used column number (default 500; Excel allows 16,384). */
  readonly maxColumns: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 50 * 2 ** 20,
  maxTotalBytes: 100 * 2 ** 20,
  maxRatio: 200,
  maxRows: 200_000,
  maxColumns: 500,
};

/** The ratio limit applies only to entries inflating to more than this: small files can compress well. */
const RATIO_FLOOR_BYTES = 2 ** 20;
/**
 * Compressed bytes given to the inflater at a time. Deflate expands at most ~1,032 times, so one piece
 * inflates to at most ~16.5 MB before the counts are checked again.
 */
const INFLATE_PIECE = 16 * 1024;

/**
 * exceljs checks each merge against every earlier one of its sheet, so its time grows with the square of
 * a sheet's merges (measured: 2,000 take 1 s, 5,000 3 s, 10,000 10 s). A sheet's merges are therefore
 * hidden from exceljs (guardExcelJs) and made after it has loaded (openWorkbook), in time linear in the
 * cells they cover. This limit stays for a sheet exceljs would merge itself — one whose place in the
 * workbook is not read the plain way (sheetParts): the sum over such sheets of merges² stays under 10,000².
 */
const MAX_MERGE_COST = 10_000 ** 2;
/** exceljs creates every cell a merge covers (about 1.5 s and 300 MB per million). */
const MAX_MERGED_CELLS = 1_000_000;
/** Excel's own column limit (XFD): exceljs creates a column object for every column up to `<col max>`. */
const EXCEL_COLUMNS = 16_384;

const NOT_XLSX = '这不是 Excel 工作簿（.xlsx）文件';
const SAVE_AS = '请在 Excel/WPS 中打开后另存为 .xlsx 再导入';

/**
 * Opens an imported .xlsx: the zip is checked against the limits (defaults above, any of them may be
 * given), the entries an .xlsx must have are required, exceljs loads what was checked, and every sheet
 * must fit in maxRows × maxColumns. Any problem is an ImportError whose message says what is wrong.
 * The workbook has no data validations and no defined names (print areas among them): see above.
 */
export async function openWorkbook(
  bytes: Uint8Array,
  limits?: Partial<ZipLimits>,
): Promise<ExcelJS.Workbook> {
  const resolved = resolveLimits(limits);
  const { entries, merges } = inspectZip(bytes, resolved);
  const checked = rebuildZip(bytes, entries);

  let workbook: ExcelJS.Workbook;
  try {
    workbook = await new ExcelJS.Workbook().xlsx.load(checked.buffer);
  } catch (error) {
    throw new ImportError(`文件已损坏，无法读取：${shortReason(error)}`, { cause: error });
  }
  // The merges hidden from exceljs, made as it would have made them (each cell keeping its own style).
  for (const { sheetId, ranges } of merges) {
    const sheet = workbook.getWorksheet(sheetId);
    if (!sheet) continue;
    for (const range of ranges) {
      mergeCells(sheet, range.top, range.left, range.bottom, range.right, { keepStyles: true });
    }
  }
  checkDimensions(workbook, resolved);
  return workbook;
}

function resolveLimits(limits: Partial<ZipLimits> | undefined): ZipLimits {
  const resolved = { ...DEFAULT_ZIP_LIMITS };
  for (const key of Object.keys(DEFAULT_ZIP_LIMITS) as (keyof ZipLimits)[]) {
    const value = limits?.[key];
    if (value === undefined) continue;
    if (!(value > 0)) throw new RangeError(`${key} 应为正数：${value}`);
    resolved[key] = value;
  }
  // The rebuilt zip has no zip64 records: 16-bit entry count, 32-bit sizes and offsets.
  if (resolved.maxEntries > 0xffff) throw new RangeError(`maxEntries 不能超过 65535：${resolved.maxEntries}`);
  if (resolved.maxTotalBytes > 2 ** 31) {
    throw new RangeError(`maxTotalBytes 不能超过 2 GB：${resolved.maxTotalBytes}`);
  }
  return resolved;
}

// ---------------------------------------------------------------------------------------------------
// Reading the zip

/** One entry as the central directory names it, with what inflating it measured. */
interface Entry {
  readonly name: string;
  readonly nameBytes: Uint8Array;
  /** General-purpose flags kept in the rebuilt zip: only bit 11 (the name is UTF-8). */
  readonly utf8: boolean;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly localOffset: number;
  readonly dataStart: number;
  readonly compressedSize: number;
  /** Filled in by inflating: the bytes the entry really holds. */
  size: number;
  /** The entry's content as exceljs is to see it, when it differs from the file's (stored, not deflated). */
  replacement: Uint8Array | null;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;

/** The merges of one sheet, hidden from exceljs, to be made once it has loaded. */
interface SheetMerges {
  readonly sheetId: number;
  readonly ranges: readonly Range[];
}

function inspectZip(bytes: Uint8Array, limits: ZipLimits): { entries: Entry[]; merges: SheetMerges[] } {
  if (bytes.length === 0) throw new ImportError(`${NOT_XLSX}：文件是空的（0 字节）`);
  refuseOtherFormats(bytes);
  if (bytes.length > limits.maxTotalBytes) {
    throw new ImportError(
      `文件过大（${formatBytes(bytes.length)}），超过 ${formatBytes(limits.maxTotalBytes)} 的上限，不像是部门预算工作簿`,
    );
  }
  const entries = readCentralDirectory(bytes, limits);
  requireXlsxEntries(entries);
  const parts = sheetParts(bytes, entries, limits);
  let total = 0;
  const tally: Tally = { mergeCost: 0, mergedCells: 0 };
  const merges: SheetMerges[] = [];
  for (const entry of entries) {
    const content = inflateCounting(bytes, entry, limits, total);
    entry.size = content.length;
    total += content.length;
    const sheetId = parts.get(entry.name);
    const guarded = guardExcelJs(entry.name, content, limits, tally, sheetId !== undefined);
    entry.replacement = guarded.replacement;
    if (sheetId !== undefined && guarded.merges.length > 0) merges.push({ sheetId, ranges: guarded.merges });
  }
  return { entries, merges };
}

/**
 * The worksheet parts exceljs will load, by entry name → the sheet's id (exceljs's Workbook keeps its
 * sheets by this id): read from the workbook's sheet list and its relationships as exceljs reads them
 * (xlsx.js reconcile). A part named by more than one sheet, or a sheet id used twice, is left out, as is
 * anything not written the plain way: exceljs then makes that sheet's merges itself.
 */
function sheetParts(bytes: Uint8Array, entries: readonly Entry[], limits: ZipLimits): Map<string, number> {
  const parts = new Map<string, number>();
  const workbook = entries.find((e) => e.name === 'xl/workbook.xml');
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return parts;
  // Inflated once more in the main pass, where they count towards the limits.
  const workbookXml = strFromU8(inflateCounting(bytes, workbook, limits, 0), true);
  const relsXml = strFromU8(inflateCounting(bytes, rels, limits, 0), true);
  const targets = new Map<string, string>();
  for (const at of elements(relsXml, 'Relationship')) {
    const found = attributes(relsXml, at, rels.name);
    const id = found.get('Id');
    const target = found.get('Target');
    if (id !== undefined && target !== undefined)
      targets.set(id, `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`);
  }
  const named = new Map<string, number[]>();
  const ids = new Map<number, number>();
  for (const at of elements(workbookXml, 'sheet')) {
    const found = attributes(workbookXml, at, workbook.name);
    const sheetId = found.get('sheetId') ?? '';
    const part = targets.get(found.get('r:id') ?? '');
    if (!/^[1-9]\d{0,8}$/.test(sheetId) || part === undefined) continue;
    const id = Number(sheetId);
    ids.set(id, (ids.get(id) ?? 0) + 1);
    named.set(part, [...(named.get(part) ?? []), id]);
  }
  for (const [part, [id, ...more]] of named) {
    const plain = /^xl\/worksheets\/sheet\d+\.xml$/.test(part);
    if (plain && id !== undefined && more.length === 0 && ids.get(id) === 1) parts.set(part, id);
  }
  return parts;
}

/** Not a zip at all: the old .xls, an encrypted workbook, a web page saved as “.xls”, anything else. */
function refuseOtherFormats(bytes: Uint8Array): void {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE compound file: the binary .xls of Excel 97–2003 (or WPS .et) — or an .xlsx with an open
    // password, which Excel stores encrypted inside such a container.
    if (hasOleStream(bytes, 'EncryptionInfo') || hasOleStream(bytes, 'EncryptedPackage')) {
      throw new ImportError(
        `工作簿设有打开密码（已加密），无法读取：请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入`,
      );
    }
    throw new ImportError(`这是旧版 Excel 工作簿（.xls）或其他旧格式文件，无法直接读取：${SAVE_AS}`);
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return;
  if (looksLikeMarkup(bytes)) {
    throw new ImportError(`${NOT_XLSX}：它看起来是网页（HTML）或 XML 格式的表格，${SAVE_AS}`);
  }
  throw new ImportError(NOT_XLSX);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Whether an OLE compound file has a stream of this name. Directory entries are 128 bytes, aligned to
 * 128 within sectors that start after the 512-byte header; each begins with its name in UTF-16LE,
 * followed at 64 by the name's length in bytes (with the terminating NUL) and at 66 the type (2 = stream).
 */
function hasOleStream(bytes: Uint8Array, name: string): boolean {
  const nameLength = (name.length + 1) * 2;
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    if (u16(bytes, at + 64) !== nameLength || bytes[at + 66] !== 2) continue;
    let matches = true;
    for (let i = 0; i < name.length && matches; i++) {
      matches = u16(bytes, at + 2 * i) === name.charCodeAt(i);
    }
    if (matches) return true;
  }
  return false;
}

/** Text starting with `<` (after a UTF-8 byte-order mark and whitespace): HTML or SpreadsheetML 2003. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  let at = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (at < bytes.length && at < 1024 && [0x09, 0x0a, 0x0d, 0x20].includes(bytes[at] ?? 0)) at++;
  return bytes[at] === 0x3c;
}

function corrupt(reason: string): ImportError {
  return new ImportError(`${NOT_XLSX}，或文件已损坏：${reason}`);
}

/** The entries the central directory lists, each checked against its local header. */
function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): Entry[] {
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) throw corrupt('找不到 zip 目录（文件可能不完整，只下载或复制了一部分）');
  if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 6) !== 0) throw corrupt('分卷压缩文件');
  let count = u16(bytes, end + 10);
  let directorySize = u32(bytes, end + 12);
  let directoryOffset = u32(bytes, end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // zip64: the real values are in the zip64 end record, which a locator just before `end` points to.
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== SIG_END64_LOCATOR) throw corrupt('zip64 目录不完整');
    const record = u64(bytes, locator + 8);
    if (record === null || record + 56 > locator || u32(bytes, record) !== SIG_END64) {
      throw corrupt('zip64 目录不完整');
    }
    const count64 = u64(bytes, record + 32);
    const size64 = u64(bytes, record + 40);
    const offset64 = u64(bytes, record + 48);
    if (count64 === null || size64 === null || offset64 === null) throw corrupt('zip64 目录不完整');
    count = count64;
    directorySize = size64;
    directoryOffset = offset64;
  }
  if (count > limits.maxEntries) {
    throw new ImportError(
      `工作簿内部的文件过多（${formatCount(count)} 个），超过 ${formatCount(limits.maxEntries)} 个的上限，不像是部门预算工作簿`,
    );
  }
  const directoryEnd = directoryOffset + directorySize;
  if (directoryEnd > end) throw corrupt('zip 目录的位置不对');

  const entries: Entry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directoryEnd || u32(bytes, at) !== SIG_CENTRAL) throw corrupt('zip 目录不完整');
    const entry = readEntry(bytes, at, directoryOffset);
    entries.push(entry.entry);
    at = entry.next;
    if (at > directoryEnd) throw corrupt('zip 目录不完整');
  }
  refuseOverlaps(entries);
  return entries;
}

/** The last end-of-central-directory record (it is within the last 64 kB + 22 bytes). */
function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === SIG_END && at + 22 + u16(bytes, at + 20) <= bytes.length) return at;
  }
  return -1;
}

function readEntry(bytes: Uint8Array, at: number, directoryOffset: number): { entry: Entry; next: number } {
  const flags = u16(bytes, at + 8);
  const method = u16(bytes, at + 10);
  const nameLength = u16(bytes, at + 28);
  const extraLength = u16(bytes, at + 30);
  const commentLength = u16(bytes, at + 32);
  const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
  const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
  const next = at + 46 + nameLength + extraLength + commentLength;
  if (next > bytes.length) throw corrupt('zip 目录不完整');
  const name = decodeName(nameBytes);

  let compressedSize = u32(bytes, at + 20);
  let localOffset = u32(bytes, at + 42);
  if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
    const zip64 = readZip64Extra(extra, u32(bytes, at + 24) === 0xffffffff, compressedSize, localOffset);
    if (!zip64) throw corrupt(`${shown(name)} 的 zip64 信息不完整`);
    ({ compressedSize, localOffset } = zip64);
  }

  if (flags & 0x0001 || method === 99) {
    throw new ImportError(
      `工作簿设有密码（已加密），无法读取：请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入`,
    );
  }
  if (method !== 0 && method !== 8) throw corrupt(`${shown(name)} 使用了不支持的压缩方式（${method}）`);

  if (localOffset + 30 > directoryOffset || u32(bytes, localOffset) !== SIG_LOCAL) {
    throw corrupt(`找不到 ${shown(name)} 的数据`);
  }
  const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
  if (dataStart + compressedSize > directoryOffset) throw corrupt(`${shown(name)} 的数据不完整`);

  const entry: Entry = {
    name,
    nameBytes,
    utf8: (flags & 0x0800) !== 0,
    method,
    time: u16(bytes, at + 12),
    date: u16(bytes, at + 14),
    crc: u32(bytes, at + 16),
    localOffset,
    dataStart,
    compressedSize,
    size: 0,
    replacement: null,
  };
  return { entry, next };
}

/**
 * The zip64 extended-information extra field (0x0001): the 64-bit values of the 32-bit fields set to
 * 0xFFFFFFFF, in the order uncompressed size, compressed size, local header offset.
 */
function readZip64Extra(
  extra: Uint8Array,
  hasSize: boolean,
  compressedSize: number,
  localOffset: number,
): { compressedSize: number; localOffset: number } | null {
  for (let at = 0; at + 4 <= extra.length; at += 4 + u16(extra, at + 2)) {
    if (u16(extra, at) !== 0x0001) continue;
    const end = at + 4 + u16(extra, at + 2);
    let field = at + 4;
    const next = (): number | null => {
      if (field + 8 > end) return null;
      const value = u64(extra, field);
      field += 8;
      return value;
    };
    if (hasSize && next() === null) return null;
    const compressed = compressedSize === 0xffffffff ? next() : compressedSize;
    const offset = localOffset === 0xffffffff ? next() : localOffset;
    if (compressed === null || offset === null) return null;
    return { compressedSize: compressed, localOffset: offset };
  }
  return null;
}

/** Entries whose data overlap (one stream listed many times, as in “overlapping” zip bombs). */
function refuseOverlaps(entries: readonly Entry[]): void {
  const spans = entries
    .map((entry) => ({ start: entry.localOffset, end: entry.dataStart + entry.compressedSize }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const previous = spans[i - 1];
    const span = spans[i];
    if (previous && span && span.start < previous.end) throw corrupt('zip 条目的数据互相重叠');
  }
}

/** The parts exceljs (and Excel) cannot do without. */
function requireXlsxEntries(entries: readonly Entry[]): void {
  const names = new Set(entries.map((entry) => entry.name.replace(/^\//, '')));
  const missing = ['[Content_Types].xml', 'xl/workbook.xml'].filter((name) => !names.has(name));
  if (missing.length === 0) return;
  if (names.has('xl/workbook.bin')) {
    throw new ImportError(`这是 Excel 二进制工作簿（.xlsb），无法直接读取：${SAVE_AS}`);
  }
  if (names.has('mimetype') && names.has('content.xml')) {
    throw new ImportError(`这是 OpenDocument 表格（.ods），无法直接读取：${SAVE_AS}`);
  }
  throw new ImportError(`文件已损坏或不是 Excel 工作簿：缺少 ${missing.join('、')}`);
}

/**
 * Inflates one entry piece by piece, counting the bytes and their CRC-32, and stops the moment a limit
 * is passed (so at most maxEntryBytes, plus one piece's output, is ever held). Returns the content.
 */
function inflateCounting(
  bytes: Uint8Array,
  entry: Entry,
  limits: ZipLimits,
  totalBefore: number,
): Uint8Array {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let size = 0;
  let crc = 0;
  const check = () => {
    if (size > limits.maxEntryBytes) {
      throw new ImportError(
        `工作簿中的 ${shown(entry.name)} 解压后超过 ${formatBytes(limits.maxEntryBytes)} 的上限，文件过大，不像是部门预算工作簿`,
      );
    }
    if (totalBefore + size > limits.maxTotalBytes) {
      throw new ImportError(
        `工作簿解压后的总大小超过 ${formatBytes(limits.maxTotalBytes)} 的上限，文件过大，不像是部门预算工作簿`,
      );
    }
    // The whole compressed size is the divisor, so a ratio passed part-way is passed at the end too.
    if (size > RATIO_FLOOR_BYTES && size > limits.maxRatio * data.length) {
      throw new ImportError(
        `工作簿中的 ${shown(entry.name)} 压缩比异常（超过 ${limits.maxRatio}:1），可能是恶意构造的“压缩炸弹”，已拒绝读取`,
      );
    }
  };

  const chunks: Uint8Array[] = [];
  if (entry.method === 0 || data.length === 0) {
    size = entry.method === 0 ? data.length : 0;
    check();
    crc = crc32(0, data);
    chunks.push(data.subarray(0, size));
  } else {
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      crc = crc32(crc, chunk);
      chunks.push(chunk);
    });
    for (let at = 0; at < data.length; at += INFLATE_PIECE) {
      const last = at + INFLATE_PIECE >= data.length;
      try {
        inflater.push(data.subarray(at, at + INFLATE_PIECE), last);
      } catch (error) {
        const reason = `${shown(entry.name)} 无法解压（${shortReason(error)}）`;
        throw new ImportError(`文件已损坏，无法读取：${reason}`, { cause: error });
      }
      check();
    }
  }
  if (crc !== entry.crc) throw damaged(`${shown(entry.name)} 的校验和不符`);
  return concat(chunks, size);
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function damaged(reason: string): ImportError {
  return new ImportError(`文件已损坏，无法读取：${reason}`);
}

// ---------------------------------------------------------------------------------------------------
// What would make exceljs create an object per cell of a range

interface Tally {
  /** Σ merges² over the sheets so far. */
  mergeCost: number;
  mergedCells: number;
}

/**
 * Checks one entry's XML before exceljs parses it, and returns the content exceljs is to see instead
 * when it has data validations or defined names to hide (null when it can see the file's own). Every
 * entry is read, whatever its name: exceljs decides what a part is by loose patterns on the name. With
 * `takeMerges` (a sheet whose place is known: sheetParts), its merges are hidden too and returned.
 */
function guardExcelJs(
  name: string,
  content: Uint8Array,
  limits: ZipLimits,
  tally: Tally,
  takeMerges: boolean,
): { replacement: Uint8Array | null; merges: Range[] } {
  // Latin-1: one character per byte, so positions in the text are positions in the bytes.
  const text = strFromU8(content, true);

  let merges = 0;
  const ranges: Range[] = [];
  /** The cells merged so far (row × 16,384 + column): merges may not overlap, as exceljs requires. */
  const covered = new Map<number, string>();
  for (const at of elements(text, 'mergeCell')) {
    const ref = attributes(text, at, name).get('ref') ?? '';
    const range = parseRange(ref);
    if (!range) throw damaged(`${shown(name)} 中的合并单元格范围“${shown(ref)}”无法识别`);
    if (range.bottom > limits.maxRows || range.right > limits.maxColumns) {
      throw new ImportError(
        `${shown(name)} 中的合并单元格 ${ref} 超出 ${formatCount(limits.maxRows)} 行 × ${formatCount(limits.maxColumns)} 列的上限，对部门预算来说过大`,
      );
    }
    tally.mergedCells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
    if (tally.mergedCells > MAX_MERGED_CELLS) {
      throw new ImportError(
        `工作簿中合并单元格覆盖的单元格超过 ${formatCount(MAX_MERGED_CELLS)} 个，对部门预算来说过大，读取会极慢，已拒绝读取`,
      );
    }
    merges++;
    for (let row = range.top; row <= range.bottom; row++) {
      for (let col = range.left; col <= range.right; col++) {
        const earlier = covered.get(row * EXCEL_COLUMNS + col);
        if (earlier !== undefined) {
          throw damaged(`${shown(name)} 中的合并单元格 ${shown(ref)} 与 ${shown(earlier)} 重叠`);
        }
        covered.set(row * EXCEL_COLUMNS + col, ref);
      }
    }
    ranges.push(range);
  }
  if (!takeMerges) tally.mergeCost += merges * merges;
  if (tally.mergeCost > MAX_MERGE_COST) {
    throw new ImportError(
      `工作簿中的合并单元格过多（${shown(name)} 中有 ${formatCount(merges)} 处），读取会极慢，已拒绝读取`,
    );
  }

  for (const at of elements(text, 'col')) {
    const found = attributes(text, at, name);
    for (const key of ['min', 'max']) {
      const value = found.get(key);
      if (value !== undefined && !(/^\d{1,5}$/.test(value) && Number(value) <= EXCEL_COLUMNS)) {
        throw damaged(`${shown(name)} 中的列设置超出 Excel 的范围（${key}=“${shown(value)}”）`);
      }
    }
  }

  // Hidden by renaming, in opening and closing tags alike: <dataValidations> → <xataValidations>.
  let hidden: Uint8Array | null = null;
  const needles: (readonly [string, number])[] = [
    ['<dataValidation', 1],
    ['</dataValidation', 2],
    ['<definedName', 1],
    ['</definedName', 2],
  ];
  if (takeMerges) needles.push(['<mergeCell', 1], ['</mergeCell', 2]);
  for (const [needle, letter] of needles) {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      hidden ??= content.slice();
      hidden[at + letter] = 0x78; // 'x'
    }
  }
  return { replacement: hidden, merges: takeMerges ? ranges : [] };
}

/** Where the elements of this name (unprefixed, as exceljs matches them) open. */
function* elements(text: string, tag: string): Generator<number> {
  const needle = `<${tag}`;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    if (/[ \t\r\n/>]/.test(text.charAt(at + needle.length))) yield at;
  }
}

/** A start tag and its attributes, `name="value"` or `name='value'`. */
const START_TAG =
  /<[A-Za-z]+((?:[ \t\r\n]+[^ \t\r\n=<>/"']+[ \t\r\n]*=[ \t\r\n]*(?:"[^"<]*"|'[^'<]*'))*)[ \t\r\n]*\/?>/y;
const ATTRIBUTE = /([^ \t\r\n=<>/"']+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/g;

/** The attributes of the start tag at `at`; a tag that cannot be read this way is refused. */
function attributes(text: string, at: number, name: string): Map<string, string> {
  START_TAG.lastIndex = at;
  const tag = START_TAG.exec(text);
  if (!tag) throw damaged(`${shown(name)} 中有无法识别的 XML 标记`);
  const found = new Map<string, string>();
  for (const match of (tag[1] ?? '').matchAll(ATTRIBUTE)) {
    found.set(match[1] ?? '', match[2] ?? match[3] ?? '');
  }
  return found;
}

/**
 * `C5` or `A1:H20`, written plainly as Excel writes it (no `$`, no sheet, no entity). Anything else is
 * refused: exceljs reads addresses loosely, and could make a huge range of what is not read here.
 */
interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function parseRange(ref: string): Range | null {
  const match = /^([A-Z]{1,3})([1-9]\d{0,6})(?::([A-Z]{1,3})([1-9]\d{0,6}))?$/.exec(ref);
  if (!match) return null;
  const [, fromColumn = '', fromRow = '', toColumn = fromColumn, toRow = fromRow] = match;
  const columns = [columnNumber(fromColumn), columnNumber(toColumn)];
  const rows = [Number(fromRow), Number(toRow)];
  return {
    top: Math.min(...rows),
    bottom: Math.max(...rows),
    left: Math.min(...columns),
    right: Math.max(...columns),
  };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + letter.charCodeAt(0) - 64;
  return n;
}

// ---------------------------------------------------------------------------------------------------
// The zip exceljs reads: exactly the inspected entries, in a plain layout JSZip cannot read differently.

function rebuildZip(bytes: Uint8Array, inspected: readonly Entry[]): Uint8Array<ArrayBuffer> {
  // A replaced entry is stored as it is: its CRC-32 and sizes are those of the replacement.
  const entries = inspected.map((entry) => {
    const data = entry.replacement ?? bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (!entry.replacement) return { entry, data };
    const { replacement } = entry;
    const crc = crc32(0, replacement);
    return {
      entry: { ...entry, method: 0, crc, compressedSize: replacement.length, size: replacement.length },
      data,
    };
  });
  let length = 22;
  for (const { entry } of entries) length += 30 + 46 + 2 * entry.nameBytes.length + entry.compressedSize;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (entry: Entry) => {
    view.setUint16(at, 20, true); // version needed: 2.0
    view.setUint16(at + 2, entry.utf8 ? 0x0800 : 0, true);
    view.setUint16(at + 4, entry.method, true);
    view.setUint16(at + 6, entry.time, true);
    view.setUint16(at + 8, entry.date, true);
    view.setUint32(at + 10, entry.crc, true);
    view.setUint32(at + 14, entry.compressedSize, true);
    view.setUint32(at + 18, entry.size, true);
    view.setUint16(at + 22, entry.nameBytes.length, true);
    view.setUint16(at + 24, 0, true); // no extra fields
  };
  for (const { entry, data } of entries) {
    offsets.push(at);
    view.setUint32(at, SIG_LOCAL, true);
    at += 4;
    header(entry);
    at += 26;
    out.set(entry.nameBytes, at);
    at += entry.nameBytes.length;
    out.set(data, at);
    at += data.length;
  }
  const directoryOffset = at;
  entries.forEach(({ entry }, index) => {
    view.setUint32(at, SIG_CENTRAL, true);
    view.setUint16(at + 4, 20, true); // version made by: 2.0, MS-DOS attributes
    at += 6;
    header(entry);
    at += 26;
    // comment length, disk number, internal and external attributes: all 0; then the local header's offset
    view.setUint32(at + 10, offsets[index] ?? 0, true);
    at += 14;
    out.set(entry.nameBytes, at);
    at += entry.nameBytes.length;
  });
  view.setUint32(at, SIG_END, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directoryOffset, true);
  view.setUint32(at + 16, directoryOffset, true);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// After exceljs

function checkDimensions(workbook: ExcelJS.Workbook, limits: ZipLimits): void {
  for (const sheet of workbook.worksheets) {
    if (sheet.rowCount > limits.maxRows) {
      throw new ImportError(
        `工作表“${shown(sheet.name)}”用到了第 ${formatCount(sheet.rowCount)} 行，超过 ${formatCount(limits.maxRows)} 行的上限，对部门预算来说过大`,
      );
    }
    if (sheet.columnCount > limits.maxColumns) {
      throw new ImportError(
        `工作表“${shown(sheet.name)}”用到了第 ${formatCount(sheet.columnCount)} 列，超过 ${formatCount(limits.maxColumns)} 列的上限，对部门预算来说过大`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Helpers

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

/** A little-endian 64-bit value, or null beyond 2^53 (no real file is that large). */
function u64(bytes: Uint8Array, at: number): number | null {
  const high = u32(bytes, at + 4);
  return high >= 2 ** 21 ? null : high * 2 ** 32 + u32(bytes, at);
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(crc: number, data: Uint8Array): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

/** UTF-8, as JSZip reads names; fflate without TextDecoder throws on invalid UTF-8: then Latin-1. */
function decodeName(bytes: Uint8Array): string {
  try {
    return strFromU8(bytes);
  } catch {
    return strFromU8(bytes, true);
  }
}

/** A name from the file, fit to show in a message: no control characters, at most 80 characters. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

/** An error's first line, short: for a message, never a stack. */
function shortReason(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const line = (text.split('\n')[0] ?? '').trim();
  if (line === '') return '未知错误';
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}

function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatBytes(n: number): string {
  const mb = n / 2 ** 20;
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}
