import { WarsawTime } from '../components/warsaw-time.tsx';
import { useI18n } from '../lib/i18n.ts';
import type { AdminCardView } from './api.ts';
import { useReviewTexts } from './review-texts.ts';

const SCAN_TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/**
 * A calendar day as typed ("2026-12-01"), in words. Formatted here at noon UTC rather than through
 * shared/time.ts: a new import from that module moves its functions into the chunk the card form shares.
 */
function dayInWords(day: string, locale: string): string {
  const instant = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(instant.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(instant);
}

function sizeInWords(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [bytes / 1000, 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/**
 * How a card that came by post or as a scanned e-mail reached the ROPS (the postmark's day or the e-mail's
 * Warsaw time, as the coordinator typed it: that is what counted against the deadline), who registered it
 * and when, and its scan — downloaded through the API, which checks access and the scan's digest first.
 */
export function CardRegistration(props: { view: AdminCardView }) {
  const texts = useReviewTexts();
  const { t } = useI18n();
  const registration = props.view.registration;
  if (!registration) return null;
  const { channel, receivedOn, scan } = registration;
  const [day = receivedOn, time] = receivedOn.split('T');
  return (
    <section aria-labelledby="registration-heading">
      <h2 id="registration-heading">{texts.registration.heading}</h2>
      <dl class="facts">
        <div class="facts__row">
          <dt>{texts.registration.channel}</dt>
          <dd>{texts.channels[channel]}</dd>
        </div>
        <div class="facts__row">
          <dt>{channel === 'post' ? texts.registration.postmark : texts.registration.emailSent}</dt>
          <dd>
            {dayInWords(day, t.locale)}
            {time ? ` ${time} ${t.warsawTime}` : ''}
            <br />
            <span class="hint">{texts.registration.counts}</span>
          </dd>
        </div>
        <div class="facts__row">
          <dt>{texts.registration.registeredBy}</dt>
          <dd>{registration.registeredBy}</dd>
        </div>
        <div class="facts__row">
          <dt>{texts.registration.registeredAt}</dt>
          <dd>
            <WarsawTime instant={registration.registeredAt} />
          </dd>
        </div>
        <div class="facts__row">
          <dt>{texts.registration.scan}</dt>
          <dd>
            <a href={scan.href}>
              {texts.registration.scanLink(
                SCAN_TYPE_LABELS[scan.contentType] ?? scan.contentType,
                sizeInWords(scan.size, t.locale),
              )}
            </a>
          </dd>
        </div>
        <div class="facts__row">
          <dt>{texts.registration.scanSha256}</dt>
          <dd>
            <code class="digest">{scan.sha256}</code>
          </dd>
        </div>
      </dl>
    </section>
  );
}
