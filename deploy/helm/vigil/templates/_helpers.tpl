{{/* The release's base name, at most 63 characters. */}}
{{- define "vigil.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "vigil.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "vigil.selector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The Vigil components this release runs: combo, or indexer + matcher (+ notifier). */}}
{{- define "vigil.components" -}}
{{- if eq .Values.mode "combo" -}}
combo
{{- else if eq .Values.mode "split" -}}
indexer matcher{{ if .Values.notifier.enabled }} notifier{{ end }}
{{- else -}}
{{- fail (printf "mode must be combo or split, not %q" .Values.mode) -}}
{{- end -}}
{{- end -}}

{{/* The name of a component's objects: the full name for combo, else fullname-component. */}}
{{- define "vigil.componentName" -}}
{{- if eq .component "combo" -}}
{{ include "vigil.fullname" .root }}
{{- else -}}
{{ printf "%s-%s" (include "vigil.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end -}}
{{- end -}}

{{- define "vigil.postgresql.fullname" -}}
{{ printf "%s-postgresql" (include "vigil.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{- define "vigil.postgresql.host" -}}
{{- if .Values.postgresql.enabled -}}
{{ include "vigil.postgresql.fullname" . }}
{{- else if .Values.postgresql.host -}}
{{ .Values.postgresql.host }}
{{- else -}}
{{ fail "postgresql.host is required when postgresql.enabled is false" }}
{{- end -}}
{{- end -}}

{{- define "vigil.postgresql.secretName" -}}
{{ .Values.postgresql.existingSecret | default (printf "%s-db" (include "vigil.fullname" .)) }}
{{- end -}}

{{- define "vigil.psk.secretName" -}}
{{ .Values.auth.psk.existingSecret | default (printf "%s-psk" (include "vigil.fullname" .)) }}
{{- end -}}

{{/*
A Secret value, base64: the given one, else a random one at install. An upgrade must be given the
value (or an existing Secret), so it never replaces a password PostgreSQL's volume already holds.
*/}}
{{- define "vigil.secretValue" -}}
{{- if .value -}}
{{ .value | b64enc }}
{{- else if .root.Release.IsUpgrade -}}
{{ fail (printf "%s: on upgrade, set it to the current value (or use an existing Secret): helm upgrade ... --set %s=..." .key .key) }}
{{- else -}}
{{ .generated | b64enc }}
{{- end -}}
{{- end -}}

{{- define "vigil.image" -}}
{{ printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end -}}
