import type { Migration } from '../../migrate';
import m001 from './001_init.sql?raw';

/** Append only: never edit or reorder a migration that has shipped. */
export const projectMigrations: Migration[] = [{ name: '001_init', sql: m001 }];
