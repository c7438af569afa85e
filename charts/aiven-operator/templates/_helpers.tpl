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

{{/* The operator's permissions on the watched resources: the same in the ClusterRole and in each
     namespaced Role. Secrets read and written (connection Secrets), Events create/patch, the aiven.io kinds without create or
     delete, their status and finalizers. */}}
{{- define "aiven-operator.rules" -}}
- apiGroups: [""]
  resources: [secrets]
  # create and update: the connection Secrets of Kafka services (connInfoSecretTarget);
  # patch: the finalizer that keeps a token Secret while a resource needs it to delete its service
  verbs: [get, list, watch, create, update, patch]
- apiGroups: [""]
  resources: [events]
  verbs: [create, patch]
- apiGroups: [aiven.io]
  resources: [kafkaconnects, projectvpcs, kafkas, kafkatopics, serviceintegrations, kafkaconnectors]
  verbs: [get, list, watch, update, patch]
- apiGroups: [aiven.io]
  resources: [kafkaconnects/status, projectvpcs/status, kafkas/status, kafkatopics/status, serviceintegrations/status, kafkaconnectors/status]
  verbs: [update, patch]
- apiGroups: [aiven.io]
  resources: [kafkaconnects/finalizers, projectvpcs/finalizers, kafkas/finalizers, kafkatopics/finalizers, serviceintegrations/finalizers, kafkaconnectors/finalizers]
  verbs: [update]
{{- end }}
