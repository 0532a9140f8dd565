/**
 * P. Performance-target declarations (绩效目标申报表, CHECKS.md). The 整体 declaration's income and
 * expenditure figures are computed from the tables, so what is checked is what the accountant types: the
 * project declarations' 元 amounts against 表12, and the indicator grids.
 *
 * Indicator findings are grouped by declaration, not by indicator: one finding lists every indicator of
 * a declaration that has the problem, and when the 实施期 and 年度 grids repeat each other (as published
 * declarations usually do) it says so once. Checks read the declaration from the current document when
 * they run, so that editing one (area 'declarations' or 'performance') re-runs them.
 */
import { FUNDING_LABELS, FUNDING_PART_KEYS, needsDeclaration, PROJECT_TEXTS } from '../../declarations/form';
import { templateWords } from '../templateText';
import { projectById } from '../../document/lookup';
import type { BudgetDocument, Indicator, Project, ProjectDeclaration } from '../../document/schema';
import type { CellRef, Expr } from '../../forms/types';
import {
  Decimal,
  formatPlain,
  roundCents,
  sum,
  toAmount,
  toDecimal,
  wanToYuan,
  ZERO,
  type Amount,
} from '../../money';
import {
  cellTarget,
  fieldTarget,
  type Area,
  type Check,
  type CheckContext,
  type FindingDraft,
  type Level,
  type Rule,
} from '../types';

// ---------------------------------------------------------------------------------------------------
// Reading indicator values

/** Full-width digits and signs as ASCII, thousands separators and spaces dropped. */
function plain(text: string): string {
  return text
    .replace(/[\uff10-\uff19\uff05\uff0e\uff1c-\uff1e]/g, (ch) =>
      String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
    )
    .replace(/(\d)[,，](?=\d{3})/g, '$1')
    .replace(/\s+/g, '');
}

/** A comparison: a sign, a word for one, a deadline (…前, …内) or a range (90%-95%). */
const SIGN =
  /[≥≤=<>≧≦~～—-]|不低于|不高于|不少于|不多于|不超过|不大于|不小于|达到|达|高于|低于|大于|小于|等于|超过|以上|以下|以内|之内|至少|最多|控制在|前|内|至|到/;
/** A unit right after a number: %, 个, 次, 万元, 年… (not 以上 / 之内 / 前 / 左右, which are signs). */
const UNIT = /\d(?:%|‰|㎡|[A-Za-z]|(?![以之前内左])[\u4e00-\u9fff])/;
/** A change (提高, 降低 …) measures nothing without the figure it starts from. */
const CHANGE = /提高|提升|增长|增加|增幅|上升|降低|下降|减少|降幅|缩短|减低/;
/** 提高到 95% states the level to reach, not a change. */
const TARGET_LEVEL = /(?:提高|提升|增长|增加|上升|降低|下降|减少|缩短)(?:到|至)/;
const BASELINE = /较|比|上年|去年|基数|基期|由\d|从\d/;

/** Why a value measures nothing; null when it is measurable or qualitative (优/良/中/差, 是/否, 达标). */
function readValueProblem(value: string): string | null {
  const v = plain(value);
  if (v === '') return '未填写指标值';
  if (!/\d/.test(v)) return null;
  const change = CHANGE.test(v) && !TARGET_LEVEL.test(v);
  if (change && !BASELINE.test(v)) return '只有增减幅度，没有基数';
  // 较上年提高5% compares with last year: the change is its comparison.
  const sign = change || SIGN.test(v);
  const unit = UNIT.test(v);
  if (sign && unit) return null;
  if (sign) return '缺少计量单位';
  return unit ? '缺少比较符号' : '缺少比较符号和计量单位';
}

/** The first number of a value and what follows it: 元, 万元, '' (nothing) or another unit. */
class Quantity {
  private yuanRead: Decimal | null = null;

  constructor(
    readonly amount: Decimal,
    readonly unit: '元' | '万元' | '' | 'other',
  ) {}

  /** The amount in 元 when it is one in 万元, else as it is (a bare number may be either: see its uses). */
  get yuan(): Decimal {
    this.yuanRead ??= this.unit === '万元' ? wanToYuan(this.amount) : this.amount;
    return this.yuanRead;
  }
}

function readQuantity(value: string): Quantity | null {
  const match = /(\d+(?:\.\d+)?)(万元|元|.?)/.exec(plain(value));
  if (!match?.[1]) return null;
  const after = match[2] ?? '';
  const unit = after === '元' || after === '万元' || after === '' ? after : 'other';
  return new Quantity(new Decimal(match[1]), unit);
}

/** The largest percentage a value states, when it is above 100%. */
function readPercentOver100(value: string): Decimal | null {
  let largest: Decimal | null = null;
  for (const match of plain(value).matchAll(/(\d+(?:\.\d+)?)%/g)) {
    const percent = new Decimal(match[1] ?? '0');
    if (percent.greaterThan(100) && (!largest || percent.greaterThan(largest))) largest = percent;
  }
  return largest;
}

/** Template text (templateText.ts), or a single … left for a value. */
const isTemplateText = (text: string) => text.includes('…') || templateWords(text).length > 0;

/**
 * What the P rules read of an indicator value, each part read on first use. Kept by value: a
 * declaration's values repeat (≥95%, =12次), and a large budget has tens of thousands of them, read again
 * after each edit of its declaration.
 */
class ValueFacts {
  private problemRead: string | null | undefined;
  private templateRead: boolean | undefined;
  private quantityRead: Quantity | null | undefined;
  private over100Read: Decimal | null | undefined;

  constructor(private readonly value: string) {}

  /** Why it measures nothing (readValueProblem). */
  get problem(): string | null {
    if (this.problemRead === undefined) this.problemRead = readValueProblem(this.value);
    return this.problemRead;
  }

  get isTemplate(): boolean {
    this.templateRead ??= isTemplateText(this.value);
    return this.templateRead;
  }

  get quantity(): Quantity | null {
    if (this.quantityRead === undefined) this.quantityRead = readQuantity(this.value);
    return this.quantityRead;
  }

  get over100(): Decimal | null {
    if (this.over100Read === undefined) this.over100Read = readPercentOver100(this.value);
    return this.over100Read;
  }
}

/** What the P rules read of an indicator's name (三级指标) or a project's name, kept by name. */
class NameFacts {
  private templateRead: boolean | undefined;
  private bareRead: string | undefined;

  constructor(private readonly name: string) {}

  get isTemplate(): boolean {
    this.templateRead ??= isTemplateText(this.name);
    return this.templateRead;
  }

  /** Without quotes, spaces and a leading year (“2024机关运行经费” → 机关运行经费). */
  get bare(): string {
    this.bareRead ??= this.name.replace(/[“”"'‘’《》「」\s]/g, '').replace(/^(?:19|20)\d{2}(?!\d)年?度?/, '');
    return this.bareRead;
  }
}

/** Facts by text, made on first use (a bounded cache: one lookup per indicator value or name). */
function factsBy<F>(make: (text: string) => F): (text: string) => F {
  const known = new Map<string, F>();
  return (text) => {
    let facts = known.get(text);
    if (facts === undefined) {
      if (known.size > 50_000) known.clear();
      facts = make(text);
      known.set(text, facts);
    }
    return facts;
  };
}

const valueFacts = factsBy((value) => new ValueFacts(value));
const nameFacts = factsBy((name) => new NameFacts(name));

interface Placeholder {
  readonly field: 'name' | 'value';
  readonly text: string;
}

const NO_NAME: Placeholder = { field: 'name', text: '三级指标名称为空' };
const TEMPLATE_NAME: Placeholder = { field: 'name', text: '模板占位文字' };
const TEMPLATE_VALUE: Placeholder = { field: 'value', text: '模板占位文字' };

/** Template rows left in: `指标1：`, `指标2： .....`, `……`, or a row without a name. */
function placeholderProblem(indicator: Indicator, name: NameFacts, value: ValueFacts): Placeholder | null {
  if (indicator.name.trim() === '') return NO_NAME;
  if (name.isTemplate) return TEMPLATE_NAME;
  if (value.isTemplate) return TEMPLATE_VALUE;
  return null;
}

const isCost = (i: Indicator) => i.level1 === '成本指标' || i.level2.endsWith('成本指标');
const isQuantity = (i: Indicator) => i.level2 === '数量指标';
/** 满意度 and 质量 are rates: at most 100%. */
const isRate = (i: Indicator) =>
  i.level1 === '满意度指标' || i.level2 === '服务对象满意度指标' || i.level2 === '质量指标';

/** An indicator that counts: named, and not a template row. */
const isReal = (i: Indicator) => placeholderProblem(i, nameFacts(i.name), valueFacts(i.value)) === null;

/** `质量指标“网站运行维护监管系统经费”提高100%` */
function shownIndicator(i: Indicator): string {
  return `${i.level2}“${i.name}”${i.value}`;
}

/**
 * An indicator named like its project: the same name, or one contained in the other and at least two
 * thirds as long (网站运行维护监管系统经费 for the project 运行维护监管系统经费). Both names bare
 * (NameFacts.bare); the project's is read once per declaration.
 */
function namedLikeProject(bareIndicator: string, bareProject: string): boolean {
  const a = bareIndicator;
  const short = a.length <= bareProject.length ? a : bareProject;
  const long = short === a ? bareProject : a;
  return short.length >= 4 && long.includes(short) && short.length * 3 >= long.length * 2;
}

// ---------------------------------------------------------------------------------------------------
// Declarations as the checks see them

/**
 * A declaration: the 整体 one, or one project's, with what its checks read (表12 合计 of the project)
 * and the area they depend on — shared by all of them.
 */
type Owner = (
  | { readonly kind: 'overall' }
  | { readonly kind: 'project'; readonly id: string; readonly t12: CellRef | null }
) & {
  readonly reads: readonly Expr[];
  readonly areas: readonly Area[];
  /** The view last read, and in which context (a version of the document): a dozen checks ask in turn. */
  seenIn: CheckContext | null;
  seen: View | null;
};

/** Money an indicator is compared with, in 元, and what it is called. */
class Funding {
  private known: Decimal | null = null;

  /**
   * `amount`: typed in 元 (a stored amount), or 表12's amount in 万元. Read when an indicator is compared
   * with it (few are).
   */
  constructor(
    readonly label: string,
    private readonly amount: Amount | Decimal,
  ) {}

  get yuan(): Decimal {
    this.known ??= typeof this.amount === 'string' ? toDecimal(this.amount) : wanToYuan(this.amount);
    return this.known;
  }
}

/** One indicator grid of a declaration. */
interface Grid {
  /** 实施期绩效指标 / 年度绩效指标 / 绩效指标 (整体). */
  readonly title: string;
  /** Where it is in the document: `projects.p03.declaration.annualIndicators`. */
  readonly path: string;
  readonly indicators: readonly Indicator[];
  /** What the P rules read of each indicator's name and value, found once for all of them. */
  readonly names: readonly NameFacts[];
  readonly values: readonly ValueFacts[];
  /**
   * Each indicator's template problem (null: a real indicator), read once for all the P rules; null when
   * no indicator has one (nearly every grid).
   */
  readonly placeholders: readonly (Placeholder | null)[] | null;
  /** The indicators that count: named, and not template rows. */
  readonly real: readonly Indicator[];
  /** The money this grid's 成本 indicators must not exceed (none for the 整体 declaration). */
  readonly funding: Funding | null;
}

function grid(title: string, path: string, indicators: readonly Indicator[], funding: Funding | null): Grid {
  const names = new Array<NameFacts>(indicators.length);
  const values = new Array<ValueFacts>(indicators.length);
  let placeholders: (Placeholder | null)[] | null = null;
  for (let index = 0; index < indicators.length; index++) {
    const indicator = indicators[index] as Indicator;
    const name = nameFacts(indicator.name);
    const value = valueFacts(indicator.value);
    names[index] = name;
    values[index] = value;
    const placeholder = placeholderProblem(indicator, name, value);
    if (!placeholder) continue;
    placeholders ??= new Array<Placeholder | null>(indicators.length).fill(null);
    placeholders[index] = placeholder;
  }
  // Nearly every grid has no template row: then its real indicators are all of them, no new list.
  const known = placeholders;
  const real = known ? indicators.filter((_, index) => known[index] === null) : indicators;
  return { title, path, indicators, names, values, placeholders, real, funding };
}

interface View {
  /** 项目“运行维护监管系统经费” or 部门整体支出. */
  readonly owner: string;
  readonly project: Project | null;
  readonly declaration: ProjectDeclaration | null;
  readonly grids: readonly Grid[];
  /** 表12 合计 of the project, 万元. */
  readonly t12: Decimal | null;
  /** The same in 元, and the declaration's 年度资金总额 as typed (元), to compare indicators with. */
  readonly t12Funding: Funding | null;
  readonly typedAnnual: Funding | null;
  /** What the indicators have, found in one pass when a P rule first asks (hitsOf). */
  hits: IndicatorHits | null;
}

const t12Total = (projectId: string): CellRef => ({ form: 'T12', row: projectId, column: 'total' });

/** The owners of a projects list (made once per list: six rules ask for them). */
const ownersOf = new WeakMap<readonly Project[], readonly Owner[]>();

function owners(doc: BudgetDocument): readonly Owner[] {
  let known = ownersOf.get(doc.projects);
  if (!known) {
    known = [
      { kind: 'overall', reads: [], areas: ['performance'], seenIn: null, seen: null },
      ...doc.projects.map((p): Owner => {
        const t12 = p.current === null ? null : t12Total(p.id);
        return {
          kind: 'project',
          id: p.id,
          t12,
          reads: t12 ? [{ op: 'cell', cell: t12 }] : [],
          areas: [`declaration:${p.id}`],
          seenIn: null,
          seen: null,
        };
      }),
    ];
    ownersOf.set(doc.projects, known);
  }
  return known;
}

function nonBlank(amount: string, label: string): Funding | null {
  return amount === '' ? null : new Funding(label, amount);
}

/**
 * The declaration of an owner in the current document; null when the project has none. A dozen checks
 * ask in turn; the view is read again only when the project object (documents are immutable: an
 * unchanged project is the same object in the next version) or its 表12 amount changed.
 */
function viewOf(ctx: CheckContext, owner: Owner): View | null {
  if (owner.seenIn !== ctx) {
    owner.seen = currentView(ctx, owner);
    owner.seenIn = ctx;
  }
  return owner.seen;
}

function currentView(ctx: CheckContext, owner: Owner): View | null {
  if (owner.kind === 'overall') return overallView(ctx);
  const project = projectById(ctx.doc, owner.id);
  const declaration = project?.declaration;
  if (!project || !declaration) return null;
  // A cell keeps its value object until the value changes (forms/graph.ts).
  const t12 = owner.t12 ? ctx.value(owner.t12) : null;
  const known = owner.seen;
  if (known?.project === project && known.t12 === t12) return known;
  return projectView(project, declaration, t12);
}

function overallView(ctx: CheckContext): View {
  return {
    owner: '部门整体支出',
    project: null,
    declaration: null,
    grids: [grid('绩效指标', 'performance.overall.indicators', ctx.doc.performance.overall.indicators, null)],
    t12: null,
    t12Funding: null,
    typedAnnual: null,
    hits: null,
  };
}

function projectView(project: Project, declaration: ProjectDeclaration, t12: Decimal | null): View {
  const t12Funding = t12 ? new Funding('表12 合计', t12) : null;
  const typedAnnual = nonBlank(declaration.annualFunding.total, '年度资金总额');
  const annual = typedAnnual ?? t12Funding;
  const path = `projects.${project.id}.declaration`;
  return {
    owner: `项目“${project.name}”`,
    project,
    declaration,
    grids: [
      grid(
        '实施期绩效指标',
        `${path}.implementationIndicators`,
        declaration.implementationIndicators,
        // A multi-year project's 实施期 costs are measured against the whole period's money.
        nonBlank(declaration.implementationFunding.total, '实施期资金总额') ?? annual,
      ),
      grid('年度绩效指标', `${path}.annualIndicators`, declaration.annualIndicators, annual),
    ],
    t12,
    t12Funding,
    typedAnnual,
    hits: null,
  };
}

function ownerKey(owner: Owner): string {
  return owner.kind === 'overall' ? 'overall' : owner.id;
}

/**
 * What a rule checks on every declaration: found from the declaration's view. Aspects are made once,
 * not per declaration: a large budget has thousands of declarations and a dozen checks on each.
 */
interface Aspect {
  readonly name: string;
  /** Checked on project declarations only (not on the 整体 one). */
  readonly projectsOnly?: boolean;
  readonly find: (view: View) => FindingDraft | null;
}

/** A rule's checks: each aspect on each declaration, in declaration order. */
function declarationChecks(ctx: CheckContext, aspects: readonly Aspect[]): Check[] {
  const checks: Check[] = [];
  // Indexed loops (here and in the checks below): they run once per full check, thousands of times,
  // before they are optimized, and for-of makes an object per step until then.
  const all = owners(ctx.doc);
  for (let o = 0; o < all.length; o++) {
    const owner = all[o] as Owner;
    for (let a = 0; a < aspects.length; a++) {
      const aspect = aspects[a] as Aspect;
      if (aspect.projectsOnly && owner.kind !== 'project') continue;
      checks.push(new DeclarationCheck(owner, aspect));
    }
  }
  return checks;
}

/** One aspect of one declaration; silent while the project has none. */
class DeclarationCheck implements Check {
  constructor(
    private readonly owner: Owner,
    private readonly aspect: Aspect,
  ) {}

  get subject(): string {
    return `${ownerKey(this.owner)}/${this.aspect.name}`;
  }

  get reads(): readonly Expr[] {
    return this.owner.reads;
  }

  get areas(): readonly Area[] {
    return this.owner.areas;
  }

  run(ctx: CheckContext): FindingDraft | null {
    const view = viewOf(ctx, this.owner);
    return view ? this.aspect.find(view) : null;
  }
}

/** One indicator a finding is about, what to say of it, and (optionally) why, to group the list by. */
interface Hit {
  readonly grid: Grid;
  readonly index: number;
  readonly field: 'name' | 'value';
  readonly text: string;
  readonly note?: string;
}

/** What the P rules find among a declaration's indicators, each kind listed in grid and row order. */
type HitKind =
  /** P4: a value that measures nothing (not money typed as a 数量 indicator: that is P5's). */
  | 'unmeasurable'
  /** P4: a 满意度 or 质量 percentage over 100%. */
  | 'over100'
  /** P5: a 数量 indicator that states the project's money. */
  | 'money'
  /** P5: a 成本 indicator over the grid's money. */
  | 'overFunding'
  /** P6: a template row. */
  | 'placeholders'
  /** P6: an indicator named like its project. */
  | 'namedLikeProject';

type IndicatorHits = Partial<Record<HitKind, Hit[]>>;

const NO_HITS: readonly Hit[] = Object.freeze([]);

function hitsOf(view: View, kind: HitKind): readonly Hit[] {
  view.hits ??= findIndicatorHits(view);
  return view.hits[kind] ?? NO_HITS;
}

function findIndicatorHits(view: View): IndicatorHits {
  // Lists are made only for kinds with hits: nearly every indicator is fine.
  const found: IndicatorHits = {};
  const add = (kind: HitKind, hit: Hit) => {
    const list = found[kind];
    if (list) list.push(hit);
    else found[kind] = [hit];
  };
  const projectName = nameFacts(view.project?.name ?? '').bare;
  for (const grid of view.grids) {
    const { indicators } = grid;
    for (let index = 0; index < indicators.length; index++) {
      const indicator = indicators[index] as Indicator;
      const placeholder = grid.placeholders?.[index];
      if (placeholder) {
        const text = shownIndicator(indicator);
        add('placeholders', { grid, index, field: placeholder.field, text, note: placeholder.text });
        continue;
      }
      const value = grid.values[index] as ValueFacts;
      const money = isQuantity(indicator) ? projectMoney(view, value) : null;
      if (money) {
        add('money', { grid, index, field: 'value', text: `${shownIndicator(indicator)}（${money}）` });
      } else {
        const problem = value.problem;
        if (problem) {
          add('unmeasurable', {
            grid,
            index,
            field: 'value',
            text: shownIndicator(indicator),
            note: problem,
          });
        }
      }
      if (isRate(indicator) && value.over100) {
        add('over100', { grid, index, field: 'value', text: shownIndicator(indicator) });
      }
      const overFunding = isCost(indicator) ? costOverFunding(indicator, value, grid) : null;
      if (overFunding) add('overFunding', { grid, index, field: 'value', text: overFunding });
      if (namedLikeProject((grid.names[index] as NameFacts).bare, projectName)) {
        add('namedLikeProject', { grid, index, field: 'name', text: indicator.name });
      }
    }
  }
  return found;
}

/** `成本指标“X”≤20万元（200000 元，超过年度资金总额 150000 元）` when a 成本 indicator exceeds the grid's money. */
function costOverFunding(indicator: Indicator, value: ValueFacts, grid: Grid): string | null {
  if (!grid.funding) return null;
  const q = value.quantity;
  if (!q || (q.unit !== '元' && q.unit !== '万元')) return null;
  const { yuan } = q;
  if (!yuan.greaterThan(grid.funding.yuan)) return null;
  const inYuan = q.unit === '万元' ? `${toAmount(yuan)} 元，` : '';
  return `${shownIndicator(indicator)}（${inYuan}超过${grid.funding.label} ${toAmount(grid.funding.yuan)} 元）`;
}

/** `质量指标“X”提高100%、经济效益指标“X”提高100%（只有增减幅度，没有基数）；…`: the hits by their note. */
function byNote(hits: readonly Hit[]): string {
  const notes = new Map<string, string[]>();
  for (const hit of hits) notes.set(hit.note ?? '', [...(notes.get(hit.note ?? '') ?? []), hit.text]);
  return [...notes].map(([note, texts]) => texts.join('、') + (note ? `（${note}）` : '')).join('；');
}

interface HitsOptions {
  readonly level?: Level;
  /** How the hits of one grid are listed (default: their texts joined by 、). */
  readonly list?: (hits: readonly Hit[]) => string;
  /** What to do about it, appended to the message. */
  readonly hint?: string;
}

/**
 * One finding for a declaration's hits: `项目“X”实施期和年度绩效指标中各 5 个{what}：…` when both grids
 * have the same hits, otherwise each grid's hits in turn.
 */
function hitsFinding(
  view: View,
  hits: readonly Hit[],
  what: string,
  options: HitsOptions = {},
): FindingDraft | null {
  if (hits.length === 0) return null;
  const list = options.list ?? ((own: readonly Hit[]) => own.map((h) => h.text).join('、'));
  const parts = view.grids
    .map((grid) => {
      const own = hits.filter((h) => h.grid === grid);
      return { grid, count: own.length, text: own.length > 0 ? list(own) : '' };
    })
    .filter((part) => part.count > 0);
  const [first, second] = parts;
  const same = first && second && parts.length === 2 && first.text === second.text;
  const body = same
    ? `${view.owner}实施期和年度绩效指标中各 ${first.count} 个${what}：${first.text}`
    : parts
        .map((p, i) => `${i === 0 ? view.owner : ''}${p.grid.title}中 ${p.count} 个${what}：${p.text}`)
        .join('。');
  return {
    level: options.level,
    message: body + (options.hint ?? ''),
    targets: hits.map((h) =>
      fieldTarget(
        `${h.grid.path}.${h.index}.${h.field}`,
        `${view.owner}${h.grid.title}第 ${h.index + 1} 行${h.field === 'name' ? '三级指标' : '指标值'}`,
      ),
    ),
    basis: parts.map((p) => `${p.grid.title}:${p.text}`).join('|'),
  };
}

/**
 * What an amount typed as a 数量 indicator is, when it is the project's money: its annual 元 amount or
 * 表12's 万元 amount. A bare number may be either; 个, 次, % and other units are never money.
 */
function projectMoney(view: View, value: ValueFacts): string | null {
  const q = value.quantity;
  if (!q || q.unit === 'other' || q.amount.isZero()) return null;
  const asYuan = q.yuan;
  if (view.typedAnnual?.yuan.equals(asYuan)) {
    return `即年度资金总额 ${view.declaration?.annualFunding.total ?? ''} 元`;
  }
  const wan = view.t12;
  if (!wan) return null;
  const sameAsT12 = view.t12Funding?.yuan.equals(asYuan) === true || (q.unit === '' && wan.equals(q.amount));
  return sameAsT12 ? `即表12 合计 ${formatPlain(wan)} 万元` : null;
}

// ---------------------------------------------------------------------------------------------------
// P1 每个项目都有申报表，资金与表12 相符

const FUNDING_PARTS = FUNDING_PART_KEYS.map((key) => [key, FUNDING_LABELS[key]] as const);

const PERIODS = [
  ['implementationFunding', '实施期'],
  ['annualFunding', '年度'],
] as const;

function projectOf(ctx: CheckContext, id: string): Project | undefined {
  return projectById(ctx.doc, id);
}

const P1: Rule = {
  id: 'P1',
  family: 'P',
  level: '错误',
  title:
    '表12、表13 的每个项目都有项目支出绩效目标申报表；年度资金总额（元）= 表12 合计 × 10000；资金来源之和等于总额',
  checks: (ctx) => {
    const listed = ctx.doc.projects.filter(needsDeclaration).map((p) => p.id);
    const checks: Check[] = [
      {
        subject: 'missing',
        reads: [],
        areas: ['declarations'],
        run: (c) => {
          const missing = listed.flatMap((id) => {
            const project = projectOf(c, id);
            return project && !project.declaration ? [project] : [];
          });
          if (missing.length === 0) return null;
          return {
            level: '提示',
            message: `${missing.length} 个项目没有项目支出绩效目标申报表：${missing.map((p) => `“${p.name}”`).join('、')}。表12、表13 所列项目都应编报绩效目标，未编报的请说明原因`,
            targets: missing.map((p) =>
              fieldTarget(`projects.${p.id}.declaration`, `项目“${p.name}”绩效目标申报表`),
            ),
            basis: missing.map((p) => p.id).join(','),
          };
        },
      },
    ];
    const { projects } = ctx.doc;
    for (let i = 0; i < projects.length; i++) {
      const project = projects[i] as Project;
      if (project.current !== null) checks.push(new AnnualTotalCheck(project.id));
      for (let p = 0; p < PERIODS.length; p++) {
        const [period, label] = PERIODS[p] as (typeof PERIODS)[number];
        checks.push(new FundingSourcesCheck(project.id, period, label));
      }
    }
    return checks;
  },
};

/** A check on one project's declaration (P1): as data, a few fields each, thousands of them. */
abstract class ProjectCheck implements Check {
  constructor(
    protected readonly projectId: string,
    private readonly aspect: string,
  ) {}

  get subject(): string {
    return `${this.projectId}/${this.aspect}`;
  }

  get reads(): readonly Expr[] {
    return [];
  }

  get areas(): readonly Area[] {
    return [`declaration:${this.projectId}`];
  }

  abstract run(c: CheckContext): FindingDraft | null;
}

/** 年度资金总额 in 元 = 表12 合计 in 万元 × 10000 (equal once the 元 amount is shown in 万元, 0.01). */
class AnnualTotalCheck extends ProjectCheck {
  constructor(projectId: string) {
    super(projectId, 'total');
  }

  override get reads(): readonly Expr[] {
    return [{ op: 'cell', cell: t12Total(this.projectId) }];
  }

  run(c: CheckContext): FindingDraft | null {
    const { projectId } = this;
    const ref = t12Total(projectId);
    const project = projectOf(c, projectId);
    const declaration = project?.declaration;
    if (!project || !declaration) return null;
    const wan = c.value(ref) ?? ZERO;
    const stated = declaration.annualFunding.total;
    if (stated === '' && wan.isZero()) return null;
    const yuan = stated === '' ? null : toDecimal(stated);
    const expected = wanToYuan(wan);
    if (yuan?.equals(expected)) return null;
    if (yuan && roundCents(yuan.dividedBy(10000)).equals(roundCents(wan))) return null;
    const path = `projects.${projectId}.declaration.annualFunding.total`;
    const targets = [fieldTarget(path, `项目“${project.name}”申报表 年度资金总额`), cellTarget(ref)];
    const basis = `${stated}|${formatPlain(wan)}`;
    if (!yuan) {
      return {
        message: `项目“${project.name}”申报表年度资金总额未填，表12 合计 ${formatPlain(wan)} 万元，应为 ${toAmount(expected)} 元`,
        targets,
        basis,
      };
    }
    return {
      message: `项目“${project.name}”申报表年度资金总额 ${stated} 元 ≠ 表12 合计 ${formatPlain(wan)} 万元（${toAmount(expected)} 元），相差 ${toAmount(yuan.minus(expected).abs())} 元`,
      targets,
      basis,
    };
  }
}

/** 中央 + 省级 + 市县 + 单位自筹 + 其他 = 资金总额, for 实施期 and 年度. */
class FundingSourcesCheck extends ProjectCheck {
  constructor(
    projectId: string,
    private readonly period: (typeof PERIODS)[number][0],
    private readonly periodLabel: string,
  ) {
    super(projectId, period);
  }

  run(c: CheckContext): FindingDraft | null {
    const { projectId, period, periodLabel } = this;
    const project = projectOf(c, projectId);
    const funding = project?.declaration?.[period];
    if (!project || !funding) return null;
    // Most declarations name one source: the total itself, as typed (no list, no sum to make).
    let typed = 0;
    let typedAmount = '';
    for (let p = 0; p < FUNDING_PARTS.length; p++) {
      const field = (FUNDING_PARTS[p] as (typeof FUNDING_PARTS)[number])[0];
      if (funding[field] === '') continue;
      typed++;
      typedAmount = funding[field];
    }
    if (funding.total === '' && typed === 0) return null;
    if (typed === 1 && typedAmount === funding.total) return null;
    const parts = FUNDING_PARTS.filter(([field]) => funding[field] !== '');
    const partsSum = sum(parts.map(([field]) => toDecimal(funding[field])));
    const total = toDecimal(funding.total);
    if (funding.total !== '' && partsSum.equals(total)) return null;
    const path = `projects.${projectId}.declaration.${period}`;
    const where = `项目“${project.name}”申报表 ${periodLabel}`;
    const totalText = funding.total === '' ? '未填' : `${funding.total} 元`;
    const message =
      parts.length === 0
        ? `项目“${project.name}”申报表${periodLabel}资金总额 ${totalText}，未按来源（中央、省级、市县（区）财政资金，单位自筹，其他资金）填写`
        : `项目“${project.name}”申报表${periodLabel}资金：${parts.map(([field, label]) => `${label} ${funding[field]}`).join(' + ')} = ${toAmount(partsSum)} 元，${periodLabel}资金总额${funding.total === '' ? '未填' : ` ${funding.total} 元，相差 ${toAmount(partsSum.minus(total).abs())} 元`}`;
    return {
      message,
      targets: [
        fieldTarget(`${path}.total`, `${where}资金总额`),
        ...parts.map(([field, label]) => fieldTarget(`${path}.${field}`, `${where}${label}`)),
      ],
      basis: [funding.total, ...FUNDING_PARTS.map(([field]) => funding[field])].join('|'),
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// P2 整体支出绩效目标申报表

const OVERALL = '部门整体支出绩效目标申报表';

/** Words that make a 数量 indicator count something other than projects (乡镇, 人次, 企业…). */
const OTHER_COUNTS = /乡镇|村|人|户|家|次|场|期|篇|件|台|套|辆|所|学校|企业|单位|资金|经费/;

/**
 * The number of projects a 数量 indicator states, when it clearly states one: `14个项目`, or `14个` /
 * `=14个` under a name about projects (根据项目实际情况细化). Values with ≥/≤ are not compared.
 */
function statedProjectCount(indicator: Indicator): Decimal | null {
  if (!isQuantity(indicator)) return null;
  const value = plain(indicator.value);
  const aboutProjects =
    value.includes('项目') || (indicator.name.includes('项目') && !OTHER_COUNTS.test(indicator.name));
  const count = /^(?:项目(?:个数|数)?)?[=:：]?(\d+)(?:个|项)(?:项目)?$/.exec(value);
  return aboutProjects && count?.[1] ? new Decimal(count[1]) : null;
}

const P2: Rule = {
  id: 'P2',
  family: 'P',
  level: '错误',
  title: '部门整体支出绩效目标申报表填写了绩效目标和绩效指标，单位名称是本部门或所属单位，项目数与表12 一致',
  checks: () => [
    {
      subject: 'target',
      reads: [],
      areas: ['performance'],
      run: (c) =>
        c.doc.performance.overall.target.trim() !== ''
          ? null
          : {
              message: `${OVERALL}未填写部门整体支出绩效目标`,
              targets: [fieldTarget('performance.overall.target', `${OVERALL} 绩效目标`)],
              basis: '',
            },
    },
    {
      subject: 'indicators',
      reads: [],
      areas: ['performance'],
      run: (c) =>
        c.doc.performance.overall.indicators.some(isReal)
          ? null
          : {
              message: `${OVERALL}没有绩效指标：至少应有产出、效益、满意度指标各一个`,
              targets: [fieldTarget('performance.overall.indicators', `${OVERALL} 绩效指标`)],
              basis: String(c.doc.performance.overall.indicators.length),
            },
    },
    {
      subject: 'unitName',
      reads: [],
      areas: ['performance', 'department', 'units'],
      run: (c) => {
        const name = c.doc.performance.overall.unitName.trim();
        const known = [c.doc.department.name, ...c.doc.units.map((u) => u.name)];
        // A blank name is D1's (a part every published document needs).
        if (name === '' || known.includes(name)) return null;
        return {
          message: `${OVERALL}单位名称“${name}”不是本部门“${c.doc.department.name}”，也不是所属单位（${c.doc.units.map((u) => u.name).join('、')}）`,
          targets: [fieldTarget('performance.overall.unitName', `${OVERALL} 单位名称`)],
          basis: `${name}|${known.join(',')}`,
        };
      },
    },
    {
      subject: 'projectCount',
      reads: [],
      areas: ['performance', 'projects'],
      run: (c) => {
        const count = c.doc.projects.filter((p) => p.current !== null).length;
        const indicators = c.doc.performance.overall.indicators;
        const wrong = indicators.flatMap((indicator, index) => {
          const stated = statedProjectCount(indicator);
          return stated && !stated.equals(count) ? [{ indicator, index }] : [];
        });
        if (wrong.length === 0) return null;
        return {
          message: `${OVERALL}${wrong.map(({ indicator }) => shownIndicator(indicator)).join('、')}，与表12 所列项目 ${count} 个不符`,
          targets: wrong.map(({ index }) =>
            fieldTarget(
              `performance.overall.indicators.${index}.value`,
              `${OVERALL} 绩效指标第 ${index + 1} 行指标值`,
            ),
          ),
          basis: `${wrong.map(({ indicator }) => indicator.value).join(',')}|${count}`,
        };
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------------
// P3 产出、效益、满意度（成本）指标齐全

const REQUIRED_LEVEL1 = ['产出指标', '效益指标', '满意度指标'] as const;

/** Whether a grid has an indicator of each required 一级 (REQUIRED_LEVEL1), in one pass. */
function hasRequired(real: readonly Indicator[]): boolean {
  // A bit per required 一级, set as the indicators are read.
  let found = 0;
  for (const indicator of real) {
    const at = (REQUIRED_LEVEL1 as readonly string[]).indexOf(indicator.level1);
    if (at >= 0) found |= 1 << at;
  }
  return found === (1 << REQUIRED_LEVEL1.length) - 1;
}

/** `项目“X”实施期和年度绩效指标{text}` when both grids say the same, else each grid's in turn. */
function perGrid(view: View, texts: readonly (string | null)[]): string {
  const said = view.grids.flatMap((grid, i) => {
    const text = texts[i];
    return text ? [{ grid, text }] : [];
  });
  const [first, second] = said;
  if (first && second && said.length === 2 && first.text === second.text)
    return `${view.owner}实施期和年度绩效指标都${first.text}`;
  return said.map(({ grid, text }, i) => `${i === 0 ? view.owner : ''}${grid.title}${text}`).join('；');
}

const P3_ASPECTS: readonly Aspect[] = [
  {
    name: 'required',
    find: (view) => {
      // Nearly every grid has all three: that is found without making any list.
      if (view.grids.every((grid) => hasRequired(grid.real))) return null;
      const texts = view.grids.map((grid) => {
        const { real } = grid;
        // An 整体 declaration without any indicator is P2's finding.
        if (!view.project && real.length === 0) return null;
        const missing = REQUIRED_LEVEL1.filter((level1) => !real.some((i) => i.level1 === level1));
        return missing.length > 0 ? `缺少${missing.join('、')}` : null;
      });
      if (texts.every((t) => t === null)) return null;
      return {
        message: `${perGrid(view, texts)}：每张申报表至少应有一个产出指标、效益指标和满意度指标`,
        targets: view.grids.flatMap((grid, i) =>
          texts[i] ? [fieldTarget(grid.path, `${view.owner}${grid.title}`)] : [],
        ),
        basis: texts.join('|'),
      };
    },
  },
  {
    name: 'cost',
    find: (view) => {
      if (view.grids.every((grid) => grid.real.length === 0 || grid.real.some(isCost))) return null;
      const texts = view.grids.map((grid) => {
        const { real } = grid;
        return real.length > 0 && !real.some(isCost) ? '没有成本指标' : null;
      });
      if (texts.every((t) => t === null)) return null;
      return {
        level: '提示',
        message: `${perGrid(view, texts)}（一级指标“成本指标”或二级指标“成本指标”“经济成本指标”等），请补充或说明`,
        targets: view.grids.flatMap((grid, i) =>
          texts[i] ? [fieldTarget(grid.path, `${view.owner}${grid.title}`)] : [],
        ),
        basis: texts.join('|'),
      };
    },
  },
];

const P3: Rule = {
  id: 'P3',
  family: 'P',
  level: '错误',
  title: '每张申报表至少有一个产出指标、效益指标和满意度指标（错误），并有成本指标（提示）',
  checks: (ctx) => declarationChecks(ctx, P3_ASPECTS),
};

// ---------------------------------------------------------------------------------------------------
// P4 指标值可衡量

const P4_ASPECTS: readonly Aspect[] = [
  {
    name: 'values',
    find: (view) =>
      hitsFinding(
        view,
        // Template rows are P6's, money typed as a 数量 indicator P5's.
        hitsOf(view, 'unmeasurable'),
        '指标值不可衡量',
        {
          list: byNote,
          hint: '。定量指标值应写成比较符号、数值和计量单位，如“≥95%”“=12次”“≤15万元”；定性指标写等级，如“优/良/中/差”',
        },
      ),
  },
  {
    name: 'percent',
    find: (view) =>
      hitsFinding(view, hitsOf(view, 'over100'), '满意度或质量指标超过 100%', {
        level: '错误',
        hint: '。满意度、质量指标是比率，不能超过 100%',
      }),
  },
];

const P4: Rule = {
  id: 'P4',
  family: 'P',
  level: '提示',
  title:
    '定量指标值有比较符号、数值和计量单位，增减幅度有基数（提示）；满意度、质量指标的百分比不超过 100%（错误）',
  checks: (ctx) => declarationChecks(ctx, P4_ASPECTS),
};

// ---------------------------------------------------------------------------------------------------
// P5 数量指标不是资金额，成本指标不超过项目资金

const P5_ASPECTS: readonly Aspect[] = [
  {
    name: 'quantityMoney',
    projectsOnly: true,
    find: (view) =>
      hitsFinding(view, hitsOf(view, 'money'), '数量指标填的是项目资金额', {
        hint: '。资金额不是数量指标：数量指标应写产出的数量，如“=12次”“≥300人次”',
      }),
  },
  {
    name: 'costOverFunding',
    projectsOnly: true,
    find: (view) =>
      hitsFinding(view, hitsOf(view, 'overFunding'), '成本指标超过项目资金', {
        level: '错误',
        hint: '。成本指标不能超过项目安排的资金',
      }),
  },
];

const P5: Rule = {
  id: 'P5',
  family: 'P',
  level: '提示',
  title: '数量指标不应填写项目资金额（提示）；成本指标不超过项目资金（错误）',
  checks: (ctx) => declarationChecks(ctx, P5_ASPECTS),
};

// ---------------------------------------------------------------------------------------------------
// P6 模板占位、以项目名称命名、各栏重复

/** The texts that describe the project: all but 立项依据. */
const DESCRIPTION_FIELDS = PROJECT_TEXTS.filter(([key]) => key !== 'basis');

/** A sentence compared without quotes, asterisks, spaces and closing punctuation. */
function sentenceKey(text: string): string {
  return text.replace(/[“”"'‘’*＊\s]/g, '').replace(/[。；;，,.!！]+$/, '');
}

/** The characters sentenceKey drops anywhere: quotes, asterisks and white space (as \s), by code. */
const IGNORED = new Set(
  Array.from('“”"\'‘’*＊\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff', (ch) =>
    ch.charCodeAt(0),
  ),
);
const isIgnored = (code: number) => IGNORED.has(code) || (code >= 0x2000 && code <= 0x200a);
const CLOSING = new Set(Array.from('。；;，,.!！', (ch) => ch.charCodeAt(0)));

/** Where a text's sentence ends: before its closing punctuation and anything ignored. */
function sentenceEnd(text: string): number {
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (!isIgnored(code) && !CLOSING.has(code)) break;
    end--;
  }
  return end;
}

/**
 * sentenceKey(a) === sentenceKey(b) and not empty, without making either key: the texts of every
 * declaration are compared, and they nearly always differ within a few characters. (By character
 * code: charAt makes a string of each Chinese character.)
 */
function sameSentence(a: string, b: string): boolean {
  const endA = sentenceEnd(a);
  const endB = sentenceEnd(b);
  let i = 0;
  let j = 0;
  let compared = 0;
  for (;;) {
    while (i < endA && isIgnored(a.charCodeAt(i))) i++;
    while (j < endB && isIgnored(b.charCodeAt(j))) j++;
    if (i === endA || j === endB) return i === endA && j === endB && compared > 0;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
    compared++;
  }
}

/** `“2024机关运行经费”（数量指标、质量指标）`: hits grouped by the indicator's name. */
function byName(hits: readonly Hit[]): string {
  const names = new Map<string, string[]>();
  for (const hit of hits) {
    const indicator = hit.grid.indicators[hit.index];
    if (indicator) names.set(indicator.name, [...(names.get(indicator.name) ?? []), indicator.level2]);
  }
  return [...names].map(([name, levels]) => `“${name}”（${levels.join('、')}）`).join('、');
}

/** Whether two of the texts say the same sentence (nearly always not: compared without keys or lists). */
function anyRepeated(texts: readonly string[]): boolean {
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (sameSentence(texts[i] as string, texts[j] as string)) return true;
    }
  }
  return false;
}

const P6_ASPECTS: readonly Aspect[] = [
  {
    name: 'placeholders',
    find: (view) =>
      hitsFinding(view, hitsOf(view, 'placeholders'), '指标是模板占位内容', {
        list: byNote,
        hint: '。请填写实际指标，或删除该行',
      }),
  },
  {
    name: 'projectName',
    projectsOnly: true,
    find: (view) =>
      hitsFinding(view, hitsOf(view, 'namedLikeProject'), '三级指标以项目名称命名', {
        level: '提示',
        list: byName,
        hint: '。三级指标应写衡量的具体内容，如“系统正常运行率”“办结事项数”',
      }),
  },
  {
    name: 'repeated',
    projectsOnly: true,
    find: (view) => {
      const { project, declaration } = view;
      if (!project || !declaration) return null;
      if (!anyRepeated(DESCRIPTION_FIELDS.map(([key]) => declaration[key]))) return null;
      const groups = new Map<string, (typeof DESCRIPTION_FIELDS)[number][]>();
      for (const field of DESCRIPTION_FIELDS) {
        const key = sentenceKey(declaration[field[0]]);
        if (key !== '') groups.set(key, [...(groups.get(key) ?? []), field]);
      }
      const repeated = [...groups].filter(([, fields]) => fields.length > 1);
      if (repeated.length === 0) return null;
      return {
        level: '提示',
        message: `项目“${project.name}”申报表中${repeated
          .map(
            ([text, fields]) =>
              `${fields.map(([, label]) => `“${label}”`).join('')}内容相同（均为“${text}”）`,
          )
          .join('；')}：各栏应分别写明项目概况、设立的必要性、保证实施的制度措施和实施计划`,
        targets: repeated.flatMap(([, fields]) =>
          fields.map(([field, label]) =>
            fieldTarget(
              `projects.${project.id}.declaration.${field}`,
              `项目“${project.name}”申报表 ${label}`,
            ),
          ),
        ),
        basis: repeated.map(([text, fields]) => `${fields.map(([f]) => f).join(',')}:${text}`).join('|'),
      };
    },
  },
];

const P6: Rule = {
  id: 'P6',
  family: 'P',
  level: '错误',
  title:
    '绩效指标不得留有模板占位内容（错误）；三级指标不应以项目名称命名，项目概况、必要性、措施、实施计划不应重复同一句话（提示）',
  checks: (ctx) => declarationChecks(ctx, P6_ASPECTS),
};

export const PERFORMANCE_RULES: readonly Rule[] = [P1, P2, P3, P4, P5, P6];
