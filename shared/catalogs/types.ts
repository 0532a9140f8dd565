/**
 * Classification catalogs (政府收支分类科目), one set per budget year. They are data: a code that is not
 * in the catalog is accepted with a warning by the checks, never rejected by the model.
 */

/** One catalog line: a code and its official name. */
export type CatalogLine = readonly [code: string, name: string];

/**
 * 部门预算支出经济分类 款 → 政府预算支出经济分类 款, by unit type. 行政单位 and 参公事业单位 map into
 * 501/502/503/509…, other 事业单位 into 505/506… (e.g. 30107 绩效工资 → 50101 for 行政, 50501 for 事业).
 */
export type EconomicMappingLine = readonly [
  departmentCode: string,
  administrativeGovernmentCode: string,
  institutionGovernmentCode: string,
];

export interface CatalogSet {
  readonly year: number;
  /** 支出功能分类: 类 (3 digits), 款 (5), 项 (7), in official order. */
  readonly functionSubjects: readonly CatalogLine[];
  /** 部门预算支出经济分类: 类 (3 digits) and 款 (5), in official order. */
  readonly departmentEconomic: readonly CatalogLine[];
  /** 政府预算支出经济分类: 类 (3 digits) and 款 (5), in official order. */
  readonly governmentEconomic: readonly CatalogLine[];
  /** Every 部门 款 of departmentEconomic, with its 政府 款 per unit type. */
  readonly economicMapping: readonly EconomicMappingLine[];
  /** 部门经济 类 whose amounts are 人员经费 (301 工资福利支出, 303 对个人和家庭的补助). */
  readonly personnelClasses: readonly string[];
  /** 部门经济 类 whose basic-expenditure amounts are 公用经费 (302 商品和服务支出, 310 资本性支出). */
  readonly publicClasses: readonly string[];
}
