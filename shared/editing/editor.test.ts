import { describe, expect, it } from 'vitest';
import { getInput, type InputRef } from '../document/inputs';
import { sampleDocument } from '../sample/sample2024';
import { Editor } from './editor';

const basic2010301: InputRef = { collection: 't3', key: '2010301', field: 'basic' };
const project2010302: InputRef = { collection: 't3', key: '2010302', field: 'project' };

const errorRules = (editor: Editor) =>
  editor
    .findings()
    .filter((f) => f.level === '错误')
    .map((f) => `${f.rule} ${f.subject}`);

describe('Editor', () => {
  it('checks a typed amount at once, and undo and redo bring back amounts and findings', () => {
    const editor = new Editor(sampleDocument());
    expect(errorRules(editor)).toEqual([]);

    const step = editor.setAmounts('修改 表3 2010301 基本支出', [{ input: basic2010301, amount: '999' }]);
    expect(step?.kind).toBe('amounts');
    expect(getInput(editor.doc, basic2010301)).toBe('999');
    const broken = editor.findings().filter((f) => f.level === '错误');
    expect(broken.map((f) => f.rule)).toEqual(['A3', 'B2']);
    expect(broken[1]?.message).toBe(
      '表3 2010301 行政运行 合计 999.00 ≠ 表2 同科目 本年收入+上年结转 199.65，相差 799.35',
    );
    expect(editor.undoLabel).toBe('修改 表3 2010301 基本支出');

    expect(editor.undo()).toBe(step);
    expect(getInput(editor.doc, basic2010301)).toBe('199.65');
    expect(errorRules(editor)).toEqual([]);
    expect(editor.canUndo).toBe(false);

    editor.redo();
    expect(getInput(editor.doc, basic2010301)).toBe('999');
    expect(errorRules(editor).map((r) => r.split(' ')[0])).toEqual(['A3', 'B2']);
  });

  it('keeps a block of amounts as one step, undone in one go', () => {
    const editor = new Editor(sampleDocument());
    editor.setAmounts('粘贴', [
      { input: basic2010301, amount: '1' },
      { input: project2010302, amount: '2' },
    ]);
    expect(getInput(editor.doc, project2010302)).toBe('2');
    editor.undo();
    expect(getInput(editor.doc, basic2010301)).toBe('199.65');
    expect(getInput(editor.doc, project2010302)).toBe('102.75');
    expect(editor.canRedo).toBe(true);
  });

  it('records nothing when no amount changes, and a new change clears what could be redone', () => {
    const editor = new Editor(sampleDocument());
    expect(editor.setAmounts('无变化', [{ input: basic2010301, amount: '199.65' }])).toBeNull();
    expect(editor.canUndo).toBe(false);
    editor.setAmounts('一', [{ input: basic2010301, amount: '1' }]);
    editor.undo();
    editor.setAmounts('二', [{ input: basic2010301, amount: '2' }]);
    expect(editor.canRedo).toBe(false);
    expect(editor.version).toBe(3);
  });

  it('undoes a document change (a renamed department) with its findings', () => {
    const editor = new Editor(sampleDocument());
    const before = editor.doc;
    editor.replace(
      '修改部门名称',
      { ...before, department: { ...before.department, name: '' } },
      { kind: 'structure' },
    );
    expect(
      editor
        .findings()
        .some((f) => f.targets.some((t) => t.kind === 'field' && t.path === 'department.name')),
    ).toBe(true);
    editor.undo();
    expect(editor.doc).toBe(before);
    expect(errorRules(editor)).toEqual([]);
  });
});
