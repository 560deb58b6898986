import { sql } from 'drizzle-orm';
import type { ChatSearchHit } from '../../shared/contract';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../shared/contract/chat';
import type { ChatRole } from '../../shared/domain';
import { toPrefixQuery } from '../catalogue/search';
import { executeRows } from '../db/execute-rows';
import { plainLine } from '../../shared/plain-text';
import { sessionTitleOf, TITLE_SOURCE_CHARS } from './chat-views';
import type { Db } from '../db/types';

const MAX_HITS = 30;
const SNIPPET_CHARS = 400;
const HEADLINE_OPTIONS = `StartSel=${SNIPPET_MARK_START}, StopSel=${SNIPPET_MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The student's own messages by words in any form (`russian` full-text search on the GIN-indexed
 * expression). Matches are marked with private-use characters, so the page never needs to parse HTML; the
 * snippet is plain text (a reply's `**` and `$\\frac…$` would show as symbols in a one-line list).
 */
export async function searchChatHistory(db: Db, userId: string, text: string): Promise<ChatSearchHit[]> {
  const tsquery = toPrefixQuery(text);
  if (!tsquery) return [];
  const query = sql`to_tsquery('russian', ${tsquery})`;
  const rows = await executeRows<{
    session_id: string;
    message_id: string;
    role: string;
    context_data: Record<string, unknown>;
    first_question: string | null;
    snippet: string;
    created_at: Date;
  }>(
    db,
    sql`SELECT m.session_id, m.id AS message_id, m.role,
          s.context_data, (SELECT left(f.content, ${TITLE_SOURCE_CHARS}) FROM chat_messages f
            WHERE f.session_id = s.id AND f.role = 'user' ORDER BY f.created_at, f.id LIMIT 1) AS first_question,
          ts_headline('russian', m.content, ${query}, ${HEADLINE_OPTIONS}) AS snippet,
          m.created_at
        FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
        WHERE s.user_id = ${userId} AND to_tsvector('russian', m.content) @@ ${query}
        ORDER BY m.created_at DESC, m.id DESC LIMIT ${MAX_HITS}`,
  );
  return rows.map((r) => ({
    sessionId: r.session_id,
    messageId: r.message_id,
    role: r.role as ChatRole,
    sessionTitle: sessionTitleOf(r.first_question, r.context_data),
    // The marks survive: they are private-use characters, which no Markdown or TeX rule touches.
    snippet: plainLine(r.snippet, SNIPPET_CHARS),
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
