import { render } from 'preact';
import { SidePanelApp } from '../../components/SidePanelApp';
import '../../components/app.css';

render(<SidePanelApp />, document.getElementById('app')!);
