/**
 * Every RPC method name, free of zod so the sandboxed preload can bundle it cheaply.
 * `shared/api/index.ts` checks at compile time that this list and the contract agree.
 */
export const methodNames = [
  'project.create',
  'project.open',
  'project.current',
  'project.close',
  'project.setLibraryPath',
  'chapters.list',
  'chapters.add',
  'chapters.rename',
  'chapters.get',
  'chapters.save',
  'chapters.move',
  'chapters.delete',
  'chapters.restore',
  'chapters.outline',
  'chapters.importText',
] as const;
export type MethodName = (typeof methodNames)[number];
