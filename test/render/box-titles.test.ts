import { describe, expect, it } from 'vitest';
import { withBoxTitles } from '../../src/render/box-titles.js';
import { markdownToMrkdwn } from '../../src/adapters/slack/mrkdwn.js';

describe('withBoxTitles', () => {
  it.each([
    ['an Obsidian or GitHub callout', '> [!warning] Before a major upgrade', '> **Warning: Before a major upgrade**'],
    ['a folded callout with no title', '> [!NOTE]-', '> **Note**'],
    ['a Docusaurus admonition', ':::caution Freeze', '**Caution: Freeze**'],
    ['a MyST admonition', ':::{tip}', '**Tip**'],
    ['an MkDocs admonition', '!!! warning "Never run FLUSHALL"', '**Warning: Never run FLUSHALL**'],
    ['a folded MkDocs admonition', '??? tip', '**Tip**'],
    ['an MkDocs tab', '=== "Staging"', '**Staging**'],
  ])('shows %s as its bold title', (_, line, shown) => {
    expect(withBoxTitles(`${line}\nThe text under it.`)).toBe(`${shown}\nThe text under it.`);
  });

  it('leaves code, and lines that only look alike, as written', () => {
    const text = ['```', ':::tip', '!!! note', '```', 'Ratio 3:::1 is fine.', 'Title', '==='].join('\n');
    expect(withBoxTitles(text)).toBe(text);
  });

  it('is what Slack shows', () => {
    expect(markdownToMrkdwn('> [!warning] Before a major upgrade\n> Take a snapshot first.')).toBe('> *Warning: Before a major upgrade*\n> Take a snapshot first.');
  });
});
