// Command schemas writes standalone, strict JSON schemas for kubeconform from authoritative
// sources available offline: the Kubernetes OpenAPI v2 spec (api/openapi-spec/swagger.json of the
// k8s.io/kubernetes module) and CustomResourceDefinition files (YAML or JSON) of the operators the
// chart targets. kubeconform's default schemas live on GitHub, which CI cannot reach.
//
// Layout: <out>/<group>/<kind>_<version>.json, all lowercase kind, group "v1" for the core group,
// matching kubeconform's -schema-location template
// '<out>/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json'.
//
// Every $ref is inlined (standalone); objects with declared properties get
// additionalProperties: false unless they preserve unknown fields (strict), so a misspelled field
// is an error.
//
//	go run . -out DIR -swagger swagger.json crd1.yaml crd2.json ...
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sigs.k8s.io/yaml"
)

type obj = map[string]any

const (
	quantity    = "io.k8s.apimachinery.pkg.api.resource.Quantity"
	objectMeta  = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
	refPrefix   = "#/definitions/"
	maxRefDepth = 64
)

func main() {
	out := flag.String("out", "", "output directory")
	swagger := flag.String("swagger", "", "Kubernetes swagger.json (OpenAPI v2)")
	flag.Parse()
	if *out == "" || *swagger == "" {
		fail("usage: schemas -out DIR -swagger swagger.json [crd.yaml|crd.json ...]")
	}
	var spec struct {
		Definitions map[string]obj `json:"definitions"`
	}
	readJSON(*swagger, &spec)
	g := &gen{defs: spec.Definitions}

	n := 0
	for name, def := range g.defs {
		gvks, _ := def["x-kubernetes-group-version-kind"].([]any)
		// Kinds such as DeleteOptions or WatchEvent belong to every group; they are not resources.
		if len(gvks) != 1 {
			continue
		}
		gvk := gvks[0].(obj)
		schema := g.inline(obj{"$ref": refPrefix + name}, map[string]bool{}, 0)
		pinTypeMeta(schema, str(gvk["group"]), str(gvk["version"]), str(gvk["kind"]))
		write(*out, str(gvk["group"]), str(gvk["version"]), str(gvk["kind"]), schema)
		n++
	}

	meta := g.inline(obj{"$ref": refPrefix + objectMeta}, map[string]bool{}, 0)
	for _, file := range flag.Args() {
		for _, crd := range readCRDs(file) {
			n += writeCRD(*out, crd, meta)
		}
	}
	fmt.Fprintf(os.Stderr, "schemas: wrote %d schemas to %s\n", n, *out)
}

type gen struct{ defs map[string]obj }

// inline returns a copy of s with every $ref replaced by the definition it names. A type that
// contains itself (JSONSchemaProps) is cut at the repetition with an open schema.
func (g *gen) inline(s any, seen map[string]bool, depth int) any {
	switch v := s.(type) {
	case []any:
		r := make([]any, len(v))
		for i, e := range v {
			r[i] = g.inline(e, seen, depth)
		}
		return r
	case obj:
		if ref, ok := v["$ref"].(string); ok {
			name := strings.TrimPrefix(ref, refPrefix)
			if seen[name] || depth > maxRefDepth {
				return obj{}
			}
			def, ok := g.defs[name]
			if !ok {
				fail("unknown $ref " + ref)
			}
			if name == quantity { // "1", 1 and 0.5 are all valid quantities in YAML
				return obj{"oneOf": []any{obj{"type": "string"}, obj{"type": "number"}}}
			}
			seen[name] = true
			r := g.inline(def, seen, depth+1)
			delete(seen, name)
			return r
		}
		r := obj{}
		for k, e := range v {
			switch k {
			case "description", "x-kubernetes-group-version-kind", "x-kubernetes-unions",
				"x-kubernetes-map-type", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
				"x-kubernetes-patch-strategy", "x-kubernetes-patch-merge-key":
				continue // documentation and server-side merge hints, not validation
			case "properties", "patternProperties", "definitions":
				props := obj{}
				for pk, pe := range e.(obj) {
					props[pk] = g.inline(pe, seen, depth)
				}
				r[k] = props
			default:
				r[k] = g.inline(e, seen, depth)
			}
		}
		return normalize(r)
	default:
		return s
	}
}

// normalize maps OpenAPI idioms onto JSON Schema and makes objects strict.
func normalize(r obj) obj {
	if r["format"] == "int-or-string" || r["x-kubernetes-int-or-string"] == true {
		delete(r, "type")
		delete(r, "format")
		delete(r, "x-kubernetes-int-or-string")
		r["oneOf"] = []any{obj{"type": "string"}, obj{"type": "integer"}}
	}
	// OpenAPI formats such as int32 or byte are not JSON Schema formats; a validator that knows
	// only some of them would check those inconsistently.
	delete(r, "format")
	if r["nullable"] == true {
		if t, ok := r["type"].(string); ok {
			r["type"] = []any{t, "null"}
		}
	}
	delete(r, "nullable")
	preserve := r["x-kubernetes-preserve-unknown-fields"] == true
	delete(r, "x-kubernetes-preserve-unknown-fields")
	delete(r, "x-kubernetes-embedded-resource")
	delete(r, "x-kubernetes-validations") // CEL rules: enforced by the API server, not here
	if _, has := r["properties"]; has && !preserve {
		if _, set := r["additionalProperties"]; !set {
			r["additionalProperties"] = false
		}
	}
	return r
}

// pinTypeMeta makes apiVersion and kind required and exact, so a schema is never used for a
// document of another kind.
func pinTypeMeta(schema any, group, version, kind string) {
	s, ok := schema.(obj)
	if !ok {
		return
	}
	props, _ := s["properties"].(obj)
	if props == nil {
		return
	}
	apiVersion := version
	if group != "" {
		apiVersion = group + "/" + version
	}
	props["apiVersion"] = obj{"type": "string", "enum": []any{apiVersion}}
	props["kind"] = obj{"type": "string", "enum": []any{kind}}
	req, _ := s["required"].([]any)
	for _, k := range []string{"apiVersion", "kind"} {
		if !contains(req, k) {
			req = append(req, k)
		}
	}
	s["required"] = req
}

func writeCRD(out string, crd obj, meta any) int {
	if crd["kind"] != "CustomResourceDefinition" {
		return 0
	}
	spec := crd["spec"].(obj)
	group := str(spec["group"])
	kind := str(spec["names"].(obj)["kind"])
	g := &gen{}
	n := 0
	for _, v := range spec["versions"].([]any) {
		version := v.(obj)
		if version["served"] == false {
			continue
		}
		sch, _ := version["schema"].(obj)
		if sch == nil {
			fail(fmt.Sprintf("CRD %s/%s %s has no schema", group, version["name"], kind))
		}
		schema := g.inline(sch["openAPIV3Schema"], map[string]bool{}, 0).(obj)
		// CRDs declare metadata as a bare object; check it like a built-in's ObjectMeta.
		if props, ok := schema["properties"].(obj); ok {
			props["metadata"] = meta
		}
		pinTypeMeta(schema, group, str(version["name"]), kind)
		write(out, group, str(version["name"]), kind, schema)
		n++
	}
	return n
}

func write(out, group, version, kind string, schema any) {
	dir := group
	if dir == "" {
		dir = version // kubeconform's {{ .Group }} is "v1" for apiVersion v1
	}
	path := filepath.Join(out, dir, strings.ToLower(kind)+"_"+version+".json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		fail(err.Error())
	}
	if m, ok := schema.(obj); ok {
		m["$schema"] = "http://json-schema.org/draft-07/schema#"
	}
	b, err := json.Marshal(schema)
	if err != nil {
		fail(err.Error())
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		fail(err.Error())
	}
}

func readCRDs(file string) []obj {
	b, err := os.ReadFile(file)
	if err != nil {
		fail(err.Error())
	}
	var docs []obj
	for _, doc := range bytes.Split(b, []byte("\n---")) {
		if len(bytes.TrimSpace(doc)) == 0 {
			continue
		}
		j, err := yaml.YAMLToJSON(doc) // JSON is YAML too
		if err != nil {
			fail(file + ": " + err.Error())
		}
		var o obj
		if err := json.Unmarshal(j, &o); err != nil {
			fail(file + ": " + err.Error())
		}
		if o != nil {
			docs = append(docs, o)
		}
	}
	if len(docs) == 0 {
		fail(file + ": no documents")
	}
	return docs
}

func readJSON(file string, v any) {
	b, err := os.ReadFile(file)
	if err != nil {
		fail(err.Error())
	}
	if err := json.Unmarshal(b, v); err != nil {
		fail(file + ": " + err.Error())
	}
}

func contains(l []any, s string) bool {
	for _, e := range l {
		if e == s {
			return true
		}
	}
	return false
}

func str(v any) string { s, _ := v.(string); return s }

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "schemas:", msg)
	os.Exit(1)
}
