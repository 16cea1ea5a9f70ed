/**
 * Builds the "faq-large" retrieval dev set from snapshots of public documentation repositories.
 *
 *   npx tsx bench/devsets/build-faq-large.ts <docset>=<git dir> [<docset>=<git dir> …] [--out DIR]
 *
 * Each <git dir> is a clone (bare or not) that holds the commit pinned in DOCSETS below; files are read
 * with `git show <commit>:<path>`, so the working tree, if any, is never used. Every docset must be
 * given. The output (knowledge/, questions.jsonl, manifest.json) depends only on the pinned commits:
 * running it twice gives byte-identical files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seeded, type Random } from '../random.js';

interface DocsetConfig {
  id: string;
  name: string;
  repo: string;
  commit: string;
  /** Folders (with trailing slash) or single files, relative to the repository root, that make up the docs. */
  roots: string[];
}

export const DOCSETS: readonly DocsetConfig[] = [
  { id: 'milvus', name: 'Milvus', repo: 'milvus-io/milvus-docs', commit: '54a32fdaebb0cd177619e76959d1e842dff3bbb1', roots: ['site/en/'] },
  { id: 'influxdb', name: 'InfluxDB', repo: 'influxdata/docs-v2', commit: '79332006271f9d416c054e22c1433f0a26c49c41', roots: ['content/influxdb/v1/'] },
  { id: 'apisix', name: 'Apache APISIX', repo: 'apache/apisix', commit: 'f519a0f04ccfd4c13b5d06caf34bcde8c8593980', roots: ['docs/en/latest/'] },
  { id: 'flinkcdc', name: 'Flink CDC', repo: 'apache/flink-cdc', commit: '23fb108e9bea7f689230fa188e5f80c6eef0dbc3', roots: ['docs/content/docs/'] },
  { id: 'homebrew', name: 'Homebrew', repo: 'Homebrew/brew', commit: 'aad366ffaf6a8c94c66d35e4b990d42ac4195305', roots: ['docs/'] },
  { id: 'seatunnel', name: 'SeaTunnel', repo: 'apache/seatunnel', commit: '15431c94d9b9f34839173d67c1b638f058f58722', roots: ['docs/en/'] },
  { id: 'pnpm', name: 'pnpm', repo: 'pnpm/pnpm.io', commit: '4096ad35b19c7d7e0c2c64c704c57daf5bb91668', roots: ['docs/'] },
  { id: 'linkerd', name: 'Linkerd', repo: 'linkerd/website', commit: '93f001753363bba09eafd81e290512f89f4697ed', roots: ['linkerd.io/content/2.19/', 'linkerd.io/content/faq/'] },
];

/** Answers shorter than this (in words) are skipped: too little to retrieve on. */
const MIN_ANSWER_WORDS = 15;
/** At most this many distractor pages per docset (chosen by a stable hash of the path when there are more). */
const MAX_DISTRACTORS = 300;
const TYPO_SEED = 20240611;

// ---------------------------------------------------------------------------------------------------
// Hashing, git and word counting

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function git(gitDir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** Words a reader sees: link targets, images, HTML tags and bare URLs do not count. */
function countWords(text: string): number {
  const visible = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\b[a-z]+:\/\/\S+/gi, ' ');
  return (visible.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu) ?? []).length;
}

const NON_ENGLISH = /(^|\/)(i18n|zh|zh-cn|zh_cn|zh-hans|ja|ko|es|fr|de|pt|pt-br|ru|it|tr|uk)(\/|$)/i;

// ---------------------------------------------------------------------------------------------------
// Markdown clean-up (deliberately general: the same rules for every docset)

interface Page {
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

function cleanMarkdown(raw: string): { title: string | undefined; body: string } {
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

function pageTitle(path: string, frontTitle: string | undefined, body: string): string {
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

const FAQ_PATH = /(^|[\/_.-])(faqs?|frequently[-_ ]asked[-_ ]questions)([\/_.-]|$)/i;
const FAQ_TITLE = /\bFAQs?\b|frequently asked/i;
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

interface FaqEntry {
  question: string;
  answer: string;
}

interface SplitResult {
  seen: number;
  entries: FaqEntry[];
  skippedShort: number;
  skippedOther: number;
}

/** One entry per heading at the question level (the level most question-like headings use). */
function splitFaq(body: string): SplitResult {
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

// ---------------------------------------------------------------------------------------------------
// Typos

const STOP = new Set(
  ('a an the and or but if of to in on at by for from with without into onto about as is are was were be been being am do does did done ' +
    'have has had having can could should would will shall may might must not no yes i me my we our us you your it its this that these those ' +
    'there their them they he she his her what whats how why when where which who whom whose than then so such some any all each every ' +
    'other more most much many very just also only too up out over under again any use used using get got make made way need want one two').split(' '),
);

const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbours(c: string): string[] {
  const lower = c.toLowerCase();
  for (let r = 0; r < KEY_ROWS.length; r++) {
    const row = KEY_ROWS[r] ?? '';
    const col = row.indexOf(lower);
    if (col < 0) continue;
    const near: string[] = [];
    for (const [dr, dc] of [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, -1], [1, 0]] as const) {
      const k = KEY_ROWS[r + dr]?.[col + dc];
      if (k) near.push(k);
    }
    return near.map((k) => (c === lower ? k : k.toUpperCase()));
  }
  return [];
}

type TypoKind = 'del' | 'dup' | 'swap' | 'sub';

function typoWord(word: string, kind: TypoKind, random: Random): string {
  // Keep the first letter: people rarely get it wrong and it keeps the word recognisable.
  const at = random.int(1, word.length - 1);
  switch (kind) {
    case 'del':
      return word.slice(0, at) + word.slice(at + 1);
    case 'dup':
      return word.slice(0, at + 1) + word.slice(at);
    case 'swap': {
      const i = Math.min(at, word.length - 2);
      return word[i] === word[i + 1] ? word : word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
    }
    case 'sub': {
      const near = neighbours(word[at] ?? '');
      return near.length === 0 ? word : word.slice(0, at) + random.pick(near) + word.slice(at + 1);
    }
  }
}

interface Token {
  word: string;
  start: number;
}

/** Plain alphabetic words of 4+ letters that are not part of code, paths, contractions or identifiers. */
function typoCandidates(question: string): Token[] {
  const found: Token[] = [];
  for (const m of question.matchAll(/[A-Za-z]+/g)) {
    const start = m.index ?? 0;
    const word = m[0];
    const before = question[start - 1] ?? ' ';
    const after = question[start + word.length] ?? ' ';
    if (word.length < 4 || new Set(word.toLowerCase()).size < 3 || /[\w'’./\\:@=-]/.test(before) || /[\w'’/\\@=_(-]/.test(after) || (after === '.' && /\w/.test(question[start + word.length + 1] ?? ''))) continue;
    found.push({ word, start });
  }
  return found;
}

export function makeTypo(question: string, seed: number): { text: string; ops: string[] } {
  const random = seeded(seed);
  const candidates = typoCandidates(question);
  const content = candidates.filter((t) => !STOP.has(t.word.toLowerCase()));
  // Never the only content word when another 4+ letter word can take the typo instead.
  let pool = content.length === 1 && candidates.length > 1 ? candidates.filter((t) => t !== content[0]) : content.length > 0 ? content : candidates;
  const wanted = pool.length >= 2 && random.chance(0.45) ? 2 : 1;
  const ops: string[] = [];
  const edits: { start: number; from: string; to: string }[] = [];
  const kinds: TypoKind[] = ['del', 'dup', 'swap', 'sub'];
  for (let attempt = 0; edits.length < wanted && pool.length > 0 && attempt < 20; attempt++) {
    const token = random.pick(pool);
    const kind = random.pick(kinds);
    const to = typoWord(token.word, kind, random);
    if (to === token.word || to.toLowerCase() === token.word.toLowerCase()) continue;
    edits.push({ start: token.start, from: token.word, to });
    ops.push(`${kind}:${token.word}->${to}`);
    pool = pool.filter((t) => t !== token);
  }
  let text = question;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.to + text.slice(e.start + e.from.length);
  const order = new Map(edits.map((e, i) => [e.start, i]));
  const sortedOps = [...edits].sort((a, b) => a.start - b.start).map((e) => ops[order.get(e.start) ?? 0] ?? '');
  return { text, ops: sortedOps };
}

// ---------------------------------------------------------------------------------------------------
// needs_context: a question that names nothing ("How do I do that?"), leans on a pronoun for its subject
// ("Does it work on Windows?") or carries on from the one before ("What about …?", "But …?") only makes
// sense beside its page title.

const ELLIPTICAL = /^(?:(?:does|do|is|are|can|will|would|should|could)\s+(?:it|this|that|they|these|those)\b|(?:what|how)\s+about\b|(?:but|and|so)\b)/i;

export function needsContext(question: string): boolean {
  const words = (question.toLowerCase().match(/[a-z][a-z0-9]*/g) ?? []).filter((w) => w.length >= 3 && !STOP.has(w));
  return words.length === 0 || ELLIPTICAL.test(question);
}

// ---------------------------------------------------------------------------------------------------
// Build

interface Question {
  id: string;
  question: string;
  question_typo: string;
  gold: string;
  docset: string;
  needs_context: boolean;
  source: string;
  typo_ops: string[];
  half: 'tune' | 'report';
}

interface DocsetStats {
  id: string;
  name: string;
  repo: string;
  commit: string;
  licence: string;
  roots: string[];
  source_files: number;
  faq_pages: number;
  faq_page_paths: string[];
  faq_entries_seen: number;
  pairs: number;
  skipped_short: number;
  skipped_other: number;
  distractor_pages: number;
  distractors_not_kept: number;
}

function detectLicence(gitDir: string, commit: string): string {
  const names = git(gitDir, ['ls-tree', '--name-only', commit]).split('\n');
  const file = names.find((n) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(n));
  if (!file) throw new Error(`no LICENSE file at the root of ${commit}`);
  const text = git(gitDir, ['show', `${commit}:${file}`]);
  if (/Apache License/.test(text) && /Version 2\.0/.test(text)) return 'Apache-2.0';
  if (/MIT License|Permission is hereby granted, free of charge/.test(text)) return 'MIT';
  if (/BSD 2-Clause/.test(text)) return 'BSD-2-Clause';
  if (/Attribution 4\.0 International/.test(text) && !/NonCommercial|ShareAlike/.test(text)) return 'CC-BY-4.0';
  throw new Error(`unrecognised licence in ${file}`);
}

function inRoots(path: string, roots: readonly string[]): boolean {
  return roots.some((r) => (r.endsWith('/') ? path.startsWith(r) : path === r));
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
}

function main(): void {
  const argv = process.argv.slice(2);
  const here = dirname(fileURLToPath(import.meta.url));
  let outDir = join(here, 'faq-large');
  const gitDirs = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--out') outDir = argv[++i] ?? outDir;
    else if (/^[a-z0-9]+=/.test(arg)) gitDirs.set(arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1));
    else throw new Error(`unexpected argument ${arg}; usage: build-faq-large.ts <docset>=<git dir> … [--out DIR]`);
  }
  const missing = DOCSETS.filter((d) => !gitDirs.has(d.id)).map((d) => `${d.id} (${d.repo} @ ${d.commit})`);
  if (missing.length > 0) throw new Error(`missing git dirs for: ${missing.join(', ')}`);

  rmSync(join(outDir, 'knowledge'), { recursive: true, force: true });
  mkdirSync(join(outDir, 'knowledge', 'faq'), { recursive: true });
  const questions: Question[] = [];
  const stats: DocsetStats[] = [];
  const written = new Map<string, string>();

  for (const docset of DOCSETS) {
    const gitDir = gitDirs.get(docset.id) ?? '';
    const commit = git(gitDir, ['rev-parse', '--verify', `${docset.commit}^{commit}`]).trim();
    if (commit !== docset.commit) throw new Error(`${docset.id}: ${gitDir} resolves ${docset.commit} to ${commit}`);
    const licence = detectLicence(gitDir, commit);
    const paths = git(gitDir, ['ls-tree', '-r', '--name-only', commit])
      .split('\n')
      .filter((p) => p !== '' && /\.mdx?$/i.test(p) && inRoots(p, docset.roots) && !NON_ENGLISH.test(p))
      .sort();
    const pages: Page[] = paths.map((path) => {
      const { title, body } = cleanMarkdown(git(gitDir, ['show', `${commit}:${path}`]));
      return { path, title: pageTitle(path, title, body), body };
    });
    const faqPages = pages.filter((p) => FAQ_PATH.test(p.path) || FAQ_TITLE.test(p.title));
    const s: DocsetStats = {
      id: docset.id, name: docset.name, repo: docset.repo, commit, licence, roots: docset.roots,
      source_files: pages.length, faq_pages: faqPages.length, faq_page_paths: [], faq_entries_seen: 0,
      pairs: 0, skipped_short: 0, skipped_other: 0, distractor_pages: 0, distractors_not_kept: 0,
    };
    const seenQuestions = new Set<string>();
    const docsetQuestions: Question[] = [];
    for (const page of faqPages) {
      const split = splitFaq(page.body);
      if (split.seen > 0) s.faq_page_paths.push(page.path);
      s.faq_entries_seen += split.seen;
      s.skipped_short += split.skippedShort;
      s.skipped_other += split.skippedOther;
      for (const entry of split.entries) {
        const key = normalise(entry.question);
        if (seenQuestions.has(key)) {
          s.skipped_other++;
          continue;
        }
        seenQuestions.add(key);
        const id = `${docset.id}-${String(docsetQuestions.length + 1).padStart(3, '0')}`;
        const gold = `faq/${id}.md`;
        written.set(gold, `# ${docset.name}: ${page.title}\n\n${entry.answer}\n`);
        const typo = makeTypo(entry.question, fnv1a(`${TYPO_SEED}:${id}`));
        docsetQuestions.push({
          id, question: entry.question, question_typo: typo.text, gold, docset: docset.id,
          needs_context: needsContext(entry.question), source: `${docset.repo}@${commit.slice(0, 12)}:${page.path}`,
          typo_ops: typo.ops, half: 'tune',
        });
      }
    }
    // Halves: questions ordered by a hash of their id and dealt out alternately, so each docset is split
    // evenly; a hash of the docset id decides which half gets the odd one out.
    const first = fnv1a(`half:${docset.id}`) % 2;
    [...docsetQuestions]
      .sort((a, b) => fnv1a(`half:${a.id}`) - fnv1a(`half:${b.id}`) || (a.id < b.id ? -1 : 1))
      .forEach((q, i) => (q.half = (i + first) % 2 === 0 ? 'tune' : 'report'));
    s.pairs = docsetQuestions.length;
    questions.push(...docsetQuestions);

    // Distractors: every other page with some text, none that repeats a question of this set word for word.
    const asked = docsetQuestions.map((q) => normalise(q.question));
    const candidates = pages
      .filter((p) => !faqPages.includes(p) && countWords(p.body) >= 20)
      .filter((p) => {
        const text = normalise(plainBody(p.body));
        const keep = !asked.some((q) => text.includes(q));
        if (!keep) s.distractors_not_kept++;
        return keep;
      });
    const kept = candidates.length <= MAX_DISTRACTORS ? candidates : [...candidates].sort((a, b) => fnv1a(a.path) - fnv1a(b.path) || (a.path < b.path ? -1 : 1)).slice(0, MAX_DISTRACTORS);
    s.distractors_not_kept += candidates.length - kept.length;
    for (const page of kept) {
      const name = page.path.replace(/\.mdx?$/i, '').replace(/\//g, '__') + '.md';
      const hasH1 = /^#\s+\S/m.test(page.body.split('\n').find((l) => l.trim() !== '') ?? '');
      written.set(`docs/${docset.id}/${name}`, `${hasH1 ? '' : `# ${page.title}\n\n`}${page.body}\n`);
    }
    s.distractor_pages = kept.length;
    stats.push(s);
  }

  for (const [rel, text] of [...written.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const file = join(outDir, 'knowledge', rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  writeFileSync(join(outDir, 'questions.jsonl'), questions.map((q) => JSON.stringify(q)).join('\n') + '\n');
  const manifest = {
    generated_by: 'bench/devsets/build-faq-large.ts',
    min_answer_words: MIN_ANSWER_WORDS,
    max_distractors_per_docset: MAX_DISTRACTORS,
    docsets: stats,
    totals: {
      docsets: stats.length,
      pairs: questions.length,
      answer_files: questions.length,
      distractor_pages: stats.reduce((n, s) => n + s.distractor_pages, 0),
      tune: questions.filter((q) => q.half === 'tune').length,
      report: questions.filter((q) => q.half === 'report').length,
      questions_without_typo: questions.filter((q) => q.question_typo === q.question).length,
      needs_context_questions: questions.filter((q) => q.needs_context).length,
    },
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`${questions.length} questions, ${manifest.totals.distractor_pages} distractor pages → ${outDir}`);
}

/** Markdown reduced to its words, for comparing against plain question text. */
function plainBody(body: string): string {
  return body.split('\n').map((l) => plainHeading(l.replace(/^\s*(#{1,6}|[-*+]|\d+\.|>)\s+/, ''))).join('\n');
}

if (/build-faq-large\.ts$/.test(process.argv[1] ?? "")) main();
