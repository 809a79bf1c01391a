/** Placeholder: the popup's list of this page's clips (owned by the reviewing work). */
export function PopupClips() {
  return <section />;
}
