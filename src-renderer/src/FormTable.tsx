/**
 * One form in its official layout: title, unit, merged header, rows, 备注, and the empty-table note.
 * It renders the computed form (shared/forms) and nothing else.
 */
import type { FormGrid } from '../../shared/forms/types';
import { formatGrouped } from '../../shared/money';

export function FormTable({ grid }: { grid: FormGrid }) {
  const headerRows = Array.from({ length: grid.headerRowCount }, (_, row) =>
    grid.header.filter((h) => h.row === row),
  );
  return (
    <section className="form" aria-label={grid.title}>
      <h2 className="form-title">{grid.title}</h2>
      <div className="form-unit">{grid.unit}</div>
      <table role="grid" aria-readonly="true">
        <colgroup>
          {grid.columns.map((column) => (
            <col key={column.key} style={{ width: `${column.width}ch` }} />
          ))}
        </colgroup>
        <thead>
          {headerRows.map((cells, row) => (
            <tr key={row}>
              {cells.map((cell) => (
                <th key={cell.column} rowSpan={cell.rowSpan} colSpan={cell.colSpan} scope="col">
                  {cell.label}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.key} className={row.kinds.join(' ')}>
              {row.cells.map((cell, index) =>
                cell.type === 'text' ? (
                  <td key={index} role="gridcell">
                    {cell.text}
                  </td>
                ) : (
                  <td key={index} role="gridcell" className={cell.input ? 'amount typed' : 'amount computed'}>
                    {cell.value === null ? '' : formatGrouped(cell.value)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="form-remark">{grid.remark}</p>
      {grid.empty && grid.emptyNote !== '' && <p className="form-note">说明：{grid.emptyNote}</p>}
    </section>
  );
}
