/**
 * openWorkbook refuses what is not a plausible budget workbook with an ImportError the user can act on,
 * and stops zip bombs early. The hostile inputs are built so that an implementation trusting the zip's
 * headers, or inflating whole entries, would take seconds to minutes or gigabytes of memory.
 */
import ExcelJS from 'exceljs';
import {
  Deflate,
  deflateSync,
  inflateSync,
  strFromU8,
  strToU8,
  unzipSync,
  zipSync,
  type Zippable,
} from 'fflate';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from './problems';
import { openWorkbook } from './safeOpen';

const MB = 2 ** 20;
const NOT_XLSX = '这不是 Excel 工作簿（.xlsx）文件';

/** The ImportError openWorkbook rejects with (failing the test on success or any other error). */
async function refusal(bytes: Uint8Array, limits?: Parameters<typeof openWorkbook>[1]): Promise<string> {
  try {
    await openWorkbook(bytes, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    if (error instanceof ImportError) return error.message;
  }
  throw new Error('the workbook was opened');
}

async function xlsx(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** mulberry32: a small seeded PRNG, so that the random inputs are the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function randomBytes(length: number, random: () => number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

/**
 * A raw deflate stream of `1 + 258 × pairs` zeros, written directly (fixed Huffman codes: a literal 0,
 * then <length 258, distance 1> repeated): 13 bits per 258 bytes, about 159:1 — under a 200:1 ratio
 * limit, so only counting the inflated bytes stops it. A gigabyte takes ~6 MB and milliseconds to make.
 */
function zerosStream(pairs: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + 8 + 13 * pairs + 7) / 8) + 1);
  let at = 0;
  let acc = 0;
  let bits = 0;
  const put = (value: number, count: number) => {
    acc |= value << bits;
    bits += count;
    while (bits >= 8) {
      out[at++] = acc & 0xff;
      acc >>>= 8;
      bits -= 8;
    }
  };
  /** Huffman codes go most significant bit first. */
  const code = (value: number, count: number) => {
    let reversed = 0;
    for (let i = 0; i < count; i++) reversed |= ((value >> i) & 1) << (count - 1 - i);
    return reversed;
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE = fixed Huffman
  put(code(0x30, 8), 8); // literal 0
  const pair = code(0xc5, 8) | (code(0, 5) << 8); // length code 285 (258), distance code 0 (1)
  for (let i = 0; i < pairs; i++) put(pair, 13);
  put(code(0, 7), 7); // end of block
  put(0, 7); // to a byte boundary
  return out.subarray(0, at);
}

interface RawEntry {
  readonly name: string;
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  /** The CRC-32 and uncompressed size the headers claim. */
  readonly crc: number;
  readonly size: number;
}

function stored(name: string, text: string): RawEntry {
  const data = strToU8(text);
  return { name, data, method: 0, crc: crc32(data), size: data.length };
}

/** The two parts an .xlsx must have, as small stored entries. */
const REQUIRED = [stored('[Content_Types].xml', '<Types/>'), stored('xl/workbook.xml', '<workbook/>')];

/**
 * A zip written field by field, so that its headers can lie. `central` lists the entries the central
 * directory names, by index (an index may repeat: entries that share their data).
 */
function rawZip(
  entries: readonly RawEntry[],
  central: readonly number[] = entries.map((_, i) => i),
): Uint8Array {
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  const push = (part: Uint8Array) => {
    parts.push(part);
    offset += part.length;
  };
  const fields = (view: DataView, at: number, entry: RawEntry, nameLength: number) => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 4, entry.method, true);
    view.setUint32(at + 10, entry.crc, true);
    view.setUint32(at + 14, entry.data.length, true);
    view.setUint32(at + 18, entry.size, true);
    view.setUint16(at + 22, nameLength, true);
  };
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const header = new Uint8Array(30);
    const view = new DataView(header.buffer);
    view.setUint32(0, 0x04034b50, true);
    fields(view, 4, entry, name.length);
    offsets.push(offset);
    push(header);
    push(name);
    push(entry.data);
  }
  const directoryOffset = offset;
  for (const index of central) {
    const entry = entries[index];
    if (!entry) throw new Error(`no entry ${index}`);
    const name = strToU8(entry.name);
    const header = new Uint8Array(46);
    const view = new DataView(header.buffer);
    view.setUint32(0, 0x02014b50, true);
    view.setUint16(4, 20, true);
    fields(view, 6, entry, name.length);
    view.setUint32(42, offsets[index] ?? 0, true);
    push(header);
    push(name);
  }
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, central.length, true);
  view.setUint16(10, central.length, true);
  view.setUint32(12, offset - directoryOffset, true);
  view.setUint32(16, directoryOffset, true);
  push(end);
  const out = new Uint8Array(offset);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Deflated zeros made with fflate's streaming Deflate, 1 MB at a time (never all held at once). */
function deflatedZeros(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => chunks.push(chunk));
  const zeros = new Uint8Array(MB);
  for (let i = 0; i < megabytes; i++) deflate.push(zeros, i === megabytes - 1);
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

let valid: Uint8Array;
/** 8 MB of zeros deflated (~1,000:1). */
let zeros8: Uint8Array;

beforeAll(async () => {
  zeros8 = deflatedZeros(8);
  valid = await xlsx((workbook) => {
    const sheet = workbook.addWorksheet('表1 收支总表');
    sheet.getCell('A1').value = '部门收支总表';
    sheet.mergeCells('A1:C1');
    sheet.getCell('B5').value = 1234.56;
    sheet.getCell('C5').value = { formula: 'B5*2', result: 2469.12 };
    workbook.addWorksheet('表2 收入总表').getCell('A1').value = '部门收入总表';
  });
});

describe('openWorkbook: a valid workbook', () => {
  it('opens, with its sheets and values', async () => {
    const workbook = await openWorkbook(valid);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['表1 收支总表', '表2 收入总表']);
    const sheet = workbook.getWorksheet('表1 收支总表');
    expect(sheet?.getCell('A1').value).toBe('部门收支总表');
    expect(sheet?.getCell('B5').value).toBe(1234.56);
    expect(sheet?.getCell('C1').isMerged).toBe(true);
  });

  it('opens although its headers misstate the sizes (only what inflates counts)', async () => {
    const files = unzipSync(valid);
    const entries = Object.entries(files).map(([name, data]): RawEntry => ({
      name,
      data: deflateSync(data),
      method: 8,
      crc: crc32(data),
      size: 3_000_000_000,
    }));
    const workbook = await openWorkbook(rawZip(entries));
    expect(workbook.worksheets).toHaveLength(2);
  });
});

describe('openWorkbook: not an .xlsx', () => {
  it('an empty file', async () => {
    expect(await refusal(new Uint8Array(0))).toBe(`${NOT_XLSX}：文件是空的（0 字节）`);
  });

  it('random bytes', async () => {
    expect(await refusal(randomBytes(256 * 1024, prng(1)))).toBe(NOT_XLSX);
  });

  it('random bytes behind a zip signature', async () => {
    const bytes = randomBytes(256 * 1024, prng(2));
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refusal(bytes)).toMatch(new RegExp(`^${NOT_XLSX}，或文件已损坏：找不到 zip 目录`));
  });

  it('a workbook cut in half', async () => {
    const big = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('表3');
      for (let row = 1; row <= 200; row++) sheet.addRow([`科目${row}`, row * 100, row * 7]);
    });
    expect(await refusal(big.subarray(0, Math.floor(big.length / 2)))).toBe(
      `${NOT_XLSX}，或文件已损坏：找不到 zip 目录（文件可能不完整，只下载或复制了一部分）`,
    );
  });

  it('an old binary .xls (OLE compound file)', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const message = await refusal(bytes);
    expect(message).toMatch(/^这是旧版 Excel 工作簿（\.xls）/);
    expect(message).toContain('请在 Excel/WPS 中打开后另存为 .xlsx');
  });

  it('an .xlsx with an open password (OLE container with EncryptionInfo)', async () => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const view = new DataView(bytes.buffer);
    view.setUint16(30, 9, true); // 512-byte sectors
    const directoryEntry = (at: number, name: string, type: number) => {
      for (let i = 0; i < name.length; i++) view.setUint16(at + 2 * i, name.charCodeAt(i), true);
      view.setUint16(at + 64, (name.length + 1) * 2, true);
      bytes[at + 66] = type;
    };
    directoryEntry(512, 'Root Entry', 5);
    directoryEntry(640, 'EncryptionInfo', 2);
    directoryEntry(768, 'EncryptedPackage', 2);
    expect(await refusal(bytes)).toBe(
      '工作簿设有打开密码（已加密），无法读取：请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入',
    );
  });

  it('a web page saved as “.xls”', async () => {
    const message = await refusal(
      strToU8('\uFEFF\n<html><body><table><tr><td>1</td></tr></table></body></html>'),
    );
    expect(message).toMatch(new RegExp(`^${NOT_XLSX}：它看起来是网页（HTML）`));
  });

  it('a zip without xl/workbook.xml', async () => {
    const files: Zippable = unzipSync(valid);
    delete files['xl/workbook.xml'];
    expect(await refusal(zipSync(files))).toBe('文件已损坏或不是 Excel 工作簿：缺少 xl/workbook.xml');
  });

  it('a zip with neither part (another kind of document)', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    expect(await refusal(zip)).toBe(
      '文件已损坏或不是 Excel 工作簿：缺少 [Content_Types].xml、xl/workbook.xml',
    );
  });

  it('a workbook whose sheet XML is broken: exceljs’s error, short and without a stack', async () => {
    const files: Zippable = unzipSync(valid);
    files['xl/workbook.xml'] = strToU8('<workbook><sheets><sheet name="x" sheetId="1"');
    const message = await refusal(zipSync(files));
    expect(message).toMatch(/^文件已损坏，无法读取：/);
    expect(message).not.toMatch(/\n|at .*\.js/);
  });

  it('an entry whose data does not match its checksum', async () => {
    const bytes = rawZip([...REQUIRED, { ...stored('xl/styles.xml', '<styleSheet/>'), crc: 12345 }]);
    expect(await refusal(bytes)).toBe('文件已损坏，无法读取：xl/styles.xml 的校验和不符');
  });
});

describe('openWorkbook: zip bombs and oversized files', () => {
  it('the hand-made stream of zeros is valid deflate (so the bombs below are real)', () => {
    const inflated = inflateSync(zerosStream(1000));
    expect(inflated.length).toBe(1 + 258 * 1000);
    expect(inflated.every((byte) => byte === 0)).toBe(true);
  });

  it('one entry of 1 GB of zeros, its header claiming 1 KB, at 159:1: stopped at 50 MB', async () => {
    const stream = zerosStream(Math.ceil(2 ** 30 / 258));
    expect(stream.length).toBeLessThan(7 * MB);
    const bomb: RawEntry = { name: 'xl/worksheets/sheet1.xml', data: stream, method: 8, crc: 0, size: 1024 };
    expect(await refusal(rawZip([...REQUIRED, bomb]))).toBe(
      '工作簿中的 xl/worksheets/sheet1.xml 解压后超过 50 MB 的上限，文件过大，不像是部门预算工作簿',
    );
  });

  it('an entry of zeros deflated ~1000:1: stopped by the ratio', async () => {
    const bomb: RawEntry = { name: 'xl/sharedStrings.xml', data: zeros8, method: 8, crc: 0, size: 100 };
    expect(await refusal(rawZip([bomb, ...REQUIRED]))).toBe(
      '工作簿中的 xl/sharedStrings.xml 压缩比异常（超过 200:1），可能是恶意构造的“压缩炸弹”，已拒绝读取',
    );
  });

  it('a lowered entry limit, passed in', async () => {
    const entry: RawEntry = { name: 'xl/media/image1.png', data: zeros8, method: 8, crc: 0, size: 10 };
    expect(await refusal(rawZip([...REQUIRED, entry]), { maxEntryBytes: 4 * MB, maxRatio: Infinity })).toBe(
      '工作簿中的 xl/media/image1.png 解压后超过 4 MB 的上限，文件过大，不像是部门预算工作簿',
    );
  });

  it('entries each under the entry limit but together over the total', async () => {
    const pairs = Math.ceil((4 * MB) / 258);
    const zeros = 1 + 258 * pairs;
    const data = zerosStream(pairs);
    const crc = crc32(new Uint8Array(zeros));
    const sheets = [1, 2, 3].map((n): RawEntry => ({
      name: `xl/worksheets/sheet${n}.xml`,
      data,
      method: 8,
      crc,
      size: 1,
    }));
    expect(await refusal(rawZip([...REQUIRED, ...sheets]), { maxTotalBytes: 10 * MB })).toBe(
      '工作簿解压后的总大小超过 10 MB 的上限，文件过大，不像是部门预算工作簿',
    );
  });

  it('one stream listed many times by the central directory (an overlapping bomb)', async () => {
    const data = zerosStream(Math.ceil((10 * MB) / 258));
    const bomb: RawEntry = { name: 'a.xml', data, method: 8, crc: 0, size: 1 };
    const zip = rawZip([...REQUIRED, bomb], [0, 1, ...Array.from({ length: 1000 }, () => 2)]);
    expect(await refusal(zip)).toBe(`${NOT_XLSX}，或文件已损坏：zip 条目的数据互相重叠`);
  });

  it('20,000 tiny entries', async () => {
    const files: Zippable = {
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<w/>'),
    };
    for (let i = 0; i < 20_000; i++) files[`xl/parts/p${i}.xml`] = new Uint8Array(0);
    expect(await refusal(zipSync(files, { level: 0 }))).toBe(
      '工作簿内部的文件过多（20,002 个），超过 10,000 个的上限，不像是部门预算工作簿',
    );
  });

  it('a file larger than the total limit', async () => {
    const bytes = new Uint8Array(2 * MB);
    bytes.set(valid);
    expect(await refusal(bytes, { maxTotalBytes: MB })).toBe(
      '文件过大（2 MB），超过 1 MB 的上限，不像是部门预算工作簿',
    );
  });

  it('a sheet reaching row 300,000', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('明细');
      sheet.getCell('A1').value = '科目';
      sheet.getCell('B300000').value = 1;
    });
    expect(await refusal(bytes)).toBe(
      '工作表“明细”用到了第 300,000 行，超过 200,000 行的上限，对部门预算来说过大',
    );
  });

  it('a sheet reaching column 600', async () => {
    const bytes = await xlsx((workbook) => {
      workbook.addWorksheet('宽表').getRow(1).getCell(600).value = 1;
    });
    expect(await refusal(bytes)).toBe('工作表“宽表”用到了第 600 列，超过 500 列的上限，对部门预算来说过大');
  });
});

/** The valid workbook with one sheet's XML (or the workbook's) edited. */
function edited(
  part: 'xl/worksheets/sheet1.xml' | 'xl/worksheets/sheet2.xml' | 'xl/workbook.xml',
  edit: (xml: string) => string,
): Uint8Array {
  const files: Zippable = unzipSync(valid);
  const xml = files[part];
  if (!(xml instanceof Uint8Array)) throw new Error(`no ${part}`);
  files[part] = strToU8(edit(strFromU8(xml)));
  return zipSync(files);
}

/** Elements added after the sheet's data, where Excel writes merges and validations. */
function afterSheetData(elements: string): (xml: string) => string {
  return (xml) => {
    const at = xml.indexOf('</sheetData>') + '</sheetData>'.length;
    return xml.slice(0, at) + elements + xml.slice(at);
  };
}

describe('openWorkbook: ranges exceljs would expand cell by cell (each of these alone hangs exceljs)', () => {
  it('a data validation over the whole sheet is hidden from exceljs', async () => {
    const bytes = edited(
      'xl/worksheets/sheet1.xml',
      afterSheetData(
        '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>',
      ),
    );
    const workbook = await openWorkbook(bytes);
    expect(workbook.worksheets[0]?.getCell('B5').value).toBe(1234.56);
  });

  it('a defined name over the whole sheet is hidden from exceljs', async () => {
    const bytes = edited('xl/workbook.xml', (xml) =>
      xml.replace(
        '</sheets>',
        '</sheets><definedNames><definedName name="全部">\'表1 收支总表\'!$A$1:$XFD$1048576</definedName></definedNames>',
      ),
    );
    const workbook = await openWorkbook(bytes);
    expect(workbook.worksheets).toHaveLength(2);
  });

  it('a merge over the whole sheet', async () => {
    const bytes = edited(
      'xl/worksheets/sheet2.xml',
      afterSheetData('<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    );
    expect(await refusal(bytes)).toBe(
      'xl/worksheets/sheet2.xml 中的合并单元格 A1:XFD1048576 超出 200,000 行 × 500 列的上限，对部门预算来说过大',
    );
  });

  it('a merge written loosely (exceljs would read A1:X-FD1048576 as A1:XFD1048576)', async () => {
    const bytes = edited(
      'xl/worksheets/sheet2.xml',
      afterSheetData('<mergeCells><mergeCell ref="A1:X-FD1048576"/></mergeCells>'),
    );
    expect(await refusal(bytes)).toBe(
      '文件已损坏，无法读取：xl/worksheets/sheet2.xml 中的合并单元格范围“A1:X-FD1048576”无法识别',
    );
  });

  it('merges covering more than a million cells', async () => {
    const merges = Array.from(
      { length: 3 },
      (_, i) => `<mergeCell ref="${['A', 'E', 'I'][i] ?? ''}1:${['D', 'H', 'L'][i] ?? ''}100000"/>`,
    );
    const bytes = edited(
      'xl/worksheets/sheet2.xml',
      afterSheetData(`<mergeCells>${merges.join('')}</mergeCells>`),
    );
    expect(await refusal(bytes)).toBe(
      '工作簿中合并单元格覆盖的单元格超过 1,000,000 个，对部门预算来说过大，读取会极慢，已拒绝读取',
    );
  });

  /** `count` merges of two cells each, one a row, from row 10 down. */
  const pairs = (count: number) =>
    afterSheetData(
      `<mergeCells>${Array.from({ length: count }, (_, i) => `<mergeCell ref="A${2 * i + 10}:B${2 * i + 10}"/>`).join('')}</mergeCells>`,
    );

  it('12,000 merges in one sheet are made here, not by exceljs (which checks each against all before it: ~15 s)', async () => {
    const workbook = await openWorkbook(edited('xl/worksheets/sheet2.xml', pairs(12_000)));
    const sheet = workbook.worksheets[1];
    if (!sheet) throw new Error('two sheets');
    for (const row of [10, 12, 24_008]) {
      expect(sheet.getCell(row, 2).master.address).toBe(`A${row}`);
      expect(sheet.getCell(row + 1, 2).isMerged).toBe(false);
    }
    // The other sheet is untouched.
    expect(workbook.worksheets[0]?.getCell('B5').value).toBe(1234.56);
  });

  it('sheets whose merges together were over the old limit open (a 2,100-project workbook was refused)', async () => {
    // Σ merges² over the sheets was capped at 10,000²: 2 × 7,100² is over it.
    const files: Zippable = unzipSync(valid);
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      const xml = files[part];
      if (!(xml instanceof Uint8Array)) throw new Error(`no ${part}`);
      files[part] = strToU8(pairs(7_100)(strFromU8(xml)));
    }
    const workbook = await openWorkbook(zipSync(files));
    expect(workbook.worksheets.map((sheet) => sheet.getCell('B10').master.address)).toEqual(['A10', 'A10']);
  });

  it('12,000 merges in a sheet exceljs would merge itself (its place not read plainly) are refused', async () => {
    // Both sheets given the same id: exceljs keeps one; which one is exceljs's to say.
    const once = edited('xl/worksheets/sheet2.xml', pairs(12_000));
    const files: Zippable = unzipSync(once);
    const workbookXml = files['xl/workbook.xml'];
    if (!(workbookXml instanceof Uint8Array)) throw new Error('no workbook.xml');
    files['xl/workbook.xml'] = strToU8(strFromU8(workbookXml).replace(/sheetId="2"/, 'sheetId="1"'));
    expect(await refusal(zipSync(files))).toBe(
      '工作簿中的合并单元格过多（xl/worksheets/sheet2.xml 中有 12,000 处），读取会极慢，已拒绝读取',
    );
  });

  it('merges that overlap (exceljs would stop with an English message)', async () => {
    const bytes = edited(
      'xl/worksheets/sheet2.xml',
      afterSheetData('<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>'),
    );
    expect(await refusal(bytes)).toBe(
      '文件已损坏，无法读取：xl/worksheets/sheet2.xml 中的合并单元格 B2:C3 与 A1:B2 重叠',
    );
  });

  it('a column setting beyond Excel’s 16,384 columns', async () => {
    const bytes = edited('xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(
        /<cols>[\s\S]*?<\/cols>|<sheetData>/,
        '<cols><col min="1" max="100000000" width="9"/></cols><sheetData>',
      ),
    );
    expect(await refusal(bytes)).toBe(
      '文件已损坏，无法读取：xl/worksheets/sheet1.xml 中的列设置超出 Excel 的范围（max=“100000000”）',
    );
  });
});

describe('openWorkbook: damaged copies of a valid workbook', () => {
  /** What happened to each input: opened, or the ImportError's message; anything else is collected. */
  async function outcomes(
    inputs: readonly Uint8Array[],
  ): Promise<{ opened: number; refused: number; other: string[] }> {
    let opened = 0;
    let refused = 0;
    const other: string[] = [];
    for (const [index, bytes] of inputs.entries()) {
      try {
        await openWorkbook(bytes);
        opened++;
      } catch (error) {
        if (error instanceof ImportError) refused++;
        else other.push(`#${index}: ${String(error)}`);
      }
    }
    return { opened, refused, other };
  }

  it('300 byte-level mutations (flip, truncate, splice) each open or throw ImportError', async () => {
    const random = prng(20240601);
    const pick = (n: number) => Math.floor(random() * n);
    const inputs = Array.from({ length: 300 }, (_, i) => {
      const bytes = valid.slice();
      switch (i % 3) {
        case 0: {
          for (let flips = 1 + pick(4); flips > 0; flips--) bytes[pick(bytes.length)] = pick(256);
          return bytes;
        }
        case 1:
          return bytes.subarray(0, pick(bytes.length));
        default: {
          // A run of the file copied over another place (or random bytes inserted).
          const from = pick(bytes.length);
          const piece =
            random() < 0.5 ? bytes.slice(from, from + 1 + pick(64)) : randomBytes(1 + pick(64), random);
          const at = pick(bytes.length);
          const spliced = new Uint8Array(bytes.length + piece.length);
          spliced.set(bytes.subarray(0, at));
          spliced.set(piece, at);
          spliced.set(bytes.subarray(at), at + piece.length);
          if (random() < 0.5) return spliced;
          bytes.set(piece.subarray(0, bytes.length - at), at);
          return bytes;
        }
      }
    });
    const result = await outcomes(inputs);
    expect(result.other).toEqual([]);
    expect(result.refused).toBeGreaterThan(0);
  });

  it('60 mutations inside the XML (a zip that is sound, contents that are not) reach exceljs', async () => {
    const random = prng(7);
    const pick = (n: number) => Math.floor(random() * n);
    const files = unzipSync(valid);
    const names = Object.keys(files).filter((name) => name.endsWith('.xml') || name.endsWith('.rels'));
    const inputs = Array.from({ length: 60 }, () => {
      const name = names[pick(names.length)] ?? '';
      const data = (files[name] ?? new Uint8Array(0)).slice();
      for (let flips = 1 + pick(3); flips > 0; flips--) {
        data[pick(data.length)] = '<>/="\' a1'.charCodeAt(pick(9));
      }
      return zipSync({ ...files, [name]: data });
    });
    const result = await outcomes(inputs);
    expect(result.other).toEqual([]);
    expect(result.opened).toBeGreaterThan(0);
    expect(result.refused).toBeGreaterThan(0);
  });
});
