/** Entry point of the reader: the API transport is picked once, then the app renders. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickApi } from './api/client.ts';
import { App } from './app/App.tsx';
import './styles/app.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={pickApi()} />
    </StrictMode>,
  );
}
