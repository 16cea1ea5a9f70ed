import { describe, expect, it } from 'vitest';
import { indexNotes, indexSteps } from '../src/knowledge/build.js';
import { runInSlices, runToEnd, type Steps } from '../src/steps.js';

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // holds the thread, as parsing a large note does
  }
}

function* work(steps: number, msEach: number): Steps<number> {
  for (let i = 0; i < steps; i++) {
    busy(msEach);
    yield;
  }
  return steps;
}

/** Which finishes first: a timer set just before `run` starts, or `run`. */
async function firstToFinish(run: () => Promise<unknown>): Promise<string[]> {
  const order: string[] = [];
  setTimeout(() => order.push('timer'), 0);
  await run().then(() => order.push('work'));
  await new Promise((resolve) => setTimeout(resolve, 5));
  return order;
}

describe('steps', () => {
  it('runs to the end at once or in slices, with the same result', async () => {
    expect(runToEnd(work(3, 0))).toBe(3);
    expect(await runInSlices(work(3, 0))).toBe(3);
  });

  it('gives the event loop back between slices', async () => {
    expect(await firstToFinish(() => runInSlices(work(10, 3), 5))).toEqual(['timer', 'work']);
  });

  it('holds the event loop when run at once', async () => {
    expect(await firstToFinish(async () => runToEnd(work(10, 3)))).toEqual(['work', 'timer']);
  });

  it('builds notes in slices to the same index as at once', async () => {
    const files = Array.from({ length: 300 }, (_, i) => ({
      file: `team/note-${i}.md`,
      text: `# Service ${i}\n\n- deploys with helm chart ${i}\n  - rollback: \`helm rollback svc-${i}\`\n- owner: team ${i % 7}\n\n${'Runbook text about alerts and dashboards. '.repeat(40)}\n`,
    }));
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    const sliced = await runInSlices(indexSteps(files), 1).then((built) => (order.push('work'), built));
    const atOnce = indexNotes(files);
    expect(order).toEqual(['timer', 'work']);
    expect(sliced.index.chunks).toEqual(atOnce.index.chunks);
    expect(sliced.index.termCount).toBe(atOnce.index.termCount);
    expect(sliced.index.postings('rollback')?.ids).toEqual(atOnce.index.postings('rollback')?.ids);
  });
});
