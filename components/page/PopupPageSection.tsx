/** Placeholder: the popup's page section (owned by the reading work). */
export function PopupPageSection() {
  return <section />;
}
