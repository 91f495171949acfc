/**
 * Table rows rendered as text the binding reader already understands: one line per row, the
 * shape of a SQL VALUES list, `('kernel_token', '…')`. Used for what stores a name and its value
 * in neighbouring cells with nothing between them: SQLite rows (sqlite.ts), spreadsheet rows
 * (office.ts).
 */

/** Rows rendered per table, and cells per row: bounds memory on a huge table. */
export const MAX_ROWS = 100_000;
export const MAX_CELLS = 64;

/** A row as `('a', 'b', …)`, or undefined when it has fewer than two cells (no name and value). */
export function valuesLine(cells: readonly string[]): string | undefined {
  return cells.length < 2 ? undefined : `(${cells.map((c) => `'${c.replace(/[\r\n']/g, ' ')}'`).join(', ')})`;
}
