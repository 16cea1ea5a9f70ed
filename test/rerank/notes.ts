/**
 * Notes of more than 50 sections, so that sections are ranked: two about operator bundles, one of them (the
 * trimming advice) answering "too big" in other words, and filler notes on unrelated topics.
 */
const FILLER = Object.fromEntries(
  Array.from({ length: 60 }, (_, i) => [`filler-${String(i).padStart(2, '0')}.md`, `# Topic ${i}\n\nThe garden ${i} needs water and light on day ${i}; prune the roses every spring.\n`]),
);

export const BUNDLE_NOTES: Record<string, string> = {
  'bundle-limits.md': '# Bundle limits\n\nOperator bundles have a size limitation: the operator bundle manifests become one configMap, and the API refuses configMaps over 1 MB.\n',
  'trimming.md': '# Trimming\n\nWhen an operator bundle grows too large, drop old CRD versions and shorten the API documentation.\n',
  ...FILLER,
};

export const TOO_BIG = 'my operator bundle is too big, what can I do?';

/** What the test encoder treats as one meaning. */
export const SIZE_CONCEPT = [['big', 'large', 'huge']] as const;

/**
 * Two notes with the words of "how do I reset my password?": release notes, which have them more often and rank
 * first by words alone, and the sign-in help that answers it, nearer in meaning to the Universal Sentence Encoder.
 */
export const PASSWORD_NOTES: Record<string, string> = {
  'release-notes.md': '# Release 4.2\n\nThe reset button beside the password field of the admin form has a new tooltip, and dark mode colours in the password form and the reset dialog were fixed.\n',
  'sign-in-help.md': '# Sign-in help\n\nForgot your password? Choose Forgot password on the sign-in page, and we email you a link to reset it.\n',
  ...FILLER,
};

export const RESET = 'How do I reset my password?';
