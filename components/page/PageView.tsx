/** Placeholder: the "This page" view (owned by the reading work). */
export function PageView() {
  return <section />;
}
