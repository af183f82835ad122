import type { ComponentChildren } from 'preact';
import { useDocumentTitle } from '../lib/document-title.ts';

/**
 * As components/titled.tsx: a page state with its own document title. Kept here, not imported from there:
 * that module shares a chunk with the card's pages, which a fourth importer split in two, one file more
 * (and 76 bytes) on the card form's route.
 */
export function Titled(props: { title: string; children: ComponentChildren }) {
  useDocumentTitle(props.title);
  return <>{props.children}</>;
}
