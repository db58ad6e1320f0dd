{{/*
Pieces shared by a component's Deployment and its migration Job or init container.
Each takes (dict "root" $ "component" $c "components" $components).
*/}}

{{/*
Environment of a component. ASP.NET Core reads env vars as configuration, "__" standing for ":".
Order matters: PG_USERNAME/PG_PASSWORD come before the connection string that refers to them with
$(VAR), which only expands variables defined earlier in the list.
*/}}
{{- define "platform.component.env" -}}
{{- $root := .root }}
{{- $v := $root.Values }}
{{- $c := .component -}}
- name: ASPNETCORE_ENVIRONMENT
  value: {{ $v.environment | quote }}
- name: ASPNETCORE_HTTP_PORTS
  value: {{ $c.ports.http | quote }}
- name: Management__Port
  value: {{ $c.ports.management | quote }}
- name: Hosting__ShutdownTimeoutSeconds
  value: {{ $c.shutdownTimeoutSeconds | int64 | quote }}
{{- with $v.observability.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- /* Identity */}}
- name: Auth__Issuer
  value: {{ $v.auth.issuer | quote }}
- name: Auth__Audience
  value: {{ $v.auth.audience | quote }}
- name: Auth__RequireHttpsMetadata
  value: {{ $v.auth.requireHttpsMetadata | toString | quote }}
{{- if $v.auth.authority }}
- name: Auth__Authority
  value: {{ $v.auth.authority | quote }}
{{- else }}
- name: Auth__SigningKeys__0
  valueFrom:
    secretKeyRef:
      name: {{ required "auth.signingKey.existingSecret is required when auth.authority is empty" $v.auth.signingKey.existingSecret }}
      key: {{ $v.auth.signingKey.publicKeyKey }}
{{- end }}
{{- /* The gateway: its token issuer and one YARP destination per service (cluster id = component key) */}}
{{- if eq $c.role "gateway" }}
- name: TokenIssuer__Enabled
  value: {{ empty $v.auth.authority | ternary "true" "false" | quote }}
{{- if not $v.auth.authority }}
- name: TokenIssuer__SigningKeyPem
  valueFrom:
    secretKeyRef:
      name: {{ $v.auth.signingKey.existingSecret }}
      key: {{ $v.auth.signingKey.privateKeyKey }}
{{- with $v.auth.signingKey.nextKeyKey }}
- name: TokenIssuer__NextSigningKeyPem
  valueFrom:
    secretKeyRef:
      name: {{ $v.auth.signingKey.existingSecret }}
      key: {{ . }}
{{- end }}
{{- with $v.auth.consoleClient }}
{{- if .existingSecret }}
- name: Identity__Console__ClientSecret
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .secretKey }}
{{- end }}
{{- with .baseUrl }}
- name: Identity__Console__BaseUrl
  value: {{ . | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- range $name, $other := .components }}
{{- if eq $other.role "service" }}
- name: ReverseProxy__Clusters__{{ $name }}__Destinations__d1__Address
  value: {{ printf "http://%s:%v" $other.resourceName $other.ports.http | quote }}
{{- /* Active health checks probe /health/ready on the service's management port. */}}
- name: ReverseProxy__Clusters__{{ $name }}__Destinations__d1__Health
  value: {{ printf "http://%s:%v" $other.resourceName $other.ports.management | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- /* An OpenID Connect client of the gateway (the finance console): the public address people sign in at */}}
{{- if $c.oidcClient }}
{{- if $v.auth.authority }}
{{- fail (printf "components.%s (oidcClient) signs people in at the gateway's own issuer, which auth.authority turns off" $c.name) }}
{{- end }}
- name: Console__Gateway
  value: {{ $v.auth.consoleClient.baseUrl | default $v.auth.issuer | quote }}
- name: Console__ClientSecret
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "auth.consoleClient.existingSecret is required for components.%s (oidcClient)" $c.name) $v.auth.consoleClient.existingSecret }}
      key: {{ $v.auth.consoleClient.secretKey }}
{{- end }}
{{- /* Kafka */}}
{{- if $c.kafka.enabled }}
- name: Kafka__BootstrapServers
  value: {{ include "platform.kafka.bootstrapServers" $root | quote }}
{{- with $v.kafka.topicNamespace }}
- name: Messaging__Namespace
  value: {{ . | quote }}
{{- end }}
{{- end }}
{{- /* PostgreSQL */}}
{{- if $c.database.enabled }}
{{- if $c.database.connectionStringSecret.name }}
- name: ConnectionStrings__postgres
  valueFrom:
    secretKeyRef:
      name: {{ $c.database.connectionStringSecret.name }}
      key: {{ required (printf "components.%s.database.connectionStringSecret.key is required" $c.name) $c.database.connectionStringSecret.key }}
{{- else }}
{{- $secret := include "platform.database.credentialsSecret" (dict "root" $root "component" $c) }}
{{- $pg := ternary $v.postgresql.cnpg $v.postgresql.external $v.postgresql.cnpg.enabled }}
{{- $database := required (printf "components.%s.database.name is required" $c.name) $c.database.name }}
{{- $host := "" }}
{{- $port := 5432 }}
{{- if $v.postgresql.cnpg.enabled }}
{{- $host = printf "%s-rw" (include "platform.cnpg.clusterName" $root) }}
{{- else }}
{{- $host = required (printf "postgresql.external.host (or components.%s.database.host) is required" $c.name) ($c.database.host | default $v.postgresql.external.host) }}
{{- $port = $v.postgresql.external.port }}
{{- end }}
- name: PG_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: username
- name: PG_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: password
{{- $connection := printf "Host=%s;Port=%v;Database=%s;Username=$(PG_USERNAME);Password=$(PG_PASSWORD);SSL Mode=%s" $host $port $database $pg.sslMode }}
{{- with $pg.extraConnectionParameters }}
{{- $connection = printf "%s;%s" $connection (trimPrefix ";" .) }}
{{- end }}
- name: ConnectionStrings__postgres
  value: {{ $connection | quote }}
{{- end }}
{{- end }}
{{- /* Component-specific settings last, so that they can override the computed ones */}}
{{- range $key, $value := $c.env }}
- name: {{ $key }}
  value: {{ include "platform.text" $value | quote }}
{{- end }}
{{- with $c.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The container fields a Deployment container and a migration container share. */}}
{{- define "platform.component.containerBase" -}}
image: {{ include "platform.image" . }}
imagePullPolicy: {{ .component.image.pullPolicy }}
env:
  {{- include "platform.component.env" . | nindent 2 }}
{{- with .component.envFrom }}
envFrom:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .component.securityContext | nindent 2 }}
volumeMounts:
  - name: tmp
    mountPath: /tmp
{{- end }}

{{/* The pod fields a Deployment and a migration Job share. */}}
{{- define "platform.component.podBase" -}}
enableServiceLinks: false
{{- with .root.Values.global.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .component.podSecurityContext | nindent 2 }}
{{- with .component.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .component.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  - name: tmp
    emptyDir:
      sizeLimit: 256Mi
{{- end }}
