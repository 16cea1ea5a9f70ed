/**
 * The opening line of a box a notes app or docs site draws (an Obsidian or GitHub callout `> [!warning] Before a
 * major upgrade`, a Docusaurus admonition `:::caution Freeze`, an MkDocs admonition `!!! warning "Never run
 * FLUSHALL"` or tab `=== "Staging"`) is shown as the title the box shows, in bold: chat has no boxes, and the marker
 * as written reads as noise. Code is left as written.
 */

const FENCE = /^\s*(```|~~~)/;
const CALLOUT = /^(\s*(?:>\s*)+)\[!([\w-]+)\][+-]?[ \t]*(.*?)\s*$/;
const ADMONITION = /^(\s*):{3,}[ \t]*\{?([\w-]+)\}?[ \t]*(.*?)\s*$/;
const MKDOCS_BOX = /^(\s*)(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+"(.*)")?\s*$/;
const MKDOCS_TAB = /^(\s*)===[ \t]+"(.+)"\s*$/;

/** The Markdown with each box's opening line as its bold title (see above). */
export function withBoxTitles(markdown: string): string {
  if (!/\[!|:::|!!!|\?\?\?|===/.test(markdown)) return markdown;
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (FENCE.test(line)) fenced = !fenced;
      return fenced ? line : titled(line);
    })
    .join('\n');
}

function titled(line: string): string {
  const callout = CALLOUT.exec(line);
  if (callout) return `${callout[1] ?? ''}${title(callout[2] ?? '', callout[3] ?? '')}`;
  const admonition = ADMONITION.exec(line);
  if (admonition) return `${admonition[1] ?? ''}${title(admonition[2] ?? '', admonition[3] ?? '')}`;
  const box = MKDOCS_BOX.exec(line);
  if (box) return `${box[1] ?? ''}${title(box[2] ?? '', box[3] ?? '')}`;
  const tab = MKDOCS_TAB.exec(line);
  if (tab) return `${tab[1] ?? ''}**${tab[2] ?? ''}**`;
  return line;
}

/** "warning" and "Before a major upgrade" → `**Warning: Before a major upgrade**`; the kind alone when there is no title. */
function title(kind: string, text: string): string {
  const name = kind.charAt(0).toUpperCase() + kind.slice(1).toLowerCase();
  return text === '' ? `**${name}**` : `**${name}: ${text}**`;
}
