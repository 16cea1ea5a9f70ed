import type { NoteMeta } from '../types.js';

/**
 * Logseq keeps a page's title, aliases and tags in its first block, as properties (`title:: Kafka`, `alias:: event
 * bus, [[kafka cluster]]`, `tags:: infra`), where other tools keep YAML front matter. They are read as front matter
 * is: into the note's meta, and out of its text, so that "event bus retention" is answered by the retention line and
 * not by the line that names the page. Other properties (`owner:: [[Team Platform]]`) are the note's content and stay.
 */

/** A property line: `key:: value`. */
const PROPERTY = /^([A-Za-z][\w-]*)::[ \t]*(.*?)[ \t]*$/;
const META_KEYS = new Set(['title', 'alias', 'aliases', 'tags']);

export interface PageProperties {
  meta: NoteMeta;
  /** The text with the meta's lines blanked, every line where it was. */
  text: string;
}

/** The page properties a note opens with, if it opens with any lore reads (see above). */
export function pageProperties(text: string): PageProperties | undefined {
  if (!text.includes('::')) return undefined;
  const lines = text.split('\n');
  let title: string | undefined;
  const tags: string[] = [];
  const aliases: string[] = [];
  let read = false;
  for (let i = 0; i < lines.length; i++) {
    const match = PROPERTY.exec(lines[i] ?? '');
    if (!match) break;
    const key = (match[1] ?? '').toLowerCase();
    if (!META_KEYS.has(key)) continue;
    const value = match[2] ?? '';
    if (key === 'title') title = unlinked(value) || title;
    else (key === 'tags' ? tags : aliases).push(...valuesOf(value));
    lines[i] = ' '.repeat((lines[i] ?? '').length);
    read = true;
  }
  if (!read) return undefined;
  return { meta: { title, tags, aliases, queries: [], expected: [] }, text: lines.join('\n') };
}

/** A comma-separated value: `a, [[b c]], #d` → a, b c, d. */
function valuesOf(value: string): string[] {
  return value
    .split(',')
    .map(unlinked)
    .filter((item) => item !== '');
}

function unlinked(value: string): string {
  return value.trim().replace(/^#/, '').replace(/^\[\[(.*)\]\]$/, '$1').trim();
}
