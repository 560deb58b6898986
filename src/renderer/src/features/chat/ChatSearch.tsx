import type { ChatSearchHit } from '../../../../shared/contract';
import { SearchBox } from '../../components/SearchBox';
import { errorKey, localeOf, useLanguage, useT } from '../../i18n';
import { formatWhen, sessionTitle } from './session-label';
import { Snippet } from './Snippet';
import { useChatSearch } from './use-chat-search';

interface ChatSearchProps {
  text: string;
  onChange: (text: string) => void;
  onOpen: (hit: ChatSearchHit) => void;
}

/** «Поиск по разговорам»: the box, and while it has words, the messages that match them. */
export function ChatSearch({ text, onChange, onOpen }: ChatSearchProps) {
  const t = useT();
  const search = useChatSearch(text);
  return (
    <div className="chat-search">
      <SearchBox
        text={text}
        onChange={onChange}
        label={t('chat.search.label')}
        placeholder={t('chat.search.placeholder')}
        clearLabel={t('chat.search.clear')}
        testId="chat-search"
      />
      {search.query !== null && (
        <div className="chat-search__results" aria-live="polite" aria-busy={search.searching} data-testid="chat-search-results">
          {search.error ? (
            <p className="form-error" role="alert">
              {t('chat.search.error')} {t(errorKey(search.error.code))}{' '}
              <button type="button" className="link-button" onClick={search.retry}>
                {t('common.retry')}
              </button>
            </p>
          ) : search.hits === undefined ? (
            <p className="muted">{t('chat.search.searching')}</p>
          ) : search.hits.length === 0 ? (
            <p className="muted" data-testid="chat-search-empty">
              {t('chat.search.empty')}
            </p>
          ) : (
            <>
              <p className="muted">{t('chat.search.found', { count: search.hits.length })}</p>
              <ul className="chat-hits">
                {search.hits.map((hit) => (
                  <li key={hit.messageId}>
                    <SearchHit hit={hit} onOpen={onOpen} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function SearchHit({ hit, onOpen }: { hit: ChatSearchHit; onOpen: (hit: ChatSearchHit) => void }) {
  const t = useT();
  const locale = localeOf(useLanguage((state) => state.language));
  const when = formatWhen(hit.createdAt, locale);
  return (
    <button type="button" className="tile-button chat-hit" onClick={() => onOpen(hit)} data-testid="chat-search-hit" data-session-id={hit.sessionId} data-message-id={hit.messageId} data-role={hit.role}>
      <span className="chat-hit__title">{sessionTitle({ title: hit.sessionTitle, startedAt: hit.createdAt }, t, locale)}</span>
      <span className="chat-hit__meta">
        {hit.role === 'user' ? t('chat.role.user') : t('chat.role.assistant')}
        {when && ` · ${when}`}
      </span>
      <Snippet text={hit.snippet} />
    </button>
  );
}
