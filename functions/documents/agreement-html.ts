import { agreementBlocks } from './agreement-template.ts';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** HTML of the text alone (no styles, no scripts: the page puts it in its own layout; every character escaped). */
export function agreementHtml(text: string): string {
  return agreementBlocks(text)
    .map((block) => {
      const body = escapeHtml(block.text).replace(/\n/g, '<br>');
      if (block.kind === 'title') return `<h2>${body}</h2>`;
      if (block.kind === 'heading') return `<h3>${body}</h3>`;
      return `<p>${body}</p>`;
    })
    .join('\n');
}
