import { PopupPageSection } from './page/PopupPageSection';
import { PopupClips } from './library/PopupClips';

/** The popup: this page's verdict, counts and toggles, then this page's clips. Small; opens instantly. */
export function PopupApp() {
  return (
    <div class="tifa-popup">
      <PopupPageSection />
      <PopupClips />
    </div>
  );
}
