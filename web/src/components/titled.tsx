import type { ComponentChildren } from 'preact';
import { useDocumentTitle } from '../lib/document-title.ts';

/**
 * A page state with its own document title. Where a page's parts set titles of their own (the steps of the
 * card), a parent's title effect would run after the child's and overwrite it, so the parent gives a title
 * only to the states it renders itself, through this.
 */
export function Titled(props: { title: string; children: ComponentChildren }) {
  useDocumentTitle(props.title);
  return <>{props.children}</>;
}
