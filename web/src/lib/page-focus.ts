/**
 * Focuses a heading, made focusable here rather than in JSX: a page's "loading" heading is often reused by
 * Preact for the content's heading (same place in the tree), and a tabIndex the content's JSX lacks would be
 * taken away, and the focus with it (to <body>).
 */
export function focusHeading(heading: HTMLElement | null | undefined): void {
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}

/** The page's heading takes the focus (on an unnamed <main> a screen reader says "main landmark" and no more). */
export function focusPage(main: HTMLElement): void {
  const heading = main.querySelector('h1');
  if (heading) focusHeading(heading);
  else main.focus({ preventScroll: true });
}

/**
 * When the focused element is taken out of the page — a page's "loading" heading replaced by its content, a
 * button by what it asked for — browsers drop the focus on <body>: a screen reader says nothing, and the next
 * Tab starts again at the skip link. This puts it on the page's heading instead, unless the page has already
 * put it somewhere itself. (Checked once the change is in: a MutationObserver runs after the whole render.)
 */
export function keepFocusInPage(main: HTMLElement): () => void {
  let focused: Element | null = null;
  const onFocusIn = (event: FocusEvent) => {
    focused = main.contains(event.target as Node) ? (event.target as Element) : null;
  };
  // A click on the page's text moves the focus to <body> with no focusin: what had it before is no longer
  // the focus to keep, should it go later. (Checked once the press has moved the focus, or not.)
  const onPointerDown = () => {
    setTimeout(() => {
      if (document.activeElement === document.body) focused = null;
    });
  };
  const observer = new MutationObserver(() => {
    if (!focused || focused.isConnected) return;
    focused = null;
    if (document.activeElement && document.activeElement !== document.body) return;
    focusPage(main);
  });
  document.addEventListener('focusin', onFocusIn);
  document.addEventListener('pointerdown', onPointerDown, true);
  observer.observe(main, { childList: true, subtree: true });
  return () => {
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('pointerdown', onPointerDown, true);
    observer.disconnect();
  };
}
