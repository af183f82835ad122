import { formatWarsaw } from '../../../shared/time.ts';
import { useI18n } from '../lib/i18n.ts';

/**
 * An instant as Warsaw wall-clock time, "18 maja 2026 23:59 czasu polskiego". The zone is named because
 * deadlines are legal cut-offs: a laptop set to another zone must not move them.
 */
export function WarsawTime(props: { instant: string }) {
  const { t } = useI18n();
  return (
    <>
      <time dateTime={props.instant}>{formatWarsaw(props.instant, t.locale)}</time> {t.warsawTime}
    </>
  );
}
