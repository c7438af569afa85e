{{/* The chart's name, or nameOverride. */}}
{{- define "aiven-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Name of the release's objects: the release name when it already contains the chart name. */}}
{{- define "aiven-operator.fullname" -}}
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

{{- define "aiven-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "aiven-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: controller
{{- end }}

{{- define "aiven-operator.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "aiven-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The ServiceAccount the operator runs as, as in the reference chart: serviceAccount.name, else
     the release's name when the chart creates it, else the namespace's "default". */}}
{{- define "aiven-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "aiven-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* "true" when the operator runs with --leader-elect: the reference chart's leaderElect when
     given, else leaderElection.enabled. */}}
{{- define "aiven-operator.leaderElect" -}}
{{- if hasKey .Values "leaderElect" }}{{ if .Values.leaderElect }}true{{ end }}
{{- else if .Values.leaderElection.enabled }}true
{{- end }}
{{- end }}

{{/* The metrics and health addresses: the reference chart's metricsBindAddress and
     healthProbeBindAddress when set, else ":PORT" of metrics.port and healthProbe.port. */}}
{{- define "aiven-operator.metricsAddress" -}}
{{- .Values.metricsBindAddress | default (printf ":%v" .Values.metrics.port) }}
{{- end }}
{{- define "aiven-operator.metricsPort" -}}
{{- regexFind "[0-9]+$" (include "aiven-operator.metricsAddress" .) }}
{{- end }}
{{- define "aiven-operator.healthAddress" -}}
{{- .Values.healthProbeBindAddress | default (printf ":%v" .Values.healthProbe.port) }}
{{- end }}
{{- define "aiven-operator.healthPort" -}}
{{- regexFind "[0-9]+$" (include "aiven-operator.healthAddress" .) }}
{{- end }}

{{/* --log-level and --log-format: the reference chart's logging.level (debug, info, error) and
     logging.encoder (json, console) when set, else logLevel and logFormat. */}}
{{- define "aiven-operator.logLevel" -}}
{{- .Values.logging.level | default .Values.logLevel }}
{{- end }}
{{- define "aiven-operator.logFormat" -}}
{{- if eq .Values.logging.encoder "console" }}text{{ else }}{{ .Values.logging.encoder | default .Values.logFormat }}{{ end }}
{{- end }}

{{/* "true" when the admission policy is installed: admissionPolicy.enabled, and the cluster serves
     admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy (Kubernetes 1.30+). On install and
     upgrade Helm reads that from the cluster's discovery; `helm template` without a cluster goes by
     the Kubernetes version (--kube-version, --api-versions). */}}
{{- define "aiven-operator.admissionPolicy" -}}
{{- if .Values.admissionPolicy.enabled }}
{{- if or (.Capabilities.APIVersions.Has "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy") (semverCompare ">=1.30.0-0" .Capabilities.KubeVersion.Version) }}true{{ end }}
{{- end }}
{{- end }}
