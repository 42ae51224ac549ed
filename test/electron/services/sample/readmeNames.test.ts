import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_LIBRARY_FILE, SAMPLE_PROJECT_FILE } from '../../../../electron/services/sample/sampleWorkspace';

const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');

describe('the README names the sample workspace files the app makes', () => {
  it('names the sample project and its library file by their real names', () => {
    expect(readme).toContain(`\`${SAMPLE_PROJECT_FILE}\``);
    expect(readme).toContain(`\`${SAMPLE_LIBRARY_FILE}\``);
  });
});
