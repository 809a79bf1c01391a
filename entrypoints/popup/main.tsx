import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import '../../components/app.css';

render(<PopupApp />, document.getElementById('app')!);
