{{/* Names */}}
{{- define "spellgrid.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "spellgrid.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* <fullname>-<component>; call with (list $ "api") */}}
{{- define "spellgrid.componentName" -}}
{{- printf "%s-%s" (include "spellgrid.fullname" (index . 0)) (index . 1) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels; call with (list $ "api") or (list $ "") for release-wide objects */}}
{{- define "spellgrid.labels" -}}
{{- $ := index . 0 -}}
helm.sh/chart: {{ printf "%s-%s" $.Chart.Name $.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ $.Release.Service }}
app.kubernetes.io/version: {{ $.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: spellgrid
{{ include "spellgrid.selectorLabels" . }}
{{- end -}}

{{- define "spellgrid.selectorLabels" -}}
{{- $ := index . 0 -}}
app.kubernetes.io/name: {{ include "spellgrid.name" $ }}
app.kubernetes.io/instance: {{ $.Release.Name }}
{{- if index . 1 }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}
{{- end -}}

{{- define "spellgrid.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "spellgrid.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "spellgrid.image" -}}
{{- $ := index . 0 -}}
{{- printf "%s/spellgrid-%s:%s" $.Values.image.registry (index . 1) (default $.Chart.AppVersion $.Values.image.tag) -}}
{{- end -}}

{{/* The Secret the pods read secret env vars from, whatever secrets.source is. */}}
{{- define "spellgrid.secretName" -}}
{{- if eq .Values.secrets.source "existing" -}}
{{- required "secrets.existingSecret is required when secrets.source is existing" .Values.secrets.existingSecret -}}
{{- else if eq .Values.secrets.source "chart" -}}
{{- include "spellgrid.fullname" . }}-secrets
{{- else -}}
{{- default (printf "%s-keyvault" (include "spellgrid.fullname" .)) .Values.secrets.keyVault.syncedSecretName -}}
{{- end -}}
{{- end -}}

{{/* env entry from the Secret; call with (list $ "DATABASE_URL") */}}
{{- define "spellgrid.secretEnv" -}}
- name: {{ index . 1 }}
  valueFrom:
    secretKeyRef:
      name: {{ include "spellgrid.secretName" (index . 0) }}
      key: {{ index . 1 }}
{{- end -}}

{{/* Kafka and telemetry env shared by api, worker and aggregator; call with (list $ "api") */}}
{{- define "spellgrid.commonEnv" -}}
{{- $ := index . 0 -}}
{{- if $.Values.kafka.brokersFromSecret }}
{{ include "spellgrid.secretEnv" (list $ "KAFKA_BROKERS") }}
{{- else }}
- name: KAFKA_BROKERS
  value: {{ required "kafka.brokers is required (or set kafka.brokersFromSecret)" $.Values.kafka.brokers | quote }}
{{- end }}
- name: KAFKA_PREFIX
  value: {{ $.Values.kafka.prefix | quote }}
- name: LOG_LEVEL
  value: {{ $.Values.observability.logLevel | quote }}
- name: OTEL_SERVICE_NAME
  value: {{ printf "spellgrid-%s" (index . 1) | quote }}
{{- with $.Values.observability.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- end -}}

{{/* Extra env from a name: value map */}}
{{- define "spellgrid.extraEnv" -}}
{{- range $k, $v := . }}
- name: {{ $k }}
  value: {{ $v | toString | quote }}
{{- end }}
{{- end -}}

{{/* Pod-level scheduling from a node pool; call with (list $ "general") */}}
{{- define "spellgrid.scheduling" -}}
{{- $ := index . 0 -}}
{{- $pool := index $.Values.nodePools (index . 1) | default dict -}}
{{- if not (hasKey $.Values.nodePools (index . 1)) -}}
{{- fail (printf "node pool %q is not defined under nodePools" (index . 1)) -}}
{{- end -}}
{{- with $pool.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $pool.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Pod securityContext; call with (list $ uid) */}}
{{- define "spellgrid.podSecurityContext" -}}
{{- $ := index . 0 -}}
securityContext:
  runAsNonRoot: true
  runAsUser: {{ index . 1 }}
  runAsGroup: {{ index . 1 }}
  fsGroup: {{ index . 1 }}
  seccompProfile:
    type: RuntimeDefault
{{- end -}}

{{- define "spellgrid.containerSecurityContext" -}}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  privileged: false
  capabilities:
    drop: [ALL]
{{- end -}}

{{/* Pod fields common to every workload; call with (list $ pool uid) */}}
{{- define "spellgrid.podCommon" -}}
{{- $ := index . 0 -}}
serviceAccountName: {{ include "spellgrid.serviceAccountName" $ }}
automountServiceAccountToken: false
enableServiceLinks: false
{{- with $.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{ include "spellgrid.podSecurityContext" (list $ (index . 2)) }}
{{- include "spellgrid.scheduling" (list $ (index . 1)) }}
{{- end -}}

{{/* The Key Vault CSI volume: mounting it is what makes the driver fetch and sync the secrets. */}}
{{- define "spellgrid.keyVaultVolume" -}}
{{- if eq .Values.secrets.source "keyVault" }}
- name: keyvault
  csi:
    driver: secrets-store.csi.k8s.io
    readOnly: true
    volumeAttributes:
      secretProviderClass: {{ include "spellgrid.fullname" . }}
{{- end }}
{{- end -}}

{{- define "spellgrid.keyVaultMount" -}}
{{- if eq .Values.secrets.source "keyVault" }}
- name: keyvault
  mountPath: /mnt/secrets
  readOnly: true
{{- end }}
{{- end -}}

{{/* prometheus.io annotations; call with (list $ port) */}}
{{- define "spellgrid.scrapeAnnotations" -}}
{{- if (index . 0).Values.observability.scrapeAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ index . 1 | quote }}
prometheus.io/path: /metrics
{{- end }}
{{- end -}}

{{/* HTTP probes on one port; call with (dict "port" "http" "startupFailures" 30) */}}
{{- define "spellgrid.probes" -}}
startupProbe:
  httpGet: {path: /healthz, port: {{ .port }}}
  periodSeconds: 5
  failureThreshold: {{ .startupFailures }}
livenessProbe:
  httpGet: {path: /healthz, port: {{ .port }}}
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet: {path: {{ .readyPath | default "/readyz" }}, port: {{ .port }}}
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end -}}

{{/* NetworkPolicy peers from {cidrs: [...], namespaces: [...]} */}}
{{- define "spellgrid.networkPeers" -}}
{{- range .cidrs }}
- ipBlock:
    cidr: {{ . }}
{{- end }}
{{- range .namespaces }}
- namespaceSelector:
    matchLabels:
      kubernetes.io/metadata.name: {{ . }}
{{- end }}
{{- end -}}

{{/* Spread replicas over zones and nodes when possible (never blocks scheduling); call with (list $ "web") */}}
{{- define "spellgrid.spread" -}}
topologySpreadConstraints:
  {{- range $key := list "topology.kubernetes.io/zone" "kubernetes.io/hostname" }}
  - maxSkew: 1
    topologyKey: {{ $key }}
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "spellgrid.selectorLabels" (list (index $ 0) (index $ 1)) | nindent 8 }}
  {{- end }}
{{- end -}}
