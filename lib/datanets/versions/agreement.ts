/**
 * Agreement between reviewers, for nominal judgements (approve / reject, or labels).
 * Both return null where the coefficient is undefined (no variation, or nothing to compare).
 */

type Value = string | number | boolean;

/**
 * Krippendorff's alpha for nominal data, with missing values. `units[u]` holds the values the
 * coders gave unit u (null/undefined for a coder who did not rate it; coders need not be aligned
 * across units for nominal data). Units with fewer than two values are not pairable and are left out.
 * α = 1 − D_o / D_e over the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
 */
export function krippendorffAlphaNominal(units: readonly (readonly (Value | null | undefined)[])[]): number | null {
  const index = new Map<Value, number>();
  const pairable: number[][] = [];
  for (const unit of units) {
    const values: number[] = [];
    for (const v of unit) {
      if (v === null || v === undefined) continue;
      let i = index.get(v);
      if (i === undefined) {
        i = index.size;
        index.set(v, i);
      }
      values.push(i);
    }
    if (values.length >= 2) pairable.push(values);
  }
  const k = index.size;
  const observedDisagreement = { sum: 0 };
  const nc = new Float64Array(k);
  for (const values of pairable) {
    const m = values.length;
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    // Pairs of different values within the unit, each ordered pair weighted 1/(m − 1).
    let sameOrdered = 0;
    for (const [v, c] of counts) {
      sameOrdered += c * (c - 1);
      nc[v] = (nc[v] as number) + c;
    }
    observedDisagreement.sum += (m * (m - 1) - sameOrdered) / (m - 1);
  }
  let n = 0;
  let sumSquares = 0;
  for (let c = 0; c < k; c++) {
    n += nc[c] as number;
    sumSquares += (nc[c] as number) ** 2;
  }
  const expectedPairs = n * n - sumSquares; // Σ_{c≠k} n_c n_k
  if (n < 2 || expectedPairs === 0) return null;
  return 1 - ((n - 1) * observedDisagreement.sum) / expectedPairs;
}

/**
 * Fleiss' kappa from a subjects × categories table of counts: counts[i][j] is how many raters put
 * subject i in category j; every subject must have the same number of ratings (≥ 2).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  const subjects = counts.length;
  if (subjects === 0) return null;
  const raters = (counts[0] as readonly number[]).reduce((a, b) => a + b, 0);
  const categories = (counts[0] as readonly number[]).length;
  if (raters < 2) throw new RangeError("Fleiss' kappa needs at least two ratings per subject");
  const totals = new Float64Array(categories);
  let pBar = 0;
  for (const [i, row] of counts.entries()) {
    if (row.length !== categories)
      throw new RangeError(`Subject ${i} has ${row.length} categories, expected ${categories}`);
    let sum = 0;
    let squares = 0;
    for (let j = 0; j < categories; j++) {
      const c = row[j] as number;
      if (!Number.isInteger(c) || c < 0) throw new RangeError(`Subject ${i} has a bad count ${c}`);
      sum += c;
      squares += c * c;
      totals[j] = (totals[j] as number) + c;
    }
    if (sum !== raters)
      throw new RangeError(`Subject ${i} has ${sum} ratings, expected ${raters} like the first subject`);
    pBar += (squares - raters) / (raters * (raters - 1));
  }
  pBar /= subjects;
  let pe = 0;
  for (let j = 0; j < categories; j++) pe += ((totals[j] as number) / (subjects * raters)) ** 2;
  if (pe === 1) return null;
  return (pBar - pe) / (1 - pe);
}

/**
 * Fleiss' kappa from the values each subject received (as for krippendorffAlphaNominal, missing
 * values dropped). Null when subjects received different numbers of ratings (use alpha then),
 * fewer than two each, or there is no variation.
 */
export function fleissKappaFromRatings(units: readonly (readonly (Value | null | undefined)[])[]): number | null {
  const present = units.map((u) => u.filter((v): v is Value => v !== null && v !== undefined));
  if (present.length === 0) return null;
  const m = (present[0] as Value[]).length;
  if (m < 2 || present.some((u) => u.length !== m)) return null;
  const categories = [...new Set(present.flat())];
  const table = present.map((u) => categories.map((c) => u.filter((v) => v === c).length));
  return fleissKappa(table);
}

/**
 * Agreement among reviewers over a Datanet's contributions: `verdictsByContribution` lists each
 * contribution's verdicts. Alpha always (missing data allowed); kappa only when every contribution
 * has the same number of reviews.
 */
export function reviewAgreement(verdictsByContribution: readonly (readonly string[])[]): {
  alpha: number | null;
  kappa: number | null;
  contributions: number;
  reviews: number;
} {
  const rated = verdictsByContribution.filter((v) => v.length >= 2);
  return {
    alpha: krippendorffAlphaNominal(rated),
    kappa: fleissKappaFromRatings(rated),
    contributions: rated.length,
    reviews: rated.reduce((a, v) => a + v.length, 0),
  };
}
