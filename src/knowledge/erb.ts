import { parseFrontMatter } from './frontmatter.js';
import { frontMatterLength, frontMatterText } from './markdown.js';

/**
 * Markdown that a site generator runs through ERB before rendering it, as Middleman and the GOV.UK tech-docs template
 * do (`deploying.html.md.erb`), read as the page shows it. Such pages open with `# <%= current_page.data.title %>`:
 * that heading is the front matter's title. An output tag that hands a helper words in quotes shows those words
 * (`<%= warning_text('Do not share this key') %>`, `<%= link_to 'the runbook', '/runbook' %>`); every other tag shows
 * nothing (`<% end %>`, `<%= partial 'partials/links' %>`, `<%# a comment %>`) and is taken out, so a line of tags
 * alone is left blank. Every line keeps its number. `<%%` is a literal `<%`, as ERB writes it.
 */

const TAG = /<%(?!%)([=#-]?)([\s\S]*?)-?=?%>/g;
/** A line left empty, or a heading left with no words (its title unknown). */
const NOTHING_SHOWN = /^\s*(?:#{1,6}\s*)?$/;
const PAGE_TITLE = /^\s*current_page\.data\.title\s*$/;
/** A helper's first argument, in quotes, holding words (a path such as `'partials/links'` holds no space). */
const QUOTED_WORDS = /^\s*[\w.]+\s*\(?\s*(?:'([^'\n]*\s[^'\n]*)'|"([^"\n]*\s[^"\n]*)")/;

/** The note with its ERB tags read as the page shows them; the same string when it holds none. */
export function withErbRead(text: string): string {
  if (!text.includes('<%')) return text;
  const start = frontMatterLength(text);
  const yaml = frontMatterText(text);
  const title = yaml === undefined ? undefined : parseFrontMatter(yaml).meta.title;
  const lines = text.slice(start).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.includes('<%')) continue;
    const shown = line.replace(TAG, (_, kind: string, code: string) => (kind === '=' ? shownBy(code, title) : '')).replaceAll('<%%', '<%');
    lines[i] = NOTHING_SHOWN.test(shown) ? ' '.repeat(line.length) : shown;
  }
  return text.slice(0, start) + lines.join('\n');
}

/** What an output tag's code shows on the page, as far as it can be known without running it. */
function shownBy(code: string, title: string | undefined): string {
  if (PAGE_TITLE.test(code)) return title ?? '';
  const quoted = QUOTED_WORDS.exec(code);
  return quoted?.[1] ?? quoted?.[2] ?? '';
}
