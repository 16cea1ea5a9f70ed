/**
 * The Markdown rules of the FAQ dev set builders (faq-large, faq-more): clean-up, FAQ page detection and
 * splitting into question/answer entries. Deliberately general: the same rules for every docset, with no
 * case for any one repository.
 */

/** Answers shorter than this (in words) are skipped: too little to retrieve on. */
export const MIN_ANSWER_WORDS = 15;

// ---------------------------------------------------------------------------------------------------
// Hashing and word counting

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Words a reader sees: link targets, images, HTML tags and bare URLs do not count. */
export function countWords(text: string): number {
  const visible = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\b[a-z]+:\/\/\S+/gi, ' ');
  return (visible.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu) ?? []).length;
}

export const NON_ENGLISH = /(^|\/)(i18n|zh|zh-cn|zh_cn|zh-hans|ja|ko|es|fr|de|pt|pt-br|ru|it|tr|uk)(\/|$)/i;

// ---------------------------------------------------------------------------------------------------
// Markdown clean-up (deliberately general: the same rules for every docset)

export interface Page {
  path: string;
  title: string;
  /** Markdown without front matter, comments, shortcodes or MDX imports. */
  body: string;
}

function frontMatterTitle(yaml: string): string | undefined {
  const m = /^title:\s*(.+)$/m.exec(yaml);
  if (!m || m[1] === undefined) return undefined;
  return m[1].trim().replace(/^(['"])(.*)\1$/, '$2').trim() || undefined;
}

export function cleanMarkdown(raw: string): { title: string | undefined; body: string } {
  let text = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  let title: string | undefined;
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(\n|$)/.exec(text);
  if (fm) {
    title = frontMatterTitle(fm[1] ?? '');
    text = text.slice(fm[0].length);
  }
  text = text.replace(/<!--[\s\S]*?-->/g, '');
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch && fenceMatch[1] !== undefined) {
      const marker = fenceMatch[1];
      if (fence === null) fence = marker[0] ?? '`';
      else if (marker[0] === fence) fence = null;
      out.push(line);
      continue;
    }
    if (fence !== null) {
      out.push(line);
      continue;
    }
    // MDX module lines.
    if (/^(import|export)\s.+(from\s+['"].+['"]|=.*);?\s*$/.test(line)) continue;
    // Hugo shortcodes: drop a line that is only shortcodes, strip inline ones.
    const withoutShortcodes = line.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, '');
    if (withoutShortcodes !== line && withoutShortcodes.trim() === '') continue;
    out.push(withoutShortcodes);
  }
  const body = out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { title, body };
}

/** Heading text as plain text: no links, code marks, emphasis, HTML, anchors or "Q1:" labels. */
export function plainHeading(text: string): string {
  // Code spans first, so that `<placeholders>` inside them survive the HTML clean-up.
  const code: string[] = [];
  const masked = text.replace(/(`+)(.+?)\1/g, (_, _ticks: string, inner: string) => `\u0000${code.push(inner.trim()) - 1}\u0000`);
  return masked
    .replace(/\s*\{#[^}]*\}\s*$/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_]+)[*_](?=[\s).,?!:;]|$)/g, '$1$2')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1')
    .replace(/^\s*Q\s*\d*\s*[:：.]\s*/i, '')
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => code[Number(i)] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function pageTitle(path: string, frontTitle: string | undefined, body: string): string {
  if (frontTitle) return plainHeading(frontTitle);
  const h1 = /^#\s+(.+)$/m.exec(body);
  if (h1 && h1[1] !== undefined) return plainHeading(h1[1]);
  const base = path.split('/').pop() ?? path;
  const stem = base.replace(/\.mdx?$/i, '');
  const name = /^(_?index|readme)$/i.test(stem) ? (path.split('/').slice(-2, -1)[0] ?? stem) : stem;
  return name.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

// ---------------------------------------------------------------------------------------------------
// FAQ detection and splitting

export const FAQ_PATH = /(^|[\/_.-])(faqs?|frequently[-_ ]asked[-_ ]questions)([\/_.-]|$)/i;
export const FAQ_TITLE = /\bFAQs?\b|frequently asked/i;
const QUESTION_START = /^(how|what|what's|whats|why|when|where|which|who|whom|whose|can|could|does|do|did|is|are|was|were|should|shall|will|would|may|might|must|has|have|am)\b/i;
/** Headings that close a FAQ page rather than ask anything. */
const BOILERPLATE = [/^still have (any )?questions/i, /^(have|got|any) (more|other|further) questions/i, /^where can i find more answers/i];

export function isQuestion(text: string): boolean {
  return /\?\s*$/.test(text) || QUESTION_START.test(text);
}

interface Heading {
  line: number;
  level: number;
  raw: string;
}

function headings(lines: readonly string[]): Heading[] {
  const found: Heading[] = [];
  let fence: string | null = null;
  lines.forEach((line, i) => {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch && fenceMatch[1] !== undefined) {
      const c = fenceMatch[1][0] ?? '`';
      if (fence === null) fence = c;
      else if (c === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    const m = /^(#{1,6})\s+(.+?)\s*$/.exec(line);
    if (m && m[1] !== undefined && m[2] !== undefined) found.push({ line: i, level: m[1].length, raw: m[2] });
  });
  return found;
}

export interface FaqEntry {
  question: string;
  answer: string;
}

export interface SplitResult {
  seen: number;
  entries: FaqEntry[];
  skippedShort: number;
  skippedOther: number;
}

/** One entry per heading at the question level (the level most question-like headings use). */
export function splitFaq(body: string): SplitResult {
  const lines = body.split('\n');
  const all = headings(lines);
  const byLevel = new Map<number, number>();
  for (const h of all) if (h.level >= 2 && isQuestion(plainHeading(h.raw))) byLevel.set(h.level, (byLevel.get(h.level) ?? 0) + 1);
  let level = 0;
  let best = 0;
  for (const [l, n] of [...byLevel.entries()].sort((a, b) => a[0] - b[0])) if (n > best) [level, best] = [l, n];
  const result: SplitResult = { seen: 0, entries: [], skippedShort: 0, skippedOther: 0 };
  if (level === 0) return result;
  all.forEach((h, i) => {
    if (h.level !== level) return;
    result.seen++;
    const question = plainHeading(h.raw);
    let end = lines.length;
    for (const next of all.slice(i + 1)) {
      if (next.level <= level) {
        end = next.line;
        break;
      }
    }
    const answer = lines
      .slice(h.line + 1, end)
      .join('\n')
      .replace(/^\s*A\s*[:：]\s*/, '')
      .replace(/(\n\s*(-{3,}|\*{3,}|_{3,})\s*)+$/, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (!isQuestion(question) || BOILERPLATE.some((re) => re.test(question))) result.skippedOther++;
    else if (countWords(answer) < MIN_ANSWER_WORDS) result.skippedShort++;
    else result.entries.push({ question, answer });
  });
  return result;
}


export function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
}

/** Markdown reduced to its words, for comparing against plain question text. */
export function plainBody(body: string): string {
  return body.split('\n').map((l) => plainHeading(l.replace(/^\s*(#{1,6}|[-*+]|\d+\.|>)\s+/, ''))).join('\n');
}
