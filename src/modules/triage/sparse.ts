/** Building sparse row matrices (CSR) from vectors and from other matrices' rows. */
import type { SparseMatrix, SparseVector } from './model.ts';

export function stackRows(rows: readonly SparseVector[], columnCount: number): SparseMatrix {
  const rowStart = new Int32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) rowStart[r + 1] = rowStart[r]! + rows[r]!.indices.length;
  const indices = new Int32Array(rowStart[rows.length]!);
  const values = new Float32Array(indices.length);
  rows.forEach((row, r) => {
    indices.set(row.indices, rowStart[r]!);
    values.set(row.values, rowStart[r]!);
  });
  return { rowCount: rows.length, columnCount, rowStart, indices, values };
}

export function getRow(x: SparseMatrix, row: number): SparseVector {
  const start = x.rowStart[row]!;
  const end = x.rowStart[row + 1]!;
  return { indices: x.indices.subarray(start, end), values: x.values.subarray(start, end) };
}

export function selectRows(x: SparseMatrix, rows: ArrayLike<number>): SparseMatrix {
  return stackRows(
    Array.from(rows, (row) => getRow(x, row)),
    x.columnCount,
  );
}
