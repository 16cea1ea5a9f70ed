import { describe, expect, it } from 'vitest';
import { withoutMarkup } from '../../src/knowledge/markup.js';

const lines = (text: string) => text.split('\n');
const blank = (line: string) => line.trim() === '';

describe('withoutMarkup', () => {
  it.each([
    ['a JSX tag with attributes', '  <TabItem value="cli" label="CLI">'],
    ['a closing tag', '</TabItem>'],
    ['several tags', '<p align="center"><img src="/img/flow.png" alt="flow" /></p>'],
    ['an anchor', '<a name="restore"></a>'],
    ['a JSX expression holding ">"', '<Button onClick={() => go()}>'],
    ['a Hugo shortcode', '{{< alert title="Retention" color="warning" >}}'],
    ['a Hugo closing shortcode', '{{% /steps %}}'],
    ['a Liquid tag', '{% include note.html %}'],
    ['the close of an admonition', ':::'],
    ['an MDX import', "import Tabs from '@theme/Tabs';"],
    ['an MDX side-effect import', "import './styles.css';"],
    ['an MDX export', 'export const toc = [];'],
  ])('blanks %s', (_, line) => {
    const text = ['Intro.', line, 'After.'].join('\n');
    const shown = withoutMarkup(text);
    expect(lines(shown)).toEqual(['Intro.', ' '.repeat(line.length), 'After.']);
  });

  it.each([
    ['words between inline tags', '<span class="note">Deploys pause at 3pm.</span>'],
    ['an admonition opener, the box title the site shows', ':::caution Freeze'],
    ['a bare admonition opener', ':::tip'],
    ['an autolink', '<https://example.com/runbook>'],
    ['an e-mail autolink', '<ops@example.com>'],
    ['a sentence that starts with a tag', '<kbd>Ctrl</kbd> + C stops it.'],
    ['prose that starts with "import"', 'import the dashboard from the JSON file in the repo.'],
    ['a MkDocs admonition', '!!! warning "Never run FLUSHALL"'],
    ['the tag that opens preformatted text, read whole as code', '<pre lang="mermaid">'],
  ])('keeps %s', (_, line) => {
    const text = ['Intro.', line, 'After.'].join('\n');
    expect(withoutMarkup(text)).toBe(text);
  });

  it('reads a disclosure\'s summary line as the bold line the page shows', () => {
    const text = ['<details>', '  <summary>Why is search slow on Mondays?</summary>', 'The weekly reindex runs then.', '</details>'].join('\n');
    expect(lines(withoutMarkup(text))).toEqual([' '.repeat(9), '  **Why is search slow on Mondays?**', 'The weekly reindex runs then.', ' '.repeat(10)]);
    const styled = '<summary><strong>telegraf.conf</strong></summary>';
    expect(withoutMarkup(styled)).toBe(styled);
  });

  it('reads a summary on the line of the <details> that opens it as that bold line too', () => {
    const text = ['<details open><summary>Where do search logs go?</summary>', 'To Kibana.', '</details>'].join('\n');
    expect(lines(withoutMarkup(text))).toEqual(['**Where do search logs go?**', 'To Kibana.', ' '.repeat(10)]);
  });

  it('keeps every line where it was, and the text between tags', () => {
    const text = ['# Rolling back', '', '<Tabs>', '  <TabItem value="cli">', '', 'Run `kubectl argo rollouts undo api`.', '', '  </TabItem>', '</Tabs>'].join('\n');
    const shown = lines(withoutMarkup(text));
    expect(shown).toHaveLength(lines(text).length);
    expect(shown[0]).toBe('# Rolling back');
    expect(shown[5]).toBe('Run `kubectl argo rollouts undo api`.');
    expect([2, 3, 7, 8].every((i) => blank(shown[i] ?? 'x'))).toBe(true);
  });

  it('blanks a multi-line import up to its "from"', () => {
    const text = ['import {', '  Tabs,', '  TabItem,', "} from '@theme/Tabs';", '', 'Deploys go out with a canary.'].join('\n');
    const shown = lines(withoutMarkup(text));
    expect(shown.slice(0, 4).every(blank)).toBe(true);
    expect(shown[5]).toBe('Deploys go out with a canary.');
  });

  it('blanks a script or style element whole, and only up to its close', () => {
    const text = ['<script>', 'const secret = "tracking";', '</script>', 'Backups run nightly.', '<style>.box { color: red }</style>'].join('\n');
    const shown = lines(withoutMarkup(text));
    expect(shown.slice(0, 3).every(blank)).toBe(true);
    expect(shown[3]).toBe('Backups run nightly.');
    expect(blank(shown[4] ?? 'x')).toBe(true);
  });

  it('blanks only the opener of a script that never closes before the next heading', () => {
    const text = ['<script>', 'Backups run nightly.', '## Restore', 'Restore from the snapshot.', '</script>'].join('\n');
    const shown = lines(withoutMarkup(text));
    expect(blank(shown[0] ?? 'x')).toBe(true);
    expect(shown[1]).toBe('Backups run nightly.');
    expect(shown[3]).toBe('Restore from the snapshot.');
  });

  it('leaves code and front matter as written', () => {
    const text = ['---', 'title: <b>Deploys</b>', '---', '```jsx', '<Tabs>', "import x from 'y';", '```', '</Tabs>'].join('\n');
    const shown = lines(withoutMarkup(text));
    expect(shown.slice(0, 7)).toEqual(lines(text).slice(0, 7));
    expect(blank(shown[7] ?? 'x')).toBe(true);
  });

  it('returns the note itself when it holds no markup', () => {
    const text = 'Backups run nightly and are kept for 35 days.';
    expect(withoutMarkup(text)).toBe(text);
  });

  it('keeps the text between many script openers that never close', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? '<script>' : `line ${i}`)).join('\n');
    const shown = lines(withoutMarkup(text));
    expect(shown).toHaveLength(20_000);
    expect(shown[1]).toBe('line 1');
    expect(blank(shown[0] ?? 'x')).toBe(true);
  });
});
