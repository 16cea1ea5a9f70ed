import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), '.env.example', 'slack-manifest.yml'];
/** Written by whoever runs lore in production; links point at it, so it must exist. */
const REQUIRED = ['docs/operations.md', 'docs/slack.md'];

/** `[text](target)` in Markdown. */
const LINK = /\[[^\]]*\]\(([^)\s]+)\)/g;
/** An inline code span on one line: `` `[text](target)` ``. */
const INLINE_CODE = /(`+)[^`\n]+?\1/g;
/** A path to a file or folder of the repository written as plain text, e.g. "see docs/slack.md". */
const REFERENCE = /(?<![\w./-])((?:docs|src|test|bench|knowledge|\.ci)\/[\w./-]*[\w/])/g;

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const heading of outsideCode(markdown).flatMap((line) => /^#{1,6} (.+)$/.exec(line)?.[1] ?? [])) {
    const slug = heading.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

function outsideCode(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    return !fenced;
  });
}

/** Every link and reference of `file` that does not resolve, as "file: target (why)". */
function broken(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const problems: string[] = [];
  const markdown = file.endsWith('.md');
  // An inline code span shows Markdown as written: a link in it is an example, not a link.
  const links = markdown ? outsideCode(text).map((line) => line.replace(INLINE_CODE, '')).join('\n') : text;
  for (const [, target = ''] of links.matchAll(LINK)) {
    if (/^[a-z][a-z+.-]*:/i.test(target)) continue;
    const [path = '', anchor] = target.split('#');
    const resolved = path === '' ? join(ROOT, file) : join(ROOT, dirname(file), path);
    if (!existsSync(resolved)) problems.push(`${file}: ${target} (no such file)`);
    else if (anchor !== undefined && resolved.endsWith('.md') && !anchors(readFileSync(resolved, 'utf8')).has(anchor)) {
      problems.push(`${file}: ${target} (no heading #${anchor} in ${relative(ROOT, resolved)})`);
    }
  }
  for (const [, reference = ''] of text.matchAll(REFERENCE)) {
    if (!existsSync(join(ROOT, reference)) && !existsSync(join(ROOT, dirname(file), reference))) problems.push(`${file}: ${reference} (no such file)`);
  }
  return problems;
}

describe('links in the documentation', () => {
  it.each(DOCS)('every relative link and file reference in %s resolves', (file) => {
    expect(broken(file)).toEqual([]);
  });

  it.each(REQUIRED)('%s exists', (file) => {
    expect(existsSync(join(ROOT, file))).toBe(true);
  });

  it('catches a dead link, a dead anchor and a dead plain reference', () => {
    expect(anchors('# A title: `with` code\n```\n# not a heading\n```\n## A title: with code\n')).toEqual(new Set(['a-title-with-code', 'a-title-with-code-1']));
    const sample = '[x](docs/nope.md) [y](README.md#no-such-heading) see docs/missing.md and [z](#contents)';
    expect([...sample.matchAll(LINK)].map((m) => m[1])).toEqual(['docs/nope.md', 'README.md#no-such-heading', '#contents']);
    expect([...sample.matchAll(REFERENCE)].map((m) => m[1])).toEqual(['docs/nope.md', 'docs/missing.md']);
  });
});

describe('the README and CI agree on the set-up commands', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it('runs the tests with npm test, after the PostgreSQL and OpenSSH checks, as the README says', () => {
    expect(readme).toContain('npm install && bash .ci/postgres && bash .ci/sshd && npm test');
    expect(ci.trim().split('\n').slice(-3)).toEqual(['bash .ci/postgres', 'bash .ci/sshd', 'npm test']);
    expect(scripts.test).toBe('tsc --noEmit && vitest run');
  });

  it('starts the bot with npm start, as the README says', () => {
    expect(readme).toContain('npm install && npm start');
    expect(scripts.start).toMatch(/^(exec )?node dist\/cli\.js serve$/);
  });
});
