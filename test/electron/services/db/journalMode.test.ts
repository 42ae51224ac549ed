import { describe, expect, it } from 'vitest';
import { chooseJournalMode, parseProcMounts } from '../../../../electron/services/db/journalMode';

const mounts = parseProcMounts(
  [
    '/dev/vda1 / ext4 rw,relatime 0 0',
    '//fileserver/public\\040health /mnt/shared\\040drive cifs rw 0 0',
    'nas:/export /home/analyst/nas nfs4 rw 0 0',
    'tmpfs /mnt/shared\\040drive/local tmpfs rw 0 0',
  ].join('\n'),
);

describe('journal mode by where the file lives', () => {
  it('parses /proc/mounts including escaped spaces', () => {
    expect(mounts[1]).toEqual({ mountPoint: '/mnt/shared drive', fsType: 'cifs' });
  });
  it('uses WAL on local disks and the rollback journal on network file systems (Linux)', () => {
    expect(chooseJournalMode({ path: '/home/analyst/jsna.jsna', platform: 'linux', mounts })).toBe('wal');
    expect(chooseJournalMode({ path: '/mnt/shared drive/jsna.jsna', platform: 'linux', mounts })).toBe('delete');
    expect(chooseJournalMode({ path: '/home/analyst/nas/cyp/jsna.jsna', platform: 'linux', mounts })).toBe('delete');
    // The longest mount point wins: a local tmpfs inside a network mount.
    expect(chooseJournalMode({ path: '/mnt/shared drive/local/x.jsna', platform: 'linux', mounts })).toBe('wal');
  });
  it('treats Windows UNC paths as network shares', () => {
    expect(chooseJournalMode({ path: '\\\\council-fs\\PH\\jsna.jsna', platform: 'win32' })).toBe('delete');
    expect(chooseJournalMode({ path: 'C:\\Users\\me\\jsna.jsna', platform: 'win32' })).toBe('wal');
  });
  it('honours an explicit override', () => {
    expect(chooseJournalMode({ path: '/home/a.jsna', platform: 'linux', mounts, override: 'delete' })).toBe('delete');
  });
});
