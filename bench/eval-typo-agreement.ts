/**
 * How far a typo moves an engine's answer: of the questions asked both clean and with typos, those whose gold file
 * ranks where it ranks for the clean question. A hit@1 with typos above the clean one is luck, not robustness: this
 * counts the typo questions answered as their clean question is, for better or worse.
 */
import type { RankedRow } from './eval-compare.js';

export interface TypoAgreement {
  set: string;
  part: string;
  engine: string;
  /** Questions asked both ways. */
  n: number;
  /** Of them, those whose gold file ranks the same with typos as clean (both unfound counts as the same). */
  sameRank: number;
  /** Those whose first file is the gold one both ways, or neither way. */
  sameFirst: number;
}

const CLEAN = 'question';
const TYPO = 'question_typo';

export function typoAgreement(rows: readonly RankedRow[]): TypoAgreement[] {
  const agreements: TypoAgreement[] = [];
  for (const clean of rows) {
    if (clean.field !== CLEAN || clean.part.startsWith('sample')) continue;
    const typo = rows.find((row) => row.field === TYPO && row.set === clean.set && row.part === clean.part && row.engine === clean.engine);
    if (!typo) continue;
    const typoRank = new Map(typo.ranks.map((r) => [r.id, r.rank]));
    let n = 0;
    let sameRank = 0;
    let sameFirst = 0;
    for (const { id, rank } of clean.ranks) {
      const other = typoRank.get(id);
      if (other === undefined) continue;
      n++;
      if (other === rank) sameRank++;
      if ((other === 1) === (rank === 1)) sameFirst++;
    }
    agreements.push({ set: clean.set, part: clean.part, engine: clean.engine, n, sameRank, sameFirst });
  }
  return agreements;
}
