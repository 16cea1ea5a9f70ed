import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { NoteMeta } from '../types.js';

const stringList = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .transform((value) => (Array.isArray(value) ? value.map(String) : value.split(',')).map((s) => s.trim()).filter(Boolean));

const metaSchema = z.object({
  title: z.union([z.string(), z.number()]).transform(String).optional(),
  tags: stringList.optional(),
  aliases: stringList.optional(),
  queries: stringList.optional(),
});

export const EMPTY_META: NoteMeta = Object.freeze({ tags: [], aliases: [], queries: [] }) as NoteMeta;

export type FrontMatterResult = { ok: true; meta: NoteMeta } | { ok: false; meta: NoteMeta; problem: string };

/** Reads the YAML front matter fields lore knows. Bad front matter is reported, never fatal: the body still loads. */
export function parseFrontMatter(yamlText: string): FrontMatterResult {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
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
    return { ok: false, meta: EMPTY_META, problem: `front matter has invalid ${where}: use a string or a list of strings` };
  }
  const { title, tags = [], aliases = [], queries = [] } = parsed.data;
  return { ok: true, meta: { title, tags, aliases, queries } };
}
