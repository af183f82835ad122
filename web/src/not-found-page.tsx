import { useDocumentTitle } from './lib/document-title.ts';
import { useI18n } from './lib/i18n.ts';
import { useLocation } from './lib/router.ts';
import { UNSUBSCRIBE_PATH, UnsubscribePage } from './reminders/unsubscribe-page.tsx';

/** A path no route matches, unless it is one of the pages only e-mails link to. */
export default function FallbackPage() {
  const { path } = useLocation();
  return path.replace(/\/$/, '') === UNSUBSCRIBE_PATH ? <UnsubscribePage /> : <NotFoundPage />;
}

/** The static host serves index.html for any path, so the router answers "not found" here. */
function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t.notFound.title);
  return (
    <>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
      <p>
        <a href="/">{t.notFound.homeLink}</a>
      </p>
    </>
  );
}
