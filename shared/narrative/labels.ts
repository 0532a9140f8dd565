/**
 * Names the narrative prints and the checks quote: the four “三公” items and the kinds of vehicle.
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
