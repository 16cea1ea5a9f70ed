import type { Abbreviation } from './abbreviations.js';

const NO_EXPANSIONS: readonly (readonly string[])[] = Object.freeze([]);
const NO_CONTRACTIONS: readonly Abbreviation[] = Object.freeze([]);

/** The notes' abbreviations, looked up both ways: a short form's long forms, and the short forms a long form starts. */
export class AbbreviationTable {
  /** Long forms of each abbreviation, by its stem, each as stems. */
  readonly expansions = new Map<string, string[][]>();
  private readonly contractions = new Map<string, Abbreviation[]>();

  constructor(abbreviations: readonly Abbreviation[]) {
    for (const abbreviation of abbreviations) this.add(abbreviation);
  }

  expansionsOf(stem: string): readonly (readonly string[])[] {
    return this.expansions.get(stem) ?? NO_EXPANSIONS;
  }

  /** Abbreviations whose long form starts with this stem. */
  contractionsFrom(stem: string): readonly Abbreviation[] {
    return this.contractions.get(stem) ?? NO_CONTRACTIONS;
  }

  private add(abbreviation: Abbreviation): void {
    const [first] = abbreviation.long;
    if (first === undefined) return;
    const list = this.expansions.get(abbreviation.short) ?? [];
    if (!list.some((long) => long.join(' ') === abbreviation.long.join(' '))) {
      list.push(abbreviation.long);
      this.expansions.set(abbreviation.short, list);
      this.contractions.set(first, [...(this.contractions.get(first) ?? []), abbreviation]);
    }
  }
}
