/** 第三部分 情况说明: generated from the data (generate.ts), rendered as text (render.ts). */
export { generateNarrative, generateSection } from './generate';
export {
  changeRatePercent,
  changeRateText,
  countText,
  largestRemainderPercents,
  percentText,
  sharePercent,
  wholePercent,
} from './percent';
export { renderNarrativeText, segmentText, unfilledSlots, type UnfilledSlot } from './render';
export * from './types';
