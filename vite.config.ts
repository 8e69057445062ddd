import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The playground (playground/) is served by `npm start`, built by `npm run build` into
// playground/dist and served by `npm run preview`. It imports the engine's public API and the
// repository's schemas, rules and examples, so the server may read the whole repository.
const root = fileURLToPath(new URL('./playground/', import.meta.url));

export default defineConfig({
  root,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
    rolldownOptions: { input: { main: `${root}index.html`, guide: `${root}guide.html` } },
  },
  worker: { format: 'es' },
  server: { fs: { allow: [fileURLToPath(new URL('./', import.meta.url))] } },
});
