/**
 * better-sqlite3's compiled addon is built for one ABI. Tests, the CLI and browser mode use the
 * Node build in node_modules; the Electron main process points this at the Electron build kept in
 * .electron-native/ (see scripts/electron-native.mjs), so both live in one checkout.
 */
let nativeBinding: string | undefined;

export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export function getNativeBinding(): string | undefined {
  return nativeBinding;
}
