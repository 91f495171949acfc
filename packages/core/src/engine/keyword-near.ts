/**
 * The parts of a text where a binding can be, from where its binding keywords are (found by
 * the one keyword pass, keyword-set.ts). A binding needs a credential word, a Kernel word, a
 * bearer helper or `machine` in the name, flag, field or call it is bound to, all within a
 * bounded window of the value; most token-shaped runs in code (paths, dotted identifiers,
 * hashes) have none near, and the run finder never walks the text far from every keyword.
 */

/**
 * Merged [from, to) ranges such that a run [s, e) touches one exactly when some keyword offset k
 * has s - behind <= k < e + ahead: the range around k is [k - ahead, k + behind + 1).
 * `positions` ascending.
 */
export function regionsNear(positions: readonly number[], behind: number, ahead: number, length: number): [number, number][] {
  const out: [number, number][] = [];
  for (const k of positions) {
    const from = Math.max(0, k - ahead);
    const to = Math.min(length, k + behind + 1);
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
