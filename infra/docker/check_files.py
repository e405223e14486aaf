#!/usr/bin/env python3
"""Checks what the linters cannot see without a Docker engine (called by validate.sh).

  check_files.py compose CONFIG_JSON PROJECT_DIR
      CONFIG_JSON is `docker compose config --format json` (paths already resolved). Fails when a
      bind-mounted host path is missing (Docker would quietly create an empty directory in its
      place), when a path a service's command names inside a bind mount is missing on the host
      (--config.file=/etc/prometheus/prometheus.yml), or when a build target is not a Dockerfile stage.
  check_files.py dockerfile DOCKERFILE CONTEXT
      Fails when a COPY/ADD source (without --from) is missing from the build context or excluded
      by CONTEXT/.dockerignore: `docker build` would fail only in CI.
  check_files.py workflow WORKFLOW DOCKERFILE
      Fails when the images job's matrix names a target that is not a Dockerfile stage.
"""
import fnmatch
import json
import os
import re
import sys

# Host paths that belong to the Docker host, not to this repository.
HOST_PATHS = ('/var/lib/docker/containers', '/var/run/docker.sock')


def stages(dockerfile):
    text = open(dockerfile, encoding='utf-8').read()
    return set(re.findall(r'^FROM\s+\S+\s+AS\s+(\S+)', text, flags=re.M | re.I))


def check_compose(config_json, project_dir):
    config = json.load(open(config_json, encoding='utf-8'))
    problems = []
    for name, service in sorted(config.get('services', {}).items()):
        mounts = []
        for v in service.get('volumes', []):
            if v.get('type') != 'bind':
                continue
            source, target = v['source'], v['target']
            if source.startswith(HOST_PATHS):
                continue
            if not os.path.exists(source):
                problems.append(f'{name}: bind mount source {source} (-> {target}) does not exist')
            mounts.append((source, target))
        # paths the command names inside a bind-mounted directory
        words = (service.get('command') or []) + (service.get('entrypoint') or [])
        for word in words:
            for path in re.findall(r'(/[\w./-]+)', word):
                for source, target in mounts:
                    if os.path.isdir(source) and path.startswith(target.rstrip('/') + '/'):
                        host = os.path.join(source, path[len(target.rstrip('/')) + 1:])
                        if not os.path.exists(host):
                            problems.append(f'{name}: its command names {path}, but {host} does not exist')
        build = service.get('build')
        if build and build.get('target'):
            dockerfile = os.path.join(build['context'], build.get('dockerfile', 'Dockerfile'))
            if build['target'] not in stages(dockerfile):
                problems.append(f'{name}: build target {build["target"]} is not a stage of {dockerfile}')
    return problems


def ignore_patterns(context):
    path = os.path.join(context, '.dockerignore')
    if not os.path.exists(path):
        return []
    patterns = []
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if line and not line.startswith('#'):
            patterns.append((line.startswith('!'), line.lstrip('!').strip('/')))
    return patterns


def ignored(rel, patterns):
    """Docker's rule, simplified: the last matching pattern wins; a pattern matches a path or any
    of its parents; ** matches any number of folders."""
    parts = rel.split('/')
    prefixes = ['/'.join(parts[:i]) for i in range(1, len(parts) + 1)]
    result = False
    for negate, pattern in patterns:
        alternatives = {pattern, pattern.replace('**/', '')}
        if any(fnmatch.fnmatchcase(p, a) for p in prefixes for a in alternatives):
            result = not negate
    return result


def check_dockerfile(dockerfile, context):
    patterns = ignore_patterns(context)
    problems = []
    text = open(dockerfile, encoding='utf-8').read().replace('\\\n', ' ')
    for lineno, line in enumerate(text.splitlines(), 1):
        m = re.match(r'\s*(COPY|ADD)\s+(.*)', line, flags=re.I)
        if not m:
            continue
        words = m.group(2).split()
        if any(w.startswith('--from') for w in words):
            continue  # from another stage, not from the context
        args = [w for w in words if not w.startswith('--')]
        for source in args[:-1]:
            if not os.path.exists(os.path.join(context, source)):
                problems.append(f'{dockerfile}: {m.group(1)} source {source} is not in the build context')
            elif ignored(os.path.normpath(source), patterns):
                problems.append(f'{dockerfile}: {m.group(1)} source {source} is excluded by .dockerignore')
    return problems


def check_workflow(workflow, dockerfile):
    text = open(workflow, encoding='utf-8').read()
    known = stages(dockerfile)
    problems = []
    for m in re.finditer(r'^\s*target:\s*\[([^\]]*)\]', text, flags=re.M):
        for target in (t.strip() for t in m.group(1).split(',')):
            if target not in known:
                problems.append(f'{workflow}: matrix target {target} is not a stage of {dockerfile}')
    if not problems and not re.search(r'^\s*target:\s*\[', text, flags=re.M):
        problems.append(f'{workflow}: no images matrix (target: [...]) found')
    return problems


def main(argv):
    kind, *args = argv
    problems = {'compose': check_compose, 'dockerfile': check_dockerfile, 'workflow': check_workflow}[kind](*args)
    for p in problems:
        print(f'  {p}', file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
