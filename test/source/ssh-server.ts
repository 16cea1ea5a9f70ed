import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from '../free-port.js';

/**
 * A throwaway OpenSSH server for tests: `sshd -D -e` on a free 127.0.0.1 port with a config, a host key and one
 * authorized client key in a temp folder, serving git over ssh to the current user (no passwords, no PAM). Needs
 * OpenSSH's server (Debian: `apt-get install openssh-server`, which `.ci/sshd` does); without it startSshServer()
 * throws, so the ssh tests fail instead of silently passing.
 */
export interface SshServer {
  readonly port: number;
  /** The user git logs in as: the one running the tests. */
  readonly user: string;
  /** Private key the server accepts. */
  readonly clientKey: string;
  /** A known_hosts file holding the host key the server started with, for 127.0.0.1 and this port. */
  readonly knownHosts: string;
  /** `ssh://user@127.0.0.1:port/<path>` of a repository on this machine. */
  url(repositoryPath: string): string;
  /** A new ed25519 key pair in the server's folder that the server does not accept; returns the private key's path. */
  newKey(name: string): string;
  /** A known_hosts line for this server's address: its current host key, or the public half of `privateKey`. */
  knownHostsLine(privateKey?: string): string;
  /** Restarts the server on the same port with a newly made host key, as a host that changed (or an impostor) would. */
  replaceHostKey(): Promise<void>;
  /** What sshd logged so far. */
  log(): string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;

/** sshd's path: on PATH first, then the sbin folders a non-root PATH often lacks. */
export function findSshd(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  return dirs.map((dir) => join(dir, 'sshd')).find((path) => path.startsWith('/') && existsSync(path));
}

function keygen(path: string, comment: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path], { stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startSshServer(): Promise<SshServer> {
  const sshd = findSshd();
  if (sshd === undefined) {
    throw new Error('sshd (the OpenSSH server) was not found on PATH or in /usr/sbin. Install it: apt-get install -y openssh-server (bash .ci/sshd does this).');
  }
  const user = userInfo().username;
  if (userInfo().uid === 0) {
    // Run as root, sshd separates privileges into an empty folder compiled in as /run/sshd (Debian's service makes it).
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  }
  const dir = mkdtempSync(join(tmpdir(), 'lore-sshd-'));
  const hostKey = join(dir, 'host_ed25519');
  const clientKey = join(dir, 'client_ed25519');
  const knownHosts = join(dir, 'known_hosts');
  keygen(hostKey, 'lore test host');
  keygen(clientKey, 'lore test client');
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${clientKey}.pub`));
  const port = await freePort();
  const address = `[127.0.0.1]:${port}`;
  const knownHostsLine = (privateKey = hostKey) => `${address} ${readFileSync(`${privateKey}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}\n`;
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `ListenAddress 127.0.0.1:${port}`,
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `AllowUsers ${user}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'UsePAM no',
      // The temp folder belongs to whoever runs the tests, not to the login user's home: skip sshd's ownership checks.
      'StrictModes no',
      'PidFile none',
      '',
    ].join('\n'),
  );

  let child: ChildProcess | undefined;
  let output = '';

  const launch = async (): Promise<void> => {
    const started = spawn(sshd, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sshd did not listen within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      started.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`Server listening on 127.0.0.1 port ${port}.`)) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`sshd exited with ${String(code)} before listening:\n${output}`));
      });
      started.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  };

  const halt = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await exited;
  };

  try {
    await launch();
  } catch (error) {
    await halt();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  writeFileSync(knownHosts, knownHostsLine());
  return {
    port,
    user,
    clientKey,
    knownHosts,
    url: (path) => `ssh://${user}@127.0.0.1:${port}${path}`,
    newKey(name) {
      const path = join(dir, name);
      keygen(path, name);
      return path;
    },
    knownHostsLine,
    async replaceHostKey() {
      await halt();
      rmSync(hostKey, { force: true });
      rmSync(`${hostKey}.pub`, { force: true });
      keygen(hostKey, 'lore test host, replaced');
      await launch();
    },
    log: () => output,
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
