import { useDocumentTitle } from '../lib/document-title.ts';
import { useI18n } from '../lib/i18n.ts';

/** Any path no route matches. The static host serves index.html for it, so the router answers here. */
export default function NotFoundPage() {
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
