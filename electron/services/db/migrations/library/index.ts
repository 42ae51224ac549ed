import type { Migration } from '../../migrate';
import m001 from './001_init.sql?raw';
import m002 from './002_vintages_comparisons.sql?raw';
import m003 from './003_publisher_metadata.sql?raw';
import m004 from './004_fingertips_requests.sql?raw';

/** Append only: never edit or reorder a migration that has shipped. */
export const libraryMigrations: Migration[] = [
  { name: '001_init', sql: m001 },
  { name: '002_vintages_comparisons', sql: m002 },
  { name: '003_publisher_metadata', sql: m003 },
  { name: '004_fingertips_requests', sql: m004 },
];
