import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const CWD = '/srv/lore';
const load = (env: Record<string, string>) => loadConfig(env, {}, CWD);
const problem = (env: Record<string, string>) => {
  try {
    load(env);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('git settings', () => {
  it('clone into the data folder with defaults: the remote HEAD branch, a fetch a minute, no webhook', () => {
    const config = load({ KNOWLEDGE_GIT_URL: 'https://github.com/acme/notes.git' });
    expect(config.git).toEqual({
      url: 'https://github.com/acme/notes.git',
      branch: undefined,
      intervalSeconds: 60,
      sshKeyPath: undefined,
      knownHostsPath: undefined,
      webhookSecret: undefined,
      cloneDir: '/srv/lore/data/notes-git',
    });
    expect(config.knowledgeDir).toBe('/srv/lore/data/notes-git');
    expect(config.staleAfterDays).toBe(365);
  });

  it('clone next to the database LORE_DB names, and read every setting', () => {
    const config = load({
      KNOWLEDGE_GIT_URL: 'git@github.com:acme/notes.git',
      KNOWLEDGE_GIT_BRANCH: 'docs/live',
      KNOWLEDGE_GIT_INTERVAL: '0',
      KNOWLEDGE_GIT_SSH_KEY: 'keys/deploy',
      KNOWLEDGE_GIT_KNOWN_HOSTS: 'keys/known_hosts',
      KNOWLEDGE_GIT_WEBHOOK_SECRET: '0123456789abcdef0123',
      LORE_DB: '/var/lib/lore/lore.db',
      STALE_AFTER_DAYS: '180',
    });
    expect(config.git).toMatchObject({ branch: 'docs/live', intervalSeconds: 0, sshKeyPath: '/srv/lore/keys/deploy', knownHostsPath: '/srv/lore/keys/known_hosts', cloneDir: '/var/lib/lore/notes-git' });
    expect(config.staleAfterDays).toBe(180);
  });

  it.each([
    'file:///srv/notes.git',
    'ssh://git@git.example.com:2222/acme/notes.git',
    'https://x-access-token:ghp_abc@github.com/acme/notes.git',
  ])('accept %s', (url) => {
    expect(load({ KNOWLEDGE_GIT_URL: url }).git?.url).toBe(url);
  });

  it.each(['http://github.com/acme/notes.git', 'ext::sh -c touch% /tmp/pwned', '--upload-pack=touch /tmp/x', '/srv/team-notes.git', 'ftp://host/notes.git'])(
    'refuse %s, without echoing it',
    (url) => {
      const message = problem({ KNOWLEDGE_GIT_URL: url });
      expect(message).toMatch(/KNOWLEDGE_GIT_URL: must be an https, ssh or file URL of a git repository/);
      expect(message).not.toContain(url);
    },
  );

  it('win over KNOWLEDGE_DIR, a default that .env.example and the image set, but not over --knowledge', () => {
    expect(load({ KNOWLEDGE_GIT_URL: 'file:///n.git', KNOWLEDGE_DIR: './knowledge' }).knowledgeDir).toBe('/srv/lore/data/notes-git');
    expect(() => loadConfig({ KNOWLEDGE_GIT_URL: 'file:///n.git' }, { knowledgeDir: 'notes' }, CWD)).toThrow(/--knowledge and KNOWLEDGE_GIT_URL are both given/);
  });

  it('serve a folder of the repository: notes read from it, links still at the repository path', () => {
    const config = load({ KNOWLEDGE_GIT_URL: 'file:///n.git', KNOWLEDGE_GIT_PATH: './handbook/run books/', KNOWLEDGE_BASE_URL: 'https://github.com/acme/notes/blob/{commit}' });
    expect(config.git?.path).toBe('handbook/run books');
    expect(config.knowledgeDir).toBe('/srv/lore/data/notes-git/handbook/run books');
    expect(config.knowledgeBaseUrl).toBe('https://github.com/acme/notes/blob/{commit}/handbook/run%20books/');
    expect(load({ KNOWLEDGE_GIT_URL: 'file:///n.git' }).git).not.toHaveProperty('path');
  });

  it.each(['/srv/notes', '../notes', 'docs/../../etc', '.git', 'docs\\runbooks', '.'])('refuse KNOWLEDGE_GIT_PATH %s', (path) => {
    expect(problem({ KNOWLEDGE_GIT_URL: 'file:///n.git', KNOWLEDGE_GIT_PATH: path })).toMatch(/KNOWLEDGE_GIT_PATH: must be a folder inside the repository such as docs or handbook\/runbooks \(relative, no \.\.\)/);
  });

  it('never echo a token from a refused URL', () => {
    expect(problem({ KNOWLEDGE_GIT_URL: 'http://user:ghp_secretvalue@github.com/n.git' })).not.toContain('ghp_secretvalue');
  });

  it.each([
    [{ KNOWLEDGE_GIT_URL: 'file:///n.git', KNOWLEDGE_GIT_BRANCH: '-x' }, /KNOWLEDGE_GIT_BRANCH: must be a branch name/],
    [{ KNOWLEDGE_GIT_URL: 'file:///n.git', KNOWLEDGE_GIT_BRANCH: 'a..b' }, /KNOWLEDGE_GIT_BRANCH: must be a branch name/],
    [{ KNOWLEDGE_GIT_URL: 'file:///n.git', KNOWLEDGE_GIT_INTERVAL: '-5' }, /KNOWLEDGE_GIT_INTERVAL: must be a whole number from 0 to 86400/],
    [{ KNOWLEDGE_GIT_URL: 'file:///n.git', KNOWLEDGE_GIT_WEBHOOK_SECRET: 'short' }, /KNOWLEDGE_GIT_WEBHOOK_SECRET: must be at least 16 characters/],
    [{ KNOWLEDGE_GIT_BRANCH: 'main' }, /KNOWLEDGE_GIT_BRANCH is set without KNOWLEDGE_GIT_URL/],
    [{ KNOWLEDGE_GIT_PATH: 'docs' }, /KNOWLEDGE_GIT_PATH is set without KNOWLEDGE_GIT_URL/],
    [{ KNOWLEDGE_GIT_KNOWN_HOSTS: 'known_hosts' }, /KNOWLEDGE_GIT_KNOWN_HOSTS is set without KNOWLEDGE_GIT_URL/],
    [{ KNOWLEDGE_GIT_URL: 'file:///n.git', KNOWLEDGE_GIT_KNOWN_HOSTS: 'known\nhosts' }, /KNOWLEDGE_GIT_KNOWN_HOSTS: must be the path of a known_hosts file/],
    [{ STALE_AFTER_DAYS: '0' }, /STALE_AFTER_DAYS: must be a whole number from 1/],
  ])('explain %j', (env, expected) => {
    expect(problem(env)).toMatch(expected);
  });
});
