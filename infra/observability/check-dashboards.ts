// Checks that the dashboards and Prometheus rules only query metrics that exist, so a renamed or
// never-registered metric shows up here instead of as an empty panel or an alert that can never
// fire. Every metric name in a PromQL expression must be
//   (a) registered in the code: a prom-client config (`name: '...'` beside `help:`) in a non-test
//       .ts file under edge-api/src or backend/src (a histogram or summary also gives _bucket,
//       _sum, _count),
//   (b) one of the prom-client default metrics listed below (checked against prom-client itself),
//   (c) one of Prometheus' own per-target series (up, scrape_*),
//   (d) a recording rule defined in the rules file.
// Also: dashboard uids unique, every panel and query on a provisioned datasource uid, and Loki
// queries only selecting and filtering on labels the log pipeline produces.
//   node --import tsx infra/observability/check-dashboards.ts            # everything
//   node --import tsx infra/observability/check-dashboards.ts a.json ...  # only these dashboards
//   ... --promql-out=FILE   also writes the dashboards' PromQL (Grafana variables filled in) as a
//                           rule file, for `promtool check rules` to parse: the syntax check
// Exits 1 listing every problem. Regex-based on purpose: no YAML or PromQL parser dependency.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const rel = (p: string) => relative(root, p);
const RULES = join(here, 'prometheus/rules/spellgrid.rules.yml');
const RULE_TESTS = join(here, 'prometheus/rules/spellgrid.rules.test.yml');
const DATASOURCES = join(here, 'grafana/provisioning/datasources/datasources.yaml');
const LOKI = join(here, 'loki/loki.yaml');
const DASHBOARDS = join(here, 'grafana/dashboards');

const problems: string[] = [];
const problem = (where: string, what: string) => problems.push(`${where}: ${what}`);

// (b) prom-client's default metrics the dashboards and rules may use (collectDefaultMetrics in
// edge-api/src/middleware/metrics.ts and the cluster processes). Listed by hand so a use is a
// decision; each is looked up in prom-client's source below, so a typo still fails.
const DEFAULT_METRICS = [
  'process_resident_memory_bytes', // memory panel, SpellgridMemoryNearLimit
  'process_cpu_seconds_total', // CPU per process
  'process_start_time_seconds', // restarts
  'nodejs_eventloop_lag_p99_seconds', // latency panel, SpellgridEventLoopLagHigh
  'nodejs_eventloop_lag_seconds',
  'nodejs_heap_size_used_bytes',
  'nodejs_heap_size_total_bytes',
];
// (c) series Prometheus adds to every scrape target.
const SCRAPE_METRICS = ['up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'scrape_samples_post_metric_relabeling', 'scrape_series_added'];

// Loki: the collector's stream label (resource attribute `service`, indexed in loki.yaml), the
// structured metadata it attaches (level, trace context; Loki adds detected_level), and the fields
// of the services' JSON lines that `| json` extracts (backend/src/observability/log.ts).
const LOKI_STREAM_LABELS = new Set(['service', 'service_name']);
const LOKI_METADATA = new Set(['level', 'detected_level', 'severity_text', 'trace_id', 'span_id']);
const LOG_FIELDS = new Set(['time', 'level', 'service', 'pid', 'msg', 'requestId', 'prediction', 'trace_id', 'span_id', 'event', 'error', 'role', 'topic', 'offset', 'job']);

// ------------------------------------------------------------------ what the code registers
type Kind = 'Counter' | 'Gauge' | 'Histogram' | 'Summary' | 'unknown';

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'node_modules' || f === 'testing' ? [] : tsFiles(p);
    return /\.ts$/.test(f) && !/\.(test|spec)\.ts$/.test(f) ? [p] : [];
  });
}

function registeredMetrics(): Map<string, Kind> {
  const found = new Map<string, Kind>();
  for (const file of [...tsFiles(join(root, 'edge-api/src')), ...tsFiles(join(root, 'backend/src'))]) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\bname:\s*(['"`])([a-zA-Z_:][a-zA-Z0-9_:]*)\1/g)) {
      // A prom-client config has a help text next to its name; a Mongo index or Kafka config does not.
      const around = src.slice(Math.max(0, m.index - 400), m.index + 400);
      if (!/\bhelp:/.test(around)) continue;
      const before = src.slice(Math.max(0, m.index - 300), m.index);
      const kinds = [...before.matchAll(/\bnew\s+(Counter|Gauge|Histogram|Summary)\b/g)];
      found.set(m[2], (kinds.at(-1)?.[1] as Kind | undefined) ?? 'unknown');
    }
  }
  return found;
}

function checkDefaultMetrics(): void {
  const dir = join(root, 'node_modules/prom-client/lib/metrics');
  if (!existsSync(dir)) return problem('node_modules/prom-client', 'not installed: cannot confirm the default metric names');
  const src = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  for (const name of DEFAULT_METRICS) if (!src.includes(`'${name}'`)) problem('check-dashboards.ts', `${name} is listed as a prom-client default metric but prom-client does not define it`);
}

// ------------------------------------------------------------------ the rules file, read by line
interface Expr { where: string; expr: string }

/** `key: value` entries, where a `|`/`>` value is the following more-indented block. */
function yamlValues(file: string, key: string): Expr[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Expr[] = [];
  const re = new RegExp(`^(\\s*)(?:- )?${key}:\\s*(.*)$`);
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]!);
    if (!m) continue;
    let value = m[2]!.replace(/\s+#.*$/, '');
    if (/^[|>][-+]?$/.test(value)) {
      const block: string[] = [];
      let j = i + 1;
      for (; j < lines.length && (lines[j]!.trim() === '' || indent(lines[j]!) > m[1]!.length); j++) block.push(lines[j]!.trim());
      value = block.join(' ');
    } else {
      value = unquote(value.trim());
    }
    out.push({ where: `${rel(file)}:${i + 1}`, expr: value });
  }
  return out;
}
const indent = (l: string) => l.length - l.trimStart().length;
function unquote(v: string): string {
  if (v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  if (v.startsWith('"') && v.endsWith('"')) return JSON.parse(v) as string;
  return v;
}

// ------------------------------------------------------------------ PromQL metric names
const KEYWORDS = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'atan2', 'inf', 'nan']);

/** The metric names a PromQL expression selects. */
export function promqlMetrics(expr: string): string[] {
  const names: string[] = [];
  let e = expr;
  for (const m of e.matchAll(/__name__\s*=\s*"([^"]+)"/g)) names.push(m[1]!);
  e = e
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""') // strings (label values, regexes)
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // ranges and subqueries
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ') // label lists
    .replace(/\$\{[^}]*\}|\$\w+|\[\[\w+\]\]/g, ' '); // Grafana variables
  for (const m of e.matchAll(/(?<![\w:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w:])(\s*\()?/g)) {
    if (m[2]) continue; // a function or aggregation
    const id = m[1]!;
    if (KEYWORDS.has(id.toLowerCase())) continue;
    names.push(id);
  }
  return names;
}

function checkMetric(where: string, name: string, known: Map<string, Kind>, recorded: Set<string>): void {
  if (recorded.has(name) || SCRAPE_METRICS.includes(name) || DEFAULT_METRICS.includes(name)) return;
  if (known.has(name)) return;
  const suffix = /^(.+)_(bucket|sum|count)$/.exec(name);
  if (suffix) {
    const kind = known.get(suffix[1]!);
    if (kind === 'Histogram' || kind === 'unknown' || (kind === 'Summary' && suffix[2] !== 'bucket')) return;
    if (kind) return problem(where, `${name}: ${suffix[1]} is a ${kind}, it has no _${suffix[2]} series`);
  }
  if (name.includes(':')) return problem(where, `${name} is not a recording rule of ${rel(RULES)}`);
  problem(where, `${name} is not registered in the code (edge-api/src, backend/src), nor a prom-client default or scrape metric`);
}

// ------------------------------------------------------------------ LogQL
function checkLogql(where: string, expr: string): void {
  const selector = /^\s*\{([^}]*)\}/.exec(expr);
  if (!selector) return problem(where, `Loki query without a stream selector: ${expr}`);
  for (const m of selector[1]!.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)/g)) {
    if (!LOKI_STREAM_LABELS.has(m[1]!)) problem(where, `Loki stream label "${m[1]}" is not indexed (stream labels: ${[...LOKI_STREAM_LABELS].join(', ')})`);
  }
  let parsed = false;
  const pipeline = expr.slice(selector[0].length).replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '""');
  for (const stage of pipeline.split(/\|(?![=~])/).map((s) => s.trim()).filter(Boolean)) {
    if (/^(json|logfmt)\b/.test(stage)) { parsed = true; continue; }
    if (/^(line_format|label_format|drop|keep|decolorize|unwrap|pattern|regexp)\b/.test(stage)) continue;
    for (const m of stage.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|==|=|>=|<=|>|<)/g)) {
      const name = m[1]!;
      const ok = LOKI_STREAM_LABELS.has(name) || LOKI_METADATA.has(name) || (parsed && LOG_FIELDS.has(name));
      if (!ok) problem(where, `Loki label "${name}" is not in the log format${parsed ? '' : ' (a log field needs | json first)'}`);
    }
  }
}

function checkLokiConfig(): void {
  const text = readFileSync(LOKI, 'utf8');
  if (!/action:\s*index_label\s*\n\s*attributes:\s*\[[^\]]*\bservice\b/.test(text)) problem(rel(LOKI), 'the `service` resource attribute is not indexed (otlp_config index_label): dashboards select on it');
}

// ------------------------------------------------------------------ configs promtool cannot see
/** Each alert has a `for:`, a severity, and summary/description/runbook_url (docs/deployment.md#alert-<name>). */
function checkAlerts(): void {
  const text = readFileSync(RULES, 'utf8');
  const blocks = text.split(/\n(?=\s*- (?:alert|record):)/).filter((b) => /^\s*- alert:/.test(b));
  if (blocks.length === 0) problem(rel(RULES), 'no alerts');
  for (const b of blocks) {
    const name = /- alert:\s*(\S+)/.exec(b)![1]!;
    const where = `${rel(RULES)} alert ${name}`;
    if (!/\n\s*for:\s*\d+[smh]/.test(b)) problem(where, 'no `for:` duration');
    if (!/severity:\s*(critical|warning|info)\b/.test(b)) problem(where, 'no severity label (critical|warning|info)');
    for (const key of ['summary', 'description']) if (!new RegExp(`\\n\\s*${key}:\\s*\\S`).test(b)) problem(where, `no ${key} annotation`);
    const runbook = /runbook_url:\s*(\S+)/.exec(b)?.[1];
    if (runbook !== `docs/deployment.md#alert-${name.toLowerCase()}`) problem(where, `runbook_url ${runbook} is not docs/deployment.md#alert-${name.toLowerCase()}`);
  }
  // every alert has a test that expects it to fire
  const tests = readFileSync(RULE_TESTS, 'utf8');
  for (const b of blocks) {
    const name = /- alert:\s*(\S+)/.exec(b)![1]!;
    const firing = new RegExp(`alertname:\\s*${name}\\s*\\n\\s*exp_alerts:\\s*\\n\\s*- exp_labels`).test(tests);
    const silent = new RegExp(`alertname:\\s*${name}\\s*\\n\\s*exp_alerts:\\s*\\[\\]`).test(tests);
    if (!firing || !silent) problem(`${rel(RULE_TESTS)}`, `${name} needs a test where it fires and one where it stays silent`);
  }
}

/** The contract's job names and the Compose targets. */
function checkPrometheusConfig(): void {
  const file = join(here, 'prometheus/prometheus.yml');
  const text = readFileSync(file, 'utf8');
  for (const job of ['spellgrid-api', 'spellgrid-worker', 'spellgrid-aggregator']) if (!new RegExp(`job_name:\\s*${job}\\s*\\n`).test(text)) problem(rel(file), `no scrape job ${job}`);
  if (!/targets:\s*\[\s*'api:8787'\s*\]/.test(text)) problem(rel(file), 'spellgrid-api must scrape api:8787');
  if (!/names:\s*\[\s*'worker'\s*\][\s\S]*?type:\s*A[\s\S]*?port:\s*9464/.test(text)) problem(rel(file), 'spellgrid-worker must discover every replica: dns_sd_configs type A on worker, port 9464');
}

/** Loki: single binary on 3100, TSDB schema v13 (structured metadata needs it), retention on. */
function checkLokiSettings(): void {
  const text = readFileSync(LOKI, 'utf8');
  const want: [RegExp, string][] = [
    [/http_listen_port:\s*3100\b/, 'listens on 3100'], [/store:\s*tsdb\b/, 'TSDB index'], [/schema:\s*v13\b/, 'schema v13'],
    [/retention_enabled:\s*true\b/, 'compactor retention enabled'], [/retention_period:\s*\d+[dh]\b/, 'a retention period'],
    [/allow_structured_metadata:\s*true\b/, 'structured metadata allowed (OTLP attributes)'],
  ];
  for (const [re, what] of want) if (!re.test(text)) problem(rel(LOKI), `expected ${what}`);
}

/** The collector: every component a pipeline names is defined, every defined one is used, memory_limiter first, batch last. */
function checkCollector(): void {
  const file = join(here, 'otel/collector.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const defined = new Map<string, Set<string>>();
  let section = '';
  for (const l of lines) {
    const top = /^([a-z_]+):\s*$/.exec(l);
    if (top) { section = top[1]!; continue; }
    const comp = /^ {2}([a-z0-9_]+(?:\/[a-zA-Z0-9_.-]+)?):/.exec(l);
    if (comp && ['receivers', 'processors', 'exporters', 'extensions', 'connectors'].includes(section)) {
      if (!defined.has(section)) defined.set(section, new Set());
      defined.get(section)!.add(comp[1]!);
    }
  }
  const used = new Set<string>();
  const text = lines.join('\n');
  const service = text.slice(text.search(/^service:/m));
  const uses = (kind: string, names: string[], where: string) => {
    for (const n of names) { used.add(`${kind}:${n}`); if (!defined.get(kind)?.has(n)) problem(rel(file), `${where} uses ${kind.slice(0, -1)} ${n}, which is not defined`); }
  };
  const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
  const ext = /\n\s{2}extensions:\s*\[([^\]]*)\]/.exec(service);
  uses('extensions', ext ? list(ext[1]!) : [], 'service');
  const pipelines = [...service.slice(Math.max(0, service.search(/^ {2}pipelines:/m))).matchAll(/^ {4}([a-z]+(?:\/\S+)?):[ \t]*\n((?: {6}.*\n?)+)/gm)];
  if (pipelines.length === 0) problem(rel(file), 'no pipelines');
  for (const [, name, body] of pipelines) {
    for (const kind of ['receivers', 'processors', 'exporters']) {
      const m = new RegExp(`${kind}:\\s*\\[([^\\]]*)\\]`).exec(body!);
      const names = m ? list(m[1]!) : [];
      if (kind !== 'processors' && names.length === 0) problem(rel(file), `pipeline ${name} has no ${kind}`);
      uses(kind, names, `pipeline ${name}`);
      if (kind === 'processors' && (names[0] !== 'memory_limiter' || names.at(-1) !== 'batch')) problem(rel(file), `pipeline ${name}: memory_limiter must come first and batch last`);
    }
  }
  for (const [kind, names] of defined) for (const n of names) if (!used.has(`${kind}:${n}`)) problem(rel(file), `${kind.slice(0, -1)} ${n} is defined but no pipeline uses it`);
  const want: [RegExp, string][] = [
    [/endpoint:\s*0\.0\.0\.0:4317\b/, 'OTLP gRPC on 4317'], [/endpoint:\s*0\.0\.0\.0:4318\b/, 'OTLP HTTP on 4318'],
    [/endpoint:\s*0\.0\.0\.0:13133\b/, 'health_check on 13133'], [/endpoint:\s*http:\/\/loki:3100\/otlp\s*$/m, 'logs to Loki over OTLP (http://loki:3100/otlp)'],
    [/include:\s*\[\s*\/var\/lib\/docker\/containers\/\*\/\*-json\.log\s*\]/, 'the Docker json-file logs'], [/\$\{env:TRACES_ENDPOINT:-[^}]+\}/, 'traces to ${env:TRACES_ENDPOINT} with a default'],
  ];
  for (const [re, what] of want) if (!re.test(text)) problem(rel(file), `expected ${what}`);
}

// ------------------------------------------------------------------ dashboards
interface Target { refId?: string; expr?: string; datasource?: { uid?: string; type?: string } }
interface Panel { id?: number; title?: string; type?: string; datasource?: { uid?: string; type?: string } | string | null; targets?: Target[]; panels?: Panel[]; gridPos?: unknown }
interface Dashboard { uid?: string; title?: string; schemaVersion?: number; panels?: Panel[]; templating?: { list?: { name?: string; type?: string; query?: unknown; datasource?: { uid?: string } }[] } }

function provisionedUids(): Map<string, string> {
  const uids = new Map<string, string>();
  const text = readFileSync(DATASOURCES, 'utf8');
  for (const block of text.split(/\n\s*- name:/).slice(1)) {
    const uid = /\n\s*uid:\s*(\S+)/.exec(block)?.[1];
    const type = /\n\s*type:\s*(\S+)/.exec(block)?.[1];
    if (uid && type) uids.set(uid, type);
  }
  return uids;
}

function dashboardFiles(args: string[]): string[] {
  if (args.length > 0) return args.map((a) => join(process.cwd(), a));
  return readdirSync(DASHBOARDS).filter((f) => f.endsWith('.json')).sort().map((f) => join(DASHBOARDS, f));
}

/** A dashboard expression as Prometheus would receive it: Grafana's interval variables become a duration, the others (label values) a regex. */
function fillVariables(expr: string): string {
  return expr.replace(/\$\{?__(rate_interval|interval|range)\}?/g, '5m').replace(/\$\{\w+(?::\w+)?\}|\$\w+|\[\[\w+\]\]/g, '.+');
}

function main(): void {
  const argv = process.argv.slice(2);
  const promqlOut = argv.find((a) => a.startsWith('--promql-out='))?.slice('--promql-out='.length);
  const args = argv.filter((a) => !a.startsWith('--'));
  const dashboardPromql: string[] = [];
  const known = registeredMetrics();
  const records = yamlValues(RULES, 'record');
  const recorded = new Set(records.map((r) => r.expr));
  const datasources = provisionedUids();
  for (const uid of ['prometheus', 'loki']) if (!datasources.has(uid)) problem(rel(DATASOURCES), `no datasource with uid ${uid}`);
  checkDefaultMetrics();

  let exprs = 0;
  if (args.length === 0) {
    // Rules and their tests: alert and record expressions, and the series the tests feed in.
    for (const { where, expr } of [...yamlValues(RULES, 'expr'), ...yamlValues(RULE_TESTS, 'expr')]) {
      exprs++;
      for (const name of promqlMetrics(expr)) checkMetric(where, name, known, recorded);
    }
    for (const { where, expr } of yamlValues(RULE_TESTS, 'series')) {
      exprs++;
      for (const name of promqlMetrics(expr)) {
        if (recorded.has(name)) problem(where, `${name} is a recording rule: tests feed the raw series it is computed from`);
        else checkMetric(where, name, known, recorded);
      }
    }
    checkLokiConfig();
    checkLokiSettings();
    checkAlerts();
    checkPrometheusConfig();
    checkCollector();
  }

  const uids = new Map<string, string>();
  const files = dashboardFiles(args);
  if (files.length < 4 && args.length === 0) problem(rel(DASHBOARDS), `${files.length} dashboards, expected at least 4`);
  for (const file of files) {
    const name = rel(file);
    let d: Dashboard;
    try { d = JSON.parse(readFileSync(file, 'utf8')) as Dashboard; } catch (e) { problem(name, `not JSON: ${(e as Error).message}`); continue; }
    if (!d.uid || !/^[a-zA-Z0-9_-]{1,40}$/.test(d.uid)) problem(name, `uid missing or not a stable id: ${d.uid}`);
    else if (uids.has(d.uid)) problem(name, `uid ${d.uid} is also used by ${uids.get(d.uid)}`);
    else uids.set(d.uid, name);
    if (!d.title) problem(name, 'no title');
    if ((d.schemaVersion ?? 0) < 39) problem(name, `schemaVersion ${d.schemaVersion} < 39`);

    for (const v of d.templating?.list ?? []) {
      if (v.type !== 'query') continue;
      const where = `${name} variable ${v.name}`;
      if (!v.datasource?.uid || !datasources.has(v.datasource.uid)) problem(where, `datasource ${v.datasource?.uid} is not provisioned`);
      const q = typeof v.query === 'string' ? v.query : (v.query as { query?: string } | undefined)?.query ?? '';
      const lv = /^\s*label_values\((.*),\s*[a-zA-Z_]\w*\s*\)\s*$/.exec(q);
      const promql = lv ? lv[1]! : /^\s*(label_names|metrics)\(/.test(q) ? '' : q.replace(/^\s*query_result\((.*)\)\s*$/, '$1');
      exprs++;
      if (promql.trim()) dashboardPromql.push(promql);
      for (const metric of promqlMetrics(promql)) checkMetric(where, metric, known, recorded);
    }

    const ids = new Set<number>();
    const panels = (ps: Panel[] = []): Panel[] => ps.flatMap((p) => [p, ...panels(p.panels)]);
    for (const p of panels(d.panels)) {
      const where = `${name} panel "${p.title ?? p.id}"`;
      if (p.type === 'row') continue;
      if (typeof p.id !== 'number' || ids.has(p.id)) problem(where, `id ${p.id} missing or repeated`);
      else ids.add(p.id);
      if (!p.gridPos) problem(where, 'no gridPos');
      const ds = typeof p.datasource === 'object' && p.datasource !== null ? p.datasource : undefined;
      if (!ds?.uid || !datasources.has(ds.uid)) { problem(where, `datasource ${JSON.stringify(p.datasource)} is not a provisioned uid (${[...datasources.keys()].join(', ')})`); continue; }
      if (!p.targets?.length) problem(where, 'no queries');
      for (const t of p.targets ?? []) {
        const uid = t.datasource?.uid ?? ds.uid;
        const type = datasources.get(uid);
        if (!type) { problem(`${where} ${t.refId}`, `datasource ${uid} is not provisioned`); continue; }
        if (!t.expr) { problem(`${where} ${t.refId}`, 'empty query'); continue; }
        exprs++;
        if (type === 'loki') checkLogql(`${where} ${t.refId}`, t.expr);
        else {
          dashboardPromql.push(t.expr);
          for (const metric of promqlMetrics(t.expr)) checkMetric(`${where} ${t.refId}`, metric, known, recorded);
        }
      }
    }
  }

  if (promqlOut) {
    // JSON strings are YAML double-quoted scalars, so no escaping of our own.
    const rules = dashboardPromql.map((e, i) => `      - record: dashboard_expr_${i}\n        expr: ${JSON.stringify(fillVariables(e))}`);
    writeFileSync(promqlOut, `# generated by check-dashboards.ts: the dashboards' queries, for promtool to parse\ngroups:\n  - name: dashboards\n    rules:\n${rules.join('\n')}\n`);
  }

  if (problems.length > 0) {
    for (const p of problems) console.error(`check-dashboards: ${p}`);
    console.error(`check-dashboards: ${problems.length} problem(s) in ${files.length} dashboards and ${exprs} expressions`);
    process.exit(1);
  }
  console.log(`check-dashboards: ${files.length} dashboards (${[...uids.keys()].join(', ')}), ${exprs} expressions, ${recorded.size} recording rules: every metric is registered in the code (${known.size} names), a prom-client default, a scrape series or a recording rule`);
}

main();
