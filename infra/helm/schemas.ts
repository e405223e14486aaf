// Writes standalone, strict JSON schemas for kubeconform from authoritative sources available
// offline: the Kubernetes OpenAPI v2 spec (api/openapi-spec/swagger.json of the k8s.io/kubernetes
// Go module) and CustomResourceDefinition files (YAML or JSON) of the operators the chart targets.
// kubeconform's default schemas live on GitHub, which CI cannot reach.
//
// Layout: <out>/<group>/<kind>_<version>.json, kind lowercase, group "v1" for the core group,
// matching kubeconform's -schema-location template
// '<out>/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json'.
//
// Every $ref is inlined (standalone); objects with declared properties get
// additionalProperties: false unless they preserve unknown fields (strict), so a misspelled field
// is an error.
//
//   node --import tsx infra/helm/schemas.ts --out DIR --swagger swagger.json crd1.yaml crd2.json ...
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseAllDocuments, type Tags } from 'yaml';

type Json = null | boolean | number | string | Json[] | Obj;
type Obj = { [key: string]: Json };

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const REF_PREFIX = '#/definitions/';
const MAX_REF_DEPTH = 64;
const USAGE = 'usage: schemas.ts --out DIR --swagger swagger.json [crd.yaml|crd.json ...]';

// Documentation and server-side merge hints, not validation: left out of the schemas.
const DROPPED = new Set([
  'description',
  'x-kubernetes-group-version-kind',
  'x-kubernetes-unions',
  'x-kubernetes-map-type',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-patch-merge-key',
]);
// Keys whose value is a map of name -> schema, rather than a schema.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);

function fail(message: string): never {
  console.error(`schemas: ${message}`);
  process.exit(1);
}

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: Json | undefined): string => (typeof v === 'string' ? v : '');
function asObj(v: Json | undefined, what: string): Obj {
  if (!isObj(v)) fail(`${what} is not an object`);
  return v;
}

// Returns a copy of s with every $ref replaced by the definition it names. A type that contains
// itself (JSONSchemaProps) is cut at the repetition with an open schema.
function inline(defs: Obj, s: Json, seen: Set<string>, depth: number): Json {
  if (Array.isArray(s)) return s.map((e) => inline(defs, e, seen, depth));
  if (!isObj(s)) return s;
  const ref = s.$ref;
  if (typeof ref === 'string') {
    const name = ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : ref;
    if (seen.has(name) || depth > MAX_REF_DEPTH) return {};
    const def = defs[name];
    if (def === undefined) fail(`unknown $ref ${ref}`);
    // "1", 1 and 0.5 are all valid quantities in YAML
    if (name === QUANTITY) return { oneOf: [{ type: 'string' }, { type: 'number' }] };
    seen.add(name);
    const r = inline(defs, def, seen, depth + 1);
    seen.delete(name);
    return r;
  }
  const r: Obj = {};
  for (const [k, e] of Object.entries(s)) {
    if (DROPPED.has(k)) continue;
    if (SCHEMA_MAPS.has(k)) {
      const props: Obj = {};
      for (const [pk, pe] of Object.entries(asObj(e, k))) props[pk] = inline(defs, pe, seen, depth);
      r[k] = props;
    } else {
      r[k] = inline(defs, e, seen, depth);
    }
  }
  return normalize(r);
}

// Maps OpenAPI idioms onto JSON Schema and makes objects strict.
function normalize(r: Obj): Obj {
  if (r.format === 'int-or-string' || r['x-kubernetes-int-or-string'] === true) {
    delete r.type;
    delete r['x-kubernetes-int-or-string'];
    r.oneOf = [{ type: 'string' }, { type: 'integer' }];
  }
  // OpenAPI formats such as int32 or byte are not JSON Schema formats; a validator that knows only
  // some of them would check those inconsistently.
  delete r.format;
  if (r.nullable === true && typeof r.type === 'string') r.type = [r.type, 'null'];
  delete r.nullable;
  const preserve = r['x-kubernetes-preserve-unknown-fields'] === true;
  delete r['x-kubernetes-preserve-unknown-fields'];
  delete r['x-kubernetes-embedded-resource'];
  delete r['x-kubernetes-validations']; // CEL rules: enforced by the API server, not here
  if ('properties' in r && !preserve && !('additionalProperties' in r)) r.additionalProperties = false;
  return r;
}

// Makes apiVersion and kind required and exact, so a schema is never used for a document of
// another kind.
function pinTypeMeta(schema: Json, group: string, version: string, kind: string): void {
  if (!isObj(schema) || !isObj(schema.properties)) return;
  schema.properties.apiVersion = { type: 'string', enum: [group ? `${group}/${version}` : version] };
  schema.properties.kind = { type: 'string', enum: [kind] };
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const k of ['apiVersion', 'kind']) if (!required.includes(k)) required.push(k);
  schema.required = required;
}

// JSON with object keys sorted, so the same sources always give the same bytes.
function encode(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(encode).join(',')}]`;
  if (isObj(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${encode(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function write(out: string, group: string, version: string, kind: string, schema: Json): void {
  // kubeconform's {{ .Group }} is "v1" for apiVersion v1
  const path = join(out, group || version, `${kind.toLowerCase()}_${version}.json`);
  mkdirSync(dirname(path), { recursive: true });
  if (isObj(schema)) schema.$schema = 'http://json-schema.org/draft-07/schema#';
  writeFileSync(path, encode(schema));
}

function writeCRD(out: string, crd: Obj, meta: Json): number {
  if (crd.kind !== 'CustomResourceDefinition') return 0;
  const spec = asObj(crd.spec, 'CRD spec');
  const group = str(spec.group);
  const kind = str(asObj(spec.names, 'CRD spec.names').kind);
  if (!Array.isArray(spec.versions)) fail(`CRD ${group} ${kind} has no spec.versions`);
  let n = 0;
  for (const v of spec.versions) {
    const version = asObj(v, `CRD ${group} ${kind} version`);
    if (version.served === false) continue;
    const name = str(version.name);
    if (!isObj(version.schema)) fail(`CRD ${group}/${name} ${kind} has no schema`);
    // CRD schemas have no $refs: an empty definitions table makes any $ref an error.
    const schema = asObj(inline({}, version.schema.openAPIV3Schema, new Set(), 0), `CRD ${group}/${name} ${kind} schema`);
    // CRDs declare metadata as a bare object; check it like a built-in's ObjectMeta.
    if (isObj(schema.properties)) schema.properties.metadata = meta;
    pinTypeMeta(schema, group, name, kind);
    write(out, group, name, kind, schema);
    n++;
  }
  return n;
}

// Every document of a YAML (or JSON) file, read the way Kubernetes' own tools (sigs.k8s.io/yaml)
// read manifests: YAML 1.1, so an unquoted `on` or `yes` is a boolean and `0777` octal, but
// without 1.1's base-60 numbers (`12:30`) and timestamps, which those tools keep as strings.
const goYamlTags = (tags: Tags) =>
  tags.filter((t) => typeof t === 'string' || (t.format !== 'TIME' && t.tag !== 'tag:yaml.org,2002:timestamp'));
function readCRDs(file: string): Obj[] {
  const docs: Obj[] = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { version: '1.1', customTags: goYamlTags })) {
    if (doc.errors.length > 0) fail(`${file}: ${doc.errors[0].message}`);
    const o = doc.toJS() as Json;
    if (o === null || o === undefined) continue; // an empty document
    if (!isObj(o)) fail(`${file}: a document is not a mapping`);
    docs.push(o);
  }
  if (docs.length === 0) fail(`${file}: no documents`);
  return docs;
}

// -out DIR / --out DIR / --out=DIR (and likewise swagger), then the CRD files.
function parseArgs(args: string[]): { out: string; swagger: string; files: string[] } {
  const flags: Record<string, string> = {};
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    if (args[i] === '--') {
      i++;
      break;
    }
    const m = /^--?(out|swagger)(?:=(.*))?$/s.exec(args[i]);
    const value = m?.[2] ?? args[++i];
    if (!m || value === undefined) fail(USAGE);
    flags[m[1]] = value;
  }
  if (!flags.out || !flags.swagger) fail(USAGE);
  return { out: flags.out, swagger: flags.swagger, files: args.slice(i) };
}

function main(): void {
  const { out, swagger, files } = parseArgs(process.argv.slice(2));
  let spec: Json;
  try {
    spec = JSON.parse(readFileSync(swagger, 'utf8')) as Json;
  } catch (e) {
    fail(`${swagger}: ${(e as Error).message}`);
  }
  const defs = isObj(spec) && isObj(spec.definitions) ? spec.definitions : fail(`${swagger}: no definitions`);

  let n = 0;
  for (const name of Object.keys(defs)) {
    const gvks = asObj(defs[name], name)['x-kubernetes-group-version-kind'];
    // Kinds such as DeleteOptions or WatchEvent belong to every group; they are not resources.
    if (!Array.isArray(gvks) || gvks.length !== 1) continue;
    const gvk = asObj(gvks[0], `${name} group-version-kind`);
    const schema = inline(defs, { $ref: REF_PREFIX + name }, new Set(), 0);
    pinTypeMeta(schema, str(gvk.group), str(gvk.version), str(gvk.kind));
    write(out, str(gvk.group), str(gvk.version), str(gvk.kind), schema);
    n++;
  }

  const meta = inline(defs, { $ref: REF_PREFIX + OBJECT_META }, new Set(), 0);
  for (const file of files) for (const crd of readCRDs(file)) n += writeCRD(out, crd, meta);
  console.error(`schemas: wrote ${n} schemas to ${out}`);
}

main();
