#!/usr/bin/env node
// The package mirror this project installs from serves only the platforms it builds on, so npm leaves the
// other platforms' optional binaries (e.g. @msgpackr-extract/*-darwin-arm64) out of package-lock.json, and
// `npm ci` then refuses the lock as out of sync. This adds the missing optional entries (version, os, cpu;
// never installed on other platforms) so the lock stays valid everywhere. Run after `npm install`.
const fs = require('fs');
const path = require('path');
const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pkgs = lock.packages;
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openbsd', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64'];
let added = 0;
for (const [loc, meta] of Object.entries(pkgs)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${loc}/node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (pkgs[nested] || pkgs[top]) continue;
    const parts = name.split(/[/-]/);
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p));
    if (!os || !cpu || !/^\d+\.\d+\.\d+/.test(version)) continue;
    pkgs[top] = { version, optional: true, os: [os], cpu: [cpu], ...(meta.dev ? { dev: true } : {}) };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
process.stdout.write(
  `lockfile-platforms: added ${added} optional platform entr${added === 1 ? 'y' : 'ies'}\n`,
);
