{{- define "zen-watcher.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* <release>-<chart>, or the release name alone when it already holds the chart name. */}}
{{- define "zen-watcher.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" -}}
{{- else -}}
{{- $name := include "zen-watcher.name" . -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 52 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Selector labels of one component; call with (dict "root" $ "component" "writer"). */}}
{{- define "zen-watcher.selectorLabels" -}}
app.kubernetes.io/name: {{ include "zen-watcher.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "zen-watcher.labels" -}}
{{ include "zen-watcher.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: zen-watcher
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "zen-watcher.image" -}}
{{- $image := index .root.Values.image .app -}}
{{- printf "%s/%s:%s" .root.Values.image.registry $image (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{/* The install's name: install.name, else the release name. */}}
{{- define "zen-watcher.installName" -}}
{{- default .Release.Name .Values.install.name -}}
{{- end -}}

{{/* Where Observations go that name no namespace of their own; must be one the install owns. */}}
{{- define "zen-watcher.defaultNamespace" -}}
{{- $namespace := default .Release.Namespace .Values.ingester.defaultNamespace -}}
{{- if and .Values.install.namespaces (not (has $namespace .Values.install.namespaces)) -}}
{{- fail (printf "install.namespaces must hold %q, where Observations without a namespace of their own go (ingester.defaultNamespace, else the release namespace)" $namespace) -}}
{{- end -}}
{{- $namespace -}}
{{- end -}}

{{/*
Namespaces the writers create Observations in, as JSON: writer.allowedNamespaces, each within
install.namespaces, else install.namespaces; empty for any namespace.
*/}}
{{- define "zen-watcher.writerNamespaces" -}}
{{- $owned := .Values.install.namespaces -}}
{{- range .Values.writer.allowedNamespaces -}}
{{- if and $owned (not (has . $owned)) -}}
{{- fail (printf "writer.allowedNamespaces: %q is not one of install.namespaces" .) -}}
{{- end -}}
{{- end -}}
{{- toJson (default $owned .Values.writer.allowedNamespaces) -}}
{{- end -}}

{{/* redis.keyPrefix, else zw: for an install of the whole cluster and zw-<install>: for a namespaced one. */}}
{{- define "zen-watcher.redisKeyPrefix" -}}
{{- if .Values.redis.keyPrefix -}}
{{- .Values.redis.keyPrefix -}}
{{- else if .Values.install.namespaces -}}
{{- printf "zw-%s:" (include "zen-watcher.installName" .) -}}
{{- else -}}
zw:
{{- end -}}
{{- end -}}

{{/* The controller's rules where the install owns Ingesters, informer sources and Observations. */}}
{{- define "zen-watcher.controllerRules" }}
  - apiGroups: [zen.kube-zen.io]
    resources: [ingesters]
    verbs: [list, watch]
  - apiGroups: [zen.kube-zen.io]
    resources: [ingesters/status]
    verbs: [patch]
  - apiGroups: [zen.kube-zen.io]
    resources: [observations]
    verbs: [list, delete]
  {{- if .Values.controller.logsSources.enabled }}
  # Logs-type Ingesters: a pod informer per source, one log stream per container.
  - apiGroups: [""]
    resources: [pods]
    verbs: [list, watch]
  - apiGroups: [""]
    resources: [pods/log]
    verbs: [get]
  {{- end }}
  {{- range .Values.controller.rbac.informerResources }}
  - apiGroups: {{ toJson .apiGroups }}
    resources: {{ toJson .resources }}
    verbs: [list, watch]
  {{- end }}
{{- end }}

{{/* The writers' rules where they create Observations. */}}
{{- define "zen-watcher.writerRules" }}
  - apiGroups: [zen.kube-zen.io]
    resources: [observations]
    verbs: [create, get]
  - apiGroups: [zen.kube-zen.io]
    resources: [observations/status]
    verbs: [patch]
{{- end }}

{{- define "zen-watcher.leaseName" -}}
{{- default (printf "%s-controller" (include "zen-watcher.fullname" .)) .Values.controller.leaderElection.leaseName -}}
{{- end -}}

{{/*
The parts of redis.uri: scheme, host (one or more host:port, comma-separated), database path and, for
Sentinel, the master name in the fragment; fails naming the key when unusable.
*/}}
{{- define "zen-watcher.redisUrl" -}}
{{- $url := urlParse .Values.redis.uri -}}
{{- if not (has $url.scheme (list "redis" "rediss" "redis-sentinel")) -}}
{{- fail (printf "redis.uri must start with redis://, rediss:// or redis-sentinel://, was %q" .Values.redis.uri) -}}
{{- end -}}
{{- if $url.userinfo -}}
{{- fail "redis.uri must not hold a password: put it in the Secret named by redis.auth.existingSecret" -}}
{{- end -}}
{{- if and (eq $url.scheme "redis-sentinel") (not $url.fragment) -}}
{{- fail "redis.uri with redis-sentinel:// must name the master after '#', e.g. redis-sentinel://s1:26379#mymaster" -}}
{{- end -}}
{{- if and (eq $url.scheme "redis-sentinel") (eq .Values.redis.mode "cluster") -}}
{{- fail "redis.mode cluster does not go with a redis-sentinel:// redis.uri; Sentinel needs redis.mode standalone" -}}
{{- end -}}
{{- toJson $url -}}
{{- end -}}

{{/*
Redis connection environment of every component. The URI comes from redis.uri or whole from the Secret
(uriKey); the password and the TLS files are mounted from their Secrets and named by path, so no secret
sits in a rendered manifest or an environment variable.
*/}}
{{- define "zen-watcher.redisEnv" -}}
{{- $auth := .Values.redis.auth -}}
{{- if and $auth.uriKey (not $auth.existingSecret) -}}
{{- fail "redis.auth.uriKey needs redis.auth.existingSecret, the Secret that holds it" -}}
{{- end -}}
{{- if $auth.uriKey }}
- name: ZEN_WATCHER_REDIS_URI
  valueFrom:
    secretKeyRef:
      name: {{ $auth.existingSecret }}
      key: {{ $auth.uriKey }}
{{- else }}
{{- if not .Values.redis.uri -}}
{{- fail "redis.uri is required (redis://host:6379/0), or redis.auth.existingSecret with redis.auth.uriKey" -}}
{{- end -}}
{{- $url := include "zen-watcher.redisUrl" . | fromJson }}
- name: ZEN_WATCHER_REDIS_URI
  value: {{ .Values.redis.uri | quote }}
{{- if $auth.existingSecret }}
- name: ZEN_WATCHER_REDIS_PASSWORD_FILE
  value: /etc/zen-watcher/redis-auth/password
{{- end }}
{{- end }}
- name: ZEN_WATCHER_REDIS_MODE
  value: {{ .Values.redis.mode | quote }}
{{- with $auth.username }}
- name: ZEN_WATCHER_REDIS_USERNAME
  value: {{ . | quote }}
{{- end }}
{{- with .Values.redis.tls }}
{{- if .existingSecret }}
{{- if .caKey }}
- name: ZEN_WATCHER_REDIS_TLS_CA_FILE
  value: /etc/zen-watcher/redis-tls/ca.crt
{{- end }}
{{- if and .certKey (not .keyKey) }}
{{- fail "redis.tls.certKey needs redis.tls.keyKey, the key of the client's private key" -}}
{{- end }}
{{- if .certKey }}
- name: ZEN_WATCHER_REDIS_TLS_CERT_FILE
  value: /etc/zen-watcher/redis-tls/tls.crt
- name: ZEN_WATCHER_REDIS_TLS_KEY_FILE
  value: /etc/zen-watcher/redis-tls/tls.key
{{- end }}
{{- end }}
{{- end }}
- name: ZEN_WATCHER_REDIS_KEY_PREFIX
  value: {{ include "zen-watcher.redisKeyPrefix" . | quote }}
- name: ZEN_WATCHER_REDIS_QUEUE_SHARDS
  value: {{ .Values.redis.queueShards | quote }}
- name: ZEN_WATCHER_REDIS_ACK_REPLICAS
  value: {{ .Values.redis.ackReplicas | quote }}
- name: ZEN_WATCHER_REDIS_ACK_TIMEOUT
  value: {{ .Values.redis.ackTimeout | quote }}
- name: ZEN_WATCHER_REDIS_COMMAND_TIMEOUT
  value: {{ .Values.redis.commandTimeout | quote }}
{{- end -}}

{{/* Environment every container shares: port, configuration file, JVM flags, install, Redis. */}}
{{- define "zen-watcher.commonEnv" -}}
- name: PORT
  value: {{ .port | quote }}
- name: ZEN_WATCHER_INSTALL_NAME
  value: {{ include "zen-watcher.installName" .root | quote }}
{{- with .root.Values.install.namespaces }}
- name: ZEN_WATCHER_INSTALL_NAMESPACES
  value: {{ join "," . | quote }}
{{- end }}
- name: MICRONAUT_CONFIG_FILES
  value: /etc/zen-watcher/config/application.yml
{{- with .root.Values.javaToolOptions }}
- name: JAVA_TOOL_OPTIONS
  value: {{ . | quote }}
{{- end }}
{{- include "zen-watcher.redisEnv" .root }}
{{- end -}}

{{/* The admin API's bearer token (ingester dedup inspection, controller cleanup), from its Secret. */}}
{{- define "zen-watcher.adminTokenEnv" -}}
{{- if .Values.admin.existingSecret }}
- name: ZEN_WATCHER_ADMIN_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ .Values.admin.existingSecret }}
      key: {{ .Values.admin.tokenKey }}
{{- end }}
{{- end -}}

{{/* Health probes on the serving port: Micronaut's liveness and readiness endpoints. */}}
{{- define "zen-watcher.probes" -}}
startupProbe:
  httpGet: {path: /health/liveness, port: http}
  periodSeconds: 2
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /health/liveness, port: http}
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /health/readiness, port: http}
  periodSeconds: 5
  failureThreshold: 2
{{- end -}}

{{- define "zen-watcher.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: config
  mountPath: /etc/zen-watcher/config
  readOnly: true
{{- if and .Values.redis.auth.existingSecret (not .Values.redis.auth.uriKey) }}
- name: redis-auth
  mountPath: /etc/zen-watcher/redis-auth
  readOnly: true
{{- end }}
{{- if .Values.redis.tls.existingSecret }}
- name: redis-tls
  mountPath: /etc/zen-watcher/redis-tls
  readOnly: true
{{- end }}
{{- end -}}

{{- define "zen-watcher.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
- name: config
  configMap:
    name: {{ include "zen-watcher.fullname" . }}-config
{{- if and .Values.redis.auth.existingSecret (not .Values.redis.auth.uriKey) }}
- name: redis-auth
  secret:
    secretName: {{ .Values.redis.auth.existingSecret }}
    items:
      - key: {{ .Values.redis.auth.passwordKey }}
        path: password
{{- end }}
{{- with .Values.redis.tls }}
{{- if .existingSecret }}
- name: redis-tls
  secret:
    secretName: {{ .existingSecret }}
    items:
      {{- if .caKey }}
      - key: {{ .caKey }}
        path: ca.crt
      {{- end }}
      {{- if .certKey }}
      - key: {{ .certKey }}
        path: tls.crt
      - key: {{ .keyKey }}
        path: tls.key
      {{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Scheduling and pod-level settings shared by every Deployment; call with (dict "root" $ "values" .Values.writer). */}}
{{- define "zen-watcher.podSettings" -}}
securityContext:
  {{- toYaml .root.Values.podSecurityContext | nindent 2 }}
{{- with .root.Values.image.pullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- with .values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
topologySpreadConstraints:
{{- if .values.topologySpreadConstraints }}
  {{- toYaml .values.topologySpreadConstraints | nindent 2 }}
{{- else }}
  - maxSkew: 1
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "zen-watcher.selectorLabels" (dict "root" .root "component" .component) | nindent 8 }}
{{- end }}
{{- end -}}
