import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Debian packages the test suite drives for real: a browser, SPSS's free reader, and R with the
// packages the clustered comparisons are checked against (tests/r/). An R package is known by
// its library directory.
const needed = [
  { binary: '/usr/bin/chromium', pkg: 'chromium' },
  { binary: '/usr/bin/pspp', pkg: 'pspp' },
  { binary: '/usr/bin/Rscript', pkg: 'r-base-core' },
  { binary: '/usr/lib/R/site-library/clubSandwich', pkg: 'r-cran-clubsandwich' },
  { binary: '/usr/lib/R/site-library/lmerTest', pkg: 'r-cran-lmertest' },
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
