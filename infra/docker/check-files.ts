// Checks what the linters cannot see without a Docker engine (called by validate.sh).
//
//   node --import tsx infra/docker/check-files.ts compose CONFIG_JSON PROJECT_DIR
//       CONFIG_JSON is `docker compose config --format json` (paths already resolved). Fails when a
//       bind-mounted host path is missing (Docker would quietly create an empty directory in its
//       place), when a path a service's command names inside a bind mount is missing on the host
//       (--config.file=/etc/prometheus/prometheus.yml), or when a build target is not a Dockerfile stage.
//   node --import tsx infra/docker/check-files.ts dockerfile DOCKERFILE CONTEXT
//       Fails when a COPY/ADD source (without --from) is missing from the build context or excluded
//       by CONTEXT/.dockerignore: `docker build` would fail only in CI.
//   node --import tsx infra/docker/check-files.ts workflow WORKFLOW DOCKERFILE
//       Fails when the images job's matrix names a target that is not a Dockerfile stage.
// Prints each problem to stderr and exits 1. Regex-based on purpose: the matrix is a one-line
// flow list and a Dockerfile is line-based, so no parser is needed.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';

// Host paths that belong to the Docker host, not to this repository.
const HOST_PATHS = ['/var/lib/docker/containers', '/var/run/docker.sock'];

type Volume = { type?: string; source: string; target: string };
type Service = {
  volumes?: Volume[];
  command?: string[] | null;
  entrypoint?: string[] | null;
  build?: { context: string; dockerfile?: string; target?: string };
};

// Any line ending read as \n, so a CRLF file's `\` continuations and ^ anchors work the same.
const read = (file: string) => readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');

// Plain concatenation, not path.join: the messages show the paths as written, un-normalised; an
// absolute second part stands alone, as Docker treats it.
const join = (dir: string, p: string) =>
  p.startsWith('/') || dir === '' ? p : dir.endsWith('/') ? dir + p : `${dir}/${p}`;

const isDir = (p: string) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

function stages(dockerfile: string): Set<string> {
  return new Set([...read(dockerfile).matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]));
}

function checkCompose(configJson: string): string[] {
  const config = JSON.parse(read(configJson)) as { services?: Record<string, Service> };
  const problems: string[] = [];
  const services = Object.entries(config.services ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, service] of services) {
    const mounts: [string, string][] = [];
    for (const { type, source, target } of service.volumes ?? []) {
      if (type !== 'bind' || HOST_PATHS.some((h) => source.startsWith(h))) continue;
      if (!existsSync(source)) problems.push(`${name}: bind mount source ${source} (-> ${target}) does not exist`);
      mounts.push([source, target]);
    }
    // paths the command names inside a bind-mounted directory (\p{L}\p{N}: non-ASCII names too)
    for (const word of [...(service.command || []), ...(service.entrypoint || [])]) {
      for (const [path] of word.matchAll(/\/[\p{L}\p{N}_./-]+/gu)) {
        for (const [source, target] of mounts) {
          const prefix = target.replace(/\/+$/, '');
          if (isDir(source) && path.startsWith(`${prefix}/`)) {
            const host = join(source, path.slice(prefix.length + 1));
            if (!existsSync(host)) problems.push(`${name}: its command names ${path}, but ${host} does not exist`);
          }
        }
      }
    }
    const build = service.build;
    if (build?.target) {
      const dockerfile = join(build.context, build.dockerfile ?? 'Dockerfile');
      if (!stages(dockerfile).has(build.target)) {
        problems.push(`${name}: build target ${build.target} is not a stage of ${dockerfile}`);
      }
    }
  }
  return problems;
}

// .dockerignore as [negated, pattern] pairs, leading `!` and surrounding slashes removed.
function ignorePatterns(context: string): [boolean, string][] {
  const path = join(context, '.dockerignore');
  if (!existsSync(path)) return [];
  return read(path)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.startsWith('!'), line.replace(/^!+/, '').replace(/^\/+|\/+$/g, '')]);
}

// Shell-style match of a whole path: * and ? also match `/`, [...] is a set, [!...] its complement.
function globMatch(name: string, pattern: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '!') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j++;
      if (j >= pattern.length) {
        re += '\\['; // no closing bracket: a literal [
        continue;
      }
      const set = pattern.slice(i + 1, j).replaceAll('\\', '\\\\');
      re += set.startsWith('!') ? `[^${set.slice(1)}]` : /^[\^[]/.test(set) ? `[\\${set}]` : `[${set}]`;
      i = j;
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/, '\\$&');
  }
  return new RegExp(`^(?:${re})$`, 's').test(name);
}

// Docker's rule, simplified: the last matching pattern wins; a pattern matches a path or any of its
// parents; ** matches any number of folders.
function ignored(rel: string, patterns: [boolean, string][]): boolean {
  const parts = rel.split('/');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let result = false;
  for (const [negate, pattern] of patterns) {
    const alternatives = [pattern, pattern.replaceAll('**/', '')];
    if (prefixes.some((p) => alternatives.some((a) => globMatch(p, a)))) result = !negate;
  }
  return result;
}

// a/./b, a//b and a/ all name a/b's parent chain the same way
const normalize = (p: string) => {
  const n = posix.normalize(p);
  return n.length > 1 ? n.replace(/\/$/, '') : n;
};

function checkDockerfile(dockerfile: string, context: string): string[] {
  const patterns = ignorePatterns(context);
  const problems: string[] = [];
  for (const line of read(dockerfile).replaceAll('\\\n', ' ').split('\n')) {
    const m = /^\s*(COPY|ADD)\s+(.*)/i.exec(line);
    if (!m) continue;
    const words = m[2].split(/\s+/).filter(Boolean);
    if (words.some((w) => w.startsWith('--from'))) continue; // from another stage, not from the context
    const args = words.filter((w) => !w.startsWith('--'));
    for (const source of args.slice(0, -1)) {
      if (!existsSync(join(context, source))) {
        problems.push(`${dockerfile}: ${m[1]} source ${source} is not in the build context`);
      } else if (ignored(normalize(source), patterns)) {
        problems.push(`${dockerfile}: ${m[1]} source ${source} is excluded by .dockerignore`);
      }
    }
  }
  return problems;
}

function checkWorkflow(workflow: string, dockerfile: string): string[] {
  const text = read(workflow);
  const known = stages(dockerfile);
  const problems: string[] = [];
  for (const m of text.matchAll(/^\s*target:\s*\[([^\]]*)\]/gm)) {
    for (const target of m[1].split(',').map((t) => t.trim())) {
      if (!known.has(target)) problems.push(`${workflow}: matrix target ${target} is not a stage of ${dockerfile}`);
    }
  }
  if (problems.length === 0 && !/^\s*target:\s*\[/m.test(text)) {
    problems.push(`${workflow}: no images matrix (target: [...]) found`);
  }
  return problems;
}

const [kind, a, b, ...rest] = process.argv.slice(2);
const checks: Record<string, (a: string, b: string) => string[]> = {
  compose: checkCompose, // PROJECT_DIR is not needed: compose config has resolved every path
  dockerfile: checkDockerfile,
  workflow: checkWorkflow,
};
const check = Object.hasOwn(checks, kind ?? '') ? checks[kind!] : undefined;
if (!check || a === undefined || b === undefined || rest.length > 0) {
  console.error('usage: check-files.ts compose CONFIG_JSON PROJECT_DIR | dockerfile DOCKERFILE CONTEXT | workflow WORKFLOW DOCKERFILE');
  process.exit(2);
}
const problems = check(a, b);
for (const p of problems) console.error(`  ${p}`);
process.exitCode = problems.length > 0 ? 1 : 0;
