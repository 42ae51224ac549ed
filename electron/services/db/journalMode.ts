/**
 * SQLite's WAL mode needs shared memory between processes on one machine, so it must not be used
 * for files on network drives (SMB/NFS), where council teams often keep their work. There we use
 * the rollback journal, which works over network file locks.
 */
export type JournalMode = 'wal' | 'delete';

const NETWORK_FS = new Set([
  'nfs', 'nfs4', 'cifs', 'smb', 'smb3', 'smbfs', 'afs', '9p', 'ceph', 'glusterfs', 'fuse.sshfs',
  'fuse.rclone', 'davfs', 'fuse.davfs2', 'ncpfs', 'lustre', 'gpfs', 'fuse.glusterfs', 'fuse.cephfs',
]);

export interface MountEntry {
  mountPoint: string;
  fsType: string;
}

/** Parses /proc/mounts (octal escapes such as \040 for spaces included). */
export function parseProcMounts(text: string): MountEntry[] {
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text
    .split('\n')
    .map((line) => line.split(' '))
    .filter((f) => f.length >= 3)
    .map((f) => ({ mountPoint: unescape(f[1]!), fsType: f[2]! }));
}

export interface JournalModeInput {
  /** Absolute, resolved path of the database file. */
  path: string;
  platform: string;
  /** Mount table (Linux); ignored elsewhere. */
  mounts?: MountEntry[];
  /** Explicit override from the JSNA_JOURNAL_MODE environment variable. */
  override?: string | undefined;
}

export function chooseJournalMode({ path, platform, mounts = [], override }: JournalModeInput): JournalMode {
  if (override === 'wal' || override === 'delete') return override;
  if (platform === 'win32') {
    // \\server\share\... or //server/share/... : a UNC path is a network share.
    return /^(\\\\|\/\/)(?![?.][\\/])/.test(path) ? 'delete' : 'wal';
  }
  if (platform === 'darwin') {
    return /^\/(Volumes|Network)\//.test(path) ? 'delete' : 'wal';
  }
  let best: MountEntry | undefined;
  for (const m of mounts) {
    const prefix = m.mountPoint.endsWith('/') ? m.mountPoint : `${m.mountPoint}/`;
    if ((path === m.mountPoint || path.startsWith(prefix)) && (!best || m.mountPoint.length > best.mountPoint.length)) best = m;
  }
  return best && NETWORK_FS.has(best.fsType) ? 'delete' : 'wal';
}
