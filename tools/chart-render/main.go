// Command chart-render renders a Helm chart the way `helm template` does, offline, from packages
// Debian ships (Go's text/template, sprig, sigs.k8s.io/yaml): no helm binary is needed. What it does
// not do like Helm is listed in docs/deploy.md ("Rendering without Helm").
//
//	chart-render -chart charts/platform -f values-dev.yaml [-f more.yaml] [-release platform]
//	             [-namespace platform] [-api-versions monitoring.coreos.com/v1/ServiceMonitor]...
//	chart-render -chart charts/platform -f values-dev.yaml -print-values
//
// The manifests go to stdout, each document after a "# Source: <chart>/templates/<file>" line; an
// error (a failed template, `required`, `fail`) goes to stderr with exit code 1.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	var valueFiles, apiVersions, sets stringList
	chartDir := flag.String("chart", "", "chart directory (Chart.yaml, values.yaml, templates/)")
	release := flag.String("release", "platform", "release name")
	namespace := flag.String("namespace", "default", "release namespace")
	kubeVersion := flag.String("kube-version", "v1.31.0", "Kubernetes version for .Capabilities.KubeVersion")
	isUpgrade := flag.Bool("is-upgrade", false, "render as an upgrade (.Release.IsUpgrade) instead of an install")
	showNotes := flag.Bool("notes", false, "also print NOTES.txt")
	printValues := flag.Bool("print-values", false, "print the merged values as JSON (what Helm checks against values.schema.json) and exit")
	flag.Var(&valueFiles, "f", "values file layered over the chart's values.yaml (repeatable)")
	flag.Var(&apiVersions, "api-versions", "extra API version for .Capabilities.APIVersions, group/version or group/version/Kind (repeatable)")
	flag.Var(&sets, "set", "path=value (YAML value) layered over the values files (repeatable)")
	flag.Parse()
	if *chartDir == "" {
		fail(fmt.Errorf("-chart is required"))
	}

	chart, err := loadChart(*chartDir)
	if err != nil {
		fail(err)
	}
	values, err := buildValues(chart, valueFiles, sets)
	if err != nil {
		fail(err)
	}
	if *printValues {
		out, err := json.MarshalIndent(values, "", "  ")
		if err != nil {
			fail(err)
		}
		fmt.Println(string(out))
		return
	}
	caps, err := newCapabilities(*kubeVersion, apiVersions)
	if err != nil {
		fail(err)
	}
	top := map[string]interface{}{
		"Values": values,
		"Release": map[string]interface{}{
			"Name": *release, "Namespace": *namespace, "Service": "Helm", "Revision": 1,
			"IsInstall": !*isUpgrade, "IsUpgrade": *isUpgrade,
		},
		"Chart":        chart.Metadata,
		"Capabilities": caps,
		"Files":        chart.Files,
	}
	rendered, err := render(chart, top)
	if err != nil {
		fail(err)
	}
	if err := writeManifests(os.Stdout, chart, rendered, *showNotes); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "Error:", err)
	os.Exit(1)
}

// writeManifests prints every non-empty document of every template, in template-name order.
func writeManifests(w io.Writer, chart *Chart, rendered map[string]string, notes bool) error {
	names := make([]string, 0, len(rendered))
	for name := range rendered {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		isNotes := strings.HasSuffix(name, "NOTES.txt")
		if isNotes && !notes {
			continue
		}
		if isNotes {
			fmt.Fprintf(w, "# NOTES:\n%s\n", rendered[name])
			continue
		}
		if filepath.Ext(name) != ".yaml" && filepath.Ext(name) != ".yml" {
			continue
		}
		for _, doc := range splitDocuments(rendered[name]) {
			if _, err := fmt.Fprintf(w, "---\n# Source: %s\n%s\n", name, doc); err != nil {
				return err
			}
		}
	}
	return nil
}

// splitDocuments splits on "---" lines and drops documents holding only whitespace or comments,
// as Helm's releaseutil.SplitManifests does.
func splitDocuments(text string) []string {
	var docs []string
	var current []string
	flush := func() {
		doc := strings.TrimSpace(strings.Join(current, "\n"))
		current = nil
		for _, line := range strings.Split(doc, "\n") {
			trimmed := strings.TrimSpace(line)
			if trimmed != "" && !strings.HasPrefix(trimmed, "#") {
				docs = append(docs, doc)
				return
			}
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "---") && strings.TrimSpace(strings.TrimLeft(line, "-")) == "" {
			flush()
			continue
		}
		current = append(current, line)
	}
	flush()
	return docs
}
