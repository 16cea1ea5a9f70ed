import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/adapters/slack/buttons.js';
import { appMention, blockAction, directMessage, eventCallback, slashCommand, nextTs } from '../fakes/slack-payloads.js';
import type { RecordedCall } from '../fakes/slack-server.js';
import { FixtureService } from './slack-fixtures.js';
import { buttonValue, buttons, sectionTexts, shownText, sleep, startHarness, type Harness, type SlackMode } from './slack-harness.js';

const BASE = 'https://notes.example.com/blob/main/';
const isPost = (call: RecordedCall) => call.method === 'chat.postMessage';
const isResponse = (call: RecordedCall) => call.method === 'response_url';

describe.each<SlackMode>(['http', 'socket'])('Slack adapter over %s', (mode) => {
  let service: FixtureService;
  let h: Harness;

  beforeEach(async () => {
    service = new FixtureService(undefined, { baseUrl: BASE });
    h = await startHarness(mode, service);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('talks to the configured Web API with the bot token (and opens the socket with the app token)', () => {
    expect(h.fake.callsTo('auth.test')[0]?.token).toBe('xoxb-test-token');
    if (mode === 'socket') expect(h.fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test-token');
    else expect(h.fake.callsTo('apps.connections.open')).toHaveLength(0);
  });

  it('answers /ask privately through response_url, echoing the question, with share and vote buttons', async () => {
    const { ackMs } = await h.deliver.command(slashCommand(h.fake, '/ask', 'how do I roll back a release?'));
    expect(ackMs).toBeLessThan(3000);
    const reply = await h.fake.waitForCall(isResponse);
    expect(reply.args.response_type).toBe('ephemeral');
    const text = shownText(reply);
    expect(text).toContain('*You asked:* how do I roll back a release?');
    expect(text).toContain('To *roll back* a *release*'); // **bold** became *bold*
    expect(text).not.toContain('**');
    expect(text).toContain('<https://runbooks.example.com/deploy?step=1&amp;x=2|runbook>');
    expect(text).toContain(`<${BASE}ops/deploys.md#L4-L9|ops/deploys.md › Rollback · L4–9>`);
    expect(text).toMatch(/• Check the dashboard first\n {4}◦ Errors &amp; latency must be green/);
    expect(buttons(reply).map((b) => b.actionId)).toEqual([ACTION.share, ACTION.up, ACTION.down]);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(service.asked[0]?.question).toBe('how do I roll back a release?');
  });

  it.each(['', 'help', '  HELP '])('shows usage and 3 example questions for /ask %j', async (text) => {
    await h.deliver.command(slashCommand(h.fake, '/ask', text));
    const reply = await h.fake.waitForCall(isResponse);
    expect(service.exampleCounts).toEqual([3]);
    const shown = shownText(reply);
    expect(shown).toContain('/ask <question>');
    for (const example of service.examples(3)) expect(shown).toContain(`/ask ${example}`);
    expect(service.asked).toHaveLength(0);
  });

  it('shares an /ask answer in the channel, saying who asked, and removes the private copy', async () => {
    await h.deliver.command(slashCommand(h.fake, '/ask', 'how to get a laptop from IT?', 'UALICE01'));
    const privateReply = await h.fake.waitForCall(isResponse);
    await h.deliver.action(blockAction(h.fake, { actionId: ACTION.share, value: buttonValue(privateReply, ACTION.share), user: 'UALICE01', channel: 'C0000042' }));
    const shared = await h.fake.waitForCall(isPost);
    expect(shared.args.channel).toBe('C0000042');
    expect(shownText(shared)).toContain('<@UALICE01> asked: how to get a laptop from IT?');
    expect(shownText(shared)).toContain('Request a *laptop* from *IT*');
    expect(buttons(shared).map((b) => b.actionId)).toEqual([ACTION.up, ACTION.down]);
    const removed = await h.fake.waitForCall((call) => isResponse(call) && call.args.delete_original === true);
    expect(removed).toBeDefined();
  });

  it('shares through response_url where the bot is not in the channel', async () => {
    await h.deliver.command(slashCommand(h.fake, '/ask', 'how to get a laptop from IT?', 'UALICE01'));
    const privateReply = await h.fake.waitForCall(isResponse);
    h.fake.failNext('chat.postMessage', 'not_in_channel');
    await h.deliver.action(blockAction(h.fake, { actionId: ACTION.share, value: buttonValue(privateReply, ACTION.share), user: 'UALICE01' }));
    const shared = await h.fake.waitForCall((call) => isResponse(call) && call.args.response_type === 'in_channel');
    expect(shared.args.replace_original).toBe(false);
    expect(shownText(shared)).toContain('<@UALICE01> asked: how to get a laptop from IT?');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers a mention in a thread under it, without the bot mention in the question', async () => {
    const ts = nextTs();
    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> how do I roll back a release?`, ts })));
    const reply = await h.fake.waitForCall(isPost);
    expect(reply.args).toMatchObject({ channel: 'C0000001', thread_ts: ts });
    expect(service.asked[0]?.question).toBe('how do I roll back a release?');
    expect(service.asked[0]?.context).toEqual({ asker: { platform: 'slack', surface: 'mention', userId: 'UASKER01', channelId: 'C0000001', workspaceId: h.fake.teamId } });
    expect(shownText(reply)).toContain('To *roll back* a *release*');
    expect(buttons(reply).map((b) => b.actionId)).toEqual([ACTION.up, ACTION.down]);
  });

  it('reads a later mention in the same thread as a follow-up of the earlier question', async () => {
    const root = nextTs();
    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> deploy freeze on fridays?`, ts: root })));
    await h.fake.waitForCall(isPost);
    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> and after 15:00?`, thread_ts: root })));
    await h.fake.waitForCall((call) => isPost(call) && call !== h.fake.callsTo('chat.postMessage')[0]);
    expect(service.asked[1]).toMatchObject({ question: 'and after 15:00?', context: { previousQuestion: 'deploy freeze on fridays?' } });
    expect(h.fake.callsTo('chat.postMessage').map((call) => call.args.thread_ts)).toEqual([root, root]);
    // A mention in another thread has no context.
    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> laptop from IT?`, thread_ts: nextTs() })));
    await h.fake.waitForCall(() => h.fake.callsTo('chat.postMessage').length === 3);
    expect(service.asked[2]?.question).toBe('laptop from IT?');
    expect(service.asked[2]?.context?.previousQuestion).toBeUndefined();
  });

  it('answers direct messages in the DM', async () => {
    await h.deliver.event(eventCallback(h.fake, directMessage({ text: 'laptop request through IT?' })));
    const reply = await h.fake.waitForCall(isPost);
    expect(reply.args.channel).toBe('D0000001');
    expect(reply.args.thread_ts).toBeUndefined();
    expect(shownText(reply)).toContain('team/onboarding.md › Laptop · L4–7');
  });

  it('shows usage in the thread when mentioned without a question', async () => {
    const ts = nextTs();
    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}>`, ts })));
    const reply = await h.fake.waitForCall(isPost);
    expect(reply.args.thread_ts).toBe(ts);
    expect(shownText(reply)).toContain('/ask <question>');
    expect(service.asked).toHaveLength(0);
  });

  it('says a word back to thanks in a DM, without searching, and still reads the next message as a follow-up', async () => {
    await h.deliver.event(eventCallback(h.fake, directMessage({ text: 'laptop request through IT?' })));
    const answer = await h.fake.waitForCall(isPost);
    await h.deliver.event(eventCallback(h.fake, directMessage({ text: 'thanks! :pray:' })));
    const thanks = await h.fake.waitForCall((call) => isPost(call) && call !== answer);
    expect(thanks.args.channel).toBe('D0000001');
    expect(shownText(thanks)).toContain('Glad to help!');
    expect(service.asked).toHaveLength(1);
    await h.deliver.event(eventCallback(h.fake, directMessage({ text: 'and for contractors?' })));
    await h.fake.waitForCall(() => h.fake.callsTo('chat.postMessage').length === 3);
    expect(service.asked[1]).toMatchObject({ question: 'and for contractors?', context: { previousQuestion: 'laptop request through IT?' } });
  });

  it('reads a DM posted in the thread of an earlier DM answer as a follow-up', async () => {
    await h.deliver.event(eventCallback(h.fake, directMessage({ text: 'deploy freeze on fridays?' })));
    const first = await h.fake.waitForCall(isPost);
    const answerTs = String(first.result?.ts);
    await h.deliver.event(eventCallback(h.fake, directMessage({ text: 'and after 15:00?', thread_ts: answerTs })));
    const second = await h.fake.waitForCall((call) => isPost(call) && call !== first);
    expect(second.args.thread_ts).toBe(answerTs);
    expect(service.asked[1]).toMatchObject({ question: 'and after 15:00?', context: { previousQuestion: 'deploy freeze on fridays?' } });
  });

  it('reads /ask in a DM with the DM’s question before it, as a message there is (and as Discord’s /ask is)', async () => {
    await h.deliver.event(eventCallback(h.fake, directMessage({ text: 'deploy freeze on fridays?' })));
    await h.fake.waitForCall(isPost);
    await h.deliver.command({ ...slashCommand(h.fake, '/ask', 'and after 15:00?'), channel_id: 'D0000001' });
    await h.fake.waitForCall(isResponse);
    expect(service.asked[1]).toMatchObject({ question: 'and after 15:00?', context: { previousQuestion: 'deploy freeze on fridays?' } });
    await h.deliver.command(slashCommand(h.fake, '/ask', 'who do I page?'));
    await h.fake.waitForCall((call) => isResponse(call) && service.asked.length === 3);
    expect(service.asked[2]?.context?.previousQuestion).toBeUndefined();
  });

  it('ignores bots, itself, edits, joins and channel chatter', async () => {
    const ignored = [
      directMessage({ text: 'laptop from IT?', bot_id: 'BOTHER01', subtype: 'bot_message' }),
      directMessage({ text: 'laptop from IT?', bot_id: h.fake.botId, user: h.fake.botUserId }),
      directMessage({ text: 'laptop from IT?', bot_id: 'BOTHER02' }),
      { ...directMessage({ text: '' }), subtype: 'message_changed', message: { text: 'laptop from IT?', user: 'UASKER01' } },
      directMessage({ text: '<@UASKER01> has joined the channel', subtype: 'channel_join' }),
      { ...directMessage({ text: 'laptop from IT?' }), channel_type: 'channel', channel: 'C0000001' },
      appMention(h.fake, { text: `<@${h.fake.botUserId}> laptop from IT?`, bot_id: 'BOTHER01' }),
    ];
    for (const event of ignored) await h.deliver.event(eventCallback(h.fake, event));
    await h.deliver.event(eventCallback(h.fake, directMessage({ text: 'laptop request through IT?' })));
    await h.fake.waitForCall(isPost);
    await sleep(200);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(service.asked.map((a) => a.question)).toEqual(['laptop request through IT?']);
  });

  it('answers a redelivered event only once', async () => {
    const body = eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> roll back a release?` }));
    await h.deliver.event(body);
    await h.fake.waitForCall(isPost);
    await h.deliver.event(body, { retryNum: 1 });
    await h.deliver.event(body, { retryNum: 2 });
    await sleep(300);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(service.asked).toHaveLength(1);
  });

  it('never echoes a broadcast or a mention from a question or a note as a ping', async () => {
    await h.deliver.command(slashCommand(h.fake, '/ask', '<!channel> @here <!everyone> <@U0BOSS01|boss> rollback release & tell channel?'));
    const reply = await h.fake.waitForCall(isResponse);
    const text = shownText(reply);
    expect(text).toContain('rollback release &amp; tell channel?');
    expect(text).not.toMatch(/<!(channel|here|everyone|subteam)/);
    expect(text).not.toMatch(/<@U/);
    expect(text).not.toMatch(/(^|[^\p{L}])@(channel|here|everyone)\b/u);
    expect(text).toContain('&lt;!channel&gt;'); // the note's own <!channel>, shown as text
    expect(text).toContain('&lt;@U999ADMIN&gt;');
  });

  it('keeps a 5,000-character question within Slack limits', async () => {
    const question = `how do I roll back a release ${'and what about the glossary handbook term '.repeat(120)}`.slice(0, 5000);
    expect(question).toHaveLength(5000);
    await h.deliver.command(slashCommand(h.fake, '/ask', question));
    const reply = await h.fake.waitForCall(isResponse);
    const blocks = reply.args.blocks as unknown[];
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const text of sectionTexts(reply)) expect(text.length).toBeLessThanOrEqual(3000);
    for (const button of buttons(reply)) expect(button.value.length).toBeLessThanOrEqual(2000);
    expect(String(reply.args.text).length).toBeGreaterThan(0);
    expect(shownText(reply)).toContain('…');
  });

  it('cuts a long quote at a line boundary with "…"', async () => {
    await h.deliver.event(eventCallback(h.fake, directMessage({ text: 'handbook glossary term meaning?' })));
    const reply = await h.fake.waitForCall(isPost);
    const quote = sectionTexts(reply)[0] ?? '';
    expect(quote.length).toBeLessThanOrEqual(3000);
    expect(quote.length).toBeGreaterThan(2000);
    expect(quote).toMatch(/\n…$/);
    expect(quote.split('\n').slice(0, -1).every((line) => /^• \*Term \d+\* means .* &amp; more\.$/.test(line))).toBe(true);
  });

  it('says what it could not find and lists the closest notes', async () => {
    await h.deliver.event(eventCallback(h.fake, directMessage({ text: 'onboarding buddy?' })));
    const reply = await h.fake.waitForCall(isPost);
    const text = shownText(reply);
    expect(text).toContain("I couldn't find anything about");
    expect(text).toContain('*Closest notes:*');
    expect(text).toContain(`• <${BASE}team/onboarding.md#L4-L7|team/onboarding.md › Laptop · L4–7>`);
  });

  it('apologises when the service throws, logs the stack, and keeps answering', async () => {
    service.failNext(new Error('index exploded'));
    const root = nextTs();
    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> roll back a release?`, ts: root })));
    const apology = await h.fake.waitForCall(isPost);
    expect(apology.args.thread_ts).toBe(root);
    expect(shownText(apology)).toMatch(/^Sorry, something went wrong/);
    expect(shownText(apology)).not.toContain('index exploded');
    const logged = h.log.lines.find((line) => line.level === 50 && (line.err as { message?: string } | undefined)?.message === 'index exploded');
    expect((logged?.err as { stack?: string }).stack).toMatch(/at /);

    service.failNext(new Error('again'));
    await h.deliver.command(slashCommand(h.fake, '/ask', 'roll back a release?'));
    expect(shownText(await h.fake.waitForCall(isResponse))).toMatch(/^Sorry, something went wrong/);

    await h.deliver.event(eventCallback(h.fake, directMessage({ text: 'laptop request through IT?' })));
    const next = await h.fake.waitForCall((call) => isPost(call) && call.args.channel === 'D0000001');
    expect(shownText(next)).toContain('team/onboarding.md › Laptop');
  });

  it('records a vote on a public answer: updates the message and logs one structured line', async () => {
    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> roll back a release?` })));
    const answer = await h.fake.waitForCall(isPost);
    const messageTs = '1700000000.000001';
    await h.deliver.action(blockAction(h.fake, { actionId: ACTION.up, value: buttonValue(answer, ACTION.up), user: 'UVOTER01', messageTs }));
    const update = await h.fake.waitForCall((call) => call.method === 'chat.update');
    expect(update.args).toMatchObject({ channel: 'C0000001', ts: messageTs });
    expect(shownText(update)).toContain('Feedback: 👍 1  ·  👎 0');
    expect(shownText(update)).toContain('To *roll back* a *release*');
    const votes = h.log.lines.filter((line) => line.event === 'vote');
    expect(votes).toEqual([
      expect.objectContaining({ vote: 'up', platform: 'slack', userId: 'UVOTER01', question: 'roll back a release?', citation: 'ops/deploys.md:4-9' }),
    ]);
  });

  it('records a vote on a private answer by replacing it through response_url', async () => {
    await h.deliver.command(slashCommand(h.fake, '/ask', 'roll back a release?'));
    const privateReply = await h.fake.waitForCall(isResponse);
    await h.deliver.action(blockAction(h.fake, { actionId: ACTION.down, value: buttonValue(privateReply, ACTION.down) }));
    const replaced = await h.fake.waitForCall((call) => isResponse(call) && call.args.replace_original === true);
    expect(shownText(replaced)).toContain('You voted 👎');
    expect(shownText(replaced)).toContain('*You asked:* roll back a release?');
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
    expect(h.log.lines.filter((line) => line.event === 'vote')).toEqual([expect.objectContaining({ vote: 'down', userId: 'UASKER01' })]);
  });
});
