/** What a turn asks for; the same words mean the same thing on every surface. */
export type Intent = 'help' | 'gaps' | 'question';

export function intentOf(text: string): Intent {
  const trimmed = text.trim();
  if (trimmed === '' || /^(help|\?)$/i.test(trimmed)) return 'help';
  if (/^gaps$/i.test(trimmed)) return 'gaps';
  return 'question';
}
