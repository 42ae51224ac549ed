import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/reliability/*.test.ts run here with bounded counts; JSNA_RELIABILITY=full
    // (npm run test:reliability) runs the same files with the full counts.
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Automatic backups and the record of exports written by tests go to a temp folder, not the user's data folder.
    env: {
      JSNA_BACKUP_DIR: process.env.JSNA_BACKUP_DIR ?? join(tmpdir(), 'jsna-test-backups'),
      JSNA_EXPORT_RECORDS_DIR: process.env.JSNA_EXPORT_RECORDS_DIR ?? join(tmpdir(), 'jsna-test-export-records'),
    },
    // E2E files start a server and Chromium; keep them from starving unit tests on 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
  },
});
