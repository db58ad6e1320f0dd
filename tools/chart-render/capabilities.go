package main

import (
	"fmt"
	"strings"
)

// Capabilities is .Capabilities. Like `helm template`, it knows only the built-in API versions
// (below) plus those given with -api-versions; nothing is asked of a cluster.
type Capabilities struct {
	KubeVersion KubeVersion
	APIVersions VersionSet
	HelmVersion map[string]interface{}
}

type KubeVersion struct {
	Version, Major, Minor string
}

func (k KubeVersion) String() string     { return k.Version }
func (k KubeVersion) GitVersion() string { return k.Version }

// VersionSet is .Capabilities.APIVersions; Has matches "group/version" or "group/version/Kind".
type VersionSet []string

func (v VersionSet) Has(apiVersion string) bool {
	for _, known := range v {
		if known == apiVersion {
			return true
		}
	}
	return false
}

// builtinAPIVersions: the group versions of the Kubernetes API that Helm's default set holds.
var builtinAPIVersions = []string{
	"v1", "apps/v1", "batch/v1", "autoscaling/v1", "autoscaling/v2", "policy/v1",
	"networking.k8s.io/v1", "rbac.authorization.k8s.io/v1", "storage.k8s.io/v1",
	"coordination.k8s.io/v1", "discovery.k8s.io/v1", "events.k8s.io/v1", "node.k8s.io/v1",
	"scheduling.k8s.io/v1", "certificates.k8s.io/v1", "admissionregistration.k8s.io/v1",
	"apiextensions.k8s.io/v1", "apiregistration.k8s.io/v1", "authentication.k8s.io/v1",
	"authorization.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1",
}

func newCapabilities(version string, extra []string) (Capabilities, error) {
	v := strings.TrimPrefix(version, "v")
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return Capabilities{}, fmt.Errorf("-kube-version %q: expected vMAJOR.MINOR[.PATCH]", version)
	}
	return Capabilities{
		KubeVersion: KubeVersion{Version: "v" + v, Major: parts[0], Minor: parts[1]},
		APIVersions: append(append(VersionSet{}, builtinAPIVersions...), extra...),
		HelmVersion: map[string]interface{}{"Version": "v3.16.0-chart-render"},
	}, nil
}
