// The extension's settings (the "boundwise.*" configuration) and what they
// become for boundwise-lsp: its command line and its initialization options.
// No `vscode` import, so that the unit tests run in plain Node.

export interface Settings {
  /** boundwise-lsp: a name on PATH or a path. */
  path: string;
  /** The directory of compile_commands.json; empty: search upward. */
  compileCommandsDir: string;
  /** Rule names or globs, as in boundwise's --checks; empty: all. */
  enabledRules: string[];
  /** Verdicts of functions as inlay hints. */
  inlayHints: boolean;
  /** Extra arguments of boundwise-lsp, appended as given. */
  arguments: string[];
  /** Flags of the files no compilation database covers. */
  fallbackFlags: string[];
  /** The most files analysed at once; 0: the number of cores. */
  jobs: number;
}

export const defaults: Settings = {
  path: 'boundwise-lsp',
  compileCommandsDir: '',
  enabledRules: [],
  inlayHints: true,
  arguments: [],
  fallbackFlags: [],
  jobs: 0,
};

/** Reads the settings through `get` (a WorkspaceConfiguration's), falling
 *  back to the defaults for what is missing or of the wrong type. */
export function readSettings(
  get: (key: string) => unknown,
): Settings {
  const str = (key: keyof Settings): string => {
    const v = get(key);
    return typeof v === 'string' ? v : (defaults[key] as string);
  };
  const list = (key: keyof Settings): string[] => {
    const v = get(key);
    return Array.isArray(v) && v.every((e) => typeof e === 'string')
      ? (v as string[])
      : (defaults[key] as string[]);
  };
  const flag = get('inlayHints');
  const jobs = get('jobs');
  return {
    path: str('path'),
    compileCommandsDir: str('compileCommandsDir'),
    enabledRules: list('enabledRules'),
    inlayHints: typeof flag === 'boolean' ? flag : defaults.inlayHints,
    arguments: list('arguments'),
    fallbackFlags: list('fallbackFlags'),
    jobs: Number.isInteger(jobs) && (jobs as number) >= 0
      ? (jobs as number)
      : defaults.jobs,
  };
}

/** Replaces ${workspaceFolder} (and ${workspaceRoot}, its old name) as
 *  vscode-clangd does; left as it is without a workspace folder. */
export function substitute(value: string, workspaceFolder?: string): string {
  if (workspaceFolder === undefined) return value;
  return value.replace(/\$\{workspace(Folder|Root)\}/g, workspaceFolder);
}

/** The --checks value of the enabled rules: only those run. */
export function checksGlob(rules: string[]): string | undefined {
  const names = rules.map((r) => r.trim()).filter((r) => r.length > 0);
  if (names.length === 0) return undefined;
  return ['-*', ...names].join(',');
}

export interface ServerCommand {
  command: string;
  args: string[];
}

/** boundwise-lsp's command line. */
export function serverCommand(
  settings: Settings,
  workspaceFolder?: string,
): ServerCommand {
  const command = substitute(settings.path.trim(), workspaceFolder) ||
    defaults.path;
  const args: string[] = [];
  const dir = substitute(settings.compileCommandsDir.trim(), workspaceFolder);
  if (dir) args.push(`--compile-commands-dir=${dir}`);
  for (const arg of settings.arguments)
    args.push(substitute(arg, workspaceFolder));
  return { command, args };
}

/** What the server reads from `initializationOptions` (and from
 *  workspace/didChangeConfiguration): see ServerSettings in lsp/Protocol.h.
 *  `checks` carries the enabled rules; a server that does not know the key
 *  ignores it. */
export interface InitializationOptions {
  inlayHints: boolean;
  fallbackFlags?: string[];
  checks?: string;
  jobs?: number;
}

export function initializationOptions(
  settings: Settings,
  workspaceFolder?: string,
): InitializationOptions {
  const options: InitializationOptions = { inlayHints: settings.inlayHints };
  if (settings.fallbackFlags.length > 0)
    options.fallbackFlags = settings.fallbackFlags.map((f) =>
      substitute(f, workspaceFolder));
  const checks = checksGlob(settings.enabledRules);
  if (checks !== undefined) options.checks = checks;
  if (settings.jobs > 0) options.jobs = settings.jobs;
  return options;
}
