import { describe, expect, it } from 'vitest';
import { discordRegistrationFailure, discordStartFailure, slackStartFailure } from '../src/fix-it.js';

describe('fix-it messages for chat platforms', () => {
  it.each([
    [{ closeCode: 4004 }, undefined, /^Discord rejected DISCORD_TOKEN: copy a fresh token from .*Reset Token into DISCORD_TOKEN\.$/],
    [{ closeCode: 4014 }, undefined, /Message Content intent: enable it in Developer Portal/],
    [{ closeCode: 4013 }, undefined, /^Discord closed the gateway connection \(code 4013\)\.$/],
    [Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' }), undefined, /^Discord rejected DISCORD_TOKEN/],
    [new Error('connect ECONNREFUSED'), 'http://127.0.0.1:9/api', /^Could not connect to Discord at DISCORD_API_URL=http:\/\/127\.0\.0\.1:9\/api: connect ECONNREFUSED$/],
    [null, undefined, /^Could not connect to Discord: /],
  ])('Discord start: %j', (error, apiUrl, expected) => {
    expect(discordStartFailure(error, apiUrl)).toMatch(expected);
  });

  it('Discord registration: names the token, the server, or the error', () => {
    expect(discordRegistrationFailure({ status: 401 }, undefined)).toMatch(/^Discord rejected DISCORD_TOKEN \(401\): copy a fresh token/);
    expect(discordRegistrationFailure({ status: 403 }, 'G1')).toMatch(/server G1 \(403\): check DISCORD_GUILD_ID .*applications\.commands/);
    expect(discordRegistrationFailure(new Error('boom'), undefined)).toBe('Could not register the Discord slash commands: boom');
  });

  it('Slack start: says where Slack could not be reached, and what to check', () => {
    const unreachable = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'slack_webapi_request_error' });
    expect(slackStartFailure(unreachable, undefined)).toMatch(/^Slack could not be reached at https:\/\/slack\.com\/api\/ \(getaddrinfo ENOTFOUND\)\. .*Slack\.$/);
    expect(slackStartFailure(unreachable, 'http://fake/api/')).toMatch(/at http:\/\/fake\/api\/ .*, and SLACK_API_URL\.$/);
    expect(slackStartFailure(new Error('invalid_auth'), undefined)).toBe('Slack could not start: invalid_auth');
  });
});
