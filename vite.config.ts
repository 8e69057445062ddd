import { defineConfig } from 'vite';

// The playground (playground/) is served by `npm start`, built by `npm run build` into
// playground/dist and served by `npm run preview`.
export default defineConfig({
  root: 'playground',
  build: { outDir: 'dist', emptyOutDir: true },
  worker: { format: 'es' },
});
