/**
 * The built-in sample: 新绛县人民政府办公室's published 2024 部门预算, transcribed. Only typed figures are
 * here; every total is computed by the forms, and must come out as the published document prints it.
 *
 * The published document disagrees with itself in places. Where it does, the sample takes the value the
 * other tables support, and says so where the value is set. The choices, in short:
 *  1. 表3/表5 print 2101101 行政单位医疗 9.14 and 2101102 事业单位医疗 10.96, swapped against 表2 (10.96 /
 *     9.14); 表2 is followed (the 行政 units have the larger payroll: 行政运行 199.65 > 事业运行 158.15).
 *  2. 表3/表5 leave 款 20103's 基本支出 blank; it is computed (357.80 = 199.65 + 158.15), as 类 201 prints.
 *  3. 表4 prints 621.43 under 上年财政拨款结转 / 一般公共预算; 表13 is empty, so the computed value is blank.
 *  4. 20805's old name 行政事业单位离退休 is printed; the 2024 catalog's name 行政事业单位养老支出 is used.
 *  5. 第三部分 六 gives 基本支出 621.43; 表6 gives 481.68 (= 451.27 + 30.41), which the narrative uses.
 *  6. Last year's totals follow from the stated changes: 收入/支出总计 and 一般公共预算当年支出 621.43 + 59.12
 *     = 680.55; 机关运行经费 30.41 + 3.96 = 34.37; “三公” 0. (The published rates 10% and 13% divide by
 *     this year's figure; divided by last year's they are 9% and 12%.)
 *  7. 项目 功能科目 are not published. 表3 puts 102.75 under 2010302, 35 under 2010399 and 2 under 2012505:
 *     对台工作经费 is 2012505; 综保中心日常运转经费 23 + 科技治超工作经费 6 + 金融中心运转经费 4 + 处置非法集资
 *     2 = 35 are 2010399; the other nine (102.75) are 2010302.
 *  8. 项目类别: the 其他运转类 are 政府机关运行经费, 综保中心日常运转经费 and 金融中心运转经费, the only three that
 *     add up to the published 65.30; the other eleven are 特定目标类 (74.45).
 *  9. Units: 政府办 is 行政; 金融服务中心 is taken as 参公事业, 综合保障中心 as 事业 (表6 maps 绩效工资 to
 *     对事业单位经常性补助 and 表3 has 事业运行, so at least one unit is a non-参公 事业单位; 第三部分 八 counts
 *     1 行政 and 2 事业 units). 表11 lists all three, as published.
 * 10. Vehicles: 实有 is printed as 0 but the list names 事业单位其他公务用车 1 辆 (a car still on the books);
 *     实有 is 1, 编制 0.
 * 11. Empty tables (7, 8, 9, 10, 13) are published without the required note; the sample adds one each.
 * 12. Declarations: the empty template rows (指标2：….. and the like) and the 整体 成本指标 row without a value
 *     are left out; the project declarations' names follow 表12 (机关运行经费 is 政府机关运行经费, 日常运转经费
 *     is 金融中心运转经费, 运行维护费监管系统经费 is 运行维护监管系统经费).
 */
import { CURRENT_FORMAT_VERSION, FILE_FORMAT } from '../document/schema';
import type { BudgetDocument, Indicator, Project, ProjectDeclaration } from '../document/schema';
import { standardGlossary } from '../document/glossary';

const GOVERNMENT_OFFICE = 'u1';
const FINANCE_CENTER = 'u2';
const SUPPORT_CENTER = 'u3';

/** A 功能 项 row of 表2 funded from 一般公共预算 only (as all of this department's income is). */
const income = (functionCode: string, name: string, generalBudget: string) => ({
  functionCode,
  name,
  generalBudget,
  governmentFund: '',
  stateCapital: '',
  specialAccount: '',
  unitFunds: '',
  carryOver: '',
});

const expenditure = (functionCode: string, name: string, basic: string, project: string) => ({
  functionCode,
  name,
  basic,
  project,
});

/** 表3 and 表5 are the same here: everything is 一般公共预算 of the current year. */
const expenditureRows = [
  expenditure('2010301', '行政运行', '199.65', ''),
  expenditure('2010302', '一般行政管理事务', '', '102.75'),
  expenditure('2010350', '事业运行', '158.15', ''),
  expenditure('2010399', '其他政府办公厅（室）及相关机构事务支出', '', '35'),
  expenditure('2012505', '台湾事务', '', '2'),
  expenditure('2080501', '行政单位离退休', '9.49', ''),
  expenditure('2080505', '机关事业单位基本养老保险缴费支出', '58', ''),
  // Choice 1: 表2's 10.96 / 9.14, not the swapped values 表3 and 表5 print.
  expenditure('2101101', '行政单位医疗', '10.96', ''),
  expenditure('2101102', '事业单位医疗', '9.14', ''),
  expenditure('2210201', '住房公积金', '36.29', ''),
];

const economic = (
  departmentCode: string,
  governmentCode: string,
  personnel: string,
  publicExpense: string,
  note = '',
) => ({
  departmentCode,
  governmentCode,
  note,
  personnel,
  public: publicExpense,
});

const indicator = (
  level1: Indicator['level1'],
  level2: Indicator['level2'],
  name: string,
  value: string,
): Indicator => ({
  level1,
  level2,
  name,
  value,
});

/** The published declarations repeat one grid for 实施期 and 年度, with one value per indicator. */
function declaration(options: {
  yuan: string;
  summary: string;
  basis: string;
  purpose: string;
  goal: string;
  period: string;
  indicators: readonly Indicator[];
  annualIndicators?: readonly Indicator[];
  personInCharge: string;
  handler: string;
  phone: string;
}): ProjectDeclaration {
  const funding = {
    total: options.yuan,
    central: '',
    provincial: '',
    cityCounty: options.yuan,
    selfRaised: '',
    other: '',
  };
  return {
    attribute: '一次性项目（1年结束）',
    period: options.period,
    implementationFunding: funding,
    annualFunding: funding,
    summary: options.summary,
    basis: options.basis,
    necessity: options.purpose,
    measures: options.purpose,
    plan: options.purpose,
    implementationGoals: [options.goal],
    annualGoals: [options.goal],
    implementationIndicators: [...options.indicators],
    annualIndicators: [...(options.annualIndicators ?? options.indicators)],
    personInCharge: options.personInCharge,
    handler: options.handler,
    phone: options.phone,
    filledOn: '',
  };
}

/** The grid the published project declarations share: 数量 and 成本 are the money, the rest 提高100% / 1年. */
function standardIndicators(
  name: string,
  yuan: string,
  satisfaction: string,
  extra: readonly Indicator[] = [],
) {
  return [
    indicator('产出指标', '数量指标', name, yuan),
    indicator('产出指标', '质量指标', name, '提高100%'),
    indicator('产出指标', '时效指标', name, '1年'),
    indicator('产出指标', '成本指标', name, yuan),
    indicator('效益指标', '经济效益指标', name, '提高100%'),
    ...extra,
    indicator('满意度指标', '服务对象满意度指标', satisfaction, '提高100%'),
  ];
}

function project(
  id: string,
  name: string,
  unitId: string,
  category: Project['category'],
  functionCode: string,
  generalBudget: string,
  projectDeclaration: ProjectDeclaration | null = null,
): Project {
  return {
    id,
    name,
    unitId,
    category,
    functionCode,
    current: { generalBudget, governmentFund: '', stateCapital: '', specialAccount: '', unitFunds: '' },
    carryOver: null,
    declaration: projectDeclaration,
  };
}

const OFFICE_PURPOSE = '保障政府机关工作正常有序运行';
const FINANCE_PURPOSE = '保障金融中心日常工作正常有序运行';

/** Choices 7 and 8: 功能科目 and 类别 of the fourteen projects, in 表12's order. */
const sampleProjects = (): Project[] => [
  project(
    'p01',
    '政府机关运行经费',
    GOVERNMENT_OFFICE,
    '其他运转类',
    '2010302',
    '38.30',
    declaration({
      yuan: '383000',
      summary: '2024机关运行经费',
      basis: '政策依据：新办发〔2019〕24号',
      purpose: OFFICE_PURPOSE,
      goal: OFFICE_PURPOSE,
      period: '1年',
      indicators: standardIndicators('2024机关运行经费', '383000', '机关工作人员满意度'),
      personInCharge: '',
      handler: '赵俊辉',
      phone: '13935996003',
    }),
  ),
  project(
    'p02',
    '“12345”运行经费',
    GOVERNMENT_OFFICE,
    '特定目标类',
    '2010302',
    '31.00',
    declaration({
      yuan: '310000',
      summary: OFFICE_PURPOSE,
      basis: '新办发〔2019〕24号',
      purpose: OFFICE_PURPOSE,
      goal: OFFICE_PURPOSE,
      period: '',
      indicators: standardIndicators('“12345”运行经费', '310000', '工作人员满意度'),
      personInCharge: '',
      handler: '',
      phone: '',
    }),
  ),
  project(
    'p03',
    '运行维护监管系统经费',
    GOVERNMENT_OFFICE,
    '特定目标类',
    '2010302',
    '15.00',
    declaration({
      yuan: '150000',
      summary: '保障政府网站正常运行',
      basis: '运政办函〔2021〕31号、2018年政务公开工作要点',
      purpose: '保障政府网站正常运行',
      goal: '保障政府网站正常运行',
      period: '1年',
      indicators: standardIndicators('网站运行维护监管系统经费', '150000', '机关工作人员满意度'),
      personInCharge: '',
      handler: '赵俊辉',
      phone: '13935996003',
    }),
  ),
  project('p04', '政府律师服务费', GOVERNMENT_OFFICE, '特定目标类', '2010302', '6.00'),
  project('p05', '云视讯保密会议系统经费', GOVERNMENT_OFFICE, '特定目标类', '2010302', '5.10'),
  project('p06', '“13710”运行经费', GOVERNMENT_OFFICE, '特定目标类', '2010302', '3.85'),
  project('p07', '发展研究中心经费', GOVERNMENT_OFFICE, '特定目标类', '2010302', '2.00'),
  project('p08', '对台工作经费', GOVERNMENT_OFFICE, '特定目标类', '2012505', '2.00'),
  project('p09', '市政府值班视频点名系统经费', GOVERNMENT_OFFICE, '特定目标类', '2010302', '0.50'),
  project('p10', '外事工作经费', GOVERNMENT_OFFICE, '特定目标类', '2010302', '1.00'),
  project('p11', '综保中心日常运转经费', SUPPORT_CENTER, '其他运转类', '2010399', '23.00'),
  project('p12', '科技治超工作经费', SUPPORT_CENTER, '特定目标类', '2010399', '6.00'),
  project(
    'p13',
    '金融中心运转经费',
    FINANCE_CENTER,
    '其他运转类',
    '2010399',
    '4.00',
    declaration({
      yuan: '40000',
      summary: FINANCE_PURPOSE,
      basis: '新办发〔2021〕63号',
      purpose: FINANCE_PURPOSE,
      goal: FINANCE_PURPOSE,
      period: '1年',
      indicators: [
        indicator('产出指标', '数量指标', '金融中心日常工作经费', '40000'),
        indicator('产出指标', '质量指标', '金融中心日常工作', '提高100%'),
        indicator('产出指标', '时效指标', '金融中心日常工作时效', '1年'),
        indicator('产出指标', '成本指标', '金融中心日常工作经费', '40000'),
        indicator('效益指标', '经济效益指标', '保障金融中心日常工作', '提高100%'),
        indicator('满意度指标', '服务对象满意度指标', '金融中心工作满意度', '提高100%'),
      ],
      annualIndicators: [
        indicator('产出指标', '数量指标', '金融中心日常工作经费', '40000'),
        indicator('产出指标', '质量指标', '金融中心日常工作', '提高100%'),
        indicator('产出指标', '时效指标', '金融中心日常工作时效', '1年'),
        indicator('产出指标', '成本指标', '金融中心日常工作经费', '40000'),
        indicator('效益指标', '经济效益指标', '金融中心日常工作', '提高100%'),
        indicator('满意度指标', '服务对象满意度指标', '金融中心工作满意度', '提高100%'),
      ],
      personInCharge: '靳明星',
      handler: '赵俊辉',
      phone: '13935996003',
    }),
  ),
  project(
    'p14',
    '处置非法集资领导小组办公室专项工作经费',
    FINANCE_CENTER,
    '特定目标类',
    '2010399',
    '2.00',
    declaration({
      yuan: '20000',
      summary: '用于非法集资宣传',
      basis: '运处非办函〔2022〕4号《2022年全省防范非法集资宣传月活动通知》',
      purpose: '用于非法集资宣传',
      goal: '处置非法集资领导小组办公室专项工作正常运行',
      period: '1年',
      indicators: standardIndicators(
        '处置非法集资领导小组办公室专项工作经费',
        '20000',
        '处置非法集资领导小组办公室专项工作满意度',
        [indicator('效益指标', '社会效益指标', '处置非法集资领导小组办公室专项工作经费', '提高100%')],
      ),
      personInCharge: '靳明星',
      handler: '赵俊辉',
      phone: '13035996001',
    }),
  ),
];

const RESPONSIBILITIES = [
  '（一）负责县政府各类会议的组织实施工作。',
  '（二）协助县政府领导同志组织起草或审核以县政府、县政府办公室名义发布的公文，办理省、市政府和上级各部门来文，指导全县行政机关公文处理工作。',
  '（三）研究县政府各部门和各乡镇人民政府、新绛经济技术开发区管委会请示县政府的事项，提出审核意见，报县政府领导同志审批。',
  '（四）督促检查县政府各部门和各乡镇人民政府、新绛经济技术开发区管委会对国务院、省政府、市政府、县政府决定事项及县政府领导同志批示、指示的执行落实情况，及时向县政府领导同志报告。',
  '（五）负责县政府值班工作，及时报告重要情况，传达和督促落实县政府领导同志指示。',
  '（六）对全县经济和社会发展重大问题、重点工作开展调查研究，提出意见建议，为县政府科学决策提供参考。',
  '（七）组织办理人大代表建议和政协委员提案。',
  '（八）负责全县电子政务、政府网站监管、网络舆情监测研判；负责全县政务信息收集、整理和报送工作。',
  '（九）统一刻制、颁发各乡镇人民政府、新绛经济技术开发区管委会、县直各部门及部门所属单位的印章。',
  '（十）负责县政府驻外办事机构的管理工作。',
  '（十一）贯彻执行党中央、国务院、省委、省政府和市委、市政府关于外事和台港澳工作的法律法规及县委、县政府的决策部署，在战略谋划、政策研究、统筹协调、外事管理、检查督办等方面为县委外事工作委员会提供服务。',
  '（十二）完成县委县政府交办的其他任务。',
  '（十三）职能转变。全面加强党的领导，不断提升参谋助手和综合协调能力，加大督查督办力度，强化承上启下、协调左右、联系内外的枢纽作用。加强和完善对经济调节、市场监管、社会管理、公共服务、生态环境保护领域的政务服务职能。加大服务民营经济工作力度，促进全县民营经济健康发展。统筹协调推进政府职能转变、简政放权和“放管服效”改革相关工作，全面提高政府效能，建设人民满意的服务型政府。',
];

/** A fresh copy of the sample document (callers may keep and change it). */
export function sampleDocument(): BudgetDocument {
  return {
    format: FILE_FORMAT,
    formatVersion: CURRENT_FORMAT_VERSION,
    year: 2024,
    department: { name: '新绛县人民政府办公室', code: '003' },
    coverDate: '2024年3月',
    units: [
      { id: GOVERNMENT_OFFICE, name: '新绛县人民政府办公室', type: '行政' },
      { id: FINANCE_CENTER, name: '新绛县金融服务中心', type: '参公事业' }, // choice 9
      { id: SUPPORT_CENTER, name: '新绛县人民政府办公室综合保障中心', type: '事业' }, // choice 9
    ],
    overview: {
      responsibilities: [...RESPONSIBILITIES],
      organization:
        '新绛县人民政府办公室是县人民政府工作部门，下属政府办、金融办、政府办综合保障中心等事业单位。',
    },
    tables: {
      t2: {
        rows: [
          income('2010301', '行政运行', '199.65'),
          income('2010302', '一般行政管理事务', '102.75'),
          income('2010350', '事业运行', '158.15'),
          income('2010399', '其他政府办公厅（室）及相关机构事务支出', '35'),
          income('2012505', '台湾事务', '2'),
          income('2080501', '行政单位离退休', '9.49'),
          income('2080505', '机关事业单位基本养老保险缴费支出', '58'),
          income('2101101', '行政单位医疗', '10.96'),
          income('2101102', '事业单位医疗', '9.14'),
          income('2210201', '住房公积金', '36.29'),
        ],
      },
      t3: { rows: expenditureRows.map((row) => ({ ...row })) },
      t5: { rows: expenditureRows.map((row) => ({ ...row })) },
      t6: {
        rows: [
          economic('30101', '50101', '165.47', ''),
          economic('30102', '50101', '76.61', ''),
          economic('30103', '50101', '14.08', ''),
          economic('30107', '50501', '66.87', ''),
          economic('30108', '50102', '58.00', ''),
          economic('30110', '50102', '20.10', ''),
          economic('30113', '50103', '36.29', ''),
          economic('30201', '50201', '', '7.84'),
          economic('30228', '50201', '', '3.02'),
          economic('30229', '50201', '', '6.05'),
          economic('30239', '50201', '', '13.50', '公务员车补'),
          economic('30302', '50905', '4.36', '', '退休人员绩效奖励及取暖费'),
          economic('30305', '50901', '9.49', '', '遗属补助及取暖费'),
        ],
      },
      t7: { source: 'table2', rows: [] },
      t8: { rows: [] },
      t9: { incomeRows: [], rows: [] },
      t10: { rows: [] },
      t11: {
        rows: [
          { unitId: GOVERNMENT_OFFICE, generalBudget: '22.59', governmentFund: '', stateCapital: '' },
          { unitId: FINANCE_CENTER, generalBudget: '4.76', governmentFund: '', stateCapital: '' },
          { unitId: SUPPORT_CENTER, generalBudget: '3.06', governmentFund: '', stateCapital: '' },
        ],
      },
    },
    projects: sampleProjects(),
    // Choice 11.
    emptyTableNotes: {
      T7: '本部门2024年无政府性基金预算收入，故本表为空表。',
      T8: '本部门2024年无政府性基金预算支出，故本表为空表。',
      T9: '本部门2024年无国有资本经营预算收支，故本表为空表。',
      T10: '本部门2024年无财政拨款安排的“三公”经费，故本表为空表。',
      T13: '本部门2024年无上年结转项目支出，故本表为空表。',
    },
    narrative: {
      // Choice 6.
      lastYear: {
        totalIncome: '680.55',
        totalExpenditure: '680.55',
        generalBudgetExpenditure: '680.55',
        threePublic: { travelAbroad: '0', reception: '0', vehiclePurchase: '0', vehicleOperation: '0' },
        operatingExpenses: '34.37',
      },
      reasons: {
        total: '大力压减项目支出，有人员退休调出基本支出减少',
        generalBudget: '大力压减项目支出，有人员退休调出基本支出减少',
        threePublic: '公务用车及公务接待费都由县委机关服务中心负责',
        travelAbroad: '',
        reception: '',
        vehiclePurchase: '',
        vehicleOperation: '',
        operatingExpenses: '有人员调出、退休，工会经费、福利费等人头费用减少',
      },
      procurement: { goods: '11.84', works: '', services: '9.2' },
      assets: {
        asOf: '2024年3月18日',
        vehicleQuota: '0',
        vehicleActual: '1', // choice 10
        vehicles: {
          leader: '0',
          confidential: '0',
          emergency: '0',
          lawEnforcement: '0',
          specialTechnical: '0',
          institutionBusiness: '0',
          institutionOther: '1',
        },
        vehicleNote: '是政府办历史遗留账面还挂 1 辆其他车',
        officeArea: '911.96',
        equipmentOver50: '0',
        equipmentOver100: '0',
      },
      otherNotes: '',
    },
    performance: {
      overall: {
        unitName: '新绛县人民政府办公室',
        address: '新绛县贡院巷27号',
        contact: '赵俊辉',
        phone: '13935996003',
        staffQuota: '44',
        staffActual: '44',
        functions:
          '协助县人民政府领导同志处理日常工作；负责县人民政府会议的会务工作；负责县人民政府重大活动的组织统筹。',
        target: '严格按制度完成支出进度，保障新绛县人民政府办公室部门工作正常运转。',
        indicators: [
          indicator('产出指标', '数量指标', '根据项目实际情况细化', '14个'),
          indicator('产出指标', '质量指标', '按预定标准完成', '提高100%'),
          indicator('产出指标', '时效指标', '按预定进度完成', '提高100%'),
          indicator('效益指标', '社会效益指标', '公共服务能力提升', '提高100%'),
          indicator('满意度指标', '服务对象满意度指标', '工作人员满意度', '提高100%'),
        ],
      },
    },
    glossary: standardGlossary(),
    explanations: [],
  };
}
