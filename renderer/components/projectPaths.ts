/** A new project's file in `folder`, named after its title ("New JSNA" when there is none), on that folder's OS. */
export function projectFileIn(folder: string, title: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const name =
    title
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[. ]+$/, '')
      .slice(0, 120) || 'New JSNA';
  return `${folder.replace(/[\\/]+$/, '')}${sep}${name}.jsna`;
}
