import { useT } from '../../i18n';

/** The model server's own words (untranslated: they are the server's), under our sentence about them. */
export function ServerSaid({ detail }: { detail: string }) {
  const t = useT();
  return (
    <span className="chat-server-said" data-testid="chat-server-said">
      {' '}
      {t('chat.serverSaid')} <q lang="en">{detail}</q>
    </span>
  );
}
