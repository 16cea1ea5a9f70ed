/** Userinfo of a URL (`https://user:token@host`), wherever it appears in a text. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"]*@/gi;

/** The text with every URL's userinfo replaced, and every listed secret too (git may print a token decoded). */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(USERINFO, '$1[redacted]@');
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

/** The URL without its userinfo, for logs, messages and the clone's stored remote. */
export function withoutCredentials(url: string): string {
  return url.replace(USERINFO, '$1');
}

/** The secret parts of a git URL (the userinfo, the password, each percent-decoded too), for log scrubbing. */
export function urlSecrets(url: string): string[] {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^\s/@]*)@/i.exec(url);
  const userinfo = match?.[1];
  if (!userinfo) return [];
  const parts = [userinfo, ...userinfo.split(':')];
  const decoded = parts.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  // A bare user name such as `git` or `oauth2` is not a secret, and scrubbing it would mangle ordinary words.
  return [...new Set([...parts, ...decoded])].filter((part) => part.length >= 8 || (part === userinfo && userinfo.includes(':')));
}
