import { describe, expect, it } from 'vitest';
import { identifiersNamed, namesIdentifier } from '../../src/answer/identifiers-named.js';

describe('the names written as code that a question names', () => {
  it.each([
    ["what's postgres's default max_connections?", ['max_connections']],
    ['default num.partitions for an auto-created topic', ['num.partitions']],
    ['ecs.config cluster name', ['ecs.config']],
    ['restricted.googleapis.com ip range', ['restricted.googleapis.com']],
    ['is fct_sessions pii? and fct_sessions retention?', ['fct_sessions']],
    ['WH_BI size', ['wh_bi']],
  ])('%s → %j', (question, named) => {
    expect(identifiersNamed(question)).toEqual(named);
  });

  it.each([
    ['does fargate support daemonsets?'],
    ['is the ECS control plane free, e.g. on EC2?'],
    ['what changed in v1.2'],
    ['do we support python3.11 yet'],
    ['upgrade k8s to 1.30'],
    ['self-managed node groups'],
    ['which node.js version do we deploy'],
  ])(
    'none in %s',
    (question) => {
      expect(identifiersNamed(question)).toEqual([]);
    },
  );
});

describe('whether a text names one', () => {
  it('finds it whichever of `_` and `.` joins its parts, and as a run of the parts of a longer name', () => {
    expect(namesIdentifier('Consumer dead after `session.timeout.ms` (default 45s)', 'session_timeout_ms')).toBe(true);
    expect(namesIdentifier('| `marts.fct_sessions` | Farid Nazari | hourly |', 'fct_sessions')).toBe(true);
    expect(namesIdentifier('Configure `/etc/ecs/ecs.config` with your cluster name', 'ecs.config')).toBe(true);
  });

  it('does not take another setting that shares some of its parts for it', () => {
    const pgbouncer = '- `max_client_conn` (default 100)\n- `default_pool_size` (default 20)';
    expect(namesIdentifier(pgbouncer, 'max_connections')).toBe(false);
    expect(namesIdentifier(pgbouncer, 'reserve_pool_size')).toBe(false);
    expect(namesIdentifier(pgbouncer, 'pool_size')).toBe(true);
    expect(namesIdentifier('`marts.fct_sessions`', 'marts.fct')).toBe(true);
    expect(namesIdentifier('`marts.fct_sessions`', 'fct_session_ids')).toBe(false);
  });

  it('allows one slip of the keys in a long name, not in a short one', () => {
    expect(namesIdentifier('`pg_basebackup -R` writes the standby settings', 'pg_basebakcup')).toBe(true);
    expect(namesIdentifier('`wh_bi` is an XS warehouse', 'wh_by')).toBe(false);
  });
});
