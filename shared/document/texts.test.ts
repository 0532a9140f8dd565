import { describe, expect, it } from 'vitest';
import { CheckSession, checkDocument } from '../checks/session';
import { sampleDocument } from '../sample/sample2024';
import { parseDocument, serializeDocument } from './file';
import type { BudgetDocument } from './schema';
import {
  addGlossaryEntry,
  removeGlossaryEntry,
  setCoverDate,
  setDepartmentName,
  setGlossaryEntry,
  setOrganization,
  setResponsibilities,
  linesOf,
  setUnit,
  type TextEdit,
} from './texts';

/** The session given the edit's change ends where a fresh check of the result does; the file still loads. */
function expectSound(before: BudgetDocument, edit: TextEdit) {
  const session = new CheckSession(before);
  session.findings();
  session.update(edit.doc, edit.change);
  expect(session.findings()).toEqual(checkDocument(structuredClone(edit.doc)));
  expect(parseDocument(serializeDocument(edit.doc)).ok).toBe(true);
}

describe('texts', () => {
  const doc = sampleDocument();

  it('renames the department, and a blank name is found by the checks', () => {
    const edit = setDepartmentName(doc, '  新绛县人民政府 ');
    expect(edit.doc.department.name).toBe('新绛县人民政府');
    expectSound(doc, edit);
    const blank = setDepartmentName(doc, '');
    expect(
      checkDocument(blank.doc).some((f) =>
        f.targets.some((t) => t.kind === 'field' && t.path === 'department.name'),
      ),
    ).toBe(true);
  });

  it('sets the cover date; a date of another year is reported', () => {
    const edit = setCoverDate(doc, '2019年2月');
    expect(edit.doc.coverDate).toBe('2019年2月');
    expectSound(doc, edit);
    expect(
      checkDocument(edit.doc).some((f) =>
        f.targets.some((t) => t.kind === 'field' && t.path === 'coverDate'),
      ),
    ).toBe(true);
  });

  it('keeps one responsibility per line, blank lines dropped', () => {
    const edit = setResponsibilities(doc, '负责甲\n\n  负责乙  \r\n');
    expect(edit.doc.overview.responsibilities).toEqual(['负责甲', '负责乙']);
    expectSound(doc, edit);
    expectSound(doc, setOrganization(doc, '内设 3 个股室'));
    // The same reading for a declaration's goals (ProjectForm).
    expect(linesOf('  目标甲\r\n\n目标乙\n   \n')).toEqual(['目标甲', '目标乙']);
    expect(linesOf('')).toEqual([]);
  });

  it('renames a unit and changes its type', () => {
    const id = doc.units[0]?.id ?? '';
    const edit = setUnit(doc, id, { name: '新名称', type: '事业' });
    expect(edit.doc.units[0]).toMatchObject({ id, name: '新名称', type: '事业' });
    expectSound(doc, edit);
  });

  it('adds, edits and removes glossary entries', () => {
    const added = addGlossaryEntry(doc, 0);
    expect(added.doc.glossary[0]).toEqual({ term: '', definition: '' });
    expect(added.doc.glossary).toHaveLength(doc.glossary.length + 1);
    const edited = setGlossaryEntry(added.doc, 0, {
      term: '财政拨款',
      definition: '指本级财政当年拨付的资金',
    });
    expect(edited.doc.glossary[0]).toEqual({ term: '财政拨款', definition: '指本级财政当年拨付的资金' });
    expectSound(added.doc, edited);
    const removed = removeGlossaryEntry(edited.doc, 0);
    expect(removed.doc.glossary).toEqual(doc.glossary);
    expectSound(edited.doc, removed);
  });
});
