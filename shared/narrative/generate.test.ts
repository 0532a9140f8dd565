import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../document/create';
import type { BudgetDocument } from '../document/schema';
import { sampleDocument } from '../sample/sample2024';
import {
  generateNarrative,
  NARRATIVE_SECTIONS,
  renderNarrativeText,
  segmentText,
  unfilledSlots,
  type FigureSegment,
  type NarrativeSection,
  type NarrativeSectionKey,
} from '.';

/** The sample with some of its inputs changed. */
function sampleWith(change: (doc: BudgetDocument) => void): BudgetDocument {
  const doc = sampleDocument();
  change(doc);
  return doc;
}

function sectionOf(sections: readonly NarrativeSection[], key: NarrativeSectionKey): NarrativeSection {
  const found = sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
}

/** A section's subheadings and paragraphs as printed. */
function lines(doc: BudgetDocument, key: NarrativeSectionKey): string[] {
  return sectionOf(generateNarrative(doc), key).blocks.map((block) =>
    block.kind === 'subheading' ? block.text : block.segments.map(segmentText).join(''),
  );
}

function figures(sections: readonly NarrativeSection[], key: NarrativeSectionKey): FigureSegment[] {
  return sectionOf(sections, key).blocks.flatMap((block) =>
    block.kind === 'paragraph' ? block.segments.filter((s) => s.kind === 'figure') : [],
  );
}

const sample = sampleDocument();
const sections = generateNarrative(sample);
const text = renderNarrativeText(sections);

describe('the narrative of the sample', () => {
  it('has the twelve sections in the reference’s order', () => {
    expect(sections.map((s) => s.key)).toEqual([...NARRATIVE_SECTIONS]);
    expect(sections.map((s) => s.heading)).toEqual([
      '一、部门预算收支数据变动情况及原因',
      '二、收入预算情况说明',
      '三、支出预算情况说明',
      '四、财政拨款收支预算总体情况说明',
      '五、一般公共预算支出情况说明',
      '六、一般公共预算基本支出情况说明',
      '七、“三公”经费增减变动原因说明',
      '八、机关运行经费增减变动原因说明',
      '九、政府采购情况',
      '十、绩效管理情况',
      '十一、国有资产占有使用情况',
      '十二、其他说明',
    ]);
  });

  it('一: totals, their parts, the change divided by last year’s 680.55 (−8.69% → 9%), the reason', () => {
    expect(lines(sample, 'changes')).toEqual([
      '2024年度本部门预算收入总计621.43万元，其中：本年收入621.43万元，上年结转0.00万元，' +
        '比上年减少59.12万元，下降9%，主要原因是大力压减项目支出，有人员退休调出基本支出减少；' +
        '本年预算支出总计621.43万元，其中：本年预算安排621.43万元，上年结转0.00万元，' +
        '比上年减少59.12万元，下降9%，主要原因是大力压减项目支出，有人员退休调出基本支出减少。',
    ]);
  });

  it('一: marks each figure with where it comes from', () => {
    const [income, , , change, rate] = figures(sections, 'changes');
    expect(income).toMatchObject({
      text: '621.43',
      format: 'amount',
      source: { form: 'T1', row: 'income:total', column: 'income' },
    });
    expect(change).toMatchObject({ text: '59.12', role: 'change', source: null });
    expect(rate).toMatchObject({ text: '9%', format: 'percent', role: 'changeRate' });
    expect(rate?.value.toFixed(2)).toBe('8.69');
  });

  it('二: each source and 上年结转 with its share of 收入总计', () => {
    expect(lines(sample, 'income')).toEqual([
      '2024年度本部门预算收入621.43万元，其中：一般公共预算621.43万元，占100%；政府性基金预算0.00万元，占0%；' +
        '国有资本经营预算0.00万元，占0%；财政专户管理资金0.00万元，占0%；单位资金0.00万元，占0%；' +
        '上年结转0.00万元，占0%。',
    ]);
  });

  it('三: 基本支出 481.68 (78%) and 项目支出 139.75 (22%)', () => {
    expect(lines(sample, 'expenditure')).toEqual([
      '2024年度本部门支出预算621.43万元，其中：基本支出481.68万元，占78%；项目支出139.75万元，占22%。',
    ]);
  });

  it('四: 财政拨款 by fund, and only the 类 that have money', () => {
    expect(lines(sample, 'fiscalAppropriation')).toEqual([
      '2024年度本部门财政拨款收支总预算621.43万元。收入包括：本年财政拨款收入621.43万元（一般公共预算621.43万元、' +
        '政府性基金预算0.00万元、国有资本经营预算0.00万元），上年财政拨款结转0.00万元；支出包括：' +
        '一般公共服务支出497.55万元、社会保障和就业支出67.49万元、卫生健康支出20.10万元、住房保障支出36.29万元。',
    ]);
  });

  it('五: the change from last year, and the 类 with shares that add up to 100', () => {
    expect(lines(sample, 'generalBudget')).toEqual([
      '（一）一般公共预算当年支出规模变化情况',
      '2024年度本部门一般公共预算当年支出621.43万元，比上年减少59.12万元，下降9%，' +
        '主要原因是大力压减项目支出，有人员退休调出基本支出减少。',
      '（二）一般公共预算当年支出结构情况',
      '2024年度本部门一般公共预算当年支出621.43万元，主要用于以下方面：一般公共服务支出497.55万元，占80%；' +
        '社会保障和就业支出67.49万元，占11%；卫生健康支出20.10万元，占3%；住房保障支出36.29万元，占6%。',
    ]);
    const shares = figures(sections, 'generalBudget').filter((f) => f.role === 'share');
    expect(shares.map((f) => f.text)).toEqual(['80%', '11%', '3%', '6%']);
  });

  it('六: 人员经费 and 公用经费 from 表6, naming only the 款 that have money', () => {
    expect(lines(sample, 'basicExpenditure')).toEqual([
      '2024年度本部门一般公共预算安排基本支出481.68万元，其中：人员经费451.27万元，主要包括：' +
        '基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职工基本医疗保险缴费、住房公积金、' +
        '退休费、生活补助；公用经费30.41万元，主要包括：办公费、工会经费、福利费、其他交通费用。',
    ]);
  });

  it('七: says there are no “三公” expenses, with the reason given', () => {
    expect(lines(sample, 'threePublic')).toEqual([
      '本部门2024年无“三公”经费预算，与2023年持平，主要原因是公务用车及公务接待费都由县委机关服务中心负责。',
    ]);
  });

  it('八: 1 行政 and 2 事业 units (参公事业 counts as 事业), 30.41 against 34.37 (−11.52% → 12%)', () => {
    expect(lines(sample, 'operatingExpenses')).toEqual([
      '本部门2024年机关运行经费预算涉及1家行政单位（新绛县人民政府办公室）、2家事业单位（新绛县金融服务中心、' +
        '新绛县人民政府办公室综合保障中心）。本部门2024年机关运行经费财政拨款预算30.41万元，比2023年减少3.96万元，' +
        '下降12%，主要原因是有人员调出、退休，工会经费、福利费等人头费用减少。',
    ]);
  });

  it('九: 政府采购 21.04 = 11.84 + 0.00 + 9.20', () => {
    expect(lines(sample, 'procurement')).toEqual([
      '2024年本部门政府采购预算总额21.04万元，其中：政府采购货物预算11.84万元、政府采购工程预算0.00万元、' +
        '政府采购服务预算9.20万元。',
    ]);
    expect(figures(sections, 'procurement').map((f) => f.source)).toEqual([
      null,
      { narrative: 'procurement.goods' },
      { narrative: 'procurement.works' },
      { narrative: 'procurement.services' },
    ]);
  });

  it('十: projects of 表12 by category; the five declared ones are 90.30 of 139.75 = 64.6% → 65%', () => {
    expect(lines(sample, 'performance')).toEqual([
      '（一）整体绩效目标',
      '2024年本部门编报部门整体支出绩效目标，涉及部门预算资金621.43万元，其中：基本支出481.68万元，' +
        '项目支出139.75万元。',
      '（二）项目绩效目标',
      '2024年本部门纳入绩效目标管理的项目14个，共计金额139.75万元，其中：其他运转类项目3个，涉及金额65.30万元；' +
        '特定目标类项目11个，涉及金额74.45万元。公开项目绩效目标5个，涉及项目金额90.30万元，' +
        '占本年项目支出预算总额的65%，其中：其他运转类项目2个，涉及项目金额42.30万元；' +
        '特定目标类项目3个，涉及项目金额48.00万元。',
    ]);
  });

  it('十一 and 十二: assets as of the typed date with the vehicle note; 无其他说明', () => {
    expect(lines(sample, 'assets')).toEqual([
      '1、车辆情况',
      '截至2024年3月18日，本部门共有公务用车编制0辆，实有1辆，其中：领导用车0辆，机要通信用车0辆，' +
        '应急保障用车0辆，执法执勤用车0辆，特种专业技术用车0辆，事业单位业务用车0辆，事业单位其他公务用车1辆' +
        '（是政府办历史遗留账面还挂 1 辆其他车）。',
      '2、房屋情况',
      '截至2024年3月18日，本部门使用的办公用房建筑总面积911.96平方米。',
      '3、其他国有资产占有使用情况',
      '截至2024年3月18日，本部门占有使用单价50万元（原值）以上的通用设备0台（套），' +
        '单价100万元（原值）以上的专用设备0台（套）。',
    ]);
    expect(lines(sample, 'otherNotes')).toEqual(['本部门无其他说明。']);
  });

  it('leaves nothing to fill and no template text', () => {
    expect(unfilledSlots(sections)).toEqual([]);
    expect(text).not.toContain('【待填写');
    for (const template of ['增加（减少）', '减少（增加）', 'XX', '××', '……', '.....', '待填写', '指标2：']) {
      expect(text).not.toContain(template);
    }
    expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
  });

  it('renders the headings, subheadings and paragraphs as lines, sections apart', () => {
    expect(text.startsWith('一、部门预算收支数据变动情况及原因\n2024年度本部门预算收入总计621.43万元')).toBe(
      true,
    );
    expect(text).toContain('。\n\n二、收入预算情况说明\n');
    expect(text).toContain('\n（一）一般公共预算当年支出规模变化情况\n2024年度');
    expect(text.endsWith('十二、其他说明\n本部门无其他说明。\n')).toBe(true);
  });
});

describe('changes from last year', () => {
  it('shows an unfilled slot for a changed “三公” item without a reason', () => {
    const doc = sampleWith((d) => {
      d.tables.t10.rows = [{ item: 'reception', generalBudget: '1.5', governmentFund: '', stateCapital: '' }];
      d.narrative.lastYear.threePublic.reception = '2';
    });
    const generated = generateNarrative(doc);
    expect(lines(doc, 'threePublic')).toEqual([
      '2024年本部门财政拨款安排的“三公”经费预算1.50万元，比2023年减少0.50万元，下降25%，' +
        '主要原因是公务用车及公务接待费都由县委机关服务中心负责。其中：因公出国（境）费用0.00万元，与上年持平；' +
        '公务接待费1.50万元，比上年减少0.50万元，下降25%，主要原因是【待填写：公务接待费增减变动的原因】；' +
        '公务用车购置费0.00万元，与上年持平；公务用车运行维护费0.00万元，与上年持平。',
    ]);
    expect(unfilledSlots(generated)).toEqual([
      { section: 'threePublic', field: 'reasons.reception', placeholder: '公务接待费增减变动的原因' },
    ]);

    const explained = sampleWith((d) => {
      d.tables.t10.rows = [{ item: 'reception', generalBudget: '1.5', governmentFund: '', stateCapital: '' }];
      d.narrative.lastYear.threePublic.reception = '2';
      d.narrative.reasons.reception = '严格控制接待标准。';
    });
    expect(renderNarrativeText(generateNarrative(explained))).toContain(
      '公务接待费1.50万元，比上年减少0.50万元，下降25%，主要原因是严格控制接待标准；',
    );
  });

  it('asks for a last-year figure that is blank instead of comparing with it', () => {
    const doc = sampleWith((d) => {
      d.narrative.lastYear.totalIncome = '';
    });
    expect(lines(doc, 'changes')[0]).toContain(
      '上年结转0.00万元，比上年【待填写：上年预算收入总计（万元）】，主要原因是大力压减项目支出',
    );
    expect(unfilledSlots(generateNarrative(doc))).toEqual([
      { section: 'changes', field: 'lastYear.totalIncome', placeholder: '上年预算收入总计（万元）' },
    ]);
  });

  it('states the change but no rate when last year’s figure is 0', () => {
    const doc = sampleWith((d) => {
      d.narrative.lastYear.operatingExpenses = '0';
    });
    expect(lines(doc, 'operatingExpenses')[0]).toContain(
      '预算30.41万元，比2023年增加30.41万元（2023年为0，不计算增减率），主要原因是有人员调出',
    );
  });

  it('says 持平 with no reason required when nothing changed, and 增长 on an increase', () => {
    const same = sampleWith((d) => {
      d.narrative.lastYear.generalBudgetExpenditure = '621.43';
      d.narrative.reasons.generalBudget = '';
    });
    expect(lines(same, 'generalBudget')[1]).toBe(
      '2024年度本部门一般公共预算当年支出621.43万元，与上年持平。',
    );
    expect(unfilledSlots(generateNarrative(same))).toEqual([]);

    const more = sampleWith((d) => {
      d.narrative.lastYear.generalBudgetExpenditure = '600';
    });
    // 21.43 ÷ 600 = 3.57% (÷ 621.43 would be 3.45%).
    expect(lines(more, 'generalBudget')[1]).toContain('比上年增加21.43万元，增长4%，主要原因是');
  });

  it('does not print a small change as 0%', () => {
    const doc = sampleWith((d) => {
      d.narrative.lastYear.operatingExpenses = '30.40';
    });
    expect(lines(doc, 'operatingExpenses')[0]).toContain('比2023年增加0.01万元，增长不足1%');
  });

  it('asks for each blank last-year “三公” item, and compares the total once all are typed', () => {
    const doc = sampleWith((d) => {
      d.narrative.lastYear.threePublic.travelAbroad = '';
    });
    expect(lines(doc, 'threePublic')).toEqual([
      '2024年本部门财政拨款安排的“三公”经费预算0.00万元。其中：' +
        '因公出国（境）费用0.00万元，比上年【待填写：上年因公出国（境）费用（万元）】；' +
        '公务接待费0.00万元，与上年持平；公务用车购置费0.00万元，与上年持平；公务用车运行维护费0.00万元，与上年持平。',
    ]);
  });
});

describe('other inputs', () => {
  it('names a 表6 款 once even when it maps to two 政府 款, and leaves out 款 without money', () => {
    const doc = sampleWith((d) => {
      d.tables.t6.rows.push(
        { departmentCode: '30107', governmentCode: '50101', note: '', personnel: '1', public: '' },
        { departmentCode: '30202', governmentCode: '50201', note: '', personnel: '', public: '' },
      );
    });
    const [paragraph] = lines(doc, 'basicExpenditure');
    expect(paragraph).toContain('人员经费452.27万元，主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业');
    expect(paragraph).toContain('公用经费30.41万元，主要包括：办公费、工会经费、福利费、其他交通费用。');
  });

  it('prints typed 其他说明, and a blank asset date as a slot', () => {
    const doc = sampleWith((d) => {
      d.narrative.otherNotes = '本部门2024年无政府购买服务预算。';
      d.narrative.assets.asOf = '';
      d.narrative.assets.vehicleNote = '';
    });
    expect(lines(doc, 'otherNotes')).toEqual(['本部门2024年无政府购买服务预算。']);
    const [, vehicles] = lines(doc, 'assets');
    expect(vehicles).toMatch(/^截至【待填写：资产统计截止日期，如2024年3月18日】，本部门共有公务用车编制0辆/);
    expect(vehicles).toMatch(/事业单位其他公务用车1辆。$/);
    expect(unfilledSlots(generateNarrative(doc)).map((slot) => slot.field)).toEqual(['assets.asOf']);
    // Next year's document gives its example in its own year.
    const next = lines({ ...doc, year: 2025 }, 'assets')[1];
    expect(next).toMatch(/^截至【待填写：资产统计截止日期，如2025年3月18日】/);
  });

  it('says there is no procurement when 货物, 工程 and 服务 are all blank', () => {
    const doc = sampleWith((d) => {
      d.narrative.procurement = { goods: '', works: '', services: '' };
    });
    expect(lines(doc, 'procurement')).toEqual(['本部门2024年无政府采购预算。']);
  });

  it('states no shares of a zero whole, and never divides by zero, in an empty document', () => {
    const doc = emptyDocument('新绛县测试局', 2025);
    const rendered = renderNarrativeText(generateNarrative(doc));
    expect(lines(doc, 'expenditure')).toEqual([
      '2025年度本部门支出预算0.00万元，其中：基本支出0.00万元；项目支出0.00万元。',
    ]);
    expect(rendered).not.toContain('，占');
    expect(rendered).not.toMatch(/NaN|Infinity|undefined|null/);
    expect(lines(doc, 'performance')[3]).toBe('本部门2025年无纳入绩效目标管理的项目。');
  });
});
