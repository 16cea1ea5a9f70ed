import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { NoteMeta } from '../types.js';

const stringList = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .transform((value) => (Array.isArray(value) ? value.map(String) : value.split(',')).map((s) => s.trim()).filter(Boolean));

const lineRange = z
  .union([z.number().int().positive(), z.string().regex(/^\s*\d+\s*(?:-\s*\d+\s*)?$/, 'use a line or a range such as 12-18')])
  .transform((value): [number, number] => {
    const [start = 0, end = start] = String(value).split('-').map(Number);
    return [Math.min(start, end), Math.max(start, end)];
  });

/** A query that must find this note and, optionally, the lines or the section that answer it. */
const expectedQuery = z.object({ q: z.string().trim().min(1), lines: lineRange.optional(), section: z.string().trim().min(1).optional() }).strict();

const queryList = z
  .union([z.string(), z.array(z.union([z.string(), z.number(), expectedQuery]))])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((entry) => (typeof entry === 'object' ? entry : { q: String(entry).trim() })).filter((entry) => entry.q));

const metaSchema = z.object({
  title: z.union([z.string(), z.number()]).transform(String).optional(),
  tags: stringList.optional(),
  /** What Jekyll, Hugo and Docusaurus call a page's search words: read as its tags. */
  keywords: stringList.optional(),
  aliases: stringList.optional(),
  queries: queryList.optional(),
});

export const EMPTY_META: NoteMeta = Object.freeze({ tags: [], aliases: [], queries: [], expected: [] }) as NoteMeta;

export type FrontMatterResult = { ok: true; meta: NoteMeta } | { ok: false; meta: NoteMeta; problem: string };

/** Reads the YAML front matter fields lore knows. Bad front matter is reported, never fatal: the body still loads. */
export function parseFrontMatter(yamlText: string): FrontMatterResult {
  const simple = simpleFrontMatter(yamlText);
  return simple ? { ok: true, meta: simple } : parseYamlFrontMatter(yamlText);
}

/** `parseFrontMatter` through the YAML parser, whatever the text. */
export function parseYamlFrontMatter(yamlText: string): FrontMatterResult {
  let raw: unknown;
  try {
    // The parser's warnings would reach stderr as process warnings, outside the log: what matters is checked below.
    raw = parseYaml(yamlText, { logLevel: 'error' });
  } catch (error) {
    return { ok: false, meta: EMPTY_META, problem: `front matter is not valid YAML (${(error as Error).message.split('\n')[0]})` };
  }
  if (raw === null || raw === undefined) return { ok: true, meta: EMPTY_META };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, meta: EMPTY_META, problem: 'front matter is not a mapping of keys to values' };
  }
  const parsed = metaSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    const queriesOnly = parsed.error.issues.every((issue) => issue.path[0] === 'queries');
    const form = queriesOnly ? 'use a list of questions, each a string or { q: question, lines: 12-18, section: Title }' : 'use a string or a list of strings';
    return { ok: false, meta: EMPTY_META, problem: `front matter has invalid ${where}: ${form}` };
  }
  const { title, tags: tagged = [], keywords = [], aliases = [], queries = [] } = parsed.data;
  const tags = [...new Set([...tagged, ...keywords])];
  const expectations = queries.filter((entry) => 'lines' in entry || 'section' in entry);
  return {
    ok: true,
    meta: {
      title,
      tags,
      aliases,
      queries: queries.map((entry) => entry.q),
      expected: expectations.map(({ q, lines, section }) => ({ query: q, ...(lines ? { lines } : {}), ...(section ? { section } : {}) })),
    },
  };
}

/** `key: words` or `key: [words, words]`, words starting with a letter: what a YAML parser reads as plain strings. */
const SIMPLE_LINE = /^(title|tags|aliases): (?:([A-Za-z][\w .-]*)|\[([\w ,.-]*)\])$/;
const SIMPLE_WORDS = /^[A-Za-z][\w .-]*$/;
/** Words YAML 1.1 or 1.2 may read as a boolean or null. */
const NOT_A_STRING = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/**
 * The meta of front matter made only of `title`, `tags` and `aliases` lines holding plain words (the
 * common case), read without the YAML parser, which costs about as much as parsing the note's Markdown;
 * undefined for anything else, which the YAML parser then reads. Tests hold the two to the same results.
 */
export function simpleFrontMatter(yamlText: string): NoteMeta | undefined {
  let title: string | undefined;
  let tags: string[] | undefined;
  let aliases: string[] | undefined;
  for (const line of yamlText.split('\n')) {
    const match = SIMPLE_LINE.exec(line);
    if (!match) return undefined;
    const [, key, scalar, list] = match;
    let values: string[];
    if (scalar !== undefined) {
      if (!isPlainWords(scalar)) return undefined;
      values = [scalar];
    } else {
      values = list === undefined || list.trim() === '' ? [] : list.split(',').map((item) => item.trim());
      if (!values.every(isPlainWords)) return undefined;
    }
    if (key === 'title') {
      if (title !== undefined || scalar === undefined) return undefined;
      title = scalar;
    } else if (key === 'tags') {
      if (tags) return undefined;
      tags = values;
    } else {
      if (aliases) return undefined;
      aliases = values;
    }
  }
  return { title, tags: tags ?? [], aliases: aliases ?? [], queries: [], expected: [] };
}

function isPlainWords(value: string): boolean {
  return SIMPLE_WORDS.test(value) && !value.endsWith(' ') && !NOT_A_STRING.test(value);
}
