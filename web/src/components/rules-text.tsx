/**
 * The rules of a nabór are plain text from the ROPS: a blank line starts a paragraph, a single line break
 * stays a line break. Rendered as text nodes, never as HTML, so nothing in them can run as markup.
 */
export function RulesText(props: { text: string }) {
  const paragraphs = props.text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  return (
    // The rules are written in Polish whatever the interface language.
    <div class="rules" lang="pl">
      {paragraphs.map((paragraph, index) => (
        // The text never reorders, so its position is a stable key.
        <p key={index}>
          {paragraph
            .split(/\r?\n/)
            .flatMap((line, lineIndex) => (lineIndex === 0 ? [line] : [<br key={lineIndex} />, line]))}
        </p>
      ))}
    </div>
  );
}
