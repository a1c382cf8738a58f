import '@xyflow/react/dist/base.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { matchRoute } from './app/routing.ts';
import { openBoardEarly } from './board/sync/earlyBoard.ts';

const route = matchRoute(window.location.pathname);
if (route?.page === 'board') openBoardEarly(route.boardId);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The production build caches its app shell, so a board opened before reloads without a network.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      console.warn('Squall works online only: the service worker did not register.', error);
    });
  });
}
