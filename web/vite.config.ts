// Vite configuration: relative asset paths (the build is served from any folder, next to its
// config.json), and the ABIs imported from ../keeper/abi are allowed for the dev server.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  server: { fs: { allow: ['..'] } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
});
