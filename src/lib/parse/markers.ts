/** Markers that open clauses (`1.`), points (`a)`, `a.`, `đ)`) and bullets (`-`, `+`, `•`). */

/** A marker at the start of a line. */
export interface Marker {
  kind: 'clause' | 'point' | 'bullet';
  /** Marker as printed (`2.`, `a)`, `-`). */
  printed: string;
  /** Clause number or point letter; '' for bullets. */
  label: string;
  /** Length of marker plus following spaces. */
  length: number;
}

/** Vietnamese point letters in order (no f, j, w, z; đ after d). */
export const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** Read a clause, point or bullet marker at the start of a line. */
export function readMarker(text: string): Marker | null {
  let m = /^(\d{1,3})\s?([.,)])(?!\d)\s*(?=\S)/.exec(text);
  if (m) return { kind: 'clause', printed: m[1]! + m[2]!, label: m[1]!, length: m[0].length };
  m = /^([a-zđ])\s?([).])\s*(?=\S)/u.exec(text);
  if (m && POINT_LETTERS.includes(m[1]!)) return { kind: 'point', printed: m[1]! + m[2]!, label: m[1]!, length: m[0].length };
  m = /^([-–—+•·∙▪])(?![-–—])\s*(?=\S)/.exec(text);
  if (m) return { kind: 'bullet', printed: m[1]!, label: '', length: m[0].length };
  return null;
}

/** Id form of a point letter: folded, with `đ` → `dd` to stay distinct from `d`. */
export function pointIdLabel(label: string): string {
  return label.replace(/đ/g, 'dd').replace(/Đ/g, 'dd').toLowerCase().replace(/[^a-z0-9]/g, '');
}
