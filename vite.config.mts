import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/** Builds the renderer into dist/renderer. No dev server: browser mode serves the build. */
export default defineConfig({
  root: resolve(root, 'renderer'),
  base: './',
  build: {
    outDir: resolve(root, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return; // "use client" in @tiptap/react: irrelevant here
        warn(warning);
      },
    },
  },
});
