import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';
import { prettyLines, scrubbing } from './log-stream.js';

/** The structured logger used everywhere: `logger.child({ component })`, levels up to `silent`. */
export type Logger = PinoLogger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Secrets that must never reach a log line, wherever they sit in a logged object. */
const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.*.headers.authorization',
  '*.*.headers.Authorization',
];

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; stderr by default so that stdout stays for answers. */
  destination?: DestinationStream;
  /** Human-readable lines instead of JSON, for a person at a terminal. */
  pretty?: boolean;
  /** Values (tokens, signing secrets) replaced by `[redacted]` wherever they appear in a line. */
  secrets?: readonly string[];
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const target = options.destination ?? pino.destination({ dest: 2, sync: true });
  const destination = scrubbing(options.pretty ? prettyLines(target, options.destination === undefined && process.stderr.isTTY === true) : target, options.secrets ?? []);
  return pino(
    {
      name: 'lore',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** A logger that drops everything, for tests and library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * Console-style methods (`warn('a', obj, err)`) over a structured logger, for libraries that log that way (Bolt, its
 * web and Socket Mode clients): the parts become one message, and an Error among them is logged as `err`.
 */
export function consoleStyle(logger: Logger): Record<'debug' | 'info' | 'warn' | 'error', (...parts: unknown[]) => void> {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...parts: unknown[]) => {
    const err = parts.find((part): part is Error => part instanceof Error);
    const msg = parts.map(describe).join(' ');
    if (err) logger[level]({ err }, msg);
    else logger[level](msg);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.message;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}
