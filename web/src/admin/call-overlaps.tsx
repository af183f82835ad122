import { useState } from 'preact/hooks';
import { formatWarsaw } from '../../../shared/time.ts';
import { useI18n } from '../lib/i18n.ts';
import { announcedOverlaps, type CallOverlap } from './call-life-api.ts';
import { useCallLifeTexts } from './call-life-texts.ts';

/**
 * The API's warning of calls of the same programme, voivodeship and gmina kind whose dates overlap a
 * call's: a warning, never a refusal. Each overlapping call links to its management screen.
 */
export function OverlapsWarning(props: { overlaps: CallOverlap[] }) {
  const texts = useCallLifeTexts();
  const { t } = useI18n();
  if (props.overlaps.length === 0) return null;
  const when = (instant: string) => formatWarsaw(instant, t.locale);
  return (
    <div class="notice">
      <h2 class="notice__title">{texts.overlapsTitle}</h2>
      <p>{texts.overlapsIntro}</p>
      <ul>
        {props.overlaps.map((overlap) => (
          <li key={overlap.id}>
            <a href={`/admin/nabory/${encodeURIComponent(overlap.id)}`} lang="pl">
              {texts.overlap(overlap.title, when(overlap.opensAt), when(overlap.closesAt))}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** After announcing (the list of calls): the overlaps the API answered with, kept by the form. */
export function AnnouncedOverlaps(props: { callId: string }) {
  const [overlaps] = useState(() => announcedOverlaps(props.callId));
  return <OverlapsWarning overlaps={overlaps} />;
}
