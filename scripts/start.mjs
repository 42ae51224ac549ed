// `npm start`: builds, then opens the desktop app on the sample workspace. Where Electron's binary
// is not installed (e.g. ELECTRON_SKIP_BINARY_DOWNLOAD=1), it starts browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electronBinary.mjs';

const step = (args) => {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step(['scripts/build.mjs']);

const electron = electronBinary();
if (electron && spawnSync(process.execPath, ['scripts/electron-native.mjs'], { stdio: 'inherit' }).status === 0) {
  const child = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    electron
      ? 'Electron could not load SQLite (see above); starting browser mode instead.'
      : "Electron's binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD?); starting browser mode instead.",
  );
  const child = spawn(process.execPath, ['dist/electron/serve.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
