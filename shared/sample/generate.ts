/**
 * A generated department budget for benchmarks and round-trip tests: 新绛县教育局's 2025 部门预算 at any
 * scale. Scale 1 is about the size of the built-in sample (3 units, 14 projects, a dozen 功能 项 rows);
 * scale n has 3n units, 14n projects and about 10n 项 rows (up to what the catalog holds).
 *
 * The document is built the way the money flows, so that every cross-table rule of CHECKS.md holds:
 *  - 基本支出 is generated per unit and 部门经济 款 (payroll from head counts and rates, 公用经费 for
 *    行政 / 参公 units only); each line has a 功能 项 and maps to its 政府经济 款 by the unit's type.
 *    表6 sums the lines by 经济 款, 表3/表5's 基本支出 by 功能 项, 表11 by unit: the same lines, so the
 *    totals agree (B4, B6).
 *  - Every project carries a 功能 项; 项目支出 by 项 is the sum of its projects (表12 + 表13), so 表3, 表5
 *    and 表8 agree with 表12/13 per code (B5), and 表2 is their sum by source (B2, B3).
 *  - 一般公共预算 pays all 基本支出; 政府性基金 pays the 彩票公益金 projects; 国有资本经营预算 pays nothing,
 *    so 表9 is empty and has its note (C4).
 *  - 三公 (表10) is exactly the 30217 / 30231 lines of 表6; only 行政 / 参公 units have them, and vehicles.
 *
 * All money is generated as whole cents of 万元 and added with decimal.js; the PRNG (mulberry32) is the
 * only source of variation, so a seed always gives the same document.
 */
import { catalogFor, type Catalog } from '../catalogs';
import { standardGlossary } from '../document/glossary';
import {
  CURRENT_FORMAT_VERSION,
  economicRowKey,
  FILE_FORMAT,
  type BudgetDocument,
  type EconomicRow,
  type ExpenditureRow,
  type IncomeRow,
  type Indicator,
  type Narrative,
  type Project,
  type ProjectDeclaration,
  type ThreePublicRow,
  type UnitType,
  type YuanFunding,
} from '../document/schema';
import { chineseNumeral } from '../forms/builders';
import { Decimal, roundCents, sum, toAmount, wanToYuan, ZERO } from '../money';

export interface GenerateOptions {
  /** A positive integer: 1 is about the sample's size, n is n times it. */
  readonly scale: number;
  /** Any integer; the same seed gives the same document. */
  readonly seed: number;
}

const YEAR = 2025;
const DEPARTMENT = '新绛县教育局';
const COUNTY = '新绛县';
/** 功能 项 rows per unit of scale (the sample has 10). */
const ROWS_PER_SCALE = 10;
const PROJECTS_PER_SCALE = 14;
const UNITS_PER_SCALE = 3;
/** 用于教育事业的彩票公益金支出: the 政府性基金 projects' 功能 项. */
const FUND_CODE = '2296004';

/** A stored amount: blank for zero, as the published tables print it. */
const stored = (value: Decimal) => (value.isZero() ? '' : toAmount(value));

// ---------------------------------------------------------------------------------------------------
// Random numbers

/** mulberry32: a small 32-bit PRNG with a good spread, the same sequence on every platform. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** An amount of [min, max] cents of 万元, i.e. two decimals at most. */
  cents(min: number, max: number): Decimal {
    return new Decimal(this.int(min, max)).div(100);
  }

  /** A share of an amount, in whole percent of [min, max], rounded to cents. */
  share(whole: Decimal, min: number, max: number): Decimal {
    return roundCents(whole.times(this.int(min, max)).div(100));
  }
}

// ---------------------------------------------------------------------------------------------------
// Units

type VehicleKind = keyof Narrative['assets']['vehicles'];

interface UnitSpec {
  readonly name: string;
  readonly type: UnitType;
  /** The 功能 项 of the unit's own 基本支出 (行政运行 for 机关, the school level for schools). */
  readonly basicCode: string;
  readonly staff: readonly [min: number, max: number];
}

interface PlannedUnit {
  readonly id: string;
  readonly name: string;
  /** The name without the county, to qualify a project name: 第一中学… */
  readonly shortName: string;
  readonly type: UnitType;
  readonly basicCode: string;
  readonly staff: number;
  readonly quota: number;
  readonly retirees: number;
  readonly vehicles: readonly VehicleKind[];
  readonly leader: string;
  readonly handler: string;
  readonly phone: string;
}

const OFFICE = '2050101'; // 教育管理事务 / 行政运行
const KINDERGARTEN = '2050201';
const PRIMARY = '2050202';
const JUNIOR = '2050203';
const SENIOR = '2050204';
const VOCATIONAL = '2050302';

const unit = (
  name: string,
  type: UnitType,
  basicCode: string,
  staff: readonly [number, number],
): UnitSpec => ({ name: COUNTY + name, type, basicCode, staff });

/** The county-level units, in the order they join as the scale grows (scale 1: the first three). */
const COUNTY_UNITS: readonly UnitSpec[] = [
  unit('教育局', '行政', OFFICE, [40, 60]),
  unit('招生考试服务中心', '参公事业', OFFICE, [8, 15]),
  unit('第一中学', '事业', SENIOR, [180, 260]),
  unit('人民政府教育督导室', '行政', OFFICE, [6, 12]),
  unit('第二中学', '事业', SENIOR, [120, 200]),
  unit('实验小学', '事业', PRIMARY, [60, 110]),
  unit('职业中学', '事业', VOCATIONAL, [60, 150]),
  unit('实验幼儿园', '事业', KINDERGARTEN, [20, 40]),
  unit('教师进修学校', '事业', '2050801', [10, 25]),
  unit('特殊教育学校', '事业', '2050701', [15, 30]),
  unit('学生资助管理中心', '参公事业', OFFICE, [5, 10]),
  unit('教育信息化服务中心', '事业', '2050199', [6, 15]),
  unit('第三中学', '事业', JUNIOR, [60, 120]),
  unit('第二实验小学', '事业', PRIMARY, [50, 100]),
  unit('教育后勤服务中心', '事业', '2050199', [6, 15]),
];

const TOWNS = ['龙兴镇', '三泉镇', '泽掌镇', '北张镇', '古交镇', '万安镇', '阳王镇', '横桥镇'];
const VILLAGE_PREFIXES = ['东', '西', '南', '北', '前', '后', '上', '下', '中', '大', '小', '新'];
const VILLAGE_SUFFIXES = ['庄', '堡', '村', '营', '坡', '寨', '沟', '店'];

/** Every unit the department can have, in order: county units, then each town's, then village schools. */
function* unitSpecs(): Generator<UnitSpec> {
  yield* COUNTY_UNITS;
  for (const town of TOWNS) {
    yield unit(`${town}教育办公室`, '参公事业', OFFICE, [4, 8]);
    yield unit(`${town}初级中学`, '事业', JUNIOR, [40, 90]);
    yield unit(`${town}中心小学`, '事业', PRIMARY, [25, 60]);
    yield unit(`${town}中心幼儿园`, '事业', KINDERGARTEN, [8, 20]);
  }
  const villages = VILLAGE_SUFFIXES.flatMap((suffix) => VILLAGE_PREFIXES.map((prefix) => prefix + suffix));
  // Past the last village, branch schools: 第二分校, 第三分校, …
  for (let branch = 1; ; branch++) {
    const qualifier = branch === 1 ? '' : `第${chineseNumeral(branch)}分校`;
    for (const village of villages) {
      for (const town of TOWNS) {
        yield unit(`${town}${village}小学${qualifier}`, '事业', PRIMARY, [6, 20]);
        yield unit(`${town}${village}幼儿园${qualifier}`, '事业', KINDERGARTEN, [4, 10]);
      }
    }
  }
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '薛', '郭', '卫', '柴', '裴'];
const GIVEN_NAMES = [
  '建国',
  '丽娟',
  '志强',
  '晓燕',
  '海军',
  '文静',
  '俊辉',
  '永红',
  '玉梅',
  '国栋',
  '春花',
  '明星',
];
const OFFICE_VEHICLES: readonly VehicleKind[] = ['confidential', 'emergency', 'lawEnforcement'];

function personName(rng: Random): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}

function planUnits(rng: Random, count: number): PlannedUnit[] {
  const units: PlannedUnit[] = [];
  for (const spec of unitSpecs()) {
    if (units.length === count) break;
    const index = units.length;
    const staff = rng.int(...spec.staff);
    const office = spec.type !== '事业';
    // 机关 keep 1–3 vehicles, the other 行政 / 参公 units at most one; schools none (see 表10).
    const vehicleCount = index === 0 ? rng.int(1, 3) : office ? rng.int(0, 1) : 0;
    units.push({
      id: `u${index + 1}`,
      name: spec.name,
      shortName: spec.name.slice(COUNTY.length),
      type: spec.type,
      basicCode: spec.basicCode,
      staff,
      quota: staff + rng.int(0, 3),
      retirees: rng.int(0, Math.ceil(staff / 8)),
      vehicles: Array.from({ length: vehicleCount }, () => rng.pick(OFFICE_VEHICLES)),
      leader: personName(rng),
      handler: personName(rng),
      phone: `0359-${rng.int(7500000, 7599999)}`,
    });
  }
  return units;
}

const isOffice = (u: PlannedUnit) => u.type !== '事业';

// ---------------------------------------------------------------------------------------------------
// 基本支出: one line per unit and 部门经济 款

interface BasicLine {
  readonly unit: PlannedUnit;
  readonly departmentCode: string;
  readonly functionCode: string;
  readonly amount: Decimal;
}

/** Percent rates of the contributions, on the wage bill (30101 + 30102 + 30103 + 30107). */
const CONTRIBUTIONS = [
  ['30108', '2080505', 16], // 养老保险 → 机关事业单位基本养老保险缴费支出
  ['30109', '2080506', 8], // 职业年金 → 机关事业单位职业年金缴费支出
  ['30113', '2210201', 12], // 住房公积金
] as const;

/**
 * A unit's 基本支出 lines. Per-head amounts are in cents of 万元 a year. Schools (事业) have payroll
 * only: their 公用经费 comes as projects (生均公用经费), so that 表11, which lists 行政 and 参公 units
 * only, adds up to 表6's 公用经费 (B6).
 */
function basicLines(rng: Random, u: PlannedUnit): BasicLine[] {
  const lines: BasicLine[] = [];
  const add = (departmentCode: string, functionCode: string, amount: Decimal) => {
    if (!amount.isZero()) lines.push({ unit: u, departmentCode, functionCode, amount });
  };
  const perHead = (min: number, max: number, heads = u.staff) => rng.cents(min, max).times(heads);
  const office = isOffice(u);

  const wages: [string, Decimal][] = office
    ? [
        ['30101', perHead(320, 420)], // 基本工资
        ['30102', perHead(180, 280)], // 津贴补贴
        ['30103', perHead(30, 50)], // 奖金
      ]
    : [
        ['30101', perHead(300, 400)],
        ['30102', perHead(30, 60)],
        ['30107', perHead(240, 340)], // 绩效工资
      ];
  for (const [code, amount] of wages) add(code, u.basicCode, amount);
  const wageBill = sum(wages.map(([, amount]) => amount));
  for (const [code, functionCode, percent] of CONTRIBUTIONS) {
    add(code, functionCode, roundCents(wageBill.times(percent).div(100)));
  }
  // 职工基本医疗保险 → 行政单位医疗 / 事业单位医疗; 公务员医疗补助 for 行政 and 参公 only.
  add('30110', office ? '2101101' : '2101102', roundCents(wageBill.times(8).div(100)));
  if (office) add('30111', '2101103', roundCents(wageBill.times(2).div(100)));
  add('30112', u.basicCode, roundCents(wageBill.div(100))); // 失业、工伤保险

  // 303: 退休人员补助 and 遗属生活补助 → 行政单位离退休 / 事业单位离退休.
  const retirement = office ? '2080501' : '2080502';
  add('30302', retirement, perHead(20, 50, u.retirees));
  if (rng.chance(0.4)) add('30305', retirement, rng.cents(50, 300));

  if (!office) return lines;
  const bureau = u.id === 'u1';
  const publicLines: [string, Decimal][] = [
    ['30201', perHead(20, 40)], // 办公费
    ['30205', perHead(3, 8)], // 水费
    ['30206', perHead(5, 10)], // 电费
    ['30207', perHead(3, 6)], // 邮电费
    ['30211', perHead(10, 20)], // 差旅费
    ['30216', perHead(5, 10)], // 培训费
    ['30228', roundCents(wageBill.times(2).div(100))], // 工会经费
    ['30229', perHead(5, 10)], // 福利费
    ['30239', perHead(30, 50)], // 其他交通费用（公务交通补贴）
    ['30213', rng.chance(0.5) ? rng.cents(100, 500) : ZERO], // 维修（护）费
    ['30215', bureau ? rng.cents(50, 300) : ZERO], // 会议费
    ['30217', bureau || rng.chance(0.5) ? rng.cents(20, 400) : ZERO], // 公务接待费
    ['30231', rng.cents(150, 250).times(u.vehicles.length)], // 公务用车运行维护费
    ['31002', rng.chance(0.5) ? rng.cents(100, 600) : ZERO], // 办公设备购置
  ];
  for (const [code, amount] of publicLines) add(code, u.basicCode, amount);
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Projects

type TemplateId = 'operation' | 'work' | 'equipment' | 'construction' | 'training' | 'subsidy' | 'it';
type IndicatorFactory = (rng: Random) => Indicator;

const indicator = (
  level1: Indicator['level1'],
  level2: Indicator['level2'],
  name: string,
  value: string,
): Indicator => ({ level1, level2, name, value });

const output =
  (level2: '数量指标' | '质量指标' | '时效指标', name: string, value: (rng: Random) => string) =>
  (rng: Random) =>
    indicator('产出指标', level2, name, value(rng));
const benefit =
  (level2: '经济效益指标' | '社会效益指标' | '可持续影响指标', name: string, value: string) => () =>
    indicator('效益指标', level2, name, value);
const satisfaction = (name: string, value: string) => () =>
  indicator('满意度指标', '服务对象满意度指标', name, value);

interface Template {
  /** The range of a project's amount, in cents of 万元. */
  readonly cents: readonly [min: number, max: number];
  readonly purpose: string;
  readonly necessity: string;
  readonly measures: string;
  readonly plan: string;
  readonly basis: string;
  /** 产出 (数量 first), 效益 and 满意度 indicators; the first of each is always declared (P3). */
  readonly outputs: readonly [IndicatorFactory, ...IndicatorFactory[]];
  readonly benefits: readonly [IndicatorFactory, ...IndicatorFactory[]];
  readonly satisfactions: readonly [IndicatorFactory, ...IndicatorFactory[]];
}

const STANDARD_MEASURES =
  '严格执行专项资金管理办法，专款专用、单独核算，按规定履行政府采购程序，接受财政、审计部门监督检查。';
const STANDARD_PLAN = '1—2月制定实施方案，3—10月组织实施，11—12月完成验收和绩效自评。';

const TEMPLATES: Readonly<Record<TemplateId, Template>> = {
  operation: {
    cents: [300, 6000],
    purpose: '保障日常办公、水电暖、维修维护等公用支出，维持单位正常运转',
    necessity: '单位公用经费缺口较大，需要安排专项经费保障日常运转，确保教育教学工作不受影响。',
    measures: '按生均标准核定经费，纳入学校预算统一管理，定期公开经费使用情况，接受师生监督。',
    plan: '按季度拨付经费，学校按预算执行，年底前完成经费使用情况自查和绩效自评。',
    basis: '《国务院关于进一步完善城乡义务教育经费保障机制的通知》（国发〔2015〕67号）',
    outputs: [
      output('数量指标', '保障在岗人员数', (rng) => `=${rng.int(8, 200)}人`),
      output('质量指标', '公用经费保障到位率', () => '=100%'),
      output('时效指标', '经费拨付及时率', () => '≥95%'),
    ],
    benefits: [
      benefit('社会效益指标', '日常工作正常运转率', '=100%'),
      benefit('可持续影响指标', '经费保障机制持续运行', '≥3年'),
    ],
    satisfactions: [satisfaction('教职工满意度', '≥95%'), satisfaction('学生家长满意度', '≥90%')],
  },
  work: {
    cents: [200, 3000],
    purpose: '组织开展专项业务工作，完成上级部署的年度工作任务',
    necessity: '该项工作是本年度重点任务，需要安排专项经费保障工作顺利开展。',
    measures: STANDARD_MEASURES,
    plan: STANDARD_PLAN,
    basis: '《中华人民共和国教育法》及县委、县政府年度重点工作安排',
    outputs: [
      output('数量指标', '开展专项工作次数', (rng) => `=${rng.int(4, 24)}次`),
      output('质量指标', '工作任务完成率', () => '≥95%'),
      output('时效指标', '任务按期完成率', () => '=100%'),
    ],
    benefits: [
      benefit('社会效益指标', '工作覆盖人数', '≥1000人'),
      benefit('可持续影响指标', '工作机制长效运行', '≥3年'),
    ],
    satisfactions: [satisfaction('服务对象满意度', '≥90%'), satisfaction('群众满意度', '≥90%')],
  },
  equipment: {
    cents: [1000, 15000],
    purpose: '购置教学及办公设备，改善教育教学和办公条件',
    necessity: '现有设备老化、数量不足，已不能满足教育教学和日常办公的需要。',
    measures: STANDARD_MEASURES,
    plan: '1—3月完成需求论证和采购计划，4—7月组织政府采购，8月安装调试，9月投入使用并验收。',
    basis: '《中华人民共和国政府采购法》',
    outputs: [
      output('数量指标', '购置设备数量', (rng) => `≥${rng.int(10, 300)}台（套）`),
      output('质量指标', '设备验收合格率', () => '=100%'),
      output('时效指标', '采购完成时限', () => '≤6个月'),
    ],
    benefits: [
      benefit('社会效益指标', '设备受益人数', '≥500人'),
      benefit('可持续影响指标', '设备使用年限', '≥5年'),
    ],
    satisfactions: [satisfaction('设备使用人员满意度', '≥95%'), satisfaction('学生满意度', '≥90%')],
  },
  construction: {
    cents: [2000, 30000],
    purpose: '实施校舍及附属设施维修改造，消除安全隐患',
    necessity: '部分校舍及附属设施年久失修，存在安全隐患，亟需维修改造。',
    measures: '实行项目法人责任制、招投标制、工程监理制和合同管理制，严格工程质量和安全管理。',
    plan: '1—3月完成设计和招标，4—9月组织施工，10—11月竣工验收，12月完成结算和绩效自评。',
    basis: '《中华人民共和国建筑法》《中华人民共和国招标投标法》',
    outputs: [
      output('数量指标', '维修改造面积', (rng) => `≥${rng.int(300, 6000)}平方米`),
      output('质量指标', '工程验收合格率', () => '=100%'),
      output('时效指标', '工程完工时限', () => '≤10个月'),
    ],
    benefits: [
      benefit('社会效益指标', '消除安全隐患', '≥5处'),
      benefit('可持续影响指标', '工程设计使用年限', '≥15年'),
    ],
    satisfactions: [satisfaction('使用单位满意度', '≥90%'), satisfaction('师生满意度', '≥90%')],
  },
  training: {
    cents: [200, 2000],
    purpose: '组织开展教师及管理人员专题培训，提升业务能力',
    necessity: '教师队伍结构性矛盾突出，业务能力需要持续提升，以适应新课程改革的要求。',
    measures: '制定年度培训计划，实行培训考勤和结业考核，培训经费按实际参训人数据实结算。',
    plan: '寒假、暑假集中培训，学期中分学科开展专题研修，12月完成培训总结和绩效自评。',
    basis: '《教育部关于实施全国中小学教师信息技术应用能力提升工程2.0的意见》（教师〔2019〕1号）',
    outputs: [
      output('数量指标', '培训人次', (rng) => `≥${rng.int(50, 2000)}人次`),
      output('质量指标', '培训考核合格率', () => '≥95%'),
      output('时效指标', '培训计划完成时限', () => '≤11个月'),
    ],
    benefits: [
      benefit('社会效益指标', '参训人员业务能力提升率', '≥90%'),
      benefit('可持续影响指标', '培训成果持续应用', '≥3年'),
    ],
    satisfactions: [satisfaction('参训人员满意度', '≥95%'), satisfaction('学员所在单位满意度', '≥90%')],
  },
  subsidy: {
    cents: [500, 20000],
    purpose: '按政策标准发放资助和补助资金，落实惠民政策',
    necessity: '落实国家资助政策，保障家庭经济困难学生和补助对象的基本权益。',
    measures: '建立补助对象认定、公示和复核制度，资金直接发放到人，杜绝截留、挤占和挪用。',
    plan: '春季、秋季学期开学后分别完成补助对象认定，认定后1个月内将资金发放到位。',
    basis: '《学生资助资金管理办法》（财教〔2021〕310号）',
    outputs: [
      output('数量指标', '补助对象人数', (rng) => `≥${rng.int(50, 3000)}人`),
      output('质量指标', '补助对象认定准确率', () => '=100%'),
      output('时效指标', '资金发放及时率', () => '=100%'),
    ],
    benefits: [
      benefit('社会效益指标', '应助尽助率', '=100%'),
      benefit('经济效益指标', '减轻受助家庭负担', '≥1000元/人'),
    ],
    satisfactions: [satisfaction('补助对象满意度', '≥95%'), satisfaction('学生家长满意度', '≥95%')],
  },
  it: {
    cents: [300, 4000],
    purpose: '保障信息系统和网络平台运行维护，提升信息化服务水平',
    necessity: '教育管理和教学业务高度依赖信息系统，需要持续投入保障系统稳定运行。',
    measures: '与运维单位签订服务合同，明确服务标准和响应时限，按季度考核后支付运维费用。',
    plan: '1月完成运维服务采购，2—12月按合同提供运维服务，每季度考核一次。',
    basis: '《教育信息化2.0行动计划》（教技〔2018〕6号）',
    outputs: [
      output('数量指标', '运维信息系统数量', (rng) => `=${rng.int(2, 12)}个`),
      output('质量指标', '系统正常运行率', () => '≥99%'),
      output('时效指标', '故障响应时间', () => '≤2小时'),
    ],
    benefits: [
      benefit('社会效益指标', '线上业务办理覆盖率', '≥90%'),
      benefit('可持续影响指标', '系统持续稳定运行', '≥3年'),
    ],
    satisfactions: [satisfaction('系统使用人员满意度', '≥90%'), satisfaction('服务对象满意度', '≥90%')],
  },
};

type Theme = readonly [name: string, template: TemplateId];

/**
 * Project themes of the 功能 项 an education bureau funds most, in the order they are taken as the scale
 * grows. Other 项 get generic themes built from their catalog name (GENERIC_KINDS).
 */
const EDUCATION_THEMES: ReadonlyMap<string, readonly Theme[]> = new Map<string, readonly Theme[]>([
  [
    '2050102', // 教育管理事务 / 一般行政管理事务
    [
      ['教育督导评估工作经费', 'work'],
      ['教育系统安全稳定工作经费', 'work'],
      ['教师资格认定工作经费', 'work'],
      ['中小学教材征订发行管理经费', 'work'],
      ['教育局机关运行经费', 'operation'],
      ['教育宣传工作经费', 'work'],
    ],
  ],
  [
    PRIMARY,
    [
      ['义务教育小学生均公用经费', 'operation'],
      ['农村小学校舍维修改造工程', 'construction'],
      ['小学课后服务经费', 'work'],
      ['小学图书及教学仪器配备项目', 'equipment'],
      ['小学食堂改造工程', 'construction'],
    ],
  ],
  [
    SENIOR,
    [
      ['普通高中国家助学金', 'subsidy'],
      ['普通高中免学费补助资金', 'subsidy'],
      ['高中智慧教室建设项目', 'equipment'],
      ['高中学生宿舍维修改造工程', 'construction'],
      ['普通高中运转经费', 'operation'],
    ],
  ],
  [
    '2059999', // 其他教育支出
    [
      ['农村义务教育学生营养改善计划', 'subsidy'],
      ['家庭经济困难学生生活补助', 'subsidy'],
      ['中小学心理健康教育工作经费', 'work'],
      ['校园安全防控体系建设项目', 'equipment'],
    ],
  ],
  [
    JUNIOR,
    [
      ['义务教育初中生均公用经费', 'operation'],
      ['初中理化生实验室设备购置项目', 'equipment'],
      ['农村初中教师周转宿舍维修工程', 'construction'],
      ['寄宿制初中运转补助经费', 'operation'],
    ],
  ],
  [
    KINDERGARTEN,
    [
      ['普惠性幼儿园奖补资金', 'subsidy'],
      ['学前教育幼儿资助资金', 'subsidy'],
      ['农村幼儿园玩教具配备项目', 'equipment'],
      ['幼儿园保教质量提升培训', 'training'],
    ],
  ],
  [
    '2050299', // 其他普通教育支出
    [
      ['中小学生研学实践活动经费', 'work'],
      ['校园足球特色学校建设经费', 'work'],
      ['中小学校园安全保险经费', 'work'],
    ],
  ],
  [
    '2050801', // 教师进修
    [
      ['中小学教师全员培训经费', 'training'],
      ['骨干教师培养培训项目', 'training'],
      ['乡村教师能力提升培训', 'training'],
    ],
  ],
  [
    VOCATIONAL,
    [
      ['中职学生国家助学金', 'subsidy'],
      ['中职免学费补助资金', 'subsidy'],
      ['中职实训基地设备购置项目', 'equipment'],
      ['产教融合实训基地建设项目', 'construction'],
    ],
  ],
  [
    '2050199', // 其他教育管理事务支出
    [
      ['教育信息化管理平台运维经费', 'it'],
      ['学籍管理系统运维经费', 'it'],
      ['教育系统机关运转经费', 'operation'],
    ],
  ],
  [
    '2050803', // 培训支出
    [
      ['中小学校长任职资格培训', 'training'],
      ['班主任专题培训经费', 'training'],
    ],
  ],
  [
    '2050701', // 特殊学校教育
    [
      ['特殊教育康复设备购置项目', 'equipment'],
      ['残疾儿童送教上门补助', 'subsidy'],
    ],
  ],
  [
    FUND_CODE,
    [
      ['彩票公益金助学项目', 'subsidy'],
      ['农村学校体育设施建设项目', 'equipment'],
      ['留守儿童关爱服务项目', 'work'],
      ['乡村学校少年宫建设项目', 'construction'],
    ],
  ],
]);

/** Kinds of project any topic can have; 补助 and 工程 only where the topic speaks of them. */
const GENERIC_KINDS: readonly Theme[] = [
  ['专项工作经费', 'work'],
  ['宣传活动经费', 'work'],
  ['设备购置项目', 'equipment'],
  ['能力提升培训', 'training'],
  ['信息系统运维经费', 'it'],
];
const SUBSIDY_TOPIC = /补助|补贴|救助|资助|抚恤|优抚|扶持|奖励/;
const BUILDING_TOPIC = /建设|工程|设施|医院|机构|场馆|学校/;

/** 功能 类 no department's projects use: 社会保险基金, 国有资本经营, 预备费, 其他, transfers and debt. */
const EXCLUDED_CLASSES = new Set(['209', '223', '227', '229', '230', '231', '232', '233', '234']);
/** 功能 款 of 政府性基金 (this department's only 基金 is the 彩票公益金 of FUND_CODE). */
// prettier-ignore
const FUND_SECTIONS = new Set([
  '20610', '20709', '20710', '20822', '20823', '20829', '21160', '21161', '21208', '21210', '21215',
  '21216', '21217', '21218', '21219', '21366', '21367', '21369', '21370', '21371', '21460', '21464',
  '21468', '21469', '21470', '21471', '21472', '22006',
]);
/** 项 that only 基本支出 uses (payroll, contributions, 行政运行 of the bureau): no project is coded there. */
// prettier-ignore
const BASIC_ONLY = new Set([
  OFFICE, '2080501', '2080502', '2080505', '2080506', '2101101', '2101102', '2101103', '2210201',
]);

/** A topic for a project under a catalog 项: the 项 name, or its 款's when the 项 name is generic. */
function topicOf(catalog: Catalog, code: string): string {
  const itemName = catalog.functionName(code) ?? '';
  const generic =
    /^(行政运行|一般行政管理事务|机关服务|事业运行)$/.test(itemName) || itemName.startsWith('其他');
  const base = (generic ? catalog.functionName(code.slice(0, 5)) : itemName) ?? itemName;
  const topic = base
    .replace(/^其他/, '')
    .replace(/（[^）]*）/g, '')
    .replace(/支出$/, '');
  // 人大事务 stays whole; 统计信息事务 becomes 统计信息.
  const short = topic.replace(/事务$/, '');
  return short.length > 2 ? short : topic || '综合业务';
}

/** topic + kind without repeating words: 生态环境保护宣传 + 宣传活动经费 = 生态环境保护宣传活动经费. */
function joinName(topic: string, kind: string): string {
  for (let overlap = Math.min(topic.length, kind.length); overlap >= 2; overlap--) {
    if (topic.endsWith(kind.slice(0, overlap))) return topic + kind.slice(overlap);
  }
  return topic + kind;
}

/** Themes for a 项 outside EDUCATION_THEMES, from its catalog name. */
function genericThemes(catalog: Catalog, code: string): Theme[] {
  const topic = topicOf(catalog, code);
  const kinds: Theme[] = [
    ...GENERIC_KINDS,
    ...(SUBSIDY_TOPIC.test(topic)
      ? [['补助资金', 'subsidy'] as const]
      : BUILDING_TOPIC.test(topic)
        ? [['维修改造工程', 'construction'] as const]
        : []),
  ];
  return kinds.map(([kind, template]) => [joinName(topic, kind), template]);
}

interface ProjectPlan {
  readonly code: string;
  readonly unit: PlannedUnit;
  readonly name: string;
  readonly template: TemplateId;
  readonly generalBudget: Decimal;
  readonly governmentFund: Decimal;
  readonly specialAccount: Decimal;
  readonly unitFunds: Decimal;
  /** 上年财政拨款结转 (一般公共预算), ZERO when the project has none. */
  carryOver: Decimal;
}

const currentTotal = (p: ProjectPlan) =>
  sum([p.generalBudget, p.governmentFund, p.specialAccount, p.unitFunds]);

/** A project amount: whole 万元, or one or two decimals, as budgets are typed. */
function projectAmount(rng: Random, template: TemplateId): Decimal {
  const [min, max] = TEMPLATES[template].cents;
  return rng.cents(min, max).toDecimalPlaces(rng.pick([0, 0, 1, 2]));
}

/** The first free name: a theme as it is, then qualified by the unit, then by phase (二期, 三期 …). */
function uniqueName(used: Set<string>, themes: readonly Theme[], unitName: string): Theme {
  const qualified = (phase: number, name: string) =>
    phase === 0 ? name : phase === 1 ? unitName + name : `${unitName}${name}（${chineseNumeral(phase)}期）`;
  for (let phase = 0; ; phase++) {
    for (const [name, template] of themes) {
      const candidate = qualified(phase, name);
      if (!used.has(candidate)) {
        used.add(candidate);
        return [candidate, template];
      }
    }
  }
}

interface ProjectContext {
  readonly rng: Random;
  readonly catalog: Catalog;
  readonly units: readonly PlannedUnit[];
  readonly offices: readonly PlannedUnit[];
  /** The schools (事业 units) by the 功能 项 of their level. */
  readonly schools: ReadonlyMap<string, readonly PlannedUnit[]>;
  readonly usedNames: Set<string>;
}

function projectContext(rng: Random, catalog: Catalog, units: readonly PlannedUnit[]): ProjectContext {
  const schools = new Map<string, PlannedUnit[]>();
  for (const u of units.filter((candidate) => !isOffice(candidate))) {
    schools.set(u.basicCode, [...(schools.get(u.basicCode) ?? []), u]);
  }
  return { rng, catalog, units, offices: units.filter(isOffice), schools, usedNames: new Set() };
}

/** Which unit implements a project under a 项: a school of that level, else mostly a 机关. */
function unitFor(ctx: ProjectContext, code: string): PlannedUnit {
  const { rng } = ctx;
  const level = ctx.schools.get(code) ?? [];
  if (level.length > 0 && rng.chance(0.85)) return rng.pick(level);
  return rng.pick(rng.chance(0.6) ? ctx.offices : ctx.units);
}

function planProject(ctx: ProjectContext, code: string): ProjectPlan {
  const { rng, catalog } = ctx;
  const implementer = code === FUND_CODE ? rng.pick(ctx.units) : unitFor(ctx, code);
  const themes = EDUCATION_THEMES.get(code) ?? genericThemes(catalog, code);
  const [name, template] = uniqueName(ctx.usedNames, rng.shuffle(themes), implementer.shortName);
  const total = projectAmount(rng, template);
  const plan = { code, unit: implementer, name, template, carryOver: ZERO };
  if (code === FUND_CODE) {
    return { ...plan, generalBudget: ZERO, governmentFund: total, specialAccount: ZERO, unitFunds: ZERO };
  }
  // 财政专户管理资金 is tuition (高中, 中职); 单位资金 a school's own income.
  const tuition = (code === SENIOR || code === VOCATIONAL) && implementer.basicCode === code;
  const specialAccount = tuition && rng.chance(0.4) ? rng.share(total, 20, 50) : ZERO;
  const unitFunds = !isOffice(implementer) && rng.chance(0.15) ? rng.share(total, 10, 30) : ZERO;
  return {
    ...plan,
    generalBudget: total.minus(specialAccount).minus(unitFunds),
    governmentFund: ZERO,
    specialAccount,
    unitFunds,
  };
}

/**
 * The 功能 项 of the projects: the education themes first, then the rest of the catalog shuffled, until
 * together with the 基本支出 项 there are about `targetRows` rows (and at least three project 项).
 */
function projectCodes(
  rng: Random,
  catalog: Catalog,
  basicCodes: ReadonlySet<string>,
  targetRows: number,
  available: number,
): string[] {
  const education = [...EDUCATION_THEMES.keys()].filter((code) => code !== FUND_CODE);
  const rest = catalog
    .functionItems()
    .map(([code]) => code)
    .filter(
      (code) =>
        !EXCLUDED_CLASSES.has(code.slice(0, 3)) &&
        !FUND_SECTIONS.has(code.slice(0, 5)) &&
        !BASIC_ONLY.has(code) &&
        !EDUCATION_THEMES.has(code),
    );
  const rows = new Set([...basicCodes, FUND_CODE]);
  const codes: string[] = [];
  for (const code of [...education, ...rng.shuffle(rest)]) {
    if ((codes.length >= 3 && rows.size >= targetRows) || codes.length === available) break;
    codes.push(code);
    rows.add(code);
  }
  return codes;
}

function planProjects(ctx: ProjectContext, basicCodes: ReadonlySet<string>, scale: number): ProjectPlan[] {
  const { rng } = ctx;
  const count = PROJECTS_PER_SCALE * scale;
  const fundCount = Math.max(1, Math.round(count * 0.03));
  const codes = projectCodes(rng, ctx.catalog, basicCodes, ROWS_PER_SCALE * scale, count - fundCount);
  const education = codes.filter((code) => EDUCATION_THEMES.has(code));
  // Every project 项 gets one project; the others go mostly to the education 项.
  const assigned = [
    ...codes,
    ...Array.from({ length: count - fundCount - codes.length }, () =>
      rng.chance(0.6) ? rng.pick(education) : rng.pick(codes),
    ),
    ...Array.from({ length: fundCount }, () => FUND_CODE),
  ];
  const plans = assigned.map((code) => planProject(ctx, code));
  // About one project in ten is a continuing 特定目标类 project with 上年结转 (表13).
  const continuing = rng
    .shuffle(plans.filter((p) => p.template !== 'operation' && !p.generalBudget.isZero()))
    .slice(0, Math.max(1, Math.floor(count / 10)));
  for (const p of continuing) p.carryOver = rng.share(p.generalBudget, 10, 40);
  // 表12 lists projects unit by unit.
  const order = new Map(ctx.units.map((u, i) => [u.id, i]));
  return plans.sort((a, b) => (order.get(a.unit.id) ?? 0) - (order.get(b.unit.id) ?? 0));
}

// ---------------------------------------------------------------------------------------------------
// Declarations (绩效目标申报表, in 元)

/** The 元 split of a project's fiscal money (中央 / 省级 / 市县), its tuition (其他) and own funds (自筹). */
function funding(rng: Random, p: ProjectPlan, extraCityCounty: Decimal): YuanFunding {
  const fiscal = wanToYuan(p.generalBudget.plus(p.governmentFund));
  const transfer = p.template === 'subsidy' || p.governmentFund.gt(0);
  const central = transfer ? fiscal.times(rng.int(30, 60)).div(100).toDecimalPlaces(0) : ZERO;
  const provincial = transfer ? fiscal.times(rng.int(10, 20)).div(100).toDecimalPlaces(0) : ZERO;
  const cityCounty = fiscal.minus(central).minus(provincial).plus(wanToYuan(extraCityCounty));
  const total = wanToYuan(currentTotal(p).plus(extraCityCounty));
  return {
    total: toAmount(total),
    central: stored(central),
    provincial: stored(provincial),
    cityCounty: stored(cityCounty),
    selfRaised: stored(wanToYuan(p.unitFunds)),
    other: stored(wanToYuan(p.specialAccount)),
  };
}

/** 3–8 indicators: the first 产出 (数量), 效益 and 满意度 always, then a random few of the others. */
function indicators(rng: Random, p: ProjectPlan): Indicator[] {
  const t = TEMPLATES[p.template];
  const [firstOutput, ...moreOutputs] = t.outputs;
  const [firstBenefit, ...moreBenefits] = t.benefits;
  const [firstSatisfaction, ...moreSatisfactions] = t.satisfactions;
  // A 成本 indicator (产出 / 成本指标, the 2024 form) never above the year's money (P5).
  const cost = () => indicator('产出指标', '成本指标', '项目预算控制数', `≤${toAmount(currentTotal(p))}万元`);
  const optional = [...moreOutputs, cost, ...moreBenefits, ...moreSatisfactions];
  const chosen = new Set(rng.shuffle(optional).slice(0, rng.int(0, Math.min(5, optional.length))));
  const ordered = [
    firstOutput,
    ...moreOutputs,
    cost,
    firstBenefit,
    ...moreBenefits,
    firstSatisfaction,
    ...moreSatisfactions,
  ];
  const required = new Set([firstOutput, firstBenefit, firstSatisfaction]);
  return ordered.filter((f) => required.has(f) || chosen.has(f)).map((f) => f(rng));
}

function declaration(rng: Random, p: ProjectPlan): ProjectDeclaration {
  const t = TEMPLATES[p.template];
  const continuing = !p.carryOver.isZero();
  const list = indicators(rng, p);
  return {
    attribute: continuing ? '延续性项目' : '一次性项目（1年结束）',
    period: continuing ? '2年' : '1年',
    implementationFunding: funding(rng, p, p.carryOver),
    annualFunding: funding(rng, p, ZERO),
    summary: `${p.name}由${p.unit.name}实施，${YEAR}年安排资金${toAmount(currentTotal(p))}万元，主要用于${t.purpose}。`,
    basis: t.basis,
    necessity: t.necessity,
    measures: t.measures,
    plan: t.plan,
    implementationGoals: [`${t.purpose}，项目按期完成并发挥效益。`],
    annualGoals: [`${YEAR}年${t.purpose}，完成年度绩效目标。`],
    implementationIndicators: list,
    annualIndicators: list.map((i) => ({ ...i })),
    personInCharge: p.unit.leader,
    handler: p.unit.handler,
    phone: p.unit.phone,
    filledOn: `${YEAR}年1月${rng.int(5, 25)}日`,
  };
}

function toProject(rng: Random, p: ProjectPlan, index: number): Project {
  return {
    id: `p${String(index + 1).padStart(4, '0')}`,
    name: p.name,
    unitId: p.unit.id,
    category: p.template === 'operation' ? '其他运转类' : '特定目标类',
    functionCode: p.code,
    current: {
      generalBudget: stored(p.generalBudget),
      governmentFund: stored(p.governmentFund),
      stateCapital: '',
      specialAccount: stored(p.specialAccount),
      unitFunds: stored(p.unitFunds),
    },
    carryOver: p.carryOver.isZero()
      ? null
      : { generalBudget: toAmount(p.carryOver), governmentFund: '', stateCapital: '' },
    declaration: declaration(rng, p),
  };
}

// ---------------------------------------------------------------------------------------------------
// Tables

/** Sums of Decimals by key, in first-seen order. */
class Totals {
  readonly byKey = new Map<string, Decimal>();

  add(key: string, amount: Decimal): void {
    this.byKey.set(key, this.get(key).plus(amount));
  }

  get(key: string): Decimal {
    return this.byKey.get(key) ?? ZERO;
  }
}

interface FunctionTables {
  readonly t2: IncomeRow[];
  readonly t3: ExpenditureRow[];
  readonly t5: ExpenditureRow[];
  readonly t8: ExpenditureRow[];
}

/** 表2, 3, 5, 8 by 功能 项: 基本支出 (all 一般公共预算) plus the projects coded there. */
function functionTables(catalog: Catalog, basic: Totals, projects: readonly ProjectPlan[]): FunctionTables {
  const general = new Totals();
  const fund = new Totals();
  const special = new Totals();
  const own = new Totals();
  const carried = new Totals();
  for (const p of projects) {
    general.add(p.code, p.generalBudget);
    fund.add(p.code, p.governmentFund);
    special.add(p.code, p.specialAccount);
    own.add(p.code, p.unitFunds);
    carried.add(p.code, p.carryOver);
  }
  const codes = [...new Set([...basic.byKey.keys(), ...general.byKey.keys()])].sort();
  const tables: FunctionTables = { t2: [], t3: [], t5: [], t8: [] };
  for (const functionCode of codes) {
    const name = catalog.functionName(functionCode) ?? '';
    const generalBudget = basic.get(functionCode).plus(general.get(functionCode));
    const projectCurrent = sum([general, fund, special, own].map((t) => t.get(functionCode)));
    tables.t2.push({
      functionCode,
      name,
      generalBudget: stored(generalBudget),
      governmentFund: stored(fund.get(functionCode)),
      stateCapital: '',
      specialAccount: stored(special.get(functionCode)),
      unitFunds: stored(own.get(functionCode)),
      carryOver: stored(carried.get(functionCode)),
    });
    // 表3 is 全口径 with carry-over; 表5 and 表8 are this year's 一般公共预算 and 基金 parts (B3, B5).
    tables.t3.push({
      functionCode,
      name,
      basic: stored(basic.get(functionCode)),
      project: stored(projectCurrent.plus(carried.get(functionCode))),
    });
    if (!generalBudget.isZero()) {
      tables.t5.push({
        functionCode,
        name,
        basic: stored(basic.get(functionCode)),
        project: stored(general.get(functionCode)),
      });
    }
    if (!fund.get(functionCode).isZero()) {
      tables.t8.push({ functionCode, name, basic: '', project: stored(fund.get(functionCode)) });
    }
  }
  return tables;
}

/** 表6: the lines by 部门 款 and the 政府 款 it maps to for the unit's type. */
function economicTable(catalog: Catalog, lines: readonly BasicLine[]): EconomicRow[] {
  const rows = new Map<string, { departmentCode: string; governmentCode: string; totals: Totals }>();
  for (const line of lines) {
    const governmentCode = catalog.governmentCodeFor(line.departmentCode, line.unit.type);
    if (governmentCode === undefined)
      throw new Error(`经济科目 ${line.departmentCode} 没有对应的政府经济科目`);
    const key = economicRowKey({ departmentCode: line.departmentCode, governmentCode });
    const row = rows.get(key) ?? {
      departmentCode: line.departmentCode,
      governmentCode,
      totals: new Totals(),
    };
    row.totals.add(catalog.isPersonnelClass(line.departmentCode) ? 'personnel' : 'public', line.amount);
    rows.set(key, row);
  }
  return [...rows.values()]
    .sort(
      (a, b) =>
        a.departmentCode.localeCompare(b.departmentCode) || a.governmentCode.localeCompare(b.governmentCode),
    )
    .map(({ departmentCode, governmentCode, totals }) => ({
      departmentCode,
      governmentCode,
      note: departmentCode === '30239' ? '公务交通补贴' : '',
      personnel: stored(totals.get('personnel')),
      public: stored(totals.get('public')),
    }));
}

// ---------------------------------------------------------------------------------------------------
// Narrative

type Direction = 'up' | 'down' | 'same';

const direction = (current: Decimal, last: Decimal): Direction =>
  current.gt(last) ? 'up' : current.lt(last) ? 'down' : 'same';

/** Last year's figure: this year's changed by 2–15 % either way. */
function lastYearOf(rng: Random, current: Decimal): Decimal {
  const permille = rng.int(20, 150) * (rng.chance(0.5) ? 1 : -1);
  return roundCents(current.times(1000 - permille).div(1000));
}

type Reasons = Readonly<Record<Direction, string>>;

const REASONS = {
  total: {
    up: '新增高中智慧教室建设、农村学校校舍维修改造等项目，同时落实教师工资待遇调整政策，收支总额相应增加。',
    down: '上年安排的校舍维修改造等一次性项目已完成，本年压减非刚性、非重点支出，收支总额相应减少。',
    same: '本年收支规模与上年一致。',
  },
  generalBudget: {
    up: '落实义务教育经费保障机制和教师工资待遇政策，一般公共预算安排相应增加。',
    down: '严格落实过紧日子要求，压减一般性支出和一次性项目，一般公共预算支出减少。',
    same: '一般公共预算支出规模与上年一致。',
  },
  threePublic: {
    up: '上级来县督导检查增加，接待任务和车辆运行费用相应增加。',
    down: '严格执行中央八项规定精神，压减公务接待和公务用车支出。',
    same: '“三公”经费与上年一致。',
  },
  reception: {
    up: '上级来县督导检查和教育交流活动增加，公务接待费相应增加。',
    down: '严格执行公务接待标准，压减接待批次和陪餐人数，公务接待费减少。',
    same: '公务接待费与上年一致。',
  },
  vehicleOperation: {
    up: '车辆使用年限增加，维修保养费用上升，运行维护费相应增加。',
    down: '加强公务用车使用管理，实行定点维修和定点加油，运行维护费减少。',
    same: '公务用车运行维护费与上年一致。',
  },
  operatingExpenses: {
    up: '所属参公单位在编人数增加，办公费、差旅费等公用经费相应增加。',
    down: '厉行节约，压减办公费、会议费、差旅费等公用经费支出，机关运行经费减少。',
    same: '机关运行经费与上年一致。',
  },
} as const satisfies Record<string, Reasons>;

interface YearFigures {
  readonly total: Decimal;
  readonly generalBudget: Decimal;
  readonly reception: Decimal;
  readonly vehicleOperation: Decimal;
  readonly operatingExpenses: Decimal;
}

function narrative(
  rng: Random,
  figures: YearFigures,
  units: readonly PlannedUnit[],
  projects: readonly ProjectPlan[],
): Narrative {
  const last = {
    total: lastYearOf(rng, figures.total),
    generalBudget: lastYearOf(rng, figures.generalBudget),
    reception: lastYearOf(rng, figures.reception),
    vehicleOperation: lastYearOf(rng, figures.vehicleOperation),
    vehiclePurchase: rng.chance(0.5) ? rng.cents(1500, 2500) : ZERO,
    operatingExpenses: lastYearOf(rng, figures.operatingExpenses),
  };
  const reason = (reasons: Reasons, current: Decimal, lastYear: Decimal) =>
    reasons[direction(current, lastYear)];
  const threePublic = figures.reception.plus(figures.vehicleOperation);
  const lastThreePublic = sum([last.reception, last.vehicleOperation, last.vehiclePurchase]);
  // 政府采购: equipment and IT as 货物, construction as 工程, part of the work and training as 服务.
  const byTemplate = (templates: readonly TemplateId[]) =>
    sum(projects.filter((p) => templates.includes(p.template)).map(currentTotal));
  const vehicles = units.flatMap((u) => u.vehicles);
  const count = (kind: VehicleKind) => String(vehicles.filter((v) => v === kind).length);
  const quota = vehicles.length + rng.int(0, 2);
  return {
    lastYear: {
      totalIncome: toAmount(last.total),
      totalExpenditure: toAmount(last.total),
      generalBudgetExpenditure: toAmount(last.generalBudget),
      threePublic: {
        travelAbroad: '0',
        reception: toAmount(last.reception),
        vehiclePurchase: toAmount(last.vehiclePurchase),
        vehicleOperation: toAmount(last.vehicleOperation),
      },
      operatingExpenses: toAmount(last.operatingExpenses),
    },
    reasons: {
      total: reason(REASONS.total, figures.total, last.total),
      generalBudget: reason(REASONS.generalBudget, figures.generalBudget, last.generalBudget),
      threePublic: reason(REASONS.threePublic, threePublic, lastThreePublic),
      travelAbroad: `本部门${YEAR}年与上年均未安排因公出国（境）费用。`,
      reception: reason(REASONS.reception, figures.reception, last.reception),
      vehiclePurchase: last.vehiclePurchase.isZero()
        ? `本部门${YEAR}年与上年均未安排公务用车购置费。`
        : '上年按规定更新购置执法执勤车辆，本年无公务用车购置计划，购置费减少。',
      vehicleOperation: reason(REASONS.vehicleOperation, figures.vehicleOperation, last.vehicleOperation),
      operatingExpenses: reason(REASONS.operatingExpenses, figures.operatingExpenses, last.operatingExpenses),
    },
    procurement: {
      goods: stored(rng.share(byTemplate(['equipment', 'it']), 70, 95)),
      works: stored(rng.share(byTemplate(['construction']), 80, 100)),
      services: stored(rng.share(byTemplate(['work', 'training']), 10, 30)),
    },
    assets: {
      asOf: `${YEAR - 1}年12月31日`,
      vehicleQuota: String(quota),
      vehicleActual: String(vehicles.length),
      vehicles: {
        leader: '0',
        confidential: count('confidential'),
        emergency: count('emergency'),
        lawEnforcement: count('lawEnforcement'),
        specialTechnical: '0',
        institutionBusiness: '0',
        institutionOther: '0',
      },
      vehicleNote: '',
      officeArea: toAmount(sum(units.filter(isOffice).map((u) => rng.cents(1500, 2500).times(u.staff)))),
      equipmentOver50: String(rng.int(0, Math.ceil(units.length / 3))),
      equipmentOver100: String(rng.int(0, Math.ceil(units.length / 10))),
    },
    otherNotes: [
      `本部门${YEAR}年政府性基金预算为用于教育事业的彩票公益金。`,
      projects.some((p) => !p.specialAccount.isZero())
        ? '财政专户管理资金为普通高中和中等职业学校学费收入。'
        : '',
      projects.some((p) => !p.unitFunds.isZero()) ? '单位资金为所属学校的事业收入。' : '',
    ].join(''),
  };
}

const RESPONSIBILITIES = [
  '（一）贯彻执行国家和省、市关于教育工作的方针、政策和法律法规，拟订全县教育发展规划和年度计划并组织实施。',
  '（二）统筹管理全县各级各类教育，负责义务教育均衡发展和促进教育公平，指导学前教育、普通高中教育和特殊教育。',
  '（三）负责全县中等职业教育的统筹规划和管理，推进产教融合和校企合作。',
  '（四）负责全县教育经费的统筹管理，参与拟订教育经费筹措和教育拨款政策，统计、监督全县教育经费的使用。',
  '（五）负责全县教师队伍建设，组织实施教师资格制度，指导教师培训和校长队伍建设。',
  '（六）负责全县学生资助工作，落实家庭经济困难学生资助政策。',
  '（七）负责全县各级各类学校的安全稳定工作，指导学校做好校园安全管理和卫生防疫。',
  '（八）负责全县教育督导评估工作，组织实施中小学招生考试工作。',
  '（九）完成县委、县政府交办的其他任务。',
];

// ---------------------------------------------------------------------------------------------------
// The document

/**
 * A large, internally consistent department budget: `scale` 1 is about the sample's size, n is n times
 * it. The same options always give the same document.
 */
export function generateDocument(options: GenerateOptions): BudgetDocument {
  const { scale, seed } = options;
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`scale 应为正整数：${scale}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed 应为整数：${seed}`);
  const rng = new Random(seed);
  const catalog = catalogFor(YEAR);
  const units = planUnits(rng, UNITS_PER_SCALE * scale);

  const lines = units.flatMap((u) => basicLines(rng, u));
  const basic = new Totals();
  const publicByUnit = new Totals();
  const economic = new Totals();
  for (const line of lines) {
    basic.add(line.functionCode, line.amount);
    economic.add(line.departmentCode, line.amount);
    if (catalog.isPublicClass(line.departmentCode)) publicByUnit.add(line.unit.id, line.amount);
  }

  const plans = planProjects(projectContext(rng, catalog, units), new Set(basic.byKey.keys()), scale);
  const projects = plans.map((p, index) => toProject(rng, p, index));
  const functions = functionTables(catalog, basic, plans);

  // 表10: the 三公 of 表6 (30217 公务接待费, 30231 公务用车运行维护费), all 一般公共预算 (B7).
  const reception = economic.get('30217');
  const vehicleOperation = economic.get('30231');
  const threePublic: ThreePublicRow[] = (
    [
      ['reception', reception],
      ['vehicleOperation', vehicleOperation],
    ] as const
  )
    .filter(([, value]) => !value.isZero())
    .map(([item, value]) => ({ item, generalBudget: toAmount(value), governmentFund: '', stateCapital: '' }));

  const basicTotal = sum(lines.map((l) => l.amount));
  const operatingExpenses = sum(publicByUnit.byKey.values());
  const figures: YearFigures = {
    total: sum([basicTotal, ...plans.map((p) => currentTotal(p).plus(p.carryOver))]),
    generalBudget: basicTotal.plus(sum(plans.map((p) => p.generalBudget))),
    reception,
    vehicleOperation,
    operatingExpenses,
  };
  const typeCount = (type: UnitType) => units.filter((u) => u.type === type).length;
  const bureau = units[0];
  if (!bureau) throw new Error('no units');

  return {
    format: FILE_FORMAT,
    formatVersion: CURRENT_FORMAT_VERSION,
    year: YEAR,
    department: { name: DEPARTMENT, code: '018' },
    coverDate: `${YEAR}年3月`,
    units: units.map((u) => ({ id: u.id, name: u.name, type: u.type })),
    overview: {
      responsibilities: [...RESPONSIBILITIES],
      organization: `纳入${DEPARTMENT}${YEAR}年部门预算编制范围的单位共${units.length}个，其中行政单位${typeCount('行政')}个、参照公务员法管理的事业单位${typeCount('参公事业')}个、其他事业单位${typeCount('事业')}个。`,
    },
    tables: {
      t2: { rows: functions.t2 },
      t3: { rows: functions.t3 },
      t5: { rows: functions.t5 },
      t6: { rows: economicTable(catalog, lines) },
      t7: { source: 'table2', rows: [] },
      t8: { rows: functions.t8 },
      t9: { incomeRows: [], rows: [] },
      t10: { rows: threePublic },
      // 表11: 机关运行经费 of the 行政 and 参公 units, i.e. their 公用经费 (B6).
      t11: {
        rows: units.filter(isOffice).map((u) => ({
          unitId: u.id,
          generalBudget: toAmount(publicByUnit.get(u.id)),
          governmentFund: '',
          stateCapital: '',
        })),
      },
    },
    projects,
    emptyTableNotes: { T9: `本部门${YEAR}年无国有资本经营预算收支，故本表为空表。` },
    narrative: narrative(rng, figures, units, plans),
    performance: {
      overall: {
        unitName: DEPARTMENT,
        address: '新绛县龙兴镇文庙街18号',
        contact: bureau.handler,
        phone: bureau.phone,
        staffQuota: String(units.reduce((total, u) => total + u.quota, 0)),
        staffActual: String(units.reduce((total, u) => total + u.staff, 0)),
        functions: '贯彻执行国家和省、市教育工作方针政策，统筹规划和管理全县各级各类教育事业。',
        target: `保障${units.length}个所属单位正常运转，落实各项教育惠民政策，推动全县教育事业均衡发展。`,
        indicators: [
          indicator('产出指标', '数量指标', '年度实施项目数量', `=${projects.length}个`),
          indicator('产出指标', '数量指标', '保障所属单位数量', `=${units.length}个`),
          indicator('产出指标', '质量指标', '预算执行率', '≥95%'),
          indicator('产出指标', '时效指标', '资金拨付及时率', '=100%'),
          indicator('效益指标', '社会效益指标', '义务教育巩固率', '≥99%'),
          indicator('效益指标', '可持续影响指标', '学校安全责任事故发生数', '=0起'),
          indicator('满意度指标', '服务对象满意度指标', '学生及家长满意度', '≥95%'),
        ],
      },
    },
    glossary: standardGlossary(),
    explanations: [],
  };
}
