import { oneEditApart } from '../search/distance.js';

/**
 * A name written as code: letters and digits joined by `_` or `.` ("max_connections", "num.partitions", "ecs.config",
 * "restricted.googleapis.com").
 */
const IDENTIFIER = /(?<![\p{L}\d_.])\p{L}[\p{L}\d]*(?:[_.][\p{L}\d]+)+(?![\p{L}\d_])/gu;
const SEPARATOR = /[_.]/;
/**
 * Not a name and its version ("v1.2", "python3.11": notes write "Python 3.11"), an abbreviation with stops ("e.g."),
 * or a product named with ".js" ("node.js", "next.js"), which notes as often write without it.
 */
const NOT_CODE = /^[\p{L}\d]+(?:[_.]\d+)+$|^(?:\p{L}\.)+\p{L}?$|\.js$/u;
/** Below this length a slip of one key makes another name ("a_b" and "a_c"); above it, the same one mistyped. */
const SLIP_FROM = 8;

/**
 * The names written as code that a question names ("what's postgres's default max_connections?"), each once and
 * lower-cased. Such a name is one setting, file or host: an answer about `max_client_conn` or `default_pool_size`
 * does not answer it, however many of its parts ("max", "pool", "size") it shares.
 */
export function identifiersNamed(question: string): string[] {
  return [...new Set(identifiersIn(question))];
}

/**
 * Whether a text names the identifier, whichever of `_` and `.` joins its parts (`session.timeout.ms`,
 * `session_timeout_ms`), as the whole of a name or a run of its parts (`fct_sessions` in `marts.fct_sessions`), and
 * allowing one slip of the keys in a long one ("pg_basebakcup").
 */
export function namesIdentifier(text: string, identifier: string): boolean {
  const wanted = identifier.split(SEPARATOR);
  const joined = wanted.join('_');
  return identifiersIn(text).some((written) => {
    const parts = written.split(SEPARATOR);
    for (let at = 0; at + wanted.length <= parts.length; at++) {
      const run = parts.slice(at, at + wanted.length).join('_');
      if (run === joined || (joined.length >= SLIP_FROM && oneEditApart(run, joined))) return true;
    }
    return false;
  });
}

function identifiersIn(text: string): string[] {
  return (text.toLowerCase().match(IDENTIFIER) ?? []).filter((name) => !NOT_CODE.test(name));
}
