/**
 * Builds the "faq-large" retrieval dev set from snapshots of public documentation repositories.
 *
 *   npx tsx bench/devsets/build-faq-large.ts <docset>=<git dir> [<docset>=<git dir> …] [--out DIR]
 *
 * Each <git dir> is a clone (bare or not) that holds the commit pinned in DOCSETS below; files are read
 * with `git show <commit>:<path>`, so the working tree, if any, is never used. Every docset must be
 * given. The output (knowledge/, questions.jsonl, manifest.json) depends only on the pinned commits:
 * running it twice gives byte-identical files. The rules are in faq-build.ts, shared with faq-more.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuilder, type DocsetConfig } from './faq-build.js';

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

if (/build-faq-large\.ts$/.test(process.argv[1] ?? '')) {
  runBuilder('build-faq-large.ts', DOCSETS, join(dirname(fileURLToPath(import.meta.url)), 'faq-large'), process.argv.slice(2));
}
