import { describe, expect, it } from 'vitest';
import { runInProcess, runProcess } from './helpers.js';

const CITATION_KEYS = ['endLine', 'file', 'score', 'section', 'snippet', 'startLine'];
/** Added when the notes sit in a git work tree, as the bundled ones do in a clone of lore. */
const GIT_KEYS = ['changed', 'commit'];

describe('lore ask --json', () => {
  it('prints exactly the documented fields, best citation first', async () => {
    const { code, stdout } = await runInProcess(['ask', '--json', 'does fargate support daemonsets?']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown> & { citations: Record<string, unknown>[] };
    expect(Object.keys(result).sort()).toEqual(['answer', 'citations', 'found', 'question']);
    expect(result.question).toBe('does fargate support daemonsets?');
    expect(result.found).toBe(true);
    expect(result.answer).toMatch(/Deamon sets/);
    expect(result.citations.length).toBeGreaterThanOrEqual(1);
    for (const citation of result.citations) {
      expect(Object.keys(citation).filter((key) => !GIT_KEYS.includes(key)).sort()).toEqual(CITATION_KEYS);
    }
    expect(result.citations[0]).toMatchObject({ file: 'aws-containers.md' });
    const best = result.citations[0] as { startLine: number; endLine: number };
    expect(best.startLine).toBeLessThanOrEqual(38);
    expect(best.endLine).toBeGreaterThanOrEqual(38);
  });

  it('adds url to citations when KNOWLEDGE_BASE_URL is set', async () => {
    const { stdout } = await runInProcess(['ask', '--json', 'is the ECS control plane free?'], {
      env: { KNOWLEDGE_BASE_URL: 'https://git.example.com/notes/blob/main' },
    });
    const result = JSON.parse(stdout) as { citations: { url?: string; startLine: number; endLine: number }[] };
    const best = result.citations[0];
    expect(best?.url).toBe(`https://git.example.com/notes/blob/main/aws-containers.md?plain=1#L${best?.startLine}-L${best?.endLine}`);
  });

  it('--top caps the citations', async () => {
    const { stdout } = await runInProcess(['ask', '--json', '--top', '1', 'control plane']);
    expect((JSON.parse(stdout) as { citations: unknown[] }).citations).toHaveLength(1);
  });

  it('answers one JSON object per stdin line, skipping blank lines', async () => {
    const { code, stdout } = await runInProcess(['ask', '--json'], { stdin: 'what is ECR?\n\nhow do I bake sourdough bread?\n' });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { question: string; found: boolean; answer: string });
    expect(lines.map((line) => line.question)).toEqual(['what is ECR?', 'how do I bake sourdough bread?']);
    expect(lines[0]?.found).toBe(true);
    expect(lines[1]).toMatchObject({ found: false });
    expect(lines[1]?.answer).toContain("I couldn't find");
  });
});

describe('lore command line', () => {
  it.each([
    [['ask', '--bogus', 'x'], /Unknown option --bogus\./],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['ask', '--top', 'zero', 'x'], /--top must be a whole number from 1 to 10/],
    [['index', 'extra'], /takes no arguments/],
  ])('exits 2 with one line and a pointer to --help for %j', async (argv, message) => {
    const { code, stderr } = await runInProcess(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('See lore --help');
    expect(stderr).not.toContain('Usage:');
  });

  it('exits 2 with the usage when no command is given', async () => {
    const { code, stderr } = await runInProcess([]);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage:');
  });

  it('prints help and the version', async () => {
    expect((await runInProcess(['--help'])).stdout).toContain('lore ask "question"');
    expect((await runInProcess(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 1 with one clear line for a missing notes folder', async () => {
    const { code, stderr } = await runInProcess(['ask', 'x', '--knowledge', 'no/such/folder']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^lore: Knowledge folder .*no\/such\/folder does not exist/);
  });

  it('exits 1 naming the variables when the Slack configuration is incomplete', async () => {
    const { code, stderr } = await runInProcess(['serve'], { env: { SLACK_BOT_TOKEN: 'xoxb-1' } });
    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN or SLACK_SIGNING_SECRET');
  });

  it('lore index reports files, chunks and terms', async () => {
    const { code, stdout } = await runInProcess(['index', '--json']);
    expect(code).toBe(0);
    const stats = JSON.parse(stdout) as { files: number; chunks: number; terms: number; skipped: unknown[] };
    expect(stats.files).toBe(1);
    expect(stats.chunks).toBeGreaterThan(10);
    expect(stats.terms).toBeGreaterThan(100);
    expect(stats.skipped).toEqual([]);
  });
});

describe('npm start without chat tokens', () => {
  it('answers piped questions in the terminal and exits 0', async () => {
    const { code, stdout } = await runProcess(['serve'], 'does fargate support daemonsets?\n');
    expect(code).toBe(0);
    expect(stdout).toContain('Deamon sets');
    expect(stdout).toMatch(/Source: aws-containers\.md .*· L\d+–\d+/);
  });

  it('answers a typo-ridden question the same way', async () => {
    const { code, stdout } = await runProcess(['ask', 'fargte damonset suport'], '');
    expect(code).toBe(0);
    expect(stdout).toContain('Deamon sets');
  });
});
