import { safeFileBase } from '../../shared/fileName';

/** A new project's file in `folder`, named after its title ("New JSNA" when there is none), on that folder's OS. */
export function projectFileIn(folder: string, title: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const name = safeFileBase(title, 'New JSNA');
  return `${folder.replace(/[\\/]+$/, '')}${sep}${name}.jsna`;
}
