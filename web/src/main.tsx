import { render } from 'preact';
import { App } from './app.tsx';
import { fetchEarlyFor } from './lib/early-fetch.ts';
import { startingLanguage } from './lib/i18n.ts';
import './styles.css';

fetchEarlyFor(location.pathname);

const root = document.getElementById('app');
// For Polish (the default) the dictionary is already here and this resolves at once.
void startingLanguage().then((language) => {
  document.documentElement.lang = language.language;
  if (root) render(<App language={language} />, root);
});
