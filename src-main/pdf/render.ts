/**
 * Rendering a report definition (shared/pdf/report.ts) to PDF bytes with pdfmake, in the main process or
 * the command line. Fonts come from files: the open CJK fonts shipped with the app (Noto Serif SC for
 * 宋体 and 仿宋 roles, Noto Sans SC for 黑体), or the user's Windows fonts when chosen in settings.
 * pdfkit embeds only the glyphs used (subset fonts). Nothing is fetched: URLs and other files are refused.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pdfmake from 'pdfmake';
import { PDFDocument } from 'pdf-lib';
import type { Content, Node, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import type { BudgetDocument } from '../../shared/document/schema';
import { signatureProject } from '../../shared/pdf/declarations';
import type { FormId } from '../../shared/forms/types';
import { isFlow, isFlowId, isRemarkId, lonelyRemark, startsPage, type LaidNode } from '../../shared/pdf/keep';
import { SIGNATURE_PADDING_TOP, TABLE_LAYOUTS } from '../../shared/pdf/layouts';
import { bodyLineHeight } from '../../shared/pdf/styles';
import {
  numberPages,
  reportParts,
  runDefinition,
  type FontRole,
  type ReportOptions,
} from '../../shared/pdf/report';
import { fontToken, readFace, type FontSource } from './fontFaces';
import { BUILT_FONTS_FOLDER, BUNDLED_FONT_FILES, type BundledFontFile } from './fontFiles';

export type { FontSource };

export interface FontFace {
  readonly normal: FontSource;
  readonly bold: FontSource;
}

export type FontFiles = Readonly<Record<FontRole, FontFace>>;

const resolveModule = createRequire(import.meta.url);

/**
 * The open fonts shipped with the app: out/fonts beside the built main process, or, from source, the
 * npm packages they are copied from (fontFiles.ts).
 */
export function bundledFonts(): FontFiles {
  const built = fileURLToPath(new URL(BUILT_FONTS_FOLDER, import.meta.url));
  const fromBuild = /\.(cjs|mjs)$/.test(import.meta.url) && existsSync(built);
  const file = (name: BundledFontFile) =>
    fromBuild ? join(built, name) : resolveModule.resolve(BUNDLED_FONT_FILES[name]);
  const song = { normal: file('NotoSerifSC-Regular.ttf'), bold: file('NotoSerifSC-Bold.ttf') };
  const hei = { normal: file('NotoSansSC-Regular.ttf'), bold: file('NotoSansSC-Bold.ttf') };
  return { Song: song, FangSong: song, Hei: hei };
}

/**
 * The Windows fonts official documents are set in, when this Windows has them: 宋体 (simsun.ttc), 仿宋
 * (simfang.ttf), 黑体 (simhei.ttf). They have no bold; the regular face serves for both. Used only from
 * the user's own system (never shipped: they are not free to redistribute).
 */
export function windowsFonts(fontsFolder: string): FontFiles | null {
  const song = join(fontsFolder, 'simsun.ttc');
  const fangSong = join(fontsFolder, 'simfang.ttf');
  const hei = join(fontsFolder, 'simhei.ttf');
  if (![song, fangSong, hei].every((file) => existsSync(file))) return null;
  const simSun = [song, 'SimSun'] as const;
  return {
    Song: { normal: simSun, bold: simSun },
    FangSong: { normal: fangSong, bold: fangSong },
    Hei: { normal: hei, bold: hei },
  };
}

/** %WINDIR%\Fonts, on Windows. */
export function systemFontsFolder(): string | null {
  const windows = process.env.WINDIR ?? process.env.windir;
  return windows ? join(windows, 'Fonts') : null;
}

/** Declarations laid out per pdfmake document (pdfmake holds a document's whole layout in memory). */
const DECLARATIONS_PER_RUN = 50;

/** One run of pages to lay out: plain data, so that a worker thread can do it. */
export interface RunRequest {
  readonly content: readonly Content[];
  /** The number, in the whole report, of the run's first page (null: not numbered yet). */
  readonly firstPage: number | null;
  readonly draft: boolean;
  readonly title: string;
  readonly fonts: FontFiles;
}

export interface RunResult {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  /** The page (in the whole report) each listed heading of the run landed on. */
  readonly headings: readonly (readonly [string, number])[];
  /** The projects whose signature line (under their declaration) landed alone at the top of a page. */
  readonly lonelySignatures: readonly string[];
  /** The tables whose 备注 landed at the top of a page, or ran onto the next (keep.ts lonelyRemark). */
  readonly lonelyRemarks: readonly FormId[];
}

/**
 * The whole report as PDF bytes, laid out in runs (shared/pdf/report.ts reportParts): the front, 第二部分
 * (again, with tables split, when a 备注 landed alone), the narrative, the declarations (in worker threads,
 * a run each, when there are many) and the back; then the 目录 again with the pages the headings landed
 * on, put in place of the first one; all joined into one document. `onProgress` gets the share done.
 */
export async function renderReport(
  doc: BudgetDocument,
  options: ReportOptions,
  fonts: FontFiles,
  onProgress: (share: number) => void = () => undefined,
): Promise<Uint8Array> {
  keepFontFiles(fonts);
  const parts = reportParts(doc, options);
  const chunks: (readonly Content[])[] = [];
  for (let i = 0; i < parts.declarations.length; i += DECLARATIONS_PER_RUN) {
    chunks.push(parts.declarations.slice(i, i + DECLARATIONS_PER_RUN));
  }
  const steps = chunks.length + 6;
  let done = 0;
  const step = () => onProgress(++done / steps);
  const request = (content: readonly Content[], firstPage: number | null): RunRequest => ({
    content,
    firstPage,
    draft: options.draft,
    title: parts.title,
    fonts,
  });
  const headings = new Map<string, number>();
  const note = (result: RunResult) => {
    for (const [id, page] of result.headings) headings.set(id, page);
    step();
    return result;
  };

  const front = note(await renderRun(request(parts.front(null), 1)));
  // 第二部分 is laid out again when a table's 备注 landed alone at the top of a page: with those tables'
  // last rows kept with it.
  const tablesPage = front.pageCount + 1;
  const firstTables = await renderRun(request(parts.tables([]), tablesPage));
  const tables = note(
    firstTables.lonelyRemarks.length === 0
      ? firstTables
      : await renderRun(request(parts.tables(firstTables.lonelyRemarks), tablesPage)),
  );
  const narrativePage = tablesPage + tables.pageCount;
  const narrative = note(await renderRun(request(parts.narrative, narrativePage)));
  const firstDeclaration = narrativePage + narrative.pageCount;
  // Many declarations are laid out unnumbered, in parallel, and their numbers laid over them afterwards;
  // a few (one run) are laid out here, numbered.
  const parallel = chunks.length > 1;
  // pdfmake writes into the nodes it lays out: here a copy is laid out (a worker gets its own), so that
  // a run can be laid out again from the same content.
  const render = (chunk: readonly Content[]) =>
    parallel
      ? pool().render(request(chunk, null))
      : renderRun(request(structuredClone(chunk), firstDeclaration));
  const runs = await Promise.all(
    chunks.map(async (chunk, c) => {
      const result = await render(chunk);
      if (result.lonelySignatures.length === 0) return note(result);
      // A form whose table just filled its page left its signature line alone on the next one (the
      // forms are set tight beforehand where an estimate says so, which misses now and then, and in
      // other fonts): those forms are laid out again set tight, so that each fits its page.
      const lonely = new Set(result.lonelySignatures);
      const projects = parts.declarationProjects.slice(c * DECLARATIONS_PER_RUN);
      const tightened = chunk.map((content, i) => {
        const project = projects[i];
        const tight = project && lonely.has(project) ? parts.tightDeclaration(project) : null;
        return tight ?? content;
      });
      return note(await render(tightened));
    }),
  );
  const declarationPages = runs.reduce((total, run) => total + run.pageCount, 0);
  const numbers = parallel
    ? {
        bytes: await renderPdf(numberPages(declarationPages, firstDeclaration, parts.title), fonts),
        count: declarationPages,
      }
    : { bytes: new Uint8Array(), count: 0 };
  const back = note(await renderRun(request(parts.back, firstDeclaration + declarationPages)));
  // The 目录 again, now with its page numbers; it fills the same pages as before.
  const body = headings.get(parts.entries[0]?.id ?? '') ?? front.pageCount + 1;
  const contents = note(await renderRun(request([parts.tableOfContents(headings)], 2)));
  if (contents.pageCount !== body - 2) {
    throw new Error(`目录的页码改变了目录的页数（${body - 2} → ${contents.pageCount}）`);
  }
  const joined = await joinRuns(
    [
      { bytes: front.bytes, pages: [0] },
      { bytes: contents.bytes },
      { bytes: front.bytes, from: body - 1 },
      { bytes: tables.bytes },
      { bytes: narrative.bytes },
      ...runs.map((run) => ({ bytes: run.bytes })),
      { bytes: back.bytes },
    ],
    { ...numbers, firstPage: firstDeclaration },
    parts.title,
  );
  step();
  return joined;
}

/**
 * Lays out one run here, noting the pages its listed headings land on, the signature lines that start a
 * page and the 备注 that land alone; headings and paragraphs that would break badly start a page
 * (keep.ts).
 */
export async function renderRun(request: RunRequest): Promise<RunResult> {
  const headings: [string, number][] = [];
  const lonelySignatures: string[] = [];
  const lonelyRemarks: FormId[] = [];
  const bodyLine = bodyLineHeight(lineEm(request.fonts.FangSong.normal));
  const pageOf = (page: number) => page + (request.firstPage ?? 1) - 1;
  const definition = runDefinition(request.content, request);
  const { footer } = definition;
  let pageCount = 0;
  const bytes = await renderPdf(
    {
      ...definition,
      // pdfmake asks for the footer of every page, with their count, once the run is laid out: the run's
      // pages counted there, not by parsing its PDF again.
      footer: (currentPage, pages, pageSize) => {
        pageCount = pages;
        return (typeof footer === 'function' ? footer(currentPage, pages, pageSize) : footer) ?? null;
      },
      // pdfmake asks, node by node in order, once the run is laid out, whether a node should start a
      // page; when one should, it lays the run out again with that break and asks about the nodes after
      // it. A way to learn where each heading landed, which signature lines and 备注 start a page, and to
      // keep headings with their text and paragraphs whole at a page's foot or top.
      pageBreakBefore: (node, nodes) => {
        if (typeof node.id !== 'string' || node.id === '') return false;
        const project = signatureProject(node.id);
        if (project !== null) {
          if (signatureStartsPage(node)) lonelySignatures.push(project);
          return false;
        }
        const laid = laidNode(node);
        // A heading listed in the 目录 (paragraphs and 备注 have ids of their own).
        const listed = !isFlowId(node.id) && !isRemarkId(node.id);
        if (isFlow(laid)) {
          const before = flowNodes(nodes.getPreviousNodesOnPage()).at(-1);
          const after = flowNodes([...nodes.getFollowingNodesOnPage(), ...nodes.getNodesOnNextPage()]);
          if (startsPage(laid, before, after, bodyLine)) {
            // Not asked again: it lands at the top of the next page.
            if (listed) headings.push([node.id, pageOf(laid.page + 1)]);
            return true;
          }
        }
        const remark = lonelyRemark(laid);
        if (remark !== null) lonelyRemarks.push(remark);
        else if (listed) headings.push([node.id, pageOf(laid.page)]);
        return false;
      },
    },
    request.fonts,
  );
  return { bytes, pageCount, headings, lonelySignatures, lonelyRemarks };
}

/** Where a node landed, as keep.ts weighs it. */
function laidNode(node: Node): LaidNode {
  const { pageNumber, verticalRatio, pageInnerHeight } = node.startPosition;
  return {
    id: node.id ?? '',
    style: typeof node.style === 'string' ? node.style : '',
    page: pageNumber,
    // Not the last of pageNumbers: a block kept together (unbreakable) that went over to the next page
    // also lists the page it was tried on.
    lastPage: Math.max(pageNumber, ...node.pageNumbers),
    top: verticalRatio * pageInnerHeight,
    pageHeight: pageInnerHeight,
  };
}

/** The headings and paragraphs among nodes, each once, in order. */
function flowNodes(nodes: readonly Node[]): LaidNode[] {
  const seen = new Set<string>();
  const flow: LaidNode[] = [];
  for (const node of nodes) {
    if (typeof node.id !== 'string' || seen.has(node.id)) continue;
    seen.add(node.id);
    const laid = laidNode(node);
    if (isFlow(laid)) flow.push(laid);
  }
  return flow;
}

/** A face's line height in em, as pdfkit sets its lines (ascent less descent), read once per face. */
const lineEms = new Map<string, number>();

function lineEm(source: FontSource): number {
  const key = typeof source === 'string' ? source : source.join('|');
  let em = lineEms.get(key);
  if (em === undefined) {
    const face = readFace(source);
    em = (face.ascent - face.descent) / face.unitsPerEm;
    lineEms.set(key, em);
  }
  return em;
}

/**
 * Whether a signature line starts its page (nothing of its form above it): its first label is at the top
 * of the page's text area, under only the line's own padding.
 */
function signatureStartsPage(signature: Node): boolean {
  const { verticalRatio, pageInnerHeight } = signature.startPosition;
  return verticalRatio * pageInnerHeight <= SIGNATURE_PADDING_TOP + 1;
}

/** The runs' pages, one after another, as one PDF; the number pages laid over the pages they number. */
async function joinRuns(
  runs: readonly { readonly bytes: Uint8Array; readonly pages?: readonly number[]; readonly from?: number }[],
  numbers: { readonly bytes: Uint8Array; readonly firstPage: number; readonly count: number },
  title: string,
): Promise<Uint8Array> {
  const joined = await PDFDocument.create();
  joined.setTitle(title);
  joined.setCreator('部门预算编制助手');
  joined.setProducer('部门预算编制助手');
  const loaded = new Map<Uint8Array, PDFDocument>();
  for (const run of runs) {
    let source = loaded.get(run.bytes);
    if (!source) {
      source = await PDFDocument.load(run.bytes);
      loaded.set(run.bytes, source);
    }
    const indices = run.pages ?? source.getPageIndices().slice(run.from ?? 0);
    for (const page of await joined.copyPages(source, [...indices])) joined.addPage(page);
  }
  if (numbers.count > 0) {
    const source = await PDFDocument.load(numbers.bytes);
    const overlays = await joined.embedPages(source.getPages());
    overlays.forEach((overlay, i) => joined.getPage(numbers.firstPage - 1 + i).drawPage(overlay));
  }
  return joined.save();
}

/** Worker threads that lay out runs, made on first use and kept for the process. */
let workers: RunPool | null = null;

function pool(): RunPool {
  workers ??= new RunPool(Math.max(1, Math.min(availableParallelism(), 4)));
  return workers;
}

class RunPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.idle.push(startWorker());
  }

  async render(request: RunRequest): Promise<RunResult> {
    let worker = this.idle.pop() ?? (await new Promise<Worker>((resolve) => this.waiting.push(resolve)));
    try {
      return await new Promise<RunResult>((resolve, reject) => {
        const onMessage = (message: { result?: RunResult; error?: string }) => {
          worker.off('error', onError);
          if (message.result) resolve(message.result);
          else reject(new Error(message.error ?? '排版失败'));
        };
        const onError = (error: Error) => {
          worker.off('message', onMessage);
          // The worker has stopped: a new one takes its place.
          void worker.terminate();
          worker = startWorker();
          reject(error);
        };
        worker.once('message', onMessage);
        worker.once('error', onError);
        worker.postMessage(request);
      });
    } finally {
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
    }
  }
}

/**
 * A worker running pdfWorker, beside this module: .cjs in the built app, .mjs in the bundled benchmark;
 * from source (.ts), through pdfWorkerSource.mjs, which loads it with tsx. It does not keep the process
 * alive.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  const extension = /\.(\w+)$/.exec(here)?.[1] ?? 'js';
  const script = extension === 'ts' ? './pdfWorkerSource.mjs' : `./pdfWorker.${extension}`;
  const worker = new Worker(new URL(script, here));
  worker.unref();
  return worker;
}

/**
 * pdfmake's files in memory, where it looks for a font by its path before it reads the file
 * (PDFDocument.provideFont). Its types leave them out (they give them for browsers only).
 */
const memoryFiles = (
  pdfmake as unknown as {
    readonly virtualfs: {
      existsSync(path: string): boolean;
      writeFileSync(path: string, content: Buffer): void;
    };
  }
).virtualfs;

/**
 * Keeps a report's faces for the thread that lays reports out (the app's job worker, kept between jobs,
 * or the command line): pdfmake looks for a face's file in its in-memory files first, and finds there a
 * token for the face parsed once (fontFaces.ts), instead of reading and parsing it again for every run of
 * every export (~50 MB of font files, ~60 ms a face and run). The threads laying out declarations keep none.
 */
function keepFontFiles(fonts: FontFiles): void {
  for (const file of fontFiles(fonts)) {
    if (!memoryFiles.existsSync(file)) memoryFiles.writeFileSync(file, fontToken(file));
  }
}

/** The files a report's faces come from (a collection's file once). */
function fontFiles(fonts: FontFiles): Set<string> {
  const fileOf = (source: FontSource) => (typeof source === 'string' ? source : source[0]);
  return new Set(Object.values(fonts).flatMap((face) => [fileOf(face.normal), fileOf(face.bold)]));
}

/** Renders one pdfmake document; `onProgress` receives the share of pages written (0 … 1). */
export async function renderPdf(
  definition: TDocumentDefinitions,
  fonts: FontFiles,
  onProgress?: (share: number) => void,
): Promise<Uint8Array> {
  const files = fontFiles(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setTableLayouts(TABLE_LAYOUTS);
  pdfmake.setLocalAccessPolicy((path) => files.has(path));
  pdfmake.setProgressCallback(onProgress ?? (() => undefined));
  const source = (face: FontSource): string | string[] => (typeof face === 'string' ? face : [...face]);
  const dictionary = Object.fromEntries(
    Object.entries(fonts).map(([role, face]) => [
      role,
      {
        normal: source(face.normal),
        bold: source(face.bold),
        italics: source(face.normal),
        bolditalics: source(face.bold),
      },
    ]),
  );
  // pdfmake takes a font in a collection as [file, PostScript name] (PDFDocument.provideFont); its types
  // know only single files.
  pdfmake.setFonts(dictionary as TFontDictionary);
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer);
}
