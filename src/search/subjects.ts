import { tokenize } from './analyze.js';
import { isEnglishWord } from './english-words.js';
import type { SearchIndex } from './index.js';

/**
 * The subjects the notes file things under: the names (words of no general English: "ECS", "EKS", "Fargate") in the
 * heading or opening line of each section. Notes often keep two subjects side by side with the same outline ("ECS"
 * and "EKS", each with EC2 and Fargate workers), and a question about one finds the other's lines as well.
 */
interface Subjects {
  generation: number;
  /** By section (`Chunk.unit`): the names its heading path and opening line hold, as stems. */
  bySection: Map<number, ReadonlySet<string>>;
  /** Every name that heads a section. */
  all: ReadonlySet<string>;
}

const subjectsByIndex = new WeakMap<SearchIndex, Subjects>();

function subjectsOf(index: SearchIndex): Subjects {
  const kept = subjectsByIndex.get(index);
  if (kept && kept.generation === index.generation) return kept;
  const bySection = new Map<number, ReadonlySet<string>>();
  const all = new Set<string>();
  for (const chunk of index.chunks) {
    if (!chunk || !index.isLiveChunk(chunk.id) || bySection.has(chunk.unit)) continue;
    const names = namesIn([...chunk.section, chunk.text.split('\n', 1)[0] ?? ''].join('\n'));
    bySection.set(chunk.unit, names);
    for (const name of names) all.add(name);
  }
  const subjects = { generation: index.generation, bySection, all };
  subjectsByIndex.set(index, subjects);
  return subjects;
}

/** The stems of a text's names: words of no general English, not stop words, not bare numbers. */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const token of tokenize(text)) {
    if (!token.stop && token.surface.length >= 2 && !/^\d+$/.test(token.surface) && !isEnglishWord(token.surface)) names.add(token.stem);
  }
  return names;
}

/** The subjects a question names, and the sections filed under others. */
export interface SubjectAsked {
  /** The names (stems) of the question that head a section somewhere. */
  names: readonly string[];
  /** Whether a section is headed by names, none of them the question's. */
  filedElsewhere(unit: number): boolean;
}

/**
 * The subjects a question names, if any name heads a section. A chunk of a section filed elsewhere that lacks one of
 * the names is filed under another subject: for "does the ecs control plane span multiple availability zones?",
 * EKS's "Control Plane Nodes automatically replicated across multiple availability zones".
 */
export function subjectAsked(index: SearchIndex, question: string): SubjectAsked | undefined {
  const subjects = subjectsOf(index);
  const names = [...namesIn(question)].filter((name) => subjects.all.has(name));
  if (names.length === 0) return undefined;
  return {
    names,
    filedElsewhere: (unit) => {
      const heads = subjects.bySection.get(unit);
      return heads !== undefined && heads.size > 0 && !names.some((name) => heads.has(name));
    },
  };
}
