/** Placeholder: the Library view (owned by the reviewing work). */
export function LibraryView() {
  return <section />;
}
