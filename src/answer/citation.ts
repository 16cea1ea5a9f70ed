import type { Chunk, Citation } from '../types.js';

export const SECTION_SEPARATOR = ' › ';

const MARKDOWN_FILE = /\.(md|markdown|mdx)$/i;

/**
 * `<base><file>#L<start>-L<end>`, with each path segment URL-encoded. `{commit}` in the base becomes the commit the
 * lines were read at (`HEAD` when none is known). On hosts that show files under `/blob/` (GitHub, GitLab, Gitea),
 * a Markdown file gets `?plain=1`: they render Markdown otherwise, and a line anchor then highlights nothing.
 */
export function citationUrl(baseUrl: string, chunk: Pick<Chunk, 'file' | 'startLine' | 'endLine'>, commit?: string): string {
  const base = baseUrl.replaceAll('{commit}', commit ?? 'HEAD');
  const path = chunk.file.split('/').map(encodeURIComponent).join('/');
  const plain = /\/blob\//.test(base) && MARKDOWN_FILE.test(chunk.file) ? '?plain=1' : '';
  return `${base}${path}${plain}#L${chunk.startLine}-L${chunk.endLine}`;
}

/** `file:start-end`: a citation in logs and the feedback store. */
export function shortCitation(cited: Pick<Citation, 'file' | 'startLine' | 'endLine'>): string {
  return `${cited.file}:${cited.startLine}-${cited.endLine}`;
}

/** The parts of a `shortCitation`, or undefined for any other text. */
export function parseShortCitation(text: string): Pick<Citation, 'file' | 'startLine' | 'endLine'> | undefined {
  const match = /^(.*):(\d+)-(\d+)$/s.exec(text);
  return match ? { file: match[1] ?? '', startLine: Number(match[2]), endLine: Number(match[3]) } : undefined;
}

/** A chunk's section path as citations show it, after `page`, a title shown before its headings (`NoteMeta.heading`). */
export function sectionPath(chunk: Pick<Chunk, 'section'>, page?: string): string {
  return (page && chunk.section[0] !== page ? [page, ...chunk.section] : chunk.section).join(SECTION_SEPARATOR);
}

export function toCitation(chunk: Chunk, snippet: string, score: number, baseUrl?: string, page?: string): Citation {
  const citation: Citation = {
    file: chunk.file,
    startLine: chunk.startLine,
    endLine: chunk.endLine,
    section: sectionPath(chunk, page),
    snippet,
    score: Math.round(score * 1000) / 1000,
  };
  if (baseUrl) citation.url = citationUrl(baseUrl, chunk);
  return citation;
}
