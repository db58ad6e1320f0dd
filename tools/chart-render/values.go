package main

import (
	"fmt"
	"strings"

	"sigs.k8s.io/yaml"
)

// buildValues layers the -f files (later wins, maps merged key by key) and the --set values over
// the chart's values.yaml; a null in a user value deletes the chart's key, as in Helm.
func buildValues(chart *Chart, files []string, sets []string) (map[string]interface{}, error) {
	user := map[string]interface{}{}
	for _, file := range files {
		values, err := readValuesFile(file)
		if err != nil {
			return nil, err
		}
		user = mergeMaps(user, values)
	}
	for _, set := range sets {
		key, raw, ok := strings.Cut(set, "=")
		if !ok {
			return nil, fmt.Errorf("--set %q: expected path=value", set)
		}
		var value interface{}
		if err := yaml.Unmarshal([]byte(raw), &value); err != nil {
			value = raw
		}
		user = mergeMaps(user, nested(strings.Split(key, "."), value))
	}
	return coalesce(user, deepCopy(chart.Values).(map[string]interface{})), nil
}

func nested(path []string, value interface{}) map[string]interface{} {
	if len(path) == 1 {
		return map[string]interface{}{path[0]: value}
	}
	return map[string]interface{}{path[0]: nested(path[1:], value)}
}

// mergeMaps is Helm's: b over a, maps merged recursively, anything else replaced.
func mergeMaps(a, b map[string]interface{}) map[string]interface{} {
	out := make(map[string]interface{}, len(a))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		if bv, ok := v.(map[string]interface{}); ok {
			if av, ok := out[k].(map[string]interface{}); ok {
				out[k] = mergeMaps(av, bv)
				continue
			}
		}
		out[k] = v
	}
	return out
}

// coalesce puts user values over the chart's defaults; a user null removes the key.
func coalesce(user, defaults map[string]interface{}) map[string]interface{} {
	for k, v := range user {
		if v == nil {
			delete(defaults, k)
			continue
		}
		uv, userIsMap := v.(map[string]interface{})
		dv, defaultIsMap := defaults[k].(map[string]interface{})
		if userIsMap && defaultIsMap {
			defaults[k] = coalesce(uv, dv)
			continue
		}
		defaults[k] = v
	}
	return defaults
}

func deepCopy(v interface{}) interface{} {
	switch t := v.(type) {
	case map[string]interface{}:
		out := make(map[string]interface{}, len(t))
		for k, e := range t {
			out[k] = deepCopy(e)
		}
		return out
	case []interface{}:
		out := make([]interface{}, len(t))
		for i, e := range t {
			out[i] = deepCopy(e)
		}
		return out
	default:
		return v
	}
}
