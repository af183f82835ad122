const latin1 = new TextDecoder('latin1');

/**
 * A file that begins as a PDF does ("%PDF-" within its first kilobyte, as readers accept). Apart from
 * pdf-signatures.ts (node-forge), so the functions that take an upload's parts do not bundle it.
 */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return latin1.decode(bytes.subarray(0, 1024)).includes('%PDF-');
}
