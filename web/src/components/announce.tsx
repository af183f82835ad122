import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../lib/i18n.ts';

/**
 * Text for an assistive technology, said once the clerk pauses (1 s after the last change), never on page
 * load: a count or a ratio announced on every keystroke would drown out the typing. Nor when only the
 * language changed: the same count in other words is no news, and the page's new language is read anyway.
 */
export function Announce(props: { text: string }) {
  const { language } = useI18n();
  const [said, setSaid] = useState('');
  const seen = useRef<{ language: string } | undefined>(undefined);
  useEffect(() => {
    const first = seen.current === undefined;
    const relabelled = seen.current !== undefined && seen.current.language !== language;
    seen.current = { language };
    if (first) return;
    if (relabelled) {
      setSaid('');
      return;
    }
    const timer = setTimeout(() => setSaid(props.text), 1000);
    return () => clearTimeout(timer);
  }, [props.text, language]);
  return (
    <p class="visually-hidden" aria-live="polite">
      {said}
    </p>
  );
}
