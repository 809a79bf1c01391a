import { t } from '../lib/i18n';
import { PopupPageSection } from './page/PopupPageSection';
import { PopupClips } from './library/PopupClips';

/** The popup: a compact header naming the product, this page's verdict, counts and toggles, then its clips. */
export function PopupApp() {
  return (
    <div class="tifa-popup">
      <header class="tifa-popup-header">
        <img class="tifa-popup-logo" src="/icon/32.png" width={20} height={20} alt="" />
        <h1>{t('library_popupBrand')}</h1>
        <span class="tifa-popup-tagline">{t('library_popupTagline')}</span>
      </header>
      <PopupPageSection />
      <PopupClips />
    </div>
  );
}
