#!/usr/bin/env node
// better-sqlite3 built for Electron's ABI in .electron-native/ (by @electron/rebuild, on a copy of the
// package), so node_modules keeps the Node build that tests and the CLI use. Also electron-builder's
// beforeBuild/afterAllArtifactBuild hooks.
//
//   node scripts/electron-native.mjs                build if missing or stale (npm start)
//   node scripts/electron-native.mjs --check-only   report only, change nothing (npm run dist)
//   node scripts/electron-native.mjs --force        rebuild even if up to date
//   node scripts/electron-native.mjs --restore-node put back the Node build after a failed dist
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const TAG = '[electron-native]'

/** Every file the plan reads or writes, from the project root. */
export function nativePaths(root) {
  const outDir = join(root, '.electron-native')
  const sqliteDir = join(root, 'node_modules', 'better-sqlite3')
  return {
    root,
    electronPackage: join(root, 'node_modules', 'electron', 'package.json'),
    electronAbi: join(root, 'node_modules', 'electron', 'abi_version'),
    sqliteDir,
    sqlitePackage: join(sqliteDir, 'package.json'),
    nodeBuild: join(sqliteDir, 'build', 'Release', 'better_sqlite3.node'),
    outDir,
    binary: join(outDir, 'better_sqlite3.node'),
    stamp: join(outDir, 'version.json'),
    nodeBackup: join(outDir, 'node', 'better_sqlite3.node'),
    nodeBackupStamp: join(outDir, 'node', 'version.json')
  }
}

/** What the Electron binary must match: the installed electron and better-sqlite3, this machine. */
export function readTarget(paths, io = {}) {
  const readFile = io.readFile ?? ((p) => readFileSync(p, 'utf8'))
  const electron = JSON.parse(readFile(paths.electronPackage)).version
  const betterSqlite3 = JSON.parse(readFile(paths.sqlitePackage)).version
  let abi = null
  try {
    abi = readFile(paths.electronAbi).trim() || null
  } catch {
    // Older electron packages have no abi_version; the build then goes unverified.
  }
  return {
    electron,
    abi,
    betterSqlite3,
    platform: io.platform ?? process.platform,
    arch: io.arch ?? process.arch
  }
}

const STAMP_KEYS = ['electron', 'betterSqlite3', 'platform', 'arch']

/**
 * Whether .electron-native must be (re)built, and why. `foundAbi` is the ABI read from the
 * existing binary (null when unknown): a file that does not match Electron's is rebuilt whatever
 * its stamp says.
 */
export function buildDecision(stamp, target, binaryExists, foundAbi = null) {
  if (!binaryExists) return { build: true, reason: 'missing' }
  if (!stamp || typeof stamp !== 'object') return { build: true, reason: 'no-stamp' }
  for (const key of STAMP_KEYS) {
    if (stamp[key] !== target[key]) {
      return { build: true, reason: 'changed', key, from: stamp[key], to: target[key] }
    }
  }
  if (foundAbi !== null && target.abi !== null && foundAbi !== target.abi) {
    return { build: true, reason: 'changed', key: 'abi', from: foundAbi, to: target.abi }
  }
  return { build: false, reason: 'up-to-date' }
}

/**
 * What @electron/rebuild is asked to do in the work folder: better-sqlite3 only, for this Electron,
 * always from scratch. It tries the prebuilt binary for Electron first (prebuild-install, from
 * better-sqlite3's GitHub release), then node-gyp against Electron's headers. `projectRootPath`
 * keeps its search inside the work folder: the project's own node_modules is never rebuilt.
 */
export function rebuildOptions(workDir, target) {
  return {
    buildPath: workDir,
    projectRootPath: workDir,
    electronVersion: target.electron,
    platform: target.platform,
    arch: target.arch,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential'
  }
}

/** The package copy leaves out build/: a stale Node build must never pass for an Electron one. */
export function copyFilter(packageDir) {
  return (src) => {
    const rel = relative(packageDir, src)
    return rel !== 'build' && !rel.startsWith(`build${sep}`)
  }
}

/**
 * The Node ABI a native module was compiled for. A module built with NODE_MODULE_INIT (as
 * better-sqlite3 is) exports `node_register_module_v<ABI>`; the name is plain text in the ELF,
 * Mach-O or PE symbol table, so it can be read without loading the file. Null when absent.
 */
export function binaryAbi(bytes) {
  const text = Buffer.from(bytes).toString('latin1')
  const m = /node_register_module_v(\d+)/.exec(text)
  return m ? m[1] : null
}

/** Compares the ABI found in a binary with Electron's and with this Node's. */
export function classifyBinary(foundAbi, electronAbi, nodeAbi = process.versions.modules) {
  if (foundAbi === null || electronAbi === null) return 'unverified'
  if (foundAbi === electronAbi) return 'ok'
  return foundAbi === nodeAbi ? 'node-build' : 'wrong-abi'
}

/** Whether a file is a build for this very Node (the one tests and the CLI need). */
function isNodeBuild(file) {
  return existsSync(file) && binaryAbi(readFileSync(file)) === process.versions.modules
}

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** Every message in Vietnamese, then English. */
export const messages = {
  upToDate: (t) => [
    `better-sqlite3 ${t.betterSqlite3} cho Electron ${t.electron} (${t.platform}-${t.arch}) đã sẵn sàng.`,
    `better-sqlite3 ${t.betterSqlite3} for Electron ${t.electron} (${t.platform}-${t.arch}) is ready.`
  ],
  needsBuild: (t, d) => {
    const why =
      d.reason === 'missing'
        ? [
            'chưa có tệp .electron-native/better_sqlite3.node',
            '.electron-native/better_sqlite3.node is missing'
          ]
        : d.reason === 'no-stamp'
          ? ['thiếu .electron-native/version.json', '.electron-native/version.json is missing']
          : [
              `${d.key} đã đổi từ ${d.from} sang ${d.to}`,
              `${d.key} changed from ${d.from} to ${d.to}`
            ]
    return [
      `Cần dựng better-sqlite3 cho Electron ${t.electron}: ${why[0]}.`,
      `better-sqlite3 must be built for Electron ${t.electron}: ${why[1]}.`
    ]
  },
  checkOnlyHint: () => [
    'Chạy "npm start" hoặc "node scripts/electron-native.mjs" để dựng (chỉ cần cho chế độ phát triển; bản đóng gói do electron-builder tự dựng).',
    'Run "npm start" or "node scripts/electron-native.mjs" to build it (needed for development only; electron-builder builds its own copy for the package).'
  ],
  missingPackages: (e) => [
    `Không đọc được node_modules/electron hoặc node_modules/better-sqlite3 (${e}). Hãy chạy "npm install" trước.`,
    `Cannot read node_modules/electron or node_modules/better-sqlite3 (${e}). Run "npm install" first.`
  ],
  trying: (label) => [`Đang thử ${label}…`, `Trying ${label}…`],
  attemptFailed: (label, why) => [`${label} không thành công: ${why}.`, `${label} failed: ${why}.`],
  built: (t, label, file) => [
    `Đã dựng better-sqlite3 cho Electron ${t.electron} bằng ${label}: ${file}`,
    `Built better-sqlite3 for Electron ${t.electron} with ${label}: ${file}`
  ],
  unverified: () => [
    'Không kiểm chứng được ABI của tệp vừa dựng; nếu ứng dụng báo lỗi mở cơ sở dữ liệu, hãy chạy lại với --force.',
    'Could not verify the ABI of the new binary; if the app reports it cannot open the database, run again with --force.'
  ],
  buildFailed: (t) => [
    `KHÔNG dựng được better-sqlite3 cho Electron ${t.electron}. Cách khắc phục: (1) kiểm tra kết nối Internet tới github.com (tải bản dựng sẵn) và electronjs.org (tải header), (2) hoặc cài Python 3 và trình biên dịch C++ (Windows: Visual Studio Build Tools, "Desktop development with C++"; Linux: build-essential; macOS: xcode-select --install), rồi chạy lại "node scripts/electron-native.mjs". Bộ kiểm thử (npm test) và CLI không bị ảnh hưởng.`,
    `Could NOT build better-sqlite3 for Electron ${t.electron}. To fix: (1) check internet access to github.com (prebuilt download) and electronjs.org (headers), (2) or install Python 3 and a C++ compiler (Windows: Visual Studio Build Tools, "Desktop development with C++"; Linux: build-essential; macOS: xcode-select --install), then run "node scripts/electron-native.mjs" again. Tests (npm test) and the CLI are not affected.`
  ],
  nodeBuildBroken: () => [
    'node_modules/better-sqlite3 hiện không chạy được trên Node này (có lẽ electron-builder đã dựng lại cho Electron). Chạy "node scripts/electron-native.mjs --restore-node" hoặc "npm rebuild better-sqlite3" trước khi chạy npm test.',
    'node_modules/better-sqlite3 does not load in this Node (electron-builder probably rebuilt it for Electron). Run "node scripts/electron-native.mjs --restore-node" or "npm rebuild better-sqlite3" before npm test.'
  ],
  nodeBackedUp: (file) => [`Đã lưu bản dựng cho Node: ${file}`, `Saved the Node build: ${file}`],
  nodeRestored: () => [
    'Đã khôi phục bản dựng better-sqlite3 cho Node trong node_modules.',
    'Restored the Node build of better-sqlite3 in node_modules.'
  ],
  nodeRestoreImpossible: () => [
    'Không có bản lưu phù hợp để khôi phục; hãy chạy "npm rebuild better-sqlite3".',
    'No matching saved copy to restore; run "npm rebuild better-sqlite3".'
  ]
}

function say(pair, level = 'log') {
  console[level](`${TAG} ${pair[0]}\n${TAG} ${pair[1]}`)
}

/** @electron/rebuild's rebuild(), loaded only when a build is needed. */
async function electronRebuild(options) {
  // prebuild-install (run by @electron/rebuild) skips a package "installed from git" when it sees
  // this npm variable of the root package, and would then never try the prebuilt binary.
  delete process.env.npm_package_from
  // An npm `nodedir` (Node's own headers, set on machines that build offline) would make node-gyp
  // compile for Node instead of Electron.
  delete process.env.npm_config_nodedir
  const { rebuild } = await import('@electron/rebuild')
  return rebuild(options)
}

/**
 * Copies better-sqlite3 into a work folder in .electron-native/, has `rebuild` build it there for
 * Electron, checks the binary and installs it. False (after saying why) when no build came out.
 */
export async function buildForElectron(paths, target, rebuild = electronRebuild) {
  mkdirSync(paths.outDir, { recursive: true })
  const work = mkdtempSync(join(paths.outDir, 'work-'))
  try {
    const pkg = join(work, 'node_modules', 'better-sqlite3')
    cpSync(paths.sqliteDir, pkg, { recursive: true, filter: copyFilter(paths.sqliteDir) })
    const manifest = { private: true, dependencies: { 'better-sqlite3': target.betterSqlite3 } }
    writeFileSync(join(work, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    const label = '@electron/rebuild'
    say(messages.trying(label))
    try {
      await rebuild(rebuildOptions(work, target))
    } catch (e) {
      say(messages.attemptFailed(label, e instanceof Error ? e.message : String(e)), 'warn')
      return false
    }
    const built = join(pkg, 'build', 'Release', 'better_sqlite3.node')
    const problem = existsSync(built)
      ? checkBuilt(built, paths, target)
      : 'no build/Release/better_sqlite3.node'
    if (problem) {
      say(messages.attemptFailed(label, problem), 'warn')
      return false
    }
    install(built, paths, { ...target, method: label, builtAt: new Date().toISOString() })
    say(messages.built(target, label, paths.binary))
    return true
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Why a freshly built file is not the Electron build we need, or null when it looks right. */
function checkBuilt(built, paths, target) {
  if (existsSync(paths.nodeBuild) && sha256(built) === sha256(paths.nodeBuild)) {
    return 'identical to the Node build'
  }
  const verdict = classifyBinary(binaryAbi(readFileSync(built)), target.abi)
  if (verdict === 'node-build') return 'built for Node, not Electron'
  if (verdict === 'wrong-abi') return `built for another ABI than Electron's ${target.abi}`
  if (verdict === 'unverified') say(messages.unverified(), 'warn')
  return null
}

function install(built, paths, stamp) {
  mkdirSync(paths.outDir, { recursive: true })
  // Copy then rename: a concurrent start never sees a half-written binary.
  const partial = `${paths.binary}.${process.pid}.partial`
  copyFileSync(built, partial)
  renameSync(partial, paths.binary)
  writeFileSync(paths.stamp, `${JSON.stringify(stamp, null, 2)}\n`)
}

/** Keeps a copy of node_modules' Node build, if it is one, before electron-builder overwrites it. */
export function saveNodeBuild(paths) {
  if (!isNodeBuild(paths.nodeBuild)) return false
  const version = JSON.parse(readFileSync(paths.sqlitePackage, 'utf8')).version
  mkdirSync(dirname(paths.nodeBackup), { recursive: true })
  copyFileSync(paths.nodeBuild, paths.nodeBackup)
  const stamp = { betterSqlite3: version, platform: process.platform, arch: process.arch }
  writeFileSync(paths.nodeBackupStamp, `${JSON.stringify(stamp, null, 2)}\n`)
  say(messages.nodeBackedUp(paths.nodeBackup))
  return true
}

/** Puts the saved Node build back when node_modules holds an Electron one. */
export function restoreNodeBuild(paths) {
  if (isNodeBuild(paths.nodeBuild)) return true
  const stamp = readJson(paths.nodeBackupStamp)
  const version = readJson(paths.sqlitePackage)?.version
  const fits =
    stamp?.betterSqlite3 === version &&
    stamp.platform === process.platform &&
    stamp.arch === process.arch &&
    isNodeBuild(paths.nodeBackup)
  if (!fits) {
    say(messages.nodeRestoreImpossible(), 'warn')
    return false
  }
  mkdirSync(dirname(paths.nodeBuild), { recursive: true })
  copyFileSync(paths.nodeBackup, paths.nodeBuild)
  say(messages.nodeRestored())
  return true
}

/** electron-builder hook: npmRebuild rebuilds node_modules in place, so keep the Node build first. */
export function beforeBuild(context) {
  saveNodeBuild(nativePaths(context?.appDir ?? ROOT))
  return true
}

/** electron-builder hook: the packages are built; give node_modules its Node build back. */
export function afterAllArtifactBuild() {
  restoreNodeBuild(nativePaths(ROOT))
  return []
}

/** `rebuild` stands in for @electron/rebuild in tests (Electron's headers cannot be fetched there). */
export async function main(argv, root = ROOT, rebuild = electronRebuild) {
  const args = new Set(argv)
  const paths = nativePaths(root)
  if (args.has('--restore-node')) return restoreNodeBuild(paths) ? 0 : 1

  let target
  try {
    target = readTarget(paths)
  } catch (e) {
    say(messages.missingPackages(e instanceof Error ? e.message : String(e)), 'error')
    return 1
  }
  const exists = existsSync(paths.binary)
  const decision = args.has('--force')
    ? { build: true, reason: 'forced' }
    : buildDecision(
        readJson(paths.stamp),
        target,
        exists,
        exists ? binaryAbi(readFileSync(paths.binary)) : null
      )

  if (args.has('--check-only')) {
    say(decision.build ? messages.needsBuild(target, decision) : messages.upToDate(target))
    if (decision.build) say(messages.checkOnlyHint())
    if (existsSync(paths.nodeBuild) && !isNodeBuild(paths.nodeBuild)) {
      say(messages.nodeBuildBroken(), 'warn')
    }
    return 0
  }
  if (!decision.build) {
    say(messages.upToDate(target))
    return 0
  }
  if (decision.reason !== 'forced') say(messages.needsBuild(target, decision))
  if (await buildForElectron(paths, target, rebuild)) return 0
  say(messages.buildFailed(target), 'error')
  return 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2))
}
