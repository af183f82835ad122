import { useI18n } from '../lib/i18n.ts';

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer class="site-footer">
      <div class="container">
        <p>{t.footer.euFunding}</p>
        <p>{t.footer.operator}</p>
      </div>
    </footer>
  );
}
