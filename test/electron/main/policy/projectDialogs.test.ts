import { describe, expect, it } from 'vitest';
import { chosenProjectPath, projectDialogRequest } from '../../../../electron/main/policy/projectDialogs';

describe('the native project dialogs, as data', () => {
  it('asks to open a .jsna file, or where to save a new one named after its title', () => {
    expect(projectDialogRequest('open')).toMatchObject({ kind: 'open', options: { properties: ['openFile'], filters: [{ extensions: ['jsna'] }] } });
    expect(projectDialogRequest('create', 'Children: 0-19 / SEND')).toMatchObject({ kind: 'save', options: { defaultPath: 'Children 0-19 SEND.jsna' } });
    expect(projectDialogRequest('create', 'Adults.jsna')).toMatchObject({ options: { defaultPath: 'Adults.jsna' } });
    expect(projectDialogRequest('create')).toMatchObject({ options: { defaultPath: 'New JSNA.jsna' } });
  });

  it('reads the answer: cancelled is null, a new file always ends in .jsna', () => {
    expect(chosenProjectPath('open', { canceled: true, filePaths: ['/x.jsna'] })).toBeNull();
    expect(chosenProjectPath('open', { canceled: false, filePaths: [] })).toBeNull();
    expect(chosenProjectPath('open', { canceled: false, filePaths: ['/home/a/x.jsna'] })).toBe('/home/a/x.jsna');
    expect(chosenProjectPath('create', { canceled: false, filePath: '/home/a/New' })).toBe('/home/a/New.jsna');
    expect(chosenProjectPath('create', { canceled: false, filePath: '/home/a/New.JSNA' })).toBe('/home/a/New.JSNA');
    expect(chosenProjectPath('create', { canceled: false, filePath: '' })).toBeNull();
  });
});
