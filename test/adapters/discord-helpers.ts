import { createDiscordAdapter } from '../../src/adapters/discord/client.js';
import type { Answer, AskContext, AskService, Citation, IndexStats } from '../../src/types.js';
import { FakeDiscord, type FakeDiscordOptions } from '../fakes/discord-server.js';
import type { ChatAdapter, FeedbackReports } from '../../src/types.js';
import { capturingLogger, type LogLine } from '../capturing-logger.js';

/** One quotable section of a fixture note. */
export interface FixtureSection {
  file: string;
  section: string;
  startLine: number;
  lines: string[];
}

export const FIXTURE: FixtureSection[] = [
  {
    file: 'aws-containers.md',
    section: 'ECS › Fargate-hosted worker nodes',
    startLine: 28,
    lines: [
      '- **Fargate-hosted worker nodes**',
      '  - Runs containers in **serverless** way, servers are `fully managed` by AWS',
      '  - **1 node per pod**',
      '    - This is why fargate NOT suitable for',
      '      - Stateful apps',
      '      - Daemon sets',
    ],
  },
  {
    file: 'aws-containers.md',
    section: 'EKS',
    startLine: 40,
    lines: ['- **Elastic Kubernetes Service (EKS)** - managed k8s service', '  - Control plane is **NOT** free'],
  },
  {
    file: 'team/on_call.md',
    section: 'Paging',
    startLine: 3,
    lines: ['Page the on_call person with @everyone in #ops, or ping <@&123456789012345678> for the *paging* role.'],
  },
  {
    file: 'big/handbook.md',
    section: 'Everything about onboarding',
    startLine: 1,
    lines: Array.from({ length: 400 }, (_, i) => `- onboarding step ${i + 1}: read the handbook page ${i + 1} and ask questions`),
  },
];

const STOP = new Set(['the', 'and', 'for', 'does', 'what', 'how', 'are', 'with', 'can', 'you', 'about', 'support']);

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !STOP.has(w));
}

/** A stem-ish match: "daemonsets" finds "daemon", "pods" finds "pod". */
function matches(term: string, noteWord: string): boolean {
  return term === noteWord || (noteWord.length >= 3 && term.startsWith(noteWord)) || (term.length >= 4 && noteWord.startsWith(term));
}

/**
 * A tiny AskService over {@link FIXTURE}: scores sections by how many question words they contain.
 * It records every call so tests can check the context the adapter passed.
 */
export class FixtureService implements AskService {
  readonly calls: { question: string; context: AskContext | undefined }[] = [];

  constructor(
    private readonly sections: FixtureSection[] = FIXTURE,
    private readonly behaviour: { failWhen?: (question: string) => boolean; delayMs?: number; baseUrl?: string } = {},
  ) {}

  async ask(question: string, context?: AskContext): Promise<Answer> {
    this.calls.push({ question, context });
    if (this.behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, this.behaviour.delayMs));
    if (this.behaviour.failWhen?.(question)) throw new Error('fixture engine exploded');
    const cleaned = question.replace(/[\u0000-\u001f]/g, ' ').slice(0, 2000).trim();
    const terms = [...new Set(words(cleaned))];
    const scored = this.sections
      .map((section) => {
        const noteWords = words(section.lines.join(' '));
        const hits = terms.filter((term) => noteWords.some((w) => matches(term, w)));
        const highlights = [...new Set(section.lines.join(' ').match(/[\p{L}\p{N}]+/gu) ?? [])].filter((w) =>
          hits.some((term) => matches(term, w.toLowerCase())),
        );
        return { section, score: hits.length, highlights };
      })
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score);
    const citations = scored.slice(0, 3).map((s) => this.citation(s.section, s.score));
    const best = scored[0];
    if (!best || best.score < Math.min(2, terms.length)) {
      return {
        question: cleaned,
        found: false,
        text: `I couldn't find anything about "${cleaned.slice(0, 80)}" in the notes.`,
        quote: [],
        highlights: [],
        citations,
        lookedFor: terms,
        reason: terms.length === 0 ? 'no-terms' : 'no-match',
      };
    }
    return {
      question: cleaned,
      found: true,
      text: best.section.lines.join('\n'),
      quote: best.section.lines,
      highlights: best.highlights,
      citations,
      lookedFor: terms,
    };
  }

  examples(count: number): string[] {
    return this.sections.slice(0, count).map((s) => `What about ${s.section.split(' › ').at(-1) ?? s.file}?`);
  }

  suggest(prefix: string, limit: number): string[] {
    const typed = prefix.trim().toLowerCase();
    return this.sections
      .map((s) => s.section.split(' › ').at(-1) ?? '')
      .filter((title) => title.toLowerCase().includes(typed))
      .slice(0, limit);
  }

  stats(): IndexStats {
    return { files: 3, chunks: this.sections.length, terms: 0, buildMs: 0, skipped: [], builtAt: new Date(0) };
  }

  private citation(section: FixtureSection, score: number): Citation {
    const endLine = section.startLine + section.lines.length - 1;
    return {
      file: section.file,
      startLine: section.startLine,
      endLine,
      section: section.section,
      snippet: section.lines.slice(0, 3).join('\n'),
      score,
      ...(this.behaviour.baseUrl && { url: `${this.behaviour.baseUrl}${section.file}#L${section.startLine}-L${endLine}` }),
    };
  }
}

export { capturingLogger, type LogLine };

export interface Harness {
  fake: FakeDiscord;
  adapter: ChatAdapter;
  service: AskService;
  logs: LogLine[];
  close(): Promise<void>;
}

/** A fake Discord, and a started adapter (real discord.js Client) connected to it through DISCORD_API_URL. */
export async function startHarness(
  service: AskService,
  options: { fake?: FakeDiscordOptions; guildId?: string; deferAfterMs?: number; reports?: FeedbackReports } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start(options.fake);
  const { logger, lines } = capturingLogger();
  const adapter = createDiscordAdapter({
    config: { token: fake.token, apiUrl: fake.apiUrl, guildId: options.guildId },
    service,
    logger,
    deferAfterMs: options.deferAfterMs,
    reports: options.reports,
  });
  try {
    await adapter.start();
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    adapter,
    service,
    logs: lines,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}
