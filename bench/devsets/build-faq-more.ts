/**
 * Builds the "faq-more" retrieval dev set: the same rules as faq-large (faq-build.ts), over documentation
 * repositories no other dev set uses, so the engine can be measured on questions it was never tuned on.
 *
 *   npx tsx bench/devsets/build-faq-more.ts <docset>=<git dir> [<docset>=<git dir> …] [--out DIR]
 *
 * Each <git dir> is a clone (bare or not) that holds the commit pinned in DOCSETS below; files are read
 * with `git show <commit>:<path>`, so the working tree, if any, is never used. Every docset must be
 * given. The output depends only on the pinned commits: running it twice gives byte-identical files.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuilder, type DocsetConfig } from './faq-build.js';

export const DOCSETS: readonly DocsetConfig[] = [
  { id: 'victoriametrics', name: 'VictoriaMetrics', repo: 'VictoriaMetrics/VictoriaMetrics', commit: 'b7ef6cc3ed35c607e053a8b7755fc3b896a10eaa', roots: ['docs/'], skip: ['docs/victoriametrics/changelog/', 'docs/anomaly-detection/CHANGELOG.md'] },
  { id: 'redux', name: 'Redux', repo: 'reduxjs/redux', commit: '3084fc33bb23ab4cab4796172eafe342da4e73d9', roots: ['docs/'] },
  { id: 'openebs', name: 'OpenEBS', repo: 'openebs/website', commit: '2eda012ce1a092a4afbe064635d980231b2ee025', roots: ['docs/main/'] },
  { id: 'nats', name: 'NATS', repo: 'nats-io/nats.docs', commit: '98856081c8843d9fa238b3ea96e1f72d07f31113', roots: ['nats-concepts/', 'reference/', 'running-a-nats-service/', 'using-nats/'] },
  { id: 'dolphinscheduler', name: 'DolphinScheduler', repo: 'apache/dolphinscheduler', commit: '7e0095dca198bfc50c59bbc10b3be5617d7b3229', roots: ['docs/docs/en/'] },
  { id: 'vue', name: 'Vue.js', repo: 'vuejs/docs', commit: '01e098a967951ea92d09b100b8e7d82c7a3369a2', roots: ['src/'] },
  { id: 'grpc', name: 'gRPC', repo: 'grpc/grpc.io', commit: '028a1d2a6d59daea0e496b3e68789bb60fa69f4a', roots: ['content/en/docs/'] },
  { id: 'valkey', name: 'Valkey', repo: 'valkey-io/valkey-doc', commit: 'fe8f96a2985efbae06a03805cd3f86811907d26a', roots: ['topics/'] },
  { id: 'poetry', name: 'Poetry', repo: 'python-poetry/poetry', commit: 'f46702336862f30050d5c641d5ed6f7568ded793', roots: ['docs/'] },
  { id: 'sveltekit', name: 'SvelteKit', repo: 'sveltejs/kit', commit: 'aa810a04146b98b77592f7b384347140d29ff599', roots: ['documentation/docs/'] },
  { id: 'electron', name: 'Electron', repo: 'electron/electron', commit: '96f3996d8d3ce6e2fcfb86326fc4b953b53936fb', roots: ['docs/faq.md', 'docs/tutorial/'] },
  { id: 'jaeger', name: 'Jaeger', repo: 'jaegertracing/documentation', commit: 'd9251ffa7b4b1891ce81cb6cf395b81cbde8255e', roots: ['content/docs/v2/2.20/'] },
];

if (/build-faq-more\.ts$/.test(process.argv[1] ?? '')) {
  runBuilder('build-faq-more.ts', DOCSETS, join(dirname(fileURLToPath(import.meta.url)), 'faq-more'), process.argv.slice(2));
}
