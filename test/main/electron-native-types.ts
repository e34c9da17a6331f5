// Types of scripts/electron-native.mjs (plain JS run by node), for its unit tests.

export interface NativePaths {
  root: string
  electronPackage: string
  electronAbi: string
  sqliteDir: string
  sqlitePackage: string
  nodeBuild: string
  outDir: string
  binary: string
  stamp: string
  nodeBackup: string
  nodeBackupStamp: string
}

export interface Target {
  electron: string
  abi: string | null
  betterSqlite3: string
  platform: string
  arch: string
}

export type Decision =
  | { build: false; reason: 'up-to-date' }
  | { build: true; reason: 'missing' | 'no-stamp' | 'forced' }
  | { build: true; reason: 'changed'; key: string; from: unknown; to: unknown }

/** The options scripts/electron-native.mjs gives @electron/rebuild's rebuild(). */
export interface RebuildOptions {
  buildPath: string
  projectRootPath: string
  electronVersion: string
  platform: string
  arch: string
  onlyModules: string[]
  force: boolean
  mode: 'sequential'
}

export type Rebuild = (options: RebuildOptions) => Promise<void>

export type Pair = [vi: string, en: string]

/** The module's exports (function-typed properties: they are used detached). */
export interface NativePlan {
  nativePaths: (root: string) => NativePaths
  readTarget: (
    paths: NativePaths,
    io?: { readFile?: (path: string) => string; platform?: string; arch?: string }
  ) => Target
  buildDecision: (
    stamp: unknown,
    target: Target,
    binaryExists: boolean,
    foundAbi?: string | null
  ) => Decision
  rebuildOptions: (workDir: string, target: Target) => RebuildOptions
  copyFilter: (packageDir: string) => (src: string) => boolean
  binaryAbi: (bytes: Uint8Array) => string | null
  classifyBinary: (
    foundAbi: string | null,
    electronAbi: string | null,
    nodeAbi?: string
  ) => 'ok' | 'node-build' | 'wrong-abi' | 'unverified'
  buildForElectron: (paths: NativePaths, target: Target, rebuild?: Rebuild) => Promise<boolean>
  saveNodeBuild: (paths: NativePaths) => boolean
  restoreNodeBuild: (paths: NativePaths) => boolean
  beforeBuild: (context?: { appDir?: string }) => boolean
  afterAllArtifactBuild: () => string[]
  main: (argv: string[], root?: string, rebuild?: Rebuild) => Promise<number>
  messages: {
    upToDate: (target: Target) => Pair
    needsBuild: (target: Target, decision: Decision) => Pair
    checkOnlyHint: () => Pair
    missingPackages: (error: string) => Pair
    trying: (label: string) => Pair
    attemptFailed: (label: string, why: string) => Pair
    built: (target: Target, label: string, file: string) => Pair
    unverified: () => Pair
    buildFailed: (target: Target) => Pair
    nodeBuildBroken: () => Pair
    nodeBackedUp: (file: string) => Pair
    nodeRestored: () => Pair
    nodeRestoreImpossible: () => Pair
  }
}
