import type { DestinationStream } from 'pino';

/**
 * Replaces every configured secret in a finished log line. pino's `redact` only knows key paths; a token can also
 * sit inside an error message or a URL a library logged, so the line itself is scrubbed last.
 */
export function scrubbing(destination: DestinationStream, secrets: readonly string[]): DestinationStream {
  const forms = [...new Set(secrets.filter((secret) => secret.length >= 6).flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]))];
  if (forms.length === 0) return destination;
  return {
    write(line: string) {
      let clean = line;
      for (const form of forms) clean = clean.split(form).join('[redacted]');
      destination.write(clean);
    },
  };
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const LEVEL_COLOURS: Record<number, string> = { 10: '90', 20: '36', 30: '32', 40: '33', 50: '31', 60: '35' };

/** A human-readable rendering of pino's JSON lines for a terminal: `12:00:01 INFO  [slack] message key=value`. */
export function prettyLines(destination: DestinationStream, colour: boolean): DestinationStream {
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    write(line: string) {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        destination.write(line);
        return;
      }
      const { level, time, msg, component, err, name: _name, ...rest } = record;
      const levelNumber = typeof level === 'number' ? level : 30;
      const clock = typeof time === 'string' ? time.slice(11, 19) : '';
      const tag = typeof component === 'string' ? `[${component}] ` : '';
      const pairs = Object.entries(rest).map(([key, value]) => `${paint('90', `${key}=`)}${typeof value === 'string' ? value : JSON.stringify(value)}`);
      let out = `${paint('90', clock)} ${paint(LEVEL_COLOURS[levelNumber] ?? '0', LEVEL_NAMES[levelNumber] ?? String(level))} ${tag}${String(msg ?? '')}`;
      if (pairs.length > 0) out += ` ${pairs.join(' ')}`;
      const stack = typeof err === 'object' && err !== null && 'stack' in err ? String(err.stack) : undefined;
      if (stack) out += `\n  ${stack.replace(/\n/g, '\n  ')}`;
      destination.write(`${out}\n`);
    },
  };
}
