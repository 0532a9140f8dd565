/**
 * The status bar: the budget's totals (表1 收入总计 / 支出总计), the check status and the save state.
 */
import type { Finding } from '../../shared/checks/types';
import { formatGrouped } from '../../shared/money';
import { useWorkbench } from './store/workbench';

/** `checking`: the document is being checked in full (the findings are from before the last change). */
export function StatusBar({ findings, checking }: { findings: readonly Finding[]; checking: boolean }) {
  const editor = useWorkbench((s) => s.editor);
  const notice = useWorkbench((s) => s.notice);
  const unsaved = useWorkbench((s) => s.version !== s.savedVersion);
  const path = useWorkbench((s) => s.path);
  if (!editor) return null;
  const evaluator = editor.session.evaluator;
  const income = evaluator.value({ form: 'T1', row: 'income:total', column: 'income' });
  const expenditure = evaluator.value({ form: 'T1', row: 'expenditure:total', column: 'total' });
  const errors = findings.filter((f) => f.level === '错误').length;
  const advisories = findings.length - errors;
  return (
    <footer className="statusbar" aria-label="状态栏">
      <span data-testid="total-income">收入总计 {income ? formatGrouped(income) : '0.00'} 万元</span>
      <span data-testid="total-expenditure">
        支出总计 {expenditure ? formatGrouped(expenditure) : '0.00'} 万元
      </span>
      <span data-testid="check-status" className={errors > 0 && !checking ? 'error' : ''}>
        {checking
          ? '正在审核…'
          : errors > 0
            ? `审核：错误 ${errors} 项，提示 ${advisories} 项`
            : `审核通过，提示 ${advisories} 项`}
      </span>
      <span data-testid="save-status">
        {unsaved ? '有未保存的修改' : path ? `已保存：${path}` : '未修改'}
      </span>
      {notice && (
        <span className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </span>
      )}
    </footer>
  );
}
