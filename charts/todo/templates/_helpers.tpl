{{/* The chart's name, e.g. "todo". */}}
{{- define "todo.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The prefix of every resource name: the release name when it already contains the chart's name
(`helm install todo ./charts/todo` gives todo-backend, todo-frontend-svc, ...), else "<release>-todo".
*/}}
{{- define "todo.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := include "todo.name" . }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "todo.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "todo.labels" -}}
helm.sh/chart: {{ include "todo.chart" . }}
{{ include "todo.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: todo
{{- end }}

{{/* What selects this release's pods; a component adds app.kubernetes.io/component. */}}
{{- define "todo.selectorLabels" -}}
app.kubernetes.io/name: {{ include "todo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Names of the objects, as docs and ARCHITECTURE.md give them for the release "todo". */}}
{{- define "todo.backend.name" -}}{{ include "todo.fullname" . }}-backend{{- end }}
{{- define "todo.backend.service" -}}{{ include "todo.fullname" . }}-backend-svc{{- end }}
{{- define "todo.frontend.name" -}}{{ include "todo.fullname" . }}-frontend{{- end }}
{{- define "todo.frontend.service" -}}{{ include "todo.fullname" . }}-frontend-svc{{- end }}
{{- define "todo.ai.name" -}}{{ include "todo.fullname" . }}-ai{{- end }}
{{- define "todo.ai.service" -}}{{ include "todo.fullname" . }}-ai-svc{{- end }}
{{- define "todo.db.name" -}}{{ include "todo.fullname" . }}-db{{- end }}
{{- define "todo.config.name" -}}{{ include "todo.fullname" . }}-config{{- end }}

{{/* The Secret the pods read: the user's existing one, or the chart's todo-secrets. */}}
{{- define "todo.secret.name" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "todo.fullname" .)) }}
{{- end }}

{{/* An image reference: repository:tag, the tag defaulting to the chart's appVersion. */}}
{{- define "todo.image" -}}
{{- $image := index . 0 }}{{- $root := index . 1 }}
{{- printf "%s:%s" $image.repository (toString ($image.tag | default $root.Chart.AppVersion)) }}
{{- end }}

{{/* True ("true") when the chart runs its own PostgreSQL. */}}
{{- define "todo.db.enabled" -}}
{{- if and .Values.database.enabled (not .Values.externalDatabase.url) (not .Values.secrets.existingSecret) }}true{{- end }}
{{- end }}

{{/*
Stops the install with one clear sentence when the values cannot work. The schema (values.schema.json)
catches wrong types and unknown roles first; these are the checks a schema cannot express, and they also
hold when schema validation is skipped.
*/}}
{{- define "todo.validate" -}}
{{- $db := .Values.externalDatabase }}
{{- if and (not .Values.database.enabled) (not $db.url) (not .Values.secrets.existingSecret) }}
{{- fail "No database: set externalDatabase.url (jdbc:postgresql://host:5432/db), or secrets.existingSecret (a Secret with DATABASE_URL), or database.enabled=true for the chart's own PostgreSQL" }}
{{- end }}
{{- if $db.url }}
{{- if not (regexMatch "^(jdbc:postgresql|postgresql|postgres)://[^/?#]+" $db.url) }}
{{- fail (printf "externalDatabase.url must be a PostgreSQL URL, jdbc:postgresql://host:5432/db or postgresql://user:pass@host/db (got one starting with '%s')" (trunc 20 (regexReplaceAll "://.*" $db.url "://"))) }}
{{- end }}
{{- end }}
{{- with .Values.secrets.jwtSecret }}
{{- if not (regexMatch "^[A-Za-z0-9+/]+={0,2}$" .) }}
{{- fail "secrets.jwtSecret must be base64 (make one with: openssl rand -base64 48)" }}
{{- end }}
{{- if or (ne (mod (len .) 4) 0) (lt (len .) 44) }}
{{- fail (printf "secrets.jwtSecret is too short: it must be base64 of at least 32 bytes (44 characters or more), it has %d characters (make one with: openssl rand -base64 48)" (len .)) }}
{{- end }}
{{- end }}
{{- $kafka := .Values.events.kafka }}
{{- range $broker := include "todo.kafka.brokers" . | fromJsonArray }}
{{- if not (regexMatch "^[^\\s:/,]+:[0-9]{1,5}$" $broker) }}
{{- fail (printf "events.kafka.brokers must be host:port, comma-separated (my-kafka:9092,other:9092); '%s' is not" $broker) }}
{{- end }}
{{- end }}
{{- if and (hasPrefix "SASL_" $kafka.securityProtocol) (not $kafka.saslMechanism) }}
{{- fail (printf "events.kafka.securityProtocol %s needs events.kafka.saslMechanism (PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)" $kafka.securityProtocol) }}
{{- end }}
{{- if $kafka.saslMechanism }}
{{- if not (has $kafka.saslMechanism (list "PLAIN" "SCRAM-SHA-256" "SCRAM-SHA-512")) }}
{{- fail (printf "events.kafka.saslMechanism must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (got '%s')" $kafka.saslMechanism) }}
{{- end }}
{{- if not (hasPrefix "SASL_" $kafka.securityProtocol) }}
{{- fail (printf "events.kafka.saslMechanism needs events.kafka.securityProtocol SASL_SSL or SASL_PLAINTEXT (got '%s'): Kafka uses no SASL otherwise" $kafka.securityProtocol) }}
{{- end }}
{{- if not $kafka.saslUsername }}
{{- fail "events.kafka.saslMechanism needs events.kafka.saslUsername" }}
{{- end }}
{{- if and (not .Values.secrets.existingSecret) (not $kafka.saslPassword) }}
{{- fail "events.kafka.saslMechanism needs events.kafka.saslPassword (or KAFKA_SASL_PASSWORD in secrets.existingSecret)" }}
{{- end }}
{{- end }}
{{- range $component, $role := dict "backend" .Values.backend.role "aiService" .Values.aiService.role }}
{{- if not (has $role (list "api" "assistant")) }}
{{- fail (printf "%s.role must be api or assistant (got '%s')" $component $role) }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The Secret's data, computed once per render (so the checksum annotation and the Secret agree): given values
first, then what the Secret in the cluster already holds (generated keys stay across upgrades), else new ones.
*/}}
{{- define "todo.secretData" -}}
{{- if not (hasKey .Values "_secretData") }}
{{- $existing := dict }}
{{- if .Values.secrets.reuseFromCluster }}
{{- $found := lookup "v1" "Secret" .Release.Namespace (printf "%s-secrets" (include "todo.fullname" .)) }}
{{- if $found }}{{- $existing = $found.data | default dict }}{{- end }}
{{- end }}
{{- $data := dict }}
{{- if include "todo.db.enabled" . }}
{{- $_ := set $data "DATABASE_URL" (printf "jdbc:postgresql://%s:5432/%s" (include "todo.db.name" .) .Values.database.name) }}
{{- $_ := set $data "DATABASE_USERNAME" .Values.database.username }}
{{- $_ := set $data "DATABASE_PASSWORD" (get $existing "DATABASE_PASSWORD" | b64dec | default (randAlphaNum 32)) }}
{{- else }}
{{- $_ := set $data "DATABASE_URL" .Values.externalDatabase.url }}
{{- $_ := set $data "DATABASE_USERNAME" .Values.externalDatabase.username }}
{{- $_ := set $data "DATABASE_PASSWORD" .Values.externalDatabase.password }}
{{- end }}
{{- $_ := set $data "TODO_JWT_SECRET" (.Values.secrets.jwtSecret | default (get $existing "TODO_JWT_SECRET" | b64dec) | default (randBytes 48)) }}
{{- $_ := set $data "OPENAI_API_KEY" .Values.secrets.openaiApiKey }}
{{- $_ := set $data "KAFKA_SASL_PASSWORD" .Values.events.kafka.saslPassword }}
{{- $_ := set .Values "_secretData" $data }}
{{- end }}
{{- toYaml .Values._secretData }}
{{- end }}

{{/* The restricted security context of every pod and container (Pod Security Standard "restricted"). */}}
{{- define "todo.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "todo.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Annotations that roll the pods when the configuration or the secret changes. */}}
{{- define "todo.checksums" -}}
checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
checksum/secret: {{ include "todo.secretChecksum" . }}
{{- end }}

{{/*
The chart's Secret: its data. A Secret of your own (secrets.existingSecret): only its name, as the chart cannot
see its contents; after changing it, `kubectl rollout restart` the Deployments.
*/}}
{{- define "todo.secretChecksum" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret | sha256sum }}
{{- else }}
{{- printf "%s %s" (include "todo.secret.name" .) (include "todo.secretData" .) | sha256sum }}
{{- end }}
{{- end }}

{{/*
The backend image's environment (api and assistant roles): the ConfigMap, and each secret key named, so that a
missing key shows as CreateContainerConfigError naming it instead of a server that starts without it. The keys
only some installs need (a model key, a Kafka password) are optional: a Secret of your own may leave them out.
*/}}
{{- define "todo.serverEnv" -}}
{{- $secret := include "todo.secret.name" . -}}
{{- range $key := list "DATABASE_URL" "DATABASE_USERNAME" "DATABASE_PASSWORD" "TODO_JWT_SECRET" }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $key }}
{{- end }}
{{- range $key := list "OPENAI_API_KEY" "KAFKA_SASL_PASSWORD" }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $key }}
      optional: true
{{- end }}
{{- end }}

{{/* Pod selector of one component ("backend", "frontend", "ai", "db", "test"). */}}
{{- define "todo.componentSelector" -}}
{{- $root := index . 0 -}}
podSelector:
  matchLabels:
    {{- include "todo.selectorLabels" $root | nindent 4 }}
    app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{/* Egress rules every component with a NetworkPolicy needs: DNS to the cluster's resolver. */}}
{{- define "todo.dnsEgress" -}}
- to:
    - namespaceSelector: {}
      podSelector:
        matchLabels:
          k8s-app: kube-dns
  ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
{{- end }}

{{/* Egress to the database: the chart's todo-db pods, or the external database's address and ports. */}}
{{- define "todo.databaseEgress" -}}
{{- if include "todo.db.enabled" . }}
- to:
    - {{ include "todo.componentSelector" (list . "db") | nindent 6 | trim }}
  ports:
    - port: 5432
      protocol: TCP
{{- else }}
- to:
    - ipBlock:
        cidr: {{ .Values.networkPolicy.externalDatabaseEgress.cidr }}
  ports:
    {{- range .Values.networkPolicy.externalDatabaseEgress.ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
{{- end }}
{{- end }}

{{/* Egress to the model service (the assistant's OpenAI-compatible endpoint). */}}
{{- define "todo.modelEgress" -}}
- to:
    - ipBlock:
        cidr: {{ .Values.networkPolicy.modelEgress.cidr }}
  ports:
    {{- range .Values.networkPolicy.modelEgress.ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
{{- end }}

{{/* events.kafka.brokers as a JSON list of host:port, blanks and empty entries dropped ("[]" when unset). */}}
{{- define "todo.kafka.brokers" -}}
{{- $brokers := list }}
{{- range splitList "," .Values.events.kafka.brokers }}
{{- if trim . }}{{- $brokers = append $brokers (trim .) }}{{- end }}
{{- end }}
{{- toJson $brokers }}
{{- end }}

{{/*
Egress to the Kafka brokers when events.kafka.brokers is set: networkPolicy.kafkaEgress.ports, or else the
ports the brokers name. Nothing without brokers (events stay in the pod).
*/}}
{{- define "todo.kafkaEgress" -}}
{{- $ports := .Values.networkPolicy.kafkaEgress.ports }}
{{- if not $ports }}
{{- range include "todo.kafka.brokers" . | fromJsonArray }}
{{- $ports = append $ports (regexReplaceAll "^.*:" . "" | atoi) }}
{{- end }}
{{- end }}
{{- if $ports }}
- to:
    - ipBlock:
        cidr: {{ .Values.networkPolicy.kafkaEgress.cidr }}
  ports:
    {{- range $ports | uniq }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
{{- end }}
{{- end }}

{{/* Ingress from the ingress controller's namespace. */}}
{{- define "todo.fromIngressController" -}}
- namespaceSelector:
    matchLabels:
      kubernetes.io/metadata.name: {{ .Values.networkPolicy.ingressControllerNamespace }}
{{- end }}
