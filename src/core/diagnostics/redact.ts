/**
 * What may never reach a log file or a diagnostics export: passwords, tokens, API keys and anything a
 * student wrote (chat messages, homework, answers, searches) or that names them. Redaction is by key
 * name — the value of a sensitive key becomes "[redacted]", however deeply nested — and then every
 * remaining string is scrubbed of things that look like secrets or addresses wherever they appear
 * (inside an error message, a URL).
 */

export const REDACTED = '[redacted]';

/** Keys whose values are secrets: matched anywhere in the key, case and `_`/`-` ignored. */
const SECRET_KEY_PARTS = ['password', 'passphrase', 'secret', 'token', 'authorization', 'cookie', 'apikey', 'privatekey', 'credential', 'sealed', 'signature'];

/**
 * Keys whose values are what a student wrote or who they are: matched as the whole key (case and
 * `_`/`-` ignored), so `contentType` or `messageCount` stay readable.
 */
const PRIVATE_KEYS = new Set([
  // what students write and read
  'content',
  'text',
  'body',
  // ('message' is not here: an error's message is what a log is for. Chat messages keep their text in
  // 'content', which is; 'message' strings are scrubbed like any other text.)
  'messages',
  'prompt',
  'reply',
  'draft',
  'answer',
  'answers',
  'attempt',
  'query',
  'q',
  'homework',
  'homeworkcontent',
  'homeworkfeedback',
  'feedback',
  'transcript',
  'args', // a named mutation's arguments carry all of the above
  'input', // a contract call's input, the same
  'value',
  // who they are
  'email',
  'login',
  'username',
  'fullname',
  'displayname',
  'avatar',
  'avatarurl',
  'dataurl',
  'database64',
]);

const normalise = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

export function isSensitiveKey(key: string): boolean {
  const k = normalise(key);
  return PRIVATE_KEYS.has(k) || SECRET_KEY_PARTS.some((part) => k.includes(part));
}

const MAX_STRING = 2000;
const MAX_ARRAY = 50;
const MAX_DEPTH = 8;

/**
 * [pattern, replacement, a substring the text must contain for the pattern to be tried]. Every quantifier
 * is bounded, so a long line costs linear time (an unbounded `[^@]+@` over 1,500 characters is quadratic).
 */
const SCRUBBERS: [RegExp, string, string][] = [
  // Authorization: Bearer …, Basic …
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,4096}/gi, `$1 ${REDACTED}`, ''],
  // user:password@ in a URL
  [/\b([a-z][a-z0-9+.-]{0,20}:\/\/)[^\s/@:]{1,256}(:[^\s/@]{0,256})?@/gi, `$1${REDACTED}@`, '://'],
  // ?token=… &api_key=… password=… in query strings and messages
  [/\b([\w-]{0,40}(?:token|key|secret|password|passphrase|auth)[\w-]{0,40})=([^\s&"',;]{1,4096})/gi, `$1=${REDACTED}`, '='],
  // OpenAI-style and similar API keys, JWTs
  [/\b(sk|pk|rk)-[A-Za-z0-9_-]{12,4096}/g, REDACTED, '-'],
  [/\beyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{4,4096}/g, REDACTED, 'eyJ'],
  // e-mail addresses (PostgreSQL quotes them in unique-violation details)
  [/[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}/gu, '[email]', '@'],
];

/** Masks secrets and addresses inside free text, and cuts very long text. */
export function scrubText(text: string): string {
  let out = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}… [${text.length - MAX_STRING} more characters]` : text;
  for (const [pattern, replacement, needle] of SCRUBBERS) if (out.includes(needle)) out = out.replace(pattern, replacement);
  return out;
}

/** A JSON-safe copy without sensitive values; errors become { name, message, stack }. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Error) {
    const cause = (value as { cause?: unknown }).cause;
    return redact({ name: value.name, message: value.message, stack: value.stack, ...(cause === undefined ? {} : { cause }) }, depth, seen);
  }
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ARRAY).map((item) => redact(item, depth + 1, seen));
    return value.length > MAX_ARRAY ? [...items, `[${value.length - MAX_ARRAY} more]`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) ? REDACTED : redact(item, depth + 1, seen);
  }
  return out;
}
