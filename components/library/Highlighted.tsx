import { highlightSegments } from '../../lib/search/match';

/**
 * Text with the query's matches wrapped in <mark>. Segments are rendered as text nodes, so clip text, notes and
 * titles can never inject markup.
 */
export function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query.trim()) return <>{text}</>;
  return (
    <>
      {highlightSegments(text, query).map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
