import { describe, expect, it } from 'vitest';
import { asksAmount, asksDuration, asksHowTo, asksQuantity, asksLongForm, asksReason, asksMeaning, asksYesOrNo, isPhrasedAsQuestion, opensWithYesOrNo, asksTimeOfDay, asksTimeSpan, asksRate, asksCount, asksVersion } from '../../src/search/answer-cues.js';

describe('answer cues', () => {
  it.each(['Can I monitor machines?', 'does fargate support daemonsets', '  Is ECC supported?', 'Will it be retried?'])('%j asks yes or no', (question) => {
    expect(asksYesOrNo(question)).toBe(true);
  });

  it.each(['What is Prometheus?', 'how do I reload', 'canary deploys', 'isolation levels'])('%j does not ask yes or no', (question) => {
    expect(asksYesOrNo(question)).toBe(false);
  });

  it.each([
    ['how do i promote a model version', true],
    ["what's a shadow test", true],
    ['fargate on eks?', true],
    ['fargate', false],
    ['ecs agent install', false],
  ])('%j is phrased as a question: %s', (question, expected) => {
    expect(isPhrasedAsQuestion(question)).toBe(expected);
  });

  it.each([
    ['how long does local setup take', true],
    ['how often do backups run', true],
    ['what time is the handover?', true],
    ['when is the freeze', true],
    ['how much disk space does it need', false],
    ['how many replicas', false],
  ])('%j asks for a time: %s', (question, expected) => {
    expect(asksDuration(question)).toBe(expected);
  });

  it.each([
    ['how long are logs kept', true],
    ['how soon is the secondary paged?', true],
    ['how often do backups run', false],
    ['what time is the handover?', false],
    ['when is the freeze', false],
  ])('%j asks for a length of time: %s', (question, expected) => {
    expect(asksTimeSpan(question)).toBe(expected);
  });

  it.each([
    ['how many users hit by the login loop', true],
    ['How many replicas?', true],
    ['how much memory', false],
    ['how long did it last', false],
  ])('%j asks for a count: %s', (question, expected) => {
    expect(asksCount(question)).toBe(expected);
  });

  it.each([
    ['how much does the eks control plane cost per hour?', true],
    ['how many pods per fargate node', true],
    ['how much is it / month', true],
    ['how much does the control plane cost', false],
    ['what is charged per hour', false],
    ['how many percent of traffic goes to the canary', false],
  ])('%j asks for an amount per unit: %s', (question, expected) => {
    expect(asksRate(question)).toBe(expected);
  });

  it.each([
    ['what time is the handover?', true],
    ['hey, what time do backups run', true],
    ['how long is the handover', false],
    ['when is the handover', false],
  ])('%j asks for a time of day: %s', (question, expected) => {
    expect(asksTimeOfDay(question)).toBe(expected);
  });

  it.each([
    ['what postgres version do we run in prod', true],
    ['which version of node do I need?', true],
    ['which node version do I need?', true],
    ['how do versions work', false],
    ['what kind of versioning scheme does Poetry use', false],
  ])('%j asks for a version: %s', (question, expected) => {
    expect(asksVersion(question)).toBe(expected);
  });

  it.each(['Yes, run two servers.', 'No. It does not.', '- **Yes** – with the exporter', '> yes, see below'])('%j opens with yes or no', (text) => {
    expect(opensWithYesOrNo(text)).toBe(true);
  });

  it.each(['What does PIR stand for?', "what's an SLO", 'pir meaning', 'define RPO', 'whats a PIR'])('%j asks what something means', (question) => {
    expect(asksMeaning(question)).toBe(true);
  });

  it.each(['when is a PIR due', 'how do I write a PIR', 'who stands by for the SLO'])('%j does not ask what something means', (question) => {
    expect(asksMeaning(question)).toBe(false);
  });

  it.each(['How do I roll back?', 'how can we rotate the keys', 'steps: how to add a merchant'])('%j asks how to do something', (question) => {
    expect(asksHowTo(question)).toBe(true);
  });

  it.each(['How does the canary work?', 'how long do backups last', 'who knows how it works'])('%j does not ask how to do something', (question) => {
    expect(asksHowTo(question)).toBe(false);
  });

  it.each(['how long are logs kept', 'How many replicas?', 'when is the year-end freeze', 'what time is the handover'])('%j asks for an amount', (question) => {
    expect(asksAmount(question)).toBe(true);
  });

  it.each(['When I add a Helm repo, I get an error', 'how do I keep logs longer', 'what is a timeout'])('%j does not ask for an amount', (question) => {
    expect(asksAmount(question)).toBe(false);
  });

  it.each(['how long are logs kept', 'How many replicas?', 'what time is the handover'])('%j asks for a figure', (question) => {
    expect(asksQuantity(question)).toBe(true);
  });

  it.each(['when is the year-end freeze', 'how do I keep logs longer'])('%j does not ask for a figure', (question) => {
    expect(asksQuantity(question)).toBe(false);
  });

  it.each(['Why did we drop RabbitMQ?', 'my rolling update is stuck, why?', 'how come the canary aborted', 'what was the reason for the freeze'])('%j asks for a reason', (question) => {
    expect(asksReason(question)).toBe(true);
  });

  it.each(['what is whylogs', 'how does the canary work', 'who decided on the freeze'])('%j does not ask for a reason', (question) => {
    expect(asksReason(question)).toBe(false);
  });

  it.each(['What does MLP stand for?', 'the NATS acronym', 'what is SRE short for', 'em acronym'])('%j asks for a long form', (question) => {
    expect(asksLongForm(question)).toBe(true);
    expect(asksMeaning(question)).toBe(true);
  });

  it.each(['what does MLP mean', 'who stands by on call', 'is there an acronym list', 'what does keel stand for'])('%j does not ask for a long form', (question) => {
    expect(asksLongForm(question)).toBe(false);
  });

  it.each(['Yesterday the exporter…', 'Nodes are machines.', 'The answer is yes.'])('%j does not open with yes or no', (text) => {
    expect(opensWithYesOrNo(text)).toBe(false);
  });
});
