import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../sample/sample2024';
import { documentTitle } from './naming';

describe('documentTitle', () => {
  it('names the document by its department and year', () => {
    const doc = sampleDocument();
    expect(documentTitle(doc)).toBe('新绛县人民政府办公室2024年部门预算');
    expect(documentTitle({ ...doc, department: { ...doc.department, name: ' ' } })).toBe(
      '未命名部门2024年部门预算',
    );
  });
});
