import { useI18n } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { LanguageSwitch } from './language-switch.tsx';

export function SiteHeader() {
  const { t } = useI18n();
  const { path } = useLocation();
  return (
    <header class="site-header">
      <div class="container site-header__inner">
        <a class="site-header__service" href="/" aria-label={t.header.homeLink}>
          {t.serviceName}
        </a>
        <nav class="site-header__nav" aria-label={t.header.navLabel}>
          <ul class="site-header__links">
            <li>
              <a href="/" aria-current={path === '/' ? 'page' : undefined}>
                {t.header.calls}
              </a>
            </li>
          </ul>
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}
