/**
 * The rule catalog, in the order findings are listed. CHECKS.md is the minimum it covers.
 */
import type { Rule } from '../types';
import { BETWEEN_TABLE_RULES } from './betweenTables';
import { COMPLETENESS_RULES } from './completeness';
import { PERFORMANCE_RULES } from './performance';
import { TEXT_RULES } from './text';
import { WITHIN_TABLE_RULES } from './withinTables';

export const RULES: readonly Rule[] = [
  ...WITHIN_TABLE_RULES,
  ...BETWEEN_TABLE_RULES,
  ...TEXT_RULES,
  ...COMPLETENESS_RULES,
  ...PERFORMANCE_RULES,
];
