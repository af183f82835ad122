import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Text for an assistive technology, said once the clerk pauses (1 s after the last change), never on page
 * load: a count or a ratio announced on every keystroke would drown out the typing.
 */
export function Announce(props: { text: string }) {
  const [said, setSaid] = useState('');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => setSaid(props.text), 1000);
    return () => clearTimeout(timer);
  }, [props.text]);
  return (
    <p class="visually-hidden" aria-live="polite">
      {said}
    </p>
  );
}
