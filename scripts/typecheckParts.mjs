// The parts of the tree `npm run typecheck` checks, each with its own tsconfig (see tsconfigs/), so
// that each part's boundaries hold: shared code without Node or the DOM, the renderer without
// Node, services (and the CLI, browser mode) without Electron, main with Electron, then the tests.
export const TYPECHECK_PARTS = ['shared', 'renderer', 'node', 'main', 'test'];
