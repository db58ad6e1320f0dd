{{/* Names ----------------------------------------------------------------------------------- */}}

{{- define "platform.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* <release>-<chart>, or just <release> when the release name already contains the chart name. */}}
{{- define "platform.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "platform.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
A name of at most 63 characters: "<base>-<suffix>". When that is too long, the base is cut and a
hash of the whole name is put before the suffix, so that long release names keep the suffix (the
component) whole and two components never get the same name. Takes (list base suffix).
*/}}
{{- define "platform.fitName" -}}
{{- $base := index . 0 }}
{{- $suffix := index . 1 }}
{{- $full := printf "%s-%s" $base $suffix }}
{{- if le (len $full) 63 }}
{{- $full }}
{{- else }}
{{- $keep := sub 63 (add (len $suffix) 8) | int }}
{{- printf "%s-%s-%s" ($base | trunc $keep | trimSuffix "-") (sha256sum $full | trunc 6) $suffix }}
{{- end }}
{{- end }}

{{/* Labels on every object of the release. */}}
{{- define "platform.labels" -}}
helm.sh/chart: {{ include "platform.chart" . }}
app.kubernetes.io/name: {{ include "platform.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: platform
{{- end }}

{{/* Selector labels of one component; takes (dict "root" $ "component" $c). */}}
{{- define "platform.selectorLabels" -}}
app.kubernetes.io/name: {{ include "platform.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component.name }}
{{- end }}

{{- define "platform.componentLabels" -}}
{{ include "platform.labels" .root }}
app.kubernetes.io/component: {{ .component.name }}
{{- end }}

{{/* Annotation that keeps operator-managed state through `helm uninstall`. */}}
{{- define "platform.keepAnnotation" -}}
{{- if .Values.keepStatefulResourcesOnUninstall -}}
helm.sh/resource-policy: keep
{{- end }}
{{- end }}

{{/* Components ------------------------------------------------------------------------------ */}}

{{/*
Deep merge of two maps: values of `over` win, maps are merged key by key, lists are replaced.
Sprig's merge/mergeOverwrite treat false, 0 and "" as "unset", so a component could not turn off
a default that is on; this merge can.
*/}}
{{- define "platform.deepMerge" -}}
{{- $out := deepCopy (default (dict) .base) }}
{{- range $key, $value := (default (dict) .over) }}
{{- $current := get $out $key }}
{{- if and (kindIs "map" $value) (kindIs "map" $current) }}
{{- $_ := set $out $key (include "platform.deepMerge" (dict "base" $current "over" $value) | fromYaml) }}
{{- else }}
{{- $_ := set $out $key $value }}
{{- end }}
{{- end }}
{{- toYaml $out }}
{{- end }}

{{/*
The enabled components, each merged over componentDefaults and given `name` (its key) and
`resourceName` (<fullname>-<name>, the name of its Deployment, Service, ...). Returns YAML: use
`include "platform.components" . | fromYaml`.
*/}}
{{- define "platform.components" -}}
{{- $out := dict }}
{{- $fullname := include "platform.fullname" . }}
{{- range $name, $component := .Values.components }}
{{- if $component }}
{{- $merged := include "platform.deepMerge" (dict "base" $.Values.componentDefaults "over" $component) | fromYaml }}
{{- if $merged.enabled }}
{{- if not (has $merged.role (list "gateway" "service")) }}
{{- fail (printf "components.%s.role must be gateway or service, not %q" $name $merged.role) }}
{{- end }}
{{- $_ := set $merged "name" $name }}
{{- $_ := set $merged "resourceName" (include "platform.fitName" (list $fullname $name)) }}
{{- $_ := set $out $name $merged }}
{{- end }}
{{- end }}
{{- end }}
{{- toYaml $out }}
{{- end }}

{{/*
A scalar as text. Values pass through YAML/JSON as float64, which Go prints as 1.234567e+06; a
whole number is printed as digits instead (an all-digit image tag given with --set, a large
setting in env).
*/}}
{{- define "platform.text" -}}
{{- if kindIs "float64" . }}
{{- ternary (printf "%.0f" .) (toString .) (eq . (floor .)) }}
{{- else }}
{{- toString . }}
{{- end }}
{{- end }}

{{/* Image reference of a component; takes (dict "root" $ "component" $c). */}}
{{- define "platform.image" -}}
{{- $image := .component.image }}
{{- $repository := required (printf "components.%s.image.repository is required" .component.name) $image.repository }}
{{- $tag := include "platform.text" ($image.tag | default .root.Chart.AppVersion) }}
{{- with .root.Values.global.imageRegistry }}
{{- printf "%s/%s:%s" . $repository $tag }}
{{- else }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}
{{- end }}

{{/* Whether the cluster serves an API (group/version or group/version/Kind) per .Capabilities. */}}
{{- define "platform.hasAPI" -}}
{{- $caps := index . 0 }}
{{- $gv := index . 1 }}
{{- $kind := index . 2 }}
{{- if or ($caps.APIVersions.Has $gv) ($caps.APIVersions.Has (printf "%s/%s" $gv $kind)) }}true{{ end }}
{{- end }}

{{/* The port of a URL: explicit, or the scheme's (https 443, http 80). */}}
{{- define "platform.urlPort" -}}
{{- $u := urlParse . }}
{{- $port := regexFind ":[0-9]+$" $u.host | trimPrefix ":" }}
{{- $port | default (eq $u.scheme "http" | ternary "80" "443") }}
{{- end }}

{{/* Kafka ------------------------------------------------------------------------------------ */}}

{{- define "platform.kafka.clusterName" -}}
{{- if .Values.kafka.strimzi.enabled }}
{{- .Values.kafka.strimzi.clusterName | default (printf "%s-kafka" (include "platform.fullname" .)) | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- .Values.kafka.strimzi.existingCluster }}
{{- end }}
{{- end }}

{{- define "platform.kafka.bootstrapServers" -}}
{{- if .Values.kafka.strimzi.enabled }}
{{- printf "%s-kafka-bootstrap:9092" (include "platform.kafka.clusterName" .) }}
{{- else }}
{{- required "kafka.bootstrapServers is required unless kafka.strimzi.enabled" .Values.kafka.bootstrapServers }}
{{- end }}
{{- end }}

{{/* PostgreSQL ------------------------------------------------------------------------------- */}}

{{- define "platform.cnpg.clusterName" -}}
{{- .Values.postgresql.cnpg.clusterName | default (printf "%s-pg" (include "platform.fullname" .)) | trunc 50 | trimSuffix "-" }}
{{- end }}

{{/* Owner role of a component's database; takes the component. */}}
{{- define "platform.database.user" -}}
{{- .database.user | default .database.name }}
{{- end }}

{{/* Secret with the username/password of a component's database; takes (dict "root" $ "component" $c). */}}
{{- define "platform.database.credentialsSecret" -}}
{{- $c := .component }}
{{- if $c.database.existingSecret }}
{{- $c.database.existingSecret }}
{{- else if .root.Values.postgresql.cnpg.enabled }}
{{- include "platform.fitName" (list $c.resourceName "db") }}
{{- else if get (.root.Values.postgresql.external.existingSecrets | default dict) $c.name }}
{{- get .root.Values.postgresql.external.existingSecrets $c.name }}
{{- else }}
{{- fail (printf "no database credentials for %s: set postgresql.external.existingSecrets.%s (or components.%s.database.existingSecret or .connectionStringSecret)" $c.name $c.name $c.name) }}
{{- end }}
{{- end }}

{{/* Migrations ------------------------------------------------------------------------------- */}}

{{- define "platform.migrations.hook" -}}
{{- if .Values.migrations.hook }}
{{- .Values.migrations.hook }}
{{- else if .Values.postgresql.cnpg.enabled }}
{{- "post-install,pre-upgrade" }}
{{- else }}
{{- "pre-install,pre-upgrade" }}
{{- end }}
{{- end }}
