/**
 * Next year's document, started from last year's: the department, its units and projects, every table
 * row and the texts carry over with all amounts cleared, so the structure is there to fill; last year's
 * figures the narrative compares against (narrative.lastYear) are taken from last year's computed tables.
 */
import { formsOf } from '../forms/engine';
import type { FormId } from '../forms/types';
import { toAmount, ZERO } from '../money';
import {
  EMPTY_NOTE_TABLES,
  type BudgetDocument,
  type ExpenditureRow,
  type Project,
  type ProjectDeclaration,
  type SingleAmountRow,
  type YuanFunding,
} from './schema';

/** Blank amounts of the three 财政拨款 sources, and of the five 本年收入 sources. */
const FISCAL_BLANK = { generalBudget: '', governmentFund: '', stateCapital: '' } as const;
const INCOME_BLANK = { ...FISCAL_BLANK, specialAccount: '', unitFunds: '' } as const;

function blankExpenditure(row: ExpenditureRow): ExpenditureRow {
  return { functionCode: row.functionCode, name: row.name, basic: '', project: '' };
}

function blankSingleAmount(row: SingleAmountRow): SingleAmountRow {
  return { functionCode: row.functionCode, name: row.name, amount: '' };
}

function blankFunding(): YuanFunding {
  return { total: '', central: '', provincial: '', cityCounty: '', selfRaised: '', other: '' };
}

/** A declaration's texts and indicators carry over; its money and its 填报日期 are next year's to fill. */
function rolloverDeclaration(declaration: ProjectDeclaration): ProjectDeclaration {
  return {
    ...declaration,
    implementationFunding: blankFunding(),
    annualFunding: blankFunding(),
    implementationGoals: [...declaration.implementationGoals],
    annualGoals: [...declaration.annualGoals],
    implementationIndicators: declaration.implementationIndicators.map((i) => ({ ...i })),
    annualIndicators: declaration.annualIndicators.map((i) => ({ ...i })),
    filledOn: '',
  };
}

function rolloverProject(project: Project): Project {
  return {
    ...project,
    current: project.current ? { ...INCOME_BLANK } : null,
    carryOver: project.carryOver ? { ...FISCAL_BLANK } : null,
    declaration: project.declaration ? rolloverDeclaration(project.declaration) : null,
  };
}

/**
 * The empty-table notes name the year (本部门2024年无…，故本表为空表): last year's becomes the new one; a
 * note that still names another year is stale and dropped.
 */
function rolloverEmptyNotes(last: BudgetDocument, year: number): BudgetDocument['emptyTableNotes'] {
  const notes: BudgetDocument['emptyTableNotes'] = {};
  for (const table of EMPTY_NOTE_TABLES) {
    const note = last.emptyTableNotes[table];
    if (note === undefined) continue;
    const updated = note.replaceAll(`${last.year}年`, `${year}年`);
    const years = [...updated.matchAll(/(\d{4})\s*年/g)].map((match) => match[1]);
    if (years.every((named) => named === String(year))) notes[table] = updated;
  }
  return notes;
}

/** Last year's computed figures the narrative compares against, exact, as stored amounts. */
function lastYearFigures(last: BudgetDocument): BudgetDocument['narrative']['lastYear'] {
  const forms = formsOf(last);
  // A blank cell of last year's tables is a known zero, stored as '0' (a blank lastYear means "not typed").
  const figure = (form: FormId, row: string, column: string) =>
    toAmount(forms.value({ form, row, column }) ?? ZERO);
  return {
    totalIncome: figure('T1', 'income:total', 'income'),
    totalExpenditure: figure('T1', 'expenditure:total', 'total'),
    generalBudgetExpenditure: figure('T5', 'total', 'total'),
    threePublic: {
      travelAbroad: figure('T10', 'travelAbroad', 'total'),
      reception: figure('T10', 'reception', 'total'),
      vehiclePurchase: figure('T10', 'vehiclePurchase', 'total'),
      vehicleOperation: figure('T10', 'vehicleOperation', 'total'),
    },
    operatingExpenses: figure('T11', 'total', 'total'),
  };
}

/**
 * Starts `year`'s document from last year's. Amounts are cleared everywhere (tables, projects,
 * declarations' funding, procurement); reasons, explanations and dates are dropped; the department,
 * units, texts, glossary, assets and 其他说明 carry over.
 */
export function rolloverDocument(last: BudgetDocument, year: number): BudgetDocument {
  if (year !== last.year + 1) {
    throw new RangeError(`${last.year}年的文档只能结转为${last.year + 1}年的文档，不能结转为${year}年`);
  }
  const t = last.tables;
  const { narrative } = last;
  return {
    format: last.format,
    formatVersion: last.formatVersion,
    year,
    department: { ...last.department },
    coverDate: '',
    units: last.units.map((unit) => ({ ...unit })),
    overview: {
      responsibilities: [...last.overview.responsibilities],
      organization: last.overview.organization,
    },
    tables: {
      t2: {
        rows: t.t2.rows.map((row) => ({
          functionCode: row.functionCode,
          name: row.name,
          ...INCOME_BLANK,
          carryOver: '',
        })),
      },
      t3: { rows: t.t3.rows.map(blankExpenditure) },
      t5: { rows: t.t5.rows.map(blankExpenditure) },
      t6: { rows: t.t6.rows.map((row) => ({ ...row, personnel: '', public: '' })) },
      t7: { source: t.t7.source, rows: t.t7.rows.map(blankSingleAmount) },
      t8: { rows: t.t8.rows.map(blankExpenditure) },
      t9: { incomeRows: t.t9.incomeRows.map(blankSingleAmount), rows: t.t9.rows.map(blankExpenditure) },
      t10: { rows: t.t10.rows.map((row) => ({ item: row.item, ...FISCAL_BLANK })) },
      t11: { rows: t.t11.rows.map((row) => ({ unitId: row.unitId, ...FISCAL_BLANK })) },
    },
    projects: last.projects.map(rolloverProject),
    emptyTableNotes: rolloverEmptyNotes(last, year),
    narrative: {
      lastYear: lastYearFigures(last),
      reasons: {
        total: '',
        generalBudget: '',
        threePublic: '',
        travelAbroad: '',
        reception: '',
        vehiclePurchase: '',
        vehicleOperation: '',
        operatingExpenses: '',
      },
      procurement: { goods: '', works: '', services: '' },
      // Vehicles, floor area and equipment carry over to be confirmed; the date they are counted at is new.
      assets: { ...narrative.assets, vehicles: { ...narrative.assets.vehicles }, asOf: '' },
      otherNotes: narrative.otherNotes,
    },
    performance: {
      overall: {
        ...last.performance.overall,
        indicators: last.performance.overall.indicators.map((i) => ({ ...i })),
      },
    },
    glossary: last.glossary.map((entry) => ({ ...entry })),
    explanations: [],
  };
}
