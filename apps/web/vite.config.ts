import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The collab server the dev server proxies to (`npm run dev -w @squall/collab-server`).
const collabPort = Number(process.env.COLLAB_PORT ?? 4410);
const collab = `http://127.0.0.1:${collabPort}`;

export default defineConfig({
  plugins: [react()],
  // One copy of Yjs only: two copies break `instanceof` checks inside Yjs.
  resolve: { dedupe: ['yjs'] },
  server: {
    proxy: {
      '/api': collab,
      '/healthz': collab,
      '/sync': { target: collab.replace('http', 'ws'), ws: true },
    },
  },
  build: { target: 'es2023', sourcemap: false },
});
