// The native-module plan's decisions: when to build, what @electron/rebuild is asked, how a binary is checked.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { NativePlan, RebuildOptions, Target } from './electron-native-types'

// A plain-JS script run by node: imported by path, typed by electron-native-types.ts.
const SCRIPT = pathToFileURL(resolve(__dirname, '../../scripts/electron-native.mjs')).href
const plan = (await import(SCRIPT)) as NativePlan
const {
  binaryAbi,
  buildDecision,
  buildForElectron,
  classifyBinary,
  copyFilter,
  main,
  messages,
  nativePaths,
  readTarget,
  rebuildOptions,
  restoreNodeBuild,
  saveNodeBuild
} = plan

const target: Target = {
  electron: '45.5.0',
  abi: '150',
  betterSqlite3: '12.11.1',
  platform: 'linux',
  arch: 'x64'
}

/** A fake native module: what matters is the exported registration symbol. */
function fakeBinary(abi: string): Buffer {
  return Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]),
    Buffer.from(`\0node_register_module_v${abi}\0`)
  ])
}

const dirs: string[] = []
function tempProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'doisoat-native-test-'))
  dirs.push(root)
  return root
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  vi.restoreAllMocks()
})

describe('build decision', () => {
  it('builds when the binary or its stamp is missing', () => {
    expect(buildDecision(null, target, false)).toMatchObject({ build: true, reason: 'missing' })
    expect(buildDecision(null, target, true)).toMatchObject({ build: true, reason: 'no-stamp' })
  })

  it('does nothing when the stamp matches electron, better-sqlite3, platform and arch', () => {
    expect(buildDecision({ ...target, method: 'node-gyp' }, target, true, '150')).toEqual({
      build: false,
      reason: 'up-to-date'
    })
  })

  it('rebuilds after an electron or better-sqlite3 upgrade, or on another machine', () => {
    expect(buildDecision({ ...target, electron: '44.0.0' }, target, true)).toMatchObject({
      build: true,
      key: 'electron',
      from: '44.0.0',
      to: '45.5.0'
    })
    expect(buildDecision({ ...target, betterSqlite3: '12.0.0' }, target, true)).toMatchObject({
      key: 'betterSqlite3'
    })
    expect(buildDecision({ ...target, arch: 'arm64' }, target, true)).toMatchObject({ key: 'arch' })
  })

  it('rebuilds a binary whose ABI is not Electron’s, whatever the stamp says', () => {
    expect(buildDecision(target, target, true, '115')).toMatchObject({
      build: true,
      key: 'abi',
      from: '115',
      to: '150'
    })
  })
})

describe('paths and target', () => {
  it('never writes into node_modules: the output lives in .electron-native', () => {
    const p = nativePaths('/repo')
    expect(p.binary).toBe(join('/repo', '.electron-native', 'better_sqlite3.node'))
    expect(p.stamp).toBe(join('/repo', '.electron-native', 'version.json'))
    expect(p.binary.includes('node_modules')).toBe(false)
    expect(p.nodeBuild).toBe(
      join('/repo', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
    )
  })

  it('reads the installed electron version and ABI', () => {
    const files: Record<string, string> = {
      [join('/repo', 'node_modules', 'electron', 'package.json')]: '{"version":"45.5.0"}',
      [join('/repo', 'node_modules', 'electron', 'abi_version')]: '150\n',
      [join('/repo', 'node_modules', 'better-sqlite3', 'package.json')]: '{"version":"12.11.1"}'
    }
    const readFile = (p: string): string => {
      const text = files[p]
      if (text === undefined) throw new Error(`ENOENT ${p}`)
      return text
    }
    expect(readTarget(nativePaths('/repo'), { readFile, platform: 'win32', arch: 'x64' })).toEqual({
      ...target,
      platform: 'win32'
    })
  })

  it('reads this repository’s real packages', () => {
    const t = readTarget(nativePaths(process.cwd()))
    expect(t.electron).toMatch(/^\d+\.\d+\.\d+/)
    expect(t.abi).toMatch(/^\d+$/)
  })
})

describe('@electron/rebuild', () => {
  it('rebuilds better-sqlite3 alone, for this Electron, inside the work folder only', () => {
    expect(rebuildOptions('/repo/.electron-native/work-1', target)).toEqual({
      buildPath: '/repo/.electron-native/work-1',
      projectRootPath: '/repo/.electron-native/work-1',
      electronVersion: '45.5.0',
      platform: 'linux',
      arch: 'x64',
      onlyModules: ['better-sqlite3'],
      force: true,
      mode: 'sequential'
    })
  })

  it('copies the package without its build folder', () => {
    const keep = copyFilter(join('/nm', 'better-sqlite3'))
    expect(keep(join('/nm', 'better-sqlite3'))).toBe(true)
    expect(keep(join('/nm', 'better-sqlite3', 'deps', 'sqlite3', 'sqlite3.c'))).toBe(true)
    expect(keep(join('/nm', 'better-sqlite3', 'binding.gyp'))).toBe(true)
    expect(keep(join('/nm', 'better-sqlite3', 'build'))).toBe(false)
    expect(keep(join('/nm', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(
      false
    )
    expect(keep(join('/nm', 'better-sqlite3', `build-tools${sep}x`))).toBe(true)
  })
})

describe('binary check', () => {
  it('reads the ABI from the exported registration symbol', () => {
    expect(binaryAbi(fakeBinary('150'))).toBe('150')
    expect(binaryAbi(Buffer.from('no symbol here'))).toBeNull()
  })

  it('reads the Node build in node_modules as this Node’s ABI', () => {
    const file = nativePaths(process.cwd()).nodeBuild
    expect(binaryAbi(readFileSync(file))).toBe(process.versions.modules)
  })

  it('accepts only Electron’s ABI', () => {
    expect(classifyBinary('150', '150', '115')).toBe('ok')
    expect(classifyBinary('115', '150', '115')).toBe('node-build')
    expect(classifyBinary('140', '150', '115')).toBe('wrong-abi')
    expect(classifyBinary(null, '150', '115')).toBe('unverified')
  })
})

describe('messages', () => {
  it('say everything in Vietnamese and in English', () => {
    const [vi, en] = messages.buildFailed(target)
    expect(vi).toContain('KHÔNG dựng được')
    expect(en).toContain('Could NOT build')
    expect(vi).toContain('node scripts/electron-native.mjs')
    expect(en).toContain('Visual Studio Build Tools')
    const [needVi, needEn] = messages.needsBuild(target, {
      build: true,
      reason: 'changed',
      key: 'electron',
      from: '44.0.0',
      to: '45.5.0'
    })
    expect(needVi).toContain('đã đổi từ 44.0.0 sang 45.5.0')
    expect(needEn).toContain('changed from 44.0.0 to 45.5.0')
  })
})

describe('main', () => {
  function project(stamp: object | null, binary: Buffer | null): string {
    const root = tempProject()
    const write = (path: string, data: string | Buffer): void => {
      mkdirSync(join(path, '..'), { recursive: true })
      writeFileSync(path, data)
    }
    const p = nativePaths(root)
    write(p.electronPackage, '{"version":"45.5.0"}')
    write(p.electronAbi, '150')
    write(p.sqlitePackage, '{"version":"12.11.1"}')
    write(p.nodeBuild, fakeBinary(process.versions.modules))
    if (binary) write(p.binary, binary)
    if (stamp) write(p.stamp, JSON.stringify(stamp))
    return root
  }

  /** Stands in for @electron/rebuild: what it saw, and the binary it leaves in the copy. */
  function fakeRebuild(result: Buffer | Error) {
    const seen: { options: RebuildOptions; files: string[]; manifest: unknown }[] = []
    const rebuild = (options: RebuildOptions): Promise<void> => {
      const pkg = join(options.buildPath, 'node_modules', 'better-sqlite3')
      seen.push({
        options,
        files: readdirSync(pkg),
        manifest: JSON.parse(readFileSync(join(options.buildPath, 'package.json'), 'utf8'))
      })
      if (result instanceof Error) return Promise.reject(result)
      mkdirSync(join(pkg, 'build', 'Release'), { recursive: true })
      writeFileSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'), result)
      return Promise.resolve()
    }
    return { rebuild, seen }
  }

  const here = { ...target, platform: process.platform, arch: process.arch }

  it('does nothing when the Electron build is up to date', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const root = project(here, fakeBinary('150'))
    const { rebuild, seen } = fakeRebuild(fakeBinary('150'))
    expect(await main([], root, rebuild)).toBe(0)
    expect(log.mock.calls.join('\n')).toContain('is ready')
    expect(seen).toEqual([])
  })

  it('builds on a copy in .electron-native, installs the binary with its stamp, leaves node_modules', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const root = project(null, null)
    const p = nativePaths(root)
    const { rebuild, seen } = fakeRebuild(fakeBinary('150'))
    expect(await main([], root, rebuild)).toBe(0)
    expect(seen).toHaveLength(1)
    const work = seen[0]!.options.buildPath
    expect(dirname(work)).toBe(p.outDir)
    expect(seen[0]!.options).toEqual(rebuildOptions(work, here))
    // The copy holds the package without its Node build, under a manifest that needs it.
    expect(seen[0]!.files).toContain('package.json')
    expect(seen[0]!.files).not.toContain('build')
    expect(seen[0]!.manifest).toMatchObject({ dependencies: { 'better-sqlite3': '12.11.1' } })
    expect(existsSync(work)).toBe(false)
    expect(binaryAbi(readFileSync(p.binary))).toBe('150')
    expect(JSON.parse(readFileSync(p.stamp, 'utf8'))).toMatchObject({
      ...here,
      method: '@electron/rebuild'
    })
    expect(binaryAbi(readFileSync(p.nodeBuild))).toBe(process.versions.modules)
    // Built once: the next start finds it up to date.
    expect(await main([], root, rebuild)).toBe(0)
    expect(seen).toHaveLength(1)
  })

  it('refuses what came out when it is a Node build, and installs nothing', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const root = project(null, null)
    const p = nativePaths(root)
    const { rebuild } = fakeRebuild(fakeBinary(process.versions.modules))
    expect(await buildForElectron(p, here, rebuild)).toBe(false)
    expect(warn.mock.calls.join('\n')).toMatch(/Node build|built for Node/)
    expect(existsSync(p.binary)).toBe(false)
    expect(readdirSync(p.outDir)).toEqual([])
  })

  it('fails npm start clearly, in both languages, when the build cannot be made offline', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const root = project(null, null)
    const offline = new Error('getaddrinfo ENOTFOUND electronjs.org')
    const { rebuild } = fakeRebuild(offline)
    expect(await main([], root, rebuild)).toBe(1)
    expect(warn.mock.calls.join('\n')).toContain('ENOTFOUND electronjs.org')
    const said = error.mock.calls.join('\n')
    expect(said).toContain('KHÔNG dựng được better-sqlite3')
    expect(said).toContain('Could NOT build better-sqlite3')
    expect(existsSync(nativePaths(root).binary)).toBe(false)
  })

  it('only reports with --check-only, and exits 0 so packaging is not blocked', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const root = project(null, null)
    expect(await main(['--check-only'], root)).toBe(0)
    const out = log.mock.calls.join('\n')
    expect(out).toContain('must be built')
    expect(out).toContain('Cần dựng')
  })

  it('fails with a clear message when electron is not installed', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await main([], tempProject())).toBe(1)
    expect(error.mock.calls.join('\n')).toContain('npm install')
  })

  it('saves the Node build before packaging and restores it after', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const root = project(null, null)
    const p = nativePaths(root)
    expect(saveNodeBuild(p)).toBe(true)
    // electron-builder's npmRebuild replaces it with an Electron build in place...
    writeFileSync(p.nodeBuild, fakeBinary('150'))
    expect(restoreNodeBuild(p)).toBe(true)
    expect(binaryAbi(readFileSync(p.nodeBuild))).toBe(process.versions.modules)
  })

  it('does not save an Electron build as the Node one', () => {
    const root = project(null, null)
    const p = nativePaths(root)
    writeFileSync(p.nodeBuild, fakeBinary('150'))
    expect(saveNodeBuild(p)).toBe(false)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(restoreNodeBuild(p)).toBe(false)
  })
})
