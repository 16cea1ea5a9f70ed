import { describe, expect, it } from 'vitest';
import { questionFromDiscord } from '../../src/adapters/discord/discord-text.js';

const BOT = '111111111111111111';

describe('questionFromDiscord', () => {
  it.each([
    [`<@${BOT}> how do we deploy?`, 'how do we deploy?'],
    [`<@!${BOT}>   what   about   fargate?`, 'what about fargate?'],
    [`<@${BOT}> <@222222222222222222> asked: is the <@&333333333333333333> role on call <#444444444444444444>?`, 'asked: is the role on call ?'],
    [`<@${BOT}> <:thinking:555555555555555555> <a:party:666666666666666666> does fargate support daemonsets? 🙏`, 'does fargate support daemonsets? 🙏'],
    [`<@${BOT}> what changed since <t:1700000000:R>? see </ask:777777777777777777>`, 'what changed since ? see'],
    [`<@${BOT}> @everyone is <@abc> a mention? a:b:c stays`, '@everyone is <@abc> a mention? a:b:c stays'],
  ])('%j → %j', (content, expected) => {
    expect(questionFromDiscord(content, BOT)).toBe(expected);
  });
});
