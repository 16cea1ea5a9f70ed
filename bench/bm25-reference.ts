/**
 * A plain BM25 reference, deliberately simple, to measure lore against in the same run: Markdown cut at
 * headings into pieces of at most 1,500 characters, lower-cased words, a light plural stemmer, no stop words,
 * no typo handling, k1 1.2, b 0.75. Nothing here is tuned.
 */

export interface ReferenceDoc {
  file: string;
  text: string;
}

export interface ReferenceHit {
  file: string;
  /** The piece's lines in its file, 1-based and inclusive. */
  startLine: number;
  endLine: number;
  /** Index of the piece within the reference's own list. */
  piece: number;
  score: number;
}

const MAX_PIECE = 1_500;
const K1 = 1.2;
const B = 0.75;
const HEADING = /^#{1,6}\s/;

/** "policies" → "policy", "classes" → "class", "pods" → "pod" (the S-stemmer of Harman, 1991). */
export function lightStem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && !word.endsWith('aes') && !word.endsWith('ees') && !word.endsWith('oes')) return word.slice(0, -1);
  if (word.endsWith('s') && !word.endsWith('us') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function referenceTerms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map(lightStem);
}

/** A piece of a note: its text and its 1-based, inclusive line range. */
export interface ReferencePiece {
  text: string;
  startLine: number;
  endLine: number;
}

/** Heading sections, each cut at line ends into pieces of at most MAX_PIECE characters. */
export function referencePieces(text: string): ReferencePiece[] {
  const sections: { first: number; lines: string[] }[] = [{ first: 1, lines: [] }];
  text.split('\n').forEach((line, i) => {
    if (HEADING.test(line)) sections.push({ first: i + 1, lines: [] });
    sections.at(-1)?.lines.push(line);
  });
  const pieces: ReferencePiece[] = [];
  for (const { first, lines } of sections) {
    let current = '';
    let startLine = first;
    let endLine = first;
    lines.forEach((line, i) => {
      if (current && current.length + line.length + 1 > MAX_PIECE) {
        pieces.push({ text: current, startLine, endLine });
        current = '';
      }
      if (!current) startLine = first + i;
      current = current ? `${current}\n${line}` : line;
      endLine = first + i;
    });
    if (current.trim()) pieces.push({ text: current, startLine, endLine });
  }
  return pieces;
}

export class Bm25Reference {
  private readonly files: string[] = [];
  private readonly lines: [number, number][] = [];
  private readonly lengths: number[] = [];
  private readonly postings = new Map<string, { piece: number; tf: number }[]>();
  private averageLength = 0;

  constructor(docs: readonly ReferenceDoc[]) {
    let total = 0;
    for (const doc of docs) {
      for (const piece of referencePieces(doc.text)) {
        const id = this.files.length;
        const terms = referenceTerms(piece.text);
        this.files.push(doc.file);
        this.lines.push([piece.startLine, piece.endLine]);
        this.lengths.push(terms.length);
        total += terms.length;
        const counts = new Map<string, number>();
        for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
        for (const [term, tf] of counts) {
          let list = this.postings.get(term);
          if (!list) this.postings.set(term, (list = []));
          list.push({ piece: id, tf });
        }
      }
    }
    this.averageLength = total / Math.max(1, this.files.length);
  }

  get size(): number {
    return this.files.length;
  }

  search(question: string, limit = 10): ReferenceHit[] {
    const n = this.files.length;
    const scores = new Map<number, number>();
    for (const term of new Set(referenceTerms(question))) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { piece, tf } of list) {
        const norm = K1 * (1 - B + (B * (this.lengths[piece] ?? 0)) / this.averageLength);
        scores.set(piece, (scores.get(piece) ?? 0) + (idf * tf * (K1 + 1)) / (tf + norm));
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([piece, score]) => ({ piece, score, file: this.files[piece] ?? '', startLine: this.lines[piece]?.[0] ?? 0, endLine: this.lines[piece]?.[1] ?? 0 }));
  }
}
