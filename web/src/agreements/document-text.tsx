import { type ComponentChildren, h, type VNode } from 'preact';

/**
 * The agreement's text as the API renders it (documents/agreement-html.ts: <h2>, <h3>, <p> and <br>, every
 * character escaped) rebuilt as elements here rather than set as HTML: whatever else a changed or hostile
 * answer held is shown as text, never run. Headings move a level down, under the page's own "Treść" heading.
 */
export function DocumentText(props: { html: string }) {
  const body = new DOMParser().parseFromString(props.html, 'text/html').body;
  return <>{[...body.childNodes].map((node, index) => toElement(node, index))}</>;
}

const LEVELS: Record<string, string> = { H2: 'h3', H3: 'h4', P: 'p' };

function toElement(node: ChildNode, key: number): ComponentChildren {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (!(node instanceof Element)) return null;
  if (node.tagName === 'BR') return h('br', { key });
  const children = [...node.childNodes].map((child, index) => toElement(child, index));
  const tag = LEVELS[node.tagName];
  return tag ? (h(tag, { key }, children) as VNode) : <span key={key}>{children}</span>;
}
