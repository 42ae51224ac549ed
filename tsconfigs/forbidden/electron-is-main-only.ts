// Outside electron/main and electron/preload.ts, `import ... from 'electron'` resolves here and
// this line fails to compile on purpose: only the thin main-process shell may use Electron.
const electronMayOnlyBeImportedByElectronMain: never = 'import electron only in electron/main or electron/preload.ts';
export default electronMayOnlyBeImportedByElectronMain;
