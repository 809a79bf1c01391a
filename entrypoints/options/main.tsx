import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { t } from '../../lib/i18n';
import '../../components/app.css';
import '../../components/options/options.css';

document.title = t('options_pageTitle');
render(<OptionsApp />, document.getElementById('app')!);
