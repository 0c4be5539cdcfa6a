import fs from 'node:fs';
import path from 'node:path';

/**
 * An exclusive lock on a data folder, so that two processes never run a PostgreSQL cluster on
 * the same files. The lock file records the holder's pid and its database URL: a CLI command
 * that finds the folder held by a running server uses that server's database instead of failing.
 */
export interface LockInfo {
  pid: number;
  command: string;
  databaseUrl?: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    public readonly dir: string,
    public readonly holder: LockInfo,
  ) {
    super(
      `数据目录 ${dir} 正被进程 ${holder.pid}（${holder.command}，启动于 ${holder.startedAt}）使用；` +
        `请先停止它，或用 XIESHANG_DATA_DIR 指定另一个目录。` +
        `\nThe data folder ${dir} is in use by process ${holder.pid} (${holder.command}).`,
    );
    this.name = 'DataDirLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPath(dir: string) {
  return path.join(dir, 'xieshang.lock');
}

/** Returns the live holder of the lock, or undefined when the folder is free (stale locks are ignored). */
export function readLock(dir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')) as LockInfo;
    return info.pid !== process.pid && alive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

export interface DataDirLock {
  update(patch: Partial<LockInfo>): void;
  release(): void;
}

export function acquireDataDirLock(dir: string, command: string): DataDirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = lockPath(dir);
  const info: LockInfo = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const cur = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (cur.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return {
        update(patch) {
          Object.assign(info, patch);
          fs.writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
        },
        release,
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(dir);
      if (holder) throw new DataDirLockedError(dir, holder);
      // The holder died without cleaning up: the lock is stale, take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
