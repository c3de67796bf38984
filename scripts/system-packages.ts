import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Debian packages the test suite drives for real: a browser and SPSS's free reader.
const needed = [
  { binary: '/usr/bin/chromium', pkg: 'chromium' },
  { binary: '/usr/bin/pspp', pkg: 'pspp' },
];

export function ensureSystemPackages(): void {
  const missing = needed.filter((n) => !existsSync(n.binary));
  if (missing.length === 0) return;
  const pkgs = missing.map((m) => m.pkg);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `The tests need Debian packages that are not installed: ${pkgs.join(', ')}.\n` +
        `Install them with: sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}`,
    );
  }
  console.log(`Installing Debian packages the tests need: ${pkgs.join(', ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
}
