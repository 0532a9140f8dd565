/**
 * A new, empty document for a department and year: one unit (the department's own office), no rows,
 * the standard glossary, blank narrative inputs.
 */
import { standardGlossary } from './glossary';
import { CURRENT_FORMAT_VERSION, FILE_FORMAT, type BudgetDocument } from './schema';

export function emptyDocument(departmentName: string, year: number): BudgetDocument {
  const none = '';
  return {
    format: FILE_FORMAT,
    formatVersion: CURRENT_FORMAT_VERSION,
    year,
    department: { name: departmentName, code: none },
    coverDate: none,
    units: [{ id: 'u1', name: departmentName, type: '行政' }],
    overview: { responsibilities: [], organization: none },
    tables: {
      t2: { rows: [] },
      t3: { rows: [] },
      t5: { rows: [] },
      t6: { rows: [] },
      t7: { source: 'table2', rows: [] },
      t8: { rows: [] },
      t9: { incomeRows: [], rows: [] },
      t10: { rows: [] },
      t11: { rows: [] },
    },
    projects: [],
    emptyTableNotes: {},
    narrative: {
      lastYear: {
        totalIncome: none,
        totalExpenditure: none,
        generalBudgetExpenditure: none,
        threePublic: { travelAbroad: none, reception: none, vehiclePurchase: none, vehicleOperation: none },
        operatingExpenses: none,
      },
      reasons: {
        total: none,
        generalBudget: none,
        threePublic: none,
        travelAbroad: none,
        reception: none,
        vehiclePurchase: none,
        vehicleOperation: none,
        operatingExpenses: none,
      },
      procurement: { goods: none, works: none, services: none },
      assets: {
        asOf: none,
        vehicleQuota: none,
        vehicleActual: none,
        vehicles: {
          leader: none,
          confidential: none,
          emergency: none,
          lawEnforcement: none,
          specialTechnical: none,
          institutionBusiness: none,
          institutionOther: none,
        },
        vehicleNote: none,
        officeArea: none,
        equipmentOver50: none,
        equipmentOver100: none,
      },
      otherNotes: none,
    },
    performance: {
      overall: {
        unitName: departmentName,
        address: none,
        contact: none,
        phone: none,
        staffQuota: none,
        staffActual: none,
        functions: none,
        target: none,
        indicators: [],
      },
    },
    glossary: standardGlossary(),
    explanations: [],
  };
}
