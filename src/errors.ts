/** Expected failures carry a stable code; anything else is a bug and keeps its stack. */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'KNOWLEDGE_NOT_FOUND'
  | 'KNOWLEDGE_EMPTY'
  | 'USAGE'
  | 'INPUT_INVALID'
  | 'ADAPTER_START_FAILED'
  | 'STORE_UNAVAILABLE'
  | 'GIT_FAILED'
  | 'UNKNOWN';

export class LoreError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LoreError';
    this.code = code;
  }
}

export class ConfigError extends LoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIG_INVALID', message, options);
    this.name = 'ConfigError';
  }
}

export class UsageError extends LoreError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}

export function isLoreError(error: unknown): error is LoreError {
  return error instanceof LoreError;
}

/** Wraps anything thrown into an Error, so it can be logged with a stack. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
