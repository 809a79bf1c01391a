import { render } from 'preact';

render(<p>Tifa</p>, document.getElementById('app')!);
