import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_LIBRARY_FILE, SAMPLE_PROJECT_FILE } from '../electron/services/sample/sampleWorkspace';

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };

describe('the README says what the code does', () => {
  it('names the sample project and its library file by the names the app gives them', () => {
    expect(readme).toContain(`\`${SAMPLE_PROJECT_FILE}\``);
    expect(readme).toContain(`\`${SAMPLE_LIBRARY_FILE}\``);
  });

  it("states package.json's Node version and the engine warnings npm install prints on it", () => {
    const version = /^>=\s*(\d+\.\d+)/.exec(pkg.engines.node)?.[1];
    expect(version, pkg.engines.node).toBeDefined();
    expect(readme).toContain(`Node ${version} or newer`);
    expect(readme).toMatch(/EBADENGINE[\s\S]{0,200}@electron\/rebuild[\s\S]{0,40}node-abi/);
  });
});
