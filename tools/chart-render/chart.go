package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"sigs.k8s.io/yaml"
)

// Chart is what Helm's loader makes of a chart directory: metadata, default values, templates
// (by "<chart name>/templates/<file>") and the other files (.Files).
type Chart struct {
	Metadata  map[string]interface{}
	Values    map[string]interface{}
	Templates map[string]string
	Files     Files
}

func loadChart(dir string) (*Chart, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "Chart.yaml"))
	if err != nil {
		return nil, err
	}
	var meta map[string]interface{}
	if err := yaml.Unmarshal(raw, &meta); err != nil {
		return nil, fmt.Errorf("Chart.yaml: %w", err)
	}
	chart := &Chart{Metadata: chartMetadata(meta), Templates: map[string]string{}, Files: Files{}}
	name, _ := meta["name"].(string)
	if name == "" {
		return nil, fmt.Errorf("Chart.yaml: name is required")
	}
	if chart.Values, err = readValuesFile(filepath.Join(dir, "values.yaml")); err != nil {
		return nil, err
	}
	err = filepath.Walk(dir, func(file string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, file)
		rel = filepath.ToSlash(rel)
		content, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		switch {
		case strings.HasPrefix(rel, "templates/"):
			chart.Templates[path.Join(name, rel)] = string(content)
		case rel == "Chart.yaml" || rel == "values.yaml" || rel == "values.schema.json" || strings.HasPrefix(rel, "charts/"):
		default:
			chart.Files[rel] = content
		}
		return nil
	})
	return chart, err
}

// chartMetadata gives Chart.yaml's keys the names Helm's chart.Metadata fields have
// (.Chart.Name, .Chart.AppVersion, .Chart.APIVersion, ...).
func chartMetadata(meta map[string]interface{}) map[string]interface{} {
	out := map[string]interface{}{}
	for key, value := range meta {
		if key == "apiVersion" {
			out["APIVersion"] = value
			continue
		}
		runes := []rune(key)
		runes[0] = unicode.ToUpper(runes[0])
		out[string(runes)] = value
	}
	return out
}

// readValuesFile parses YAML as Helm does (sigs.k8s.io/yaml: through JSON, so every number is a
// float64 and `{{ .Values.big }}` prints 1e+06 exactly as under Helm).
func readValuesFile(file string) (map[string]interface{}, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	values := map[string]interface{}{}
	if err := yaml.Unmarshal(raw, &values); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return values, nil
}

// Files is .Files: the chart's files outside templates/, with Helm's accessors.
type Files map[string][]byte

func (f Files) Get(name string) string      { return string(f[name]) }
func (f Files) GetBytes(name string) []byte { return f[name] }

// Glob matches with path.Match (Helm uses gobwas/glob, which also knows "**").
func (f Files) Glob(pattern string) Files {
	out := Files{}
	for name, content := range f {
		if ok, _ := path.Match(pattern, name); ok {
			out[name] = content
		}
	}
	return out
}

func (f Files) Lines(name string) []string {
	if f[name] == nil {
		return []string{}
	}
	return strings.Split(string(f[name]), "\n")
}

// AsConfig renders the files as the data of a ConfigMap (base name: content).
func (f Files) AsConfig() string {
	data := map[string]string{}
	for _, name := range f.sortedNames() {
		data[path.Base(name)] = string(f[name])
	}
	out, _ := yaml.Marshal(data)
	return strings.TrimSuffix(string(out), "\n")
}

func (f Files) sortedNames() []string {
	names := make([]string, 0, len(f))
	for name := range f {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
