import { describe, expect, it } from 'vitest';
import { projectFileIn } from '../../../renderer/components/projectPaths';

describe('a new project file in the folder chosen in the folder browser', () => {
  it('is named after the title, safely, with the folder’s own separator', () => {
    expect(projectFileIn('/home/ana/JSNAs', 'Children: 0-19')).toBe('/home/ana/JSNAs/Children 0-19.jsna');
    expect(projectFileIn('/home/ana/JSNAs/', '  ')).toBe('/home/ana/JSNAs/New JSNA.jsna');
    expect(projectFileIn('C:\\Users\\ana', 'Adults')).toBe('C:\\Users\\ana\\Adults.jsna');
  });
});
