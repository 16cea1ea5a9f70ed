/**
 * Builds one FAQ retrieval dev set (knowledge/, questions.jsonl, manifest.json) from pinned commits of
 * public documentation repositories. The entry scripts (build-faq-large.ts, build-faq-more.ts) only name
 * their docsets and output folder; every rule lives here and in faq-markdown.ts / faq-typos.ts, so all
 * sets are built the same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cleanMarkdown, countWords, FAQ_PATH, FAQ_TITLE, fnv1a, MIN_ANSWER_WORDS, NON_ENGLISH, normalise, pageTitle, plainBody, splitFaq, type Page } from './faq-markdown.js';
import { makeTypo, needsContext } from './faq-typos.js';

export interface DocsetConfig {
  id: string;
  name: string;
  repo: string;
  commit: string;
  /** Folders (with trailing slash) or single files, relative to the repository root, that make up the docs. */
  roots: string[];
  /** Folders or files under the roots that are left out (changelogs and the like); recorded in the manifest when set. */
  skip?: string[];
}

/** At most this many distractor pages per docset (chosen by a stable hash of the path when there are more). */
const MAX_DISTRACTORS = 300;
const TYPO_SEED = 20240611;

function git(gitDir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

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
  skip?: string[];
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
  // A notice that puts the content under CC BY and only the code samples under Apache: the docs are content.
  if (/content of this repository is licensed under the\s+Creative Commons Attribution 4\.0/.test(text)) return 'CC-BY-4.0';
  if (/Apache License/.test(text) && /Version 2\.0/.test(text)) return 'Apache-2.0';
  if (/MIT License|Permission is hereby granted, free of charge/.test(text)) return 'MIT';
  if (/BSD 2-Clause/.test(text)) return 'BSD-2-Clause';
  if (/Attribution 4\.0 International/.test(text) && !/NonCommercial|ShareAlike/.test(text)) return 'CC-BY-4.0';
  if (/Attribution-ShareAlike 4\.0 International/.test(text) && !/NonCommercial/.test(text)) return 'CC-BY-SA-4.0';
  throw new Error(`unrecognised licence in ${file}`);
}

function inRoots(path: string, roots: readonly string[]): boolean {
  return roots.some((r) => (r.endsWith('/') ? path.startsWith(r) : path === r));
}

export interface BuildOptions {
  docsets: readonly DocsetConfig[];
  /** Git dir per docset id; each must hold that docset's pinned commit. */
  gitDirs: ReadonlyMap<string, string>;
  outDir: string;
  /** Recorded in manifest.json as `generated_by`. */
  generatedBy: string;
}

export function buildFaqDevset({ docsets, gitDirs, outDir, generatedBy }: BuildOptions): { pairs: number; distractorPages: number } {
  const missing = docsets.filter((d) => !gitDirs.has(d.id)).map((d) => `${d.id} (${d.repo} @ ${d.commit})`);
  if (missing.length > 0) throw new Error(`missing git dirs for: ${missing.join(', ')}`);

  rmSync(join(outDir, 'knowledge'), { recursive: true, force: true });
  mkdirSync(join(outDir, 'knowledge', 'faq'), { recursive: true });
  const questions: Question[] = [];
  const stats: DocsetStats[] = [];
  const written = new Map<string, string>();

  for (const docset of docsets) {
    const gitDir = gitDirs.get(docset.id) ?? '';
    const commit = git(gitDir, ['rev-parse', '--verify', `${docset.commit}^{commit}`]).trim();
    if (commit !== docset.commit) throw new Error(`${docset.id}: ${gitDir} resolves ${docset.commit} to ${commit}`);
    const licence = detectLicence(gitDir, commit);
    const paths = git(gitDir, ['ls-tree', '-r', '--name-only', commit])
      .split('\n')
      .filter((p) => p !== '' && /\.mdx?$/i.test(p) && inRoots(p, docset.roots) && !inRoots(p, docset.skip ?? []) && !NON_ENGLISH.test(p))
      .sort();
    const pages: Page[] = paths.map((path) => {
      const { title, body } = cleanMarkdown(git(gitDir, ['show', `${commit}:${path}`]));
      return { path, title: pageTitle(path, title, body), body };
    });
    const faqPages = pages.filter((p) => FAQ_PATH.test(p.path) || FAQ_TITLE.test(p.title));
    const s: DocsetStats = {
      id: docset.id, name: docset.name, repo: docset.repo, commit, licence, roots: docset.roots, ...(docset.skip ? { skip: docset.skip } : {}),
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
        // A repeat of an earlier question, or an answer that quotes its own question (in a list of related
        // discussions, say), which would give the question away.
        if (seenQuestions.has(key) || normalise(plainBody(entry.answer)).includes(key)) {
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
    generated_by: generatedBy,
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
  return { pairs: questions.length, distractorPages: manifest.totals.distractor_pages };
}

/**
 * The command line shared by the entry scripts: `<docset>=<git dir> … [--out DIR]`, every docset given.
 */
export function runBuilder(script: string, docsets: readonly DocsetConfig[], defaultOutDir: string, argv: readonly string[]): void {
  let outDir = defaultOutDir;
  const gitDirs = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--out') outDir = argv[++i] ?? outDir;
    else if (/^[a-z0-9]+=/.test(arg)) gitDirs.set(arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1));
    else throw new Error(`unexpected argument ${arg}; usage: ${script} <docset>=<git dir> … [--out DIR]`);
  }
  const built = buildFaqDevset({ docsets, gitDirs, outDir, generatedBy: `bench/devsets/${script}` });
  console.log(`${built.pairs} questions, ${built.distractorPages} distractor pages → ${outDir}`);
}
