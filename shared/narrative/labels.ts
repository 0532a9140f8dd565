/**
 * Names the narrative prints and the checks quote: the four “三公” items and the kinds of vehicle; and
 * what the narrative's typed figures are called where a message names them (an entry refused, a file
 * problem).
 */
import type { ThreePublicItem } from '../document/schema';

/** The four “三公” items as section 七 names them. */
export const THREE_PUBLIC_LABELS: Record<ThreePublicItem, string> = {
  travelAbroad: '因公出国（境）费用',
  reception: '公务接待费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
};

/** The kinds of official vehicle section 十一 lists, by their field in narrative.assets.vehicles. */
export const VEHICLE_KINDS = [
  ['leader', '领导用车'],
  ['confidential', '机要通信用车'],
  ['emergency', '应急保障用车'],
  ['lawEnforcement', '执法执勤用车'],
  ['specialTechnical', '特种专业技术用车'],
  ['institutionBusiness', '事业单位业务用车'],
  ['institutionOther', '事业单位其他公务用车'],
] as const;

/** 上年数 (section 一 and 七): last year's totals, by their field in narrative.lastYear. */
export const LAST_YEAR_LABELS = {
  totalIncome: '收入总计',
  totalExpenditure: '支出总计',
  generalBudgetExpenditure: '一般公共预算支出',
  operatingExpenses: '机关运行经费',
} as const;

/** 政府采购预算 (section 九), by field in narrative.procurement. */
export const PROCUREMENT_LABELS = { goods: '货物', works: '工程', services: '服务' } as const;

/** 国有资产占有使用情况 (section 十一), by field in narrative.assets, as section 十一 words them (without spaces around numbers, as it prints them). */
export const ASSET_LABELS = {
  asOf: '截止日期',
  vehicleQuota: '公务用车编制数',
  vehicleActual: '公务用车实有数',
  vehicleNote: '车辆情况补充说明',
  officeArea: '办公用房建筑面积',
  equipmentOver50: '单价50万元以上通用设备',
  equipmentOver100: '单价100万元以上专用设备',
} as const;
