/** The two databases lore can record into: an SQLite file (the default) or a PostgreSQL server shared by replicas. */
export type Dialect = 'sqlite' | 'postgres';

export type SqlValue = string | number | null;

/**
 * The one way the feedback store and the reports talk to either database. Statements use `?` placeholders and
 * SQL both databases accept; the few spots that differ ask {@link SqlClient.dialect}.
 */
export interface SqlClient {
  readonly dialect: Dialect;
  /** Where the data is, for log lines: a file path, or a URL without its password. */
  readonly name: string;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Runs `work` in one transaction (a write transaction from its start), committed when it resolves and rolled back
   * when it throws. Inside, `tx` is the client to use; a transaction begun on `tx` joins the one running.
   */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` placeholders to PostgreSQL's `$1, $2, …` (lore's statements have no `?` inside string literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A database URL fit for a log line: the password replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unreadable URL)';
  }
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}
