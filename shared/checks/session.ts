/**
 * Running the rules on a document, and keeping the findings current as it is edited. A session knows
 * which checks read which amounts and which parts of the document; after one typed amount changes it
 * re-runs only the checks that read that amount or a total it flows into.
 */
import { catalogFor } from '../catalogs';
import { inputKey, type InputRef } from '../document/inputs';
import type { BudgetDocument } from '../document/schema';
import { directReads, FormEvaluator, formsOf } from '../forms/engine';
import { cellKey, type CellRef } from '../forms/types';
import type { Decimal } from '../money';
import { RULES } from './rules';
import type { Area, Check, CheckContext, Finding, FindingDraft, Rule, Target } from './types';

/** What an edit changed, so that the session knows what to re-check. */
export type DocumentChange =
  | { readonly kind: 'input'; readonly input: InputRef }
  | { readonly kind: 'areas'; readonly areas: readonly Area[] }
  | { readonly kind: 'structure' };

/** Amounts as an imported workbook states them, by cell key (`T3/201/basic`). */
export type StatedValues = ReadonlyMap<string, Decimal | null>;

export interface SessionOptions {
  readonly rules?: readonly Rule[];
  readonly stated?: StatedValues;
}

const INPUT_PREFIX = 'in:';

/**
 * Checks indexed per step of preparation: a step stays short (at 100×: 33,000 checks, a few
 * milliseconds a step), so that the window answers between steps.
 */
const CHECKS_PER_STEP = 4000;

/** Areas an edit may touch without changing any form's rows or amounts. */
const TEXT_AREAS: ReadonlySet<Area> = new Set([
  'overview',
  'declarations',
  'notes',
  'narrative',
  'performance',
  'glossary',
]);

function isTextArea(area: Area): boolean {
  return TEXT_AREAS.has(area) || area.startsWith('declaration:');
}

export class CheckSession {
  private readonly rules: readonly Rule[];
  private readonly stated: StatedValues;
  private forms!: FormEvaluator;
  private context!: CheckContext;
  /**
   * Every check, by ordinal, and the rule that made it (two arrays: a large budget has tens of
   * thousands). A full check run in steps (preparation) keeps them as it runs them; one asked for at
   * once (findings) keeps none, and they are made again, in the same order, when re-checking first needs
   * them (prepare, or the first update), from the same state: a rule at a time (`madeRules` of them so
   * far).
   */
  private checks: Check[] = [];
  private ruleOf: Rule[] = [];
  private madeRules = 0;
  /**
   * The rules that have run on the document since it was last checked in full (all of them: it is
   * checked). A full check runs a rule at a time, so that an app can run it in the background.
   */
  private checkedRules = 0;
  /**
   * Counts the full checks: a step of preparation() made before the latest one does nothing (what it
   * was to build was dropped with the document it was for).
   */
  private round = 0;
  private count = 0;
  /** Which checks read an amount: a cell key or `in:` + an input key → check ordinals (built on demand). */
  private readIndex!: CheckIndex<string>;
  /** Which checks read a part of the document: area → check ordinals (built on demand). */
  private areaIndex!: CheckIndex<Area>;
  /** The current finding of each check that has one, by ordinal. */
  private results: (Finding | undefined)[] = [];
  /** The last list of findings, and the explanations it was made with. */
  private listed: { explanations: BudgetDocument['explanations']; findings: readonly Finding[] } | null =
    null;

  constructor(doc: BudgetDocument, options: SessionOptions = {}) {
    this.rules = options.rules ?? RULES;
    this.stated = options.stated ?? new Map();
    this.rebuild(doc);
  }

  get doc(): BudgetDocument {
    return this.forms.doc;
  }

  /** The computed forms of the current document (the grid shows them; kept current with the checks). */
  get evaluator(): FormEvaluator {
    return this.forms;
  }

  /** The number of checks the rules make on this document. */
  get checkCount(): number {
    this.checkRules(this.rules.length);
    return this.count;
  }

  /**
   * Whether every rule has run on the current document. After opening, or an edit that adds or removes
   * rows, it is not, until the findings are asked for or the steps of preparation() have run.
   */
  get isChecked(): boolean {
    return this.checkedRules === this.rules.length;
  }

  /**
   * Moves to the next version of the document and re-runs what the change can affect. A full check
   * still under way is finished first, on the document it began with; rows added or removed start a
   * new one (run by findings(), or in the steps of preparation()).
   */
  update(next: BudgetDocument, change: DocumentChange): void {
    if (change.kind !== 'structure') this.checkRules(this.rules.length);
    if (change.kind === 'input' && this.stated.size === 0) {
      const byRead = this.byRead();
      const stale = this.forms.advance(next, change.input);
      if (stale) {
        this.context = this.makeContext(this.forms);
        const affected = new Set<number>(byRead.get(INPUT_PREFIX + inputKey(change.input)));
        for (const key of stale) for (const ordinal of byRead.get(key) ?? []) affected.add(ordinal);
        this.run(affected);
        return;
      }
    } else if (change.kind === 'areas' && change.areas.every(isTextArea)) {
      const byArea = this.byArea();
      this.forms.rebase(next);
      this.context = this.makeContext(this.forms);
      const affected = new Set<number>();
      // One declaration's edit also concerns the checks that read all declarations, and an edit of
      // 'declarations' (any of them) concerns every declaration's own checks.
      const anyDeclaration = change.areas.includes('declarations');
      for (const [area, ordinals] of byArea) {
        const concerned =
          change.areas.includes(area) ||
          (anyDeclaration && area.startsWith('declaration:')) ||
          (area === 'declarations' && change.areas.some((a) => a.startsWith('declaration:')));
        if (concerned) for (const ordinal of ordinals) affected.add(ordinal);
      }
      this.run(affected);
      return;
    }
    this.rebuild(next);
  }

  /**
   * The current findings: 错误 first, then 提示, each in rule order. The list is kept between calls and
   * rebuilt only after a check's finding changed or the explanations did.
   */
  findings(): readonly Finding[] {
    this.checkRules(this.rules.length);
    const { explanations } = this.doc;
    if (this.listed && this.listed.explanations === explanations) return this.listed.findings;
    const explained = new Map(explanations.map((e) => [`${e.ruleId}|${e.subject}`, e]));
    const errors: Finding[] = [];
    const advisories: Finding[] = [];
    const { results } = this;
    for (let ordinal = 0; ordinal < results.length; ordinal++) {
      const finding = results[ordinal];
      if (!finding) continue;
      if (finding.level === '错误') {
        errors.push(finding);
        continue;
      }
      const explanation = explained.get(`${finding.rule}|${finding.subject}`);
      advisories.push(
        explanation && explanation.basis === finding.basis
          ? { ...finding, explanation: explanation.text }
          : finding,
      );
    }
    const findings = [...errors, ...advisories];
    this.listed = { explanations, findings };
    return findings;
  }

  private rebuild(doc: BudgetDocument): void {
    this.forms = formsOf(doc);
    this.context = this.makeContext(this.forms);
    this.checks = [];
    this.ruleOf = [];
    this.madeRules = 0;
    this.readIndex = new CheckIndex<string>(readKeys);
    this.areaIndex = new CheckIndex<Area>(areaKeys);
    this.results = [];
    this.listed = null;
    this.checkedRules = 0;
    this.count = 0;
    this.round++;
  }

  /**
   * Runs the rules before `end` (in order) that have not run on the document yet. With `keep`, their
   * checks are kept for re-checking too (when those of the rules before are): a full check asked for at
   * once (findings) keeps none, and they are made again when re-checking first needs them.
   */
  private checkRules(end: number, keep = false): void {
    const { context, results } = this;
    // Indexed loops: tens of thousands of checks, run once, mostly before this loop is optimized.
    for (; this.checkedRules < Math.min(end, this.rules.length); this.checkedRules++) {
      const rule = this.rules[this.checkedRules] as Rule;
      const checks = rule.checks(context);
      const kept = keep && this.madeRules === this.checkedRules;
      for (let c = 0; c < checks.length; c++) {
        const check = checks[c] as Check;
        const draft = check.run(context);
        results.push(draft ? findingOf(rule, check, draft) : undefined);
        if (kept) {
          this.checks.push(check);
          this.ruleOf.push(rule);
        }
      }
      if (kept) this.madeRules++;
    }
    this.count = results.length;
  }

  /** The checks, made again as the full check made them (before any update changed the document). */
  private made(): Check[] {
    this.makeChecks(this.rules.length);
    return this.checks;
  }

  /** Makes the checks of the rules before `rule` (in order) that are not made yet. */
  private makeChecks(rule: number): void {
    for (; this.madeRules < Math.min(rule, this.rules.length); this.madeRules++) {
      const made = this.rules[this.madeRules] as Rule;
      for (const check of made.checks(this.context)) {
        this.checks.push(check);
        this.ruleOf.push(made);
      }
    }
  }

  /** Whether what a one-cell re-check needs is built (a full check, on opening or after rows changed, drops it). */
  get isPrepared(): boolean {
    return (
      this.isChecked &&
      this.madeRules === this.rules.length &&
      this.readIndex.covers(this.checks) &&
      this.areaIndex.covers(this.checks) &&
      this.forms.isPrepared
    );
  }

  /**
   * Finishes the full check and builds what a one-cell re-check needs: which checks read which amounts,
   * and which cells feed which totals. Done on the first edit, or ahead of it (an app runs the steps of
   * preparation() once the document is open).
   */
  prepare(): void {
    const steps = this.preparation();
    while (!steps.next().done);
  }

  /**
   * What prepare does, a step at a time: an app runs each in a task of its own, so that the window
   * answers between them while a large budget is checked and prepared. A step is a rule run (its checks
   * kept for re-checking), a rule's checks made (when the findings were asked for before the steps
   * finished the check), a few thousand checks indexed, or a form entered in the graph. An update between
   * steps does what it needs itself; one that adds or removes rows ends the steps (a new full check
   * begins: ask again).
   */
  *preparation(): Generator<void, void, undefined> {
    const round = this.round;
    while (!this.isChecked) {
      this.checkRules(this.checkedRules + 1, true);
      yield;
      if (round !== this.round) return;
    }
    while (this.madeRules < this.rules.length) {
      this.makeChecks(this.madeRules + 1);
      yield;
      if (round !== this.round) return;
    }
    for (const index of [this.readIndex, this.areaIndex]) {
      while (!index.covers(this.checks)) {
        index.extend(this.checks, index.size + CHECKS_PER_STEP);
        yield;
        if (round !== this.round) return;
      }
    }
    while (!this.forms.isPrepared) {
      this.forms.prepareStep();
      yield;
      if (round !== this.round) return;
    }
  }

  private byArea(): ReadonlyMap<Area, number[]> {
    return this.areaIndex.extend(this.made(), Infinity);
  }

  private byRead(): ReadonlyMap<string, number[]> {
    return this.readIndex.extend(this.made(), Infinity);
  }

  private run(ordinals: Iterable<number>): void {
    for (const ordinal of ordinals) this.runCheck(ordinal);
  }

  private runCheck(ordinal: number): void {
    const check = this.made()[ordinal];
    const rule = this.ruleOf[ordinal];
    if (!check || !rule) return;
    const draft = check.run(this.context);
    const before = this.results[ordinal];
    if (!draft) {
      if (before) {
        this.results[ordinal] = undefined;
        this.listed = null;
      }
      return;
    }
    const finding = findingOf(rule, check, draft);
    if (!before || !sameFinding(before, finding)) {
      this.results[ordinal] = finding;
      this.listed = null;
    }
  }

  private makeContext(forms: FormEvaluator): CheckContext {
    const stated = this.stated;
    const statedCells: CellRef[] = [...stated.keys()].map((key) => {
      const [form, row, column] = key.split('/') as [CellRef['form'], string, string];
      return { form, row, column };
    });
    return {
      doc: forms.doc,
      catalog: catalogFor(forms.doc.year),
      forms,
      value:
        stated.size === 0
          ? (ref) => forms.value(ref)
          : (ref) => {
              const key = cellKey(ref);
              return stated.has(key) ? (stated.get(key) ?? null) : forms.value(ref);
            },
      computed: (ref) => forms.value(ref),
      statedCells,
      describe: (ref) => forms.describe(ref),
    };
  }
}

function findingOf(rule: Rule, check: Check, draft: FindingDraft): Finding {
  return {
    rule: rule.id,
    level: draft.level ?? rule.level,
    subject: check.subject,
    message: draft.message,
    targets: draft.targets,
    basis: draft.basis,
    explanation: null,
  };
}

/** Same level, words, basis and cells (rows that moved keep their words but not their places). */
function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.level === b.level &&
    a.message === b.message &&
    a.basis === b.basis &&
    a.targets.length === b.targets.length &&
    a.targets.every((target, i) => sameTarget(target, b.targets[i]))
  );
}

function sameTarget(a: Target, b: Target | undefined): boolean {
  if (!b || a.kind !== b.kind) return false;
  if (a.kind === 'field') return b.kind === 'field' && a.path === b.path && a.label === b.label;
  return b.kind === 'cell' && a.form === b.form && a.row === b.row && a.column === b.column;
}

/** The amounts a check reads: cell keys, and `in:` + the key of each typed amount read directly. */
function readKeys(check: Check, add: (key: string) => void): void {
  for (const expr of check.reads) {
    const { cells, inputs } = directReads(expr);
    for (const cell of cells) add(cellKey(cell));
    for (const input of inputs) add(INPUT_PREFIX + inputKey(input));
  }
}

/** The parts of the document a check reads. */
function areaKeys(check: Check, add: (area: Area) => void): void {
  for (const area of check.areas) add(area);
}

/** Which checks have a key (an amount they read, an area), by ordinal; built over the checks in parts. */
class CheckIndex<K> {
  private readonly byKey = new Map<K, number[]>();
  /** The checks before this ordinal are in. */
  private indexed = 0;

  constructor(private readonly keysOf: (check: Check, add: (key: K) => void) => void) {}

  /** Whether every one of the checks is in. */
  covers(checks: readonly Check[]): boolean {
    return this.indexed === checks.length;
  }

  /** How many checks are in. */
  get size(): number {
    return this.indexed;
  }

  /** Takes in the checks before ordinal `end` that are not in yet; the index so far. */
  extend(checks: readonly Check[], end: number): ReadonlyMap<K, number[]> {
    const { byKey } = this;
    const stop = Math.min(end, checks.length);
    for (let ordinal = this.indexed; ordinal < stop; ordinal++) {
      this.keysOf(checks[ordinal] as Check, (key) => {
        const list = byKey.get(key);
        if (!list) byKey.set(key, [ordinal]);
        else if (list[list.length - 1] !== ordinal) list.push(ordinal);
      });
    }
    this.indexed = Math.max(this.indexed, stop);
    return byKey;
  }
}

/** Every finding on a document (a one-off check: the command line, an import, a report). */
export function checkDocument(doc: BudgetDocument, options: SessionOptions = {}): Finding[] {
  return [...new CheckSession(doc, options).findings()];
}
