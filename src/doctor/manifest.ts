import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

/** What lore's Slack app manifest asks for: the bot scopes and the slash command. */
export interface SlackManifest {
  readonly botScopes: readonly string[];
  readonly command?: string;
}

const manifestSchema = z.object({
  features: z.object({ slash_commands: z.array(z.object({ command: z.string() })).optional() }).optional(),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
});

/** The manifest shipped next to package.json (the same place from src/ and from dist/). */
export const MANIFEST_URL = new URL('../../slack-manifest.yml', import.meta.url);

export async function readSlackManifest(url: URL = MANIFEST_URL): Promise<SlackManifest> {
  const data = manifestSchema.parse(parse(await readFile(url, 'utf8')));
  return { botScopes: data.oauth_config.scopes.bot, command: data.features?.slash_commands?.[0]?.command };
}
