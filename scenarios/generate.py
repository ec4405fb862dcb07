#!/usr/bin/env python3
"""Writes every incident scenario under scenarios/ from the compact descriptions at the bottom of this file.

A developer tool (python3, standard library only); the tests read the generated files, never this script.

    python3 scenarios/generate.py            # regenerate all scenarios, then validate them
    python3 scenarios/generate.py checkout-oom hpa-at-max   # only these
    python3 scenarios/generate.py --check    # validate what is on disk, write nothing

The format of a scenario directory is described in scenario/README.md; the list of scenarios and their stories in
scenarios/README.md. Everything is deterministic: the random generators are seeded with the scenario's name, so
regenerating an unchanged description reproduces the same bytes.
"""

import hashlib
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections import OrderedDict, defaultdict
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.abspath(__file__))
UTC = timezone.utc
STEP = 30  # seconds between samples
SPAN = timedelta(minutes=70)  # metrics cover [now - 70m, now]
EVENT_TTL = timedelta(minutes=60)  # the API server forgets events after an hour
LOG_SPAN = timedelta(minutes=70)  # logs are what `kubectl logs --since=70m` would print

# ----------------------------------------------------------------------------------------------------------------
# time


def parse_time(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_ms(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def iso_us(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def unix(t):
    return int(t.timestamp())


def secs(n):
    return timedelta(seconds=n)


def mins(n):
    return timedelta(minutes=n)


# ----------------------------------------------------------------------------------------------------------------
# deterministic ids

POD_ALPHABET = "bcdfghjklmnpqrstvwxz2456789"


def _digest(seed):
    return hashlib.sha256(seed.encode()).digest()


def alnum(seed, n):
    d = _digest(seed)
    while len(d) < n:
        d += _digest(seed + str(len(d)))
    return "".join(POD_ALPHABET[b % len(POD_ALPHABET)] for b in d[:n])


def template_hash(seed):
    """What Kubernetes' pod-template-hash looks like: SafeEncodeString of a decimal uint32 ("7d9f8c6b5")."""
    n = int.from_bytes(_digest(seed)[:4], "big")
    return "".join(POD_ALPHABET[ord(ch) % len(POD_ALPHABET)] for ch in str(n))


def hexid(seed, n=64):
    h = ""
    i = 0
    while len(h) < n:
        h += hashlib.sha256((seed + "#" + str(i)).encode()).hexdigest()
        i += 1
    return h[:n]


def sha40(seed):
    return hashlib.sha1(seed.encode()).hexdigest()


def make_uid(seed):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "opsbot-scenario:" + seed))


# ----------------------------------------------------------------------------------------------------------------
# quantities

_BIN = {"Ki": 1024, "Mi": 1024 ** 2, "Gi": 1024 ** 3, "Ti": 1024 ** 4}


def bytes_of(q):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti)?", q)
    if not m:
        raise ValueError("quantity " + q)
    return int(float(m.group(1)) * _BIN.get(m.group(2) or "", 1))


def cores_of(q):
    return int(q[:-1]) / 1000.0 if q.endswith("m") else float(q)


# ----------------------------------------------------------------------------------------------------------------
# YAML, the way `kubectl get -o yaml` prints it (sorted keys, lists at the parent's indentation)

_PLAIN = re.compile(r"^[A-Za-z_/][A-Za-z0-9_./@+-]*$")
_QUANTITY = re.compile(r"^\d+(\.\d+)?(Ki|Mi|Gi|Ti|m)$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def yaml_scalar(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        if v.lower() not in _RESERVED and (_PLAIN.match(v) or _QUANTITY.match(v)):
            return v
        return json.dumps(v, ensure_ascii=False)
    raise TypeError(type(v))


def yaml_key(k):
    return k if _PLAIN.match(k) and k.lower() not in _RESERVED else json.dumps(k, ensure_ascii=False)


def _yaml_lines(obj, indent, sort):
    pad = " " * indent
    out = []
    if isinstance(obj, dict):
        keys = sorted(obj) if sort else list(obj)
        for k in keys:
            v = obj[k]
            if isinstance(v, dict) and v:
                out.append(pad + yaml_key(k) + ":")
                out.extend(_yaml_lines(v, indent + 2, sort))
            elif isinstance(v, list) and v:
                out.append(pad + yaml_key(k) + ":")
                out.extend(_yaml_lines(v, indent, sort))
            elif isinstance(v, dict):
                out.append(pad + yaml_key(k) + ": {}")
            elif isinstance(v, list):
                out.append(pad + yaml_key(k) + ": []")
            else:
                out.append(pad + yaml_key(k) + ": " + yaml_scalar(v))
    elif isinstance(obj, list):
        for item in obj:
            if isinstance(item, (dict, list)) and item:
                sub = _yaml_lines(item, indent + 2, sort)
                sub[0] = pad + "- " + sub[0][indent + 2:]
                out.extend(sub)
            elif isinstance(item, dict):
                out.append(pad + "- {}")
            elif isinstance(item, list):
                out.append(pad + "- []")
            else:
                out.append(pad + "- " + yaml_scalar(item))
    else:
        out.append(pad + yaml_scalar(obj))
    return out


def yaml_dump(obj, sort=True):
    return "\n".join(_yaml_lines(obj, 0, sort)) + "\n"


def yaml_documents(docs):
    return "---\n".join(yaml_dump(d) for d in docs)


# ----------------------------------------------------------------------------------------------------------------
# the log patterns triage uses (a copy of bot-core's LogPatterns, to check that each line says what it should)

LOG_RULES = [
    ("DB_POOL_EXHAUSTED", r"connection is not available, request timed out|hikaripool.*(timeout|not available|exhausted)"
     r"|too many clients|remaining connection slots are reserved|pool (is )?exhausted"
     r"|unable to acquire (a |jdbc )?connection|could not get (a |jdbc )?connection"
     r"|cannot get a connection, pool error"),
    ("RATE_LIMITED", r"\b429\b|too many requests|rate[ -]?limit(ed|ing)?( exceeded)?|throttlingexception"
     r"|request limit exceeded|quota exceeded"),
    ("CERT_EXPIRED", r"certificate (has )?expired|certificate is not yet valid|certificateexpiredexception"
     r"|cert(ificate)? expired|x509: certificate has expired|ssl.*expired"),
    ("DNS_FAILURE", r"unknownhostexception|no such host|name or service not known|temporary failure in name resolution"
     r"|could not resolve host|getaddrinfo (enotfound|eai_again)|name resolution failed"
     r"|dns (lookup|resolution) (failed|timed out)|lookup [a-z0-9.-]+.*: i/o timeout"),
    ("OUT_OF_MEMORY", r"outofmemoryerror|out of memory|javascript heap out of memory|cannot allocate memory"),
    ("DISK_FULL", r"no space left on device|disk (is )?full|could not extend file|enospc"),
    ("DOWNSTREAM_ERROR", r"connection refused|connection reset|econnrefused|econnreset|upstream .*(5\d\d|unavailable"
     r"|timed out|timeout)|(returned|responded|answered|status|code)[=: ]*(http )?5\d\d"
     r"|\b50[234] (service unavailable|bad gateway|gateway timeout)|read timed out"
     r"|(timeout|timed out) (calling|waiting for|connecting to)|deadline exceeded"
     r"|circuit( breaker)? (is )?open"),
    ("MISSING_CONFIG", r"missing (required )?(config|configuration|environment variable|property|key|setting|secret)"
     r"|(must|is) not (be )?set|required .* (is )?missing|filenotfoundexception"
     r"|no such file or directory"),
]
LOG_RULES = [(c, re.compile(p)) for c, p in LOG_RULES]
ERROR_LINE = re.compile(r"\b(error|fatal|critical|severe|panic|warn|warning)\b|exception|failed|failure|refused"
                        r"|timed out|timeout|\b5\d\d\b|\b429\b|unavailable|killed")
LEADING_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))\s*")
URL_HOST = re.compile(r"[a-z][a-z0-9+.-]*://([a-z0-9][a-z0-9.-]*[a-z0-9])")
HOST_PORT = re.compile(r"\b([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*):\d{2,5}\b")
NAMED_HOST = re.compile(r"\b(?:host|service|upstream|downstream|calling|call to|request to|connect to|connecting to"
                        r"|lookup|resolve host|resolving)[=: ]+\"?([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*)")


def log_text(line):
    m = LEADING_TIME.match(line)
    return line[m.end():] if m else line


def looks_like_error(line):
    return bool(ERROR_LINE.search(log_text(line).lower()))


def log_category(line):
    low = log_text(line).lower()
    for c, p in LOG_RULES:
        if p.search(low):
            return c
    return "ERROR"


def log_downstream(line):
    low = log_text(line).lower()
    for p in (URL_HOST, HOST_PORT, NAMED_HOST):
        for m in p.finditer(low):
            h = m.group(1)
            if h != "localhost" and not h.startswith("http") and not re.fullmatch(r"[0-9.]+", h) and len(h) > 2:
                if ".svc" in h:
                    return h.split(".")[0]
                if "." not in h:
                    return h
                parts = h.split(".")
                return parts[0] if len(parts) == 2 and len(parts[1]) > 3 else h
    return ""


# ----------------------------------------------------------------------------------------------------------------
# container runs (one per container instance) and pods


class Run:
    """One instance of a container: started at start, still running when end is None."""

    def __init__(self, start, end=None, reason=None, exit_code=None, message=None):
        self.start, self.end, self.reason, self.exit_code, self.message = start, end, reason, exit_code, message

    def active(self, t):
        return self.start <= t and (self.end is None or t < self.end)


def running(start):
    return [Run(start)]


BACKOFF = [10, 20, 40, 80, 160, 300]


def fmt_duration(seconds):
    m, s = divmod(int(seconds), 60)
    return "%dm%ds" % (m, s) if m else "%ds" % s


def crash_runs(first_start, now, lifetime, reason, exit_code, rng, jitter=0.15, first_lifetime=None, message=None,
               reset_after=None):
    """Container instances of a crash loop: each lives `lifetime` seconds (jittered), then kubelet waits the
    CrashLoopBackOff delay (10 s doubling to 5 min) before the next. Returns (runs, current back-off seconds)."""
    runs, t, i = [], first_start, 0
    backoff = BACKOFF[0]
    while t < now:
        life = first_lifetime if (i == 0 and first_lifetime) else lifetime
        if callable(life):
            life = life(i)
        life = life * (1 + rng.uniform(-jitter, jitter))
        end = t + secs(life)
        if end >= now:
            runs.append(Run(t))
            break
        runs.append(Run(t, end, reason, exit_code, message))
        backoff = BACKOFF[min(i, len(BACKOFF) - 1)]
        if reset_after and life > reset_after:
            backoff, i = BACKOFF[0], 0
        t = end + secs(backoff + rng.uniform(0.5, 1.5))
        i += 1
    return runs, backoff


class Pod:
    def __init__(self, wl, rev, name, node, created, runs, ready=None, waiting=None, deleted=None, scheduled=True,
                 evicted=None, ready_delay=15, serving=None, backoff=None, unschedulable_message=None, extra_status=None):
        self.wl, self.rev, self.name, self.node, self.created = wl, rev, name, node, created
        self.runs, self.waiting, self.deleted, self.scheduled = runs, waiting, deleted, scheduled
        self.evicted, self.ready_delay, self.serving_fn, self.backoff = evicted, ready_delay, serving, backoff
        self.unschedulable_message = unschedulable_message
        self.extra_status = extra_status or {}
        self.ns = wl.ns
        self.uid = make_uid(wl.s.name + "/pod/" + name)
        self.ip = wl.s.pod_ip(node) if node and scheduled else None
        now = wl.s.now
        if ready is None:
            last = runs[-1] if runs else None
            ready = bool(last and last.end is None and now >= last.start + secs(ready_delay) and not evicted)
        self.ready = ready

    @property
    def container(self):
        return self.wl.container_name

    def template(self):
        return self.wl.rs[self.rev].template

    def alive(self, t):
        return self.created <= t and (self.deleted is None or t < self.deleted) and not (
            self.evicted and t >= self.evicted["at"])

    def run_at(self, t):
        if not self.alive(t):
            return None
        for r in self.runs:
            if r.active(t):
                return r
        return None

    def serving(self, t):
        r = self.run_at(t)
        if r is None or t < r.start + secs(self.ready_delay):
            return False
        return self.serving_fn(self, t) if self.serving_fn else True

    def restarts_at(self, t):
        return max(0, sum(1 for r in self.runs if r.start <= t) - 1)

    def exists_now(self):
        return self.deleted is None or self.deleted > self.wl.s.now


class Workload:
    """A Deployment (with its ReplicaSets) or a StatefulSet, its pods, Service and Endpoints."""

    def __init__(self, s, kind, name, ns, replicas, created, revisions, stack, container_name=None, strategy=None,
                 port=8080, port_name="http", service=True, labels=None, deploy_annotations=None, conditions=None,
                 generation=None, managed_fields=None, service_port=None, service_selector=None,
                 service_managed_fields=None, service_annotations=None, volume_claims=None, progress_deadline=600,
                 headless=False):
        self.s, self.kind, self.name, self.ns, self.replicas, self.created = s, kind, name, ns, replicas, created
        self.stack, self.port, self.port_name = stack, port, port_name
        self.container_name = container_name or name
        self.strategy = strategy or {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%",
                                                                                 "maxUnavailable": "25%"}}
        self.uid = make_uid(s.name + "/" + kind + "/" + ns + "/" + name)
        self.labels = labels or {"app": name}
        self.deploy_annotations = deploy_annotations or {}
        self.conditions = conditions
        self.generation = generation
        self.managed_fields = managed_fields
        self.service = service
        self.service_port = service_port or port
        self.service_selector = service_selector
        self.service_managed_fields = service_managed_fields
        self.service_annotations = service_annotations or {}
        self.volume_claims = volume_claims or []
        self.progress_deadline = progress_deadline
        self.headless = headless
        self.rs = OrderedDict()
        for number, at, template in revisions:
            template = json.loads(json.dumps(template))
            h = template_hash(s.name + "/" + name + "/" + json.dumps(template, sort_keys=True))
            template["metadata"]["labels"]["pod-template-hash" if kind == "Deployment" else "controller-revision-hash"] = (
                h if kind == "Deployment" else name + "-" + h)
            rs_name = name + "-" + h
            self.rs[number] = RS(self, number, rs_name, at, template, h)
        self.current = list(self.rs)[-1]
        self.pods = []
        self.mem_fn = None
        self.throttle_fn = None
        self.cpu_usage = 0.25

    def template(self, rev=None):
        return self.rs[rev or self.current].template

    def pod(self, rev, node, created, runs, name=None, **kw):
        if self.kind == "Deployment":
            name = name or self.rs[rev].name + "-" + alnum(self.s.name + "/" + self.name + "/" + str(rev) + "/" + str(len(self.pods)), 5)
        p = Pod(self, rev, name, node, created, runs, **kw)
        self.pods.append(p)
        return p

    def live_pods(self):
        return [p for p in self.pods if p.exists_now()]


class RS:
    def __init__(self, wl, number, name, created, template, hash_):
        self.wl, self.number, self.name, self.created, self.template, self.hash = wl, number, name, created, template, hash_
        self.uid = make_uid(wl.s.name + "/rs/" + name)


# ----------------------------------------------------------------------------------------------------------------
# pod templates and containers

def http_probe(path, port="http", delay=10, period=10, timeout=1, failures=3):
    return {"httpGet": {"path": path, "port": port, "scheme": "HTTP"}, "initialDelaySeconds": delay,
            "periodSeconds": period, "timeoutSeconds": timeout, "successThreshold": 1, "failureThreshold": failures}




def exec_probe(command, delay=10, period=10):
    return {"exec": {"command": command}, "initialDelaySeconds": delay, "periodSeconds": period, "timeoutSeconds": 5,
            "successThreshold": 1, "failureThreshold": 6}


STACK_DEFAULTS = {
    "java": {"port": 8080, "liveness": "/actuator/health/liveness", "readiness": "/actuator/health/readiness",
             "delay": 30, "env": [{"name": "JAVA_TOOL_OPTIONS", "value": "-XX:MaxRAMPercentage=75.0 -XX:+UseG1GC"},
                                  {"name": "SPRING_PROFILES_ACTIVE", "value": "prod"}]},
    "go": {"port": 8080, "liveness": "/healthz", "readiness": "/readyz", "delay": 5,
           "env": [{"name": "GOMAXPROCS", "valueFrom": {"resourceFieldRef": {"divisor": "1",
                                                                            "resource": "limits.cpu"}}},
                   {"name": "LOG_LEVEL", "value": "info"}]},
    "node": {"port": 3000, "liveness": "/healthz", "readiness": "/ready", "delay": 10,
             "env": [{"name": "NODE_ENV", "value": "production"},
                     {"name": "NODE_OPTIONS", "value": "--max-old-space-size=384"}]},
    "python": {"port": 8000, "liveness": "/healthz", "readiness": "/ready", "delay": 20,
               "env": [{"name": "WEB_CONCURRENCY", "value": "2"}, {"name": "PYTHONUNBUFFERED", "value": "1"}]},
}


def container(name, image, stack, mem="512Mi", mem_req=None, cpu="1", cpu_req="250m", env=(), env_from=None,
              liveness=None, readiness=None, port=None, mounts=None, extra_env_first=False, no_cpu_limit=False,
              port_name="http"):
    d = STACK_DEFAULTS[stack]
    port = port or d["port"]
    limits = {"memory": mem}
    if not no_cpu_limit:
        limits["cpu"] = cpu
    c = {
        "name": name,
        "image": image,
        "imagePullPolicy": "IfNotPresent",
        "ports": [{"containerPort": port, "name": port_name, "protocol": "TCP"}],
        "env": (list(env) + d["env"]) if extra_env_first else (d["env"] + list(env)),
        "resources": {"limits": limits, "requests": {"cpu": cpu_req, "memory": mem_req or mem}},
        "livenessProbe": liveness or http_probe(d["liveness"], port=port_name, delay=d["delay"], period=10),
        "readinessProbe": readiness or http_probe(d["readiness"], port=port_name, delay=max(5, d["delay"] // 3),
                                                  period=5),
        "terminationMessagePath": "/dev/termination-log",
        "terminationMessagePolicy": "File",
        "securityContext": {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                            "runAsNonRoot": True, "runAsUser": 10001},
    }
    if env_from:
        c["envFrom"] = env_from
    if mounts:
        c["volumeMounts"] = mounts
    return c


def template(app, containers, annotations=None, volumes=None, version=None, team="shop", sa=None, extra_labels=None):
    labels = {"app": app, "app.kubernetes.io/name": app, "app.kubernetes.io/part-of": team}
    if version:
        labels["version"] = version
    if extra_labels:
        labels.update(extra_labels)
    meta = {"creationTimestamp": None, "labels": labels}
    ann = {"prometheus.io/scrape": "true", "prometheus.io/port": str(containers[0]["ports"][0]["containerPort"])}
    ann.update(annotations or {})
    meta["annotations"] = ann
    spec = {"containers": containers, "dnsPolicy": "ClusterFirst", "restartPolicy": "Always",
            "schedulerName": "default-scheduler", "securityContext": {"fsGroup": 10001},
            "serviceAccountName": sa or app, "serviceAccount": sa or app, "terminationGracePeriodSeconds": 30}
    if volumes:
        spec["volumes"] = volumes
    return {"metadata": meta, "spec": spec}


def with_container(tmpl, **changes):
    """A copy of a pod template whose first container has some fields replaced (image=, resources=, ...)."""
    t = json.loads(json.dumps(tmpl))
    c = t["spec"]["containers"][0]
    for k, v in changes.items():
        if k == "limits":
            c["resources"]["limits"].update(v)
        elif k == "requests":
            c["resources"]["requests"].update(v)
        elif k == "add_env":
            c["env"] = c["env"] + v
        elif k == "annotations":
            t["metadata"]["annotations"].update(v)
        elif k == "version":
            t["metadata"]["labels"]["version"] = v
        else:
            c[k] = v
    return t




# ----------------------------------------------------------------------------------------------------------------
# OpenMetrics


class Family:
    def __init__(self, name, mtype, help_):
        self.name, self.type, self.help = name, mtype, help_
        self.series = OrderedDict()  # (sample_name, labels tuple) -> list[(unix, value)]


SUFFIXES = {"counter": ("_total",), "gauge": ("",), "histogram": ("_bucket", "_count", "_sum"),
            "summary": ("_count", "_sum")}


class Metrics:
    def __init__(self):
        self.files = OrderedDict()  # file -> OrderedDict(name -> Family)
        self.family_file = {}

    def family(self, file, name, mtype, help_):
        if name in self.family_file:
            assert self.family_file[name] == file, name
            return self.files[file][name]
        self.family_file[name] = file
        fam = Family(name, mtype, help_)
        self.files.setdefault(file, OrderedDict())[name] = fam
        return fam

    def add(self, fam, sample, labels, t, value):
        key = (sample, tuple(labels.items()))
        fam.series.setdefault(key, []).append((unix(t), value))

    def series(self, sample_name):
        """All series of one sample name, as {labels dict tuple: [(unix, value)]}."""
        out = {}
        for fams in self.files.values():
            for fam in fams.values():
                for (sample, labels), pts in fam.series.items():
                    if sample == sample_name:
                        out[labels] = pts
        return out


def fmt_value(v):
    if isinstance(v, int):
        return str(v)
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    s = "%.6f" % v
    return s.rstrip("0").rstrip(".")


def fmt_le(le):
    return "+Inf" if le == math.inf else ("%g" % le)


def render_om(families):
    out = []
    for fam in families.values():
        out.append("# HELP %s %s" % (fam.name, fam.help))
        out.append("# TYPE %s %s" % (fam.name, fam.type))

        def order(item):
            (sample, labels), _ = item
            base = tuple((k, v) for k, v in labels if k != "le")
            le = dict(labels).get("le")
            sfx = SUFFIXES[fam.type].index(sample[len(fam.name):]) if fam.type != "gauge" else 0
            return (base, sfx, float(le.replace("+Inf", "inf")) if le else 0.0)

        for (sample, labels), pts in sorted(fam.series.items(), key=order):
            lab = ",".join('%s="%s"' % (k, v.replace("\\", "\\\\").replace('"', '\\"')) for k, v in labels)
            for ts, v in pts:
                out.append("%s{%s} %s %d" % (sample, lab, fmt_value(v), ts))
    out.append("# EOF")
    return "\n".join(out) + "\n"


# latency model: log-normal with a given median and p99

def lognormal_cdf(x, median, p99):
    sigma = max(0.05, math.log(p99 / median) / 2.326)
    if x <= 0:
        return 0.0
    return 0.5 * (1 + math.erf((math.log(x) - math.log(median)) / (sigma * math.sqrt(2))))


def lognormal_mean(median, p99):
    sigma = max(0.05, math.log(p99 / median) / 2.326)
    return median * math.exp(sigma * sigma / 2)


CLASSIC_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, math.inf]
MICROMETER_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, math.inf]


# ----------------------------------------------------------------------------------------------------------------
# log line formats per stack

def java_line(t, level, thread, logger, msg):
    return "%s %-5s [%s] %s - %s" % (iso_ms(t), level, thread, logger, msg)


def go_line(t, level, caller, msg, fields=None):
    """zap's console encoder with DisableCaller: a caller like "client.go:41" would read as host:port to triage."""
    line = "%s\t%s\t%s" % (iso_ms(t), level, msg)
    if fields:
        line += "\t" + json.dumps(fields)
    return line


def node_line(t, level, comp, msg):
    return "%s %s [%s] %s" % (iso_ms(t), level, comp, msg)


def py_line(t, level, logger, msg):
    return "%s %s [%s] %s" % (iso_ms(t), level, logger, msg)


def safe_number(rng, lo, hi):
    """A random integer that no log pattern mistakes for a status code (500-599, 429)."""
    while True:
        n = rng.randint(lo, hi)
        if not (500 <= n <= 599 or n == 429):
            return n


class LogPlan:
    """How to write one container's log: normal traffic lines, error streams, and lines at a run's start/end."""

    def __init__(self, normal, every=55, startup=None, streams=(), on_end=None, on_start_extra=None):
        self.normal, self.every, self.startup, self.streams, self.on_end = normal, every, startup, list(streams), on_end
        self.on_start_extra = on_start_extra

    def lines(self, s, pod, run, lo, hi, rng):
        out = []  # (t, line, expected) expected: None (normal) or a category or "error"
        if self.startup and lo <= run.start:
            for i, (dt_, line) in enumerate(self.startup(pod, run, rng)):
                out.append((run.start + dt_, line, None))
        t = max(lo, run.start + secs(20))
        end = hi if run.end is None else min(hi, run.end)
        while t < end:
            line = self.normal(pod, t, rng)
            for _ in range(50):  # random numbers like "46.557 s" or "[512]" read as status codes: draw again
                if not line or not looks_like_error(line):
                    break
                line = self.normal(pod, t, rng)
            if line:
                out.append((t, line, None))
            t += secs(self.every * rng.uniform(0.5, 1.5))
        for stream in self.streams:
            s_from, s_to, every, fn, expect = stream
            a = max(lo, s_from, run.start + secs(15))
            b = min(end, s_to)
            t = a + secs(rng.uniform(0, every))
            while t < b:
                line = fn(pod, t, rng)
                if line:
                    for j, l in enumerate(line if isinstance(line, list) else [line]):
                        out.append((t + timedelta(milliseconds=j), l, expect))
                t += secs(every * rng.uniform(0.6, 1.4))
        if self.on_end and run.end is not None and run.end <= hi:
            for dt_, line, expect in self.on_end(pod, run, rng):
                out.append((run.end + dt_, line, expect))
        # an instance only logs while it runs, and nothing is logged after the investigation's now
        stop = hi if run.end is None else min(hi, run.end)
        return [x for x in out if max(lo, run.start) <= x[0] <= stop]


# ----------------------------------------------------------------------------------------------------------------
# the scenario


NODES = [
    ("ip-10-0-1-42", "eu-west-1a", "10.0.1.42", "10.42.1"),
    ("ip-10-0-2-88", "eu-west-1b", "10.0.2.88", "10.42.2"),
    ("ip-10-0-3-17", "eu-west-1c", "10.0.3.17", "10.42.3"),
]
N1, N2, N3 = (n[0] for n in NODES)


class Scenario:
    def __init__(self, name, now, namespace, service, question, description, expect, onset=None, channel=None,
                 symptom_onset_tolerance=120):
        self.name, self.now, self.namespace, self.service = name, parse_time(now), namespace, service
        self.question, self.description, self.expect, self.channel = question, description, expect, channel
        self.start = self.now - SPAN
        self.day = self.now.strftime("%Y-%m-%d")
        self.onset = self.at(onset) if onset else None
        self.onset_tolerance = symptom_onset_tolerance
        self.rng = random.Random(name)
        self.workloads = []
        self.extra_k8s = defaultdict(list)  # file -> docs
        self.list_files = set()  # workload names whose file is written as a kind: List
        self.core_events = []
        self.v1_events = []
        self.logs = {}  # (ns, pod, container, previous) -> text
        self.log_expect = []  # (file, line, expected category)
        self.metrics = Metrics()
        self.argocd = {}
        self.github = {}
        self.node_state = {}  # node name -> dict(conditions overrides, taints)
        self.traffic_specs = []
        self.log_plans = {}  # workload name -> LogPlan
        self._ip = defaultdict(lambda: 10)
        self._rv = 4_800_000 + self.rng.randint(0, 900_000)
        self.counter_reset_ok = False

    # -- time and ids
    def at(self, text):
        if "T" in text:
            return parse_time(text)
        return parse_time(self.day + "T" + (text if len(text) == 8 else text + ":00") + "Z")

    def steps(self):
        t = self.start
        while t <= self.now:
            yield t
            t += secs(STEP)

    def rv(self):
        self._rv += self.rng.randint(3, 400)
        return str(self._rv)

    def pod_ip(self, node):
        prefix = dict((n[0], n[3]) for n in NODES)[node]
        self._ip[node] += self.rng.randint(1, 9)
        return "%s.%d" % (prefix, self._ip[node])

    # -- model
    def deployment(self, name, replicas, created, revisions, stack, ns=None, **kw):
        wl = Workload(self, "Deployment", name, ns or self.namespace, replicas, self.at(created),
                      [(n, self.at(a), t) for n, a, t in revisions], stack, **kw)
        self.workloads.append(wl)
        return wl

    def statefulset(self, name, replicas, created, template_, stack, ns=None, **kw):
        wl = Workload(self, "StatefulSet", name, ns or self.namespace, replicas, self.at(created),
                      [(1, self.at(created), template_)], stack, **kw)
        self.workloads.append(wl)
        return wl

    def workload(self, name):
        return next(w for w in self.workloads if w.name == name)

    # -- events
    def event(self, obj, reason, message, first, last=None, count=1, type_="Normal", component="kubelet",
              host=None, field_path=None, ns=None):
        """A core/v1 Event about obj: a Pod, Workload, RS, or a (kind, name, namespace, uid, apiVersion) tuple."""
        first = self.at(first) if isinstance(first, str) else first
        last = (self.at(last) if isinstance(last, str) else last) or first
        involved = self.ref(obj)
        if field_path:
            involved["fieldPath"] = field_path
        ev_ns = ns or involved.get("namespace") or "default"
        seed = "%s/%s/%s/%s/%s" % (self.name, involved["name"], reason, iso(first), message)
        ev = {
            "apiVersion": "v1", "kind": "Event",
            "metadata": {"name": involved["name"] + "." + hexid(seed, 16), "namespace": ev_ns,
                         "creationTimestamp": iso(first), "resourceVersion": self.rv(), "uid": make_uid(seed)},
            "involvedObject": involved, "reason": reason, "message": message,
            "source": {"component": component, **({"host": host} if host else {})},
            "firstTimestamp": iso(first), "lastTimestamp": iso(last), "count": count, "type": type_,
            "eventTime": None, "reportingComponent": component if component != "kubelet" else "kubelet",
            "reportingInstance": host or "",
        }
        self.core_events.append((last, ev))
        return ev

    def event_v1(self, obj, reason, note, at, type_="Normal", controller="kubelet", instance=None, action=None,
                 count=None, last=None, ns=None, field_path=None):
        """An events.k8s.io/v1 Event (regarding, note, eventTime, series)."""
        at = self.at(at) if isinstance(at, str) else at
        last = (self.at(last) if isinstance(last, str) else last) or at
        regarding = self.ref(obj)
        if field_path:
            regarding["fieldPath"] = field_path
        ev_ns = ns or regarding.get("namespace") or "default"
        seed = "%s/v1/%s/%s/%s/%s" % (self.name, regarding["name"], reason, iso(at), note)
        ev = {
            "apiVersion": "events.k8s.io/v1", "kind": "Event",
            "metadata": {"name": regarding["name"] + "." + hexid(seed, 16), "namespace": ev_ns,
                         "creationTimestamp": iso(at), "resourceVersion": self.rv(), "uid": make_uid(seed)},
            "eventTime": iso_us(at + timedelta(microseconds=self.rng.randint(0, 999999))),
            "reportingController": controller, "reportingInstance": instance or controller,
            "action": action or reason, "reason": reason, "regarding": regarding, "note": note, "type": type_,
        }
        if count and count > 1:
            ev["series"] = {"count": count, "lastObservedTime": iso_us(last)}
        self.v1_events.append((last, ev))
        return ev

    def ref(self, obj):
        if isinstance(obj, Pod):
            return {"apiVersion": "v1", "kind": "Pod", "name": obj.name, "namespace": obj.ns, "uid": obj.uid,
                    "resourceVersion": self.rv()}
        if isinstance(obj, Workload):
            return {"apiVersion": "apps/v1", "kind": obj.kind, "name": obj.name, "namespace": obj.ns,
                    "uid": obj.uid, "resourceVersion": self.rv()}
        if isinstance(obj, RS):
            return {"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": obj.name, "namespace": obj.wl.ns,
                    "uid": obj.uid, "resourceVersion": self.rv()}
        kind, name, ns, api = obj
        d = {"apiVersion": api, "kind": kind, "name": name}
        if kind == "Node":
            d["uid"] = name
        else:
            d["namespace"] = ns
            d["uid"] = make_uid(self.name + "/" + kind + "/" + ns + "/" + name)
            d["resourceVersion"] = self.rv()
        return d


# ----------------------------------------------------------------------------------------------------------------
# Kubernetes object rendering


def obj_meta(s, name, ns, created, labels=None, annotations=None, uid=None, generation=None, owner=None,
             managed=None, generate_name=None):
    m = {"name": name, "creationTimestamp": iso(created), "resourceVersion": s.rv(),
         "uid": uid or make_uid(s.name + "/" + name + "/" + (ns or ""))}
    if ns:
        m["namespace"] = ns
    if labels:
        m["labels"] = labels
    if annotations:
        m["annotations"] = annotations
    if generation is not None:
        m["generation"] = generation
    if owner:
        m["ownerReferences"] = [owner]
    if managed:
        m["managedFields"] = managed
    if generate_name:
        m["generateName"] = generate_name
    return m


def render_node(s, name, zone, ip, prefix):
    st = s.node_state.get(name, {})
    created = s.at("2026-02-11T06:14:52Z")
    hb = s.now - secs(s.rng.randint(5, 40))

    def cond(type_, status, reason, message, since):
        return {"type": type_, "status": status, "reason": reason, "message": message,
                "lastHeartbeatTime": iso(hb), "lastTransitionTime": iso(since)}

    boot = created + secs(95)
    conds = {
        "MemoryPressure": cond("MemoryPressure", "False", "KubeletHasSufficientMemory",
                               "kubelet has sufficient memory available", boot),
        "DiskPressure": cond("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", boot),
        "PIDPressure": cond("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
                            boot),
        "Ready": cond("Ready", "True", "KubeletReady", "kubelet is posting ready status", boot + secs(12)),
    }
    for type_, (status, reason, message, since) in st.get("conditions", {}).items():
        conds[type_] = cond(type_, status, reason, message, since)
    spec = {"podCIDR": prefix + ".0/24", "podCIDRs": [prefix + ".0/24"],
            "providerID": "aws:///%s/i-0%s" % (zone, hexid(name, 16))}
    if st.get("taints"):
        spec["taints"] = st["taints"]
    mem_alloc = st.get("allocatable_memory", "15186180Ki")
    return {
        "apiVersion": "v1", "kind": "Node",
        "metadata": obj_meta(s, name, None, created, uid=make_uid("node/" + name), labels={
            "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/instance-type": "m6i.xlarge",
            "beta.kubernetes.io/os": "linux", "eks.amazonaws.com/nodegroup": "general-2026-02",
            "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": name, "kubernetes.io/os": "linux",
            "node.kubernetes.io/instance-type": "m6i.xlarge", "topology.kubernetes.io/region": "eu-west-1",
            "topology.kubernetes.io/zone": zone},
            annotations={"node.alpha.kubernetes.io/ttl": "0",
                         "volumes.kubernetes.io/controller-managed-attach-detach": "true"}),
        "spec": spec,
        "status": {
            "addresses": [{"address": ip, "type": "InternalIP"},
                          {"address": name + ".eu-west-1.compute.internal", "type": "InternalDNS"},
                          {"address": name + ".eu-west-1.compute.internal", "type": "Hostname"}],
            "allocatable": {"cpu": "3920m", "ephemeral-storage": "95551679124", "hugepages-1Gi": "0",
                            "hugepages-2Mi": "0", "memory": mem_alloc, "pods": "58"},
            "capacity": {"cpu": "4", "ephemeral-storage": "104845292Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0",
                         "memory": "16092932Ki", "pods": "58"},
            "conditions": [conds[k] for k in ("MemoryPressure", "DiskPressure", "PIDPressure", "Ready")],
            "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
            "nodeInfo": {"architecture": "amd64", "bootID": make_uid("boot/" + name),
                         "containerRuntimeVersion": "containerd://1.7.22",
                         "kernelVersion": "6.1.115-126.197.amzn2023.x86_64", "kubeProxyVersion": "v1.30.6-eks-94953ac",
                         "kubeletVersion": "v1.30.6-eks-94953ac", "machineID": hexid("machine/" + name, 32),
                         "operatingSystem": "linux", "osImage": "Amazon Linux 2023.6.20241121",
                         "systemUUID": make_uid("sys/" + name)},
        },
    }


def pod_spec_from_template(p):
    t = json.loads(json.dumps(p.template()["spec"]))
    for c in t["containers"]:
        c.setdefault("volumeMounts", [])
        c["volumeMounts"] = c["volumeMounts"] + [{"mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
                                                  "name": "kube-api-access-" + alnum(p.name, 5), "readOnly": True}]
    vols = t.get("volumes", [])
    vols = vols + [{"name": "kube-api-access-" + alnum(p.name, 5), "projected": {"defaultMode": 420, "sources": [
        {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
        {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}], "name": "kube-root-ca.crt"}},
        {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"},
                                    "path": "namespace"}]}}]}}]
    t["volumes"] = vols
    if p.node and p.scheduled:
        t["nodeName"] = p.node
    t["enableServiceLinks"] = True
    t["preemptionPolicy"] = "PreemptLowerPriority"
    t["priority"] = 0
    t["tolerations"] = [
        {"effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists", "tolerationSeconds": 300},
        {"effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists",
         "tolerationSeconds": 300}]
    if p.wl.kind == "StatefulSet":
        t["hostname"] = p.name
        t["subdomain"] = p.wl.name
    return t


def qos(tmpl):
    c = tmpl["spec"]["containers"][0]["resources"]
    if c.get("limits") == c.get("requests") and "cpu" in c.get("limits", {}):
        return "Guaranteed"
    return "Burstable"


def container_status(s, p):
    c = p.template()["spec"]["containers"][0]
    image = c["image"]
    digest = "sha256:" + hexid("digest/" + image)
    cs = {"name": p.container, "image": image, "imageID": image.rsplit(":", 1)[0] + "@" + digest}
    runs = p.runs
    cid = lambda i: "containerd://" + hexid("%s/%s/%d" % (s.name, p.name, i))  # noqa: E731
    if not runs:
        cs.update({"ready": False, "restartCount": 0, "started": False, "imageID": "",
                   "state": {"waiting": dict(zip(("reason", "message"), p.waiting))}, "lastState": {}})
        return cs
    last = runs[-1]
    cs["restartCount"] = len(runs) - 1

    def term(i, r):
        d = {"containerID": cid(i), "exitCode": r.exit_code, "finishedAt": iso(r.end), "reason": r.reason,
             "startedAt": iso(r.start)}
        if r.message:
            d["message"] = r.message
        return d

    if p.evicted:
        cs.update({"ready": False, "started": False, "lastState": {}, "containerID": cid(len(runs) - 1),
                   "state": {"terminated": {"exitCode": 137, "finishedAt": iso(p.evicted["at"] + secs(1)),
                                            "message": "The container could not be located when the pod was terminated",
                                            "reason": "ContainerStatusUnknown",
                                            "startedAt": iso(last.start)}}})
        return cs
    if last.end is None:
        cs["containerID"] = cid(len(runs) - 1)
        cs["ready"] = p.ready
        cs["started"] = True
        cs["state"] = {"running": {"startedAt": iso(last.start)}}
        cs["lastState"] = {"terminated": term(len(runs) - 2, runs[-2])} if len(runs) > 1 else {}
    else:
        cs["containerID"] = cid(len(runs) - 1)
        cs["ready"] = False
        cs["started"] = False
        backoff = p.backoff or 300
        cs["state"] = {"waiting": {"reason": "CrashLoopBackOff", "message": "back-off %s restarting failed container=%s pod=%s_%s(%s)" % (
            fmt_duration(backoff), p.container, p.name, p.ns, p.uid)}}
        cs["lastState"] = {"terminated": term(len(runs) - 1, last)}
    return cs


def render_pod(s, p):
    wl = p.wl
    rs = wl.rs[p.rev]
    labels = dict(rs.template["metadata"]["labels"])
    if wl.kind == "StatefulSet":
        labels["statefulset.kubernetes.io/pod-name"] = p.name
        labels["apps.kubernetes.io/pod-index"] = p.name.rsplit("-", 1)[1]
        owner = {"apiVersion": "apps/v1", "kind": "StatefulSet", "name": wl.name, "uid": wl.uid, "controller": True,
                 "blockOwnerDeletion": True}
        gen = wl.name + "-"
    else:
        owner = {"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": rs.name, "uid": rs.uid, "controller": True,
                 "blockOwnerDeletion": True}
        gen = rs.name + "-"
    meta = obj_meta(s, p.name, p.ns, p.created, labels=labels, annotations=dict(rs.template["metadata"].get(
        "annotations", {})), uid=p.uid, owner=owner, generate_name=gen)
    spec = pod_spec_from_template(p)
    created = p.created
    status = {"qosClass": qos(rs.template)}
    sched_at = created + secs(1)
    if not p.scheduled:
        status.update({"phase": "Pending", "conditions": [
            {"type": "PodScheduled", "status": "False", "reason": "Unschedulable", "message": p.unschedulable_message,
             "lastProbeTime": None, "lastTransitionTime": iso(sched_at)}]})
        return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec, "status": status}
    node_ip = dict((n[0], n[2]) for n in NODES)[p.node]
    status.update({"hostIP": node_ip, "hostIPs": [{"ip": node_ip}], "podIP": p.ip, "podIPs": [{"ip": p.ip}],
                   "startTime": iso(sched_at)})
    cs = container_status(s, p)
    status["containerStatuses"] = [cs]
    cname = p.container
    if p.evicted:
        ev = p.evicted
        status.update({"phase": "Failed", "reason": "Evicted", "message": ev["message"]})
        status["conditions"] = [
            {"type": "DisruptionTarget", "status": "True", "reason": "TerminationByKubelet", "message": ev["message"],
             "lastProbeTime": None, "lastTransitionTime": iso(ev["at"])},
            {"type": "PodReadyToStartContainers", "status": "False", "lastProbeTime": None,
             "lastTransitionTime": iso(ev["at"] + secs(2))},
            {"type": "Initialized", "status": "True", "lastProbeTime": None, "lastTransitionTime": iso(sched_at)},
            {"type": "Ready", "status": "False", "reason": "PodFailed", "lastProbeTime": None,
             "lastTransitionTime": iso(ev["at"] + secs(1))},
            {"type": "ContainersReady", "status": "False", "reason": "PodFailed", "lastProbeTime": None,
             "lastTransitionTime": iso(ev["at"] + secs(1))},
            {"type": "PodScheduled", "status": "True", "lastProbeTime": None, "lastTransitionTime": iso(sched_at)}]
        return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec, "status": status}
    if not p.runs:
        status["phase"] = "Pending"
        ready_since = sched_at + secs(1)
    else:
        status["phase"] = "Running"
        last = p.runs[-1]
        if p.ready:
            ready_since = last.start + secs(p.ready_delay)
        elif last.end is not None:
            ready_since = last.end
        else:
            ready_since = p.extra_status.get("not_ready_since", last.start)
    ready_s = "True" if p.ready else "False"
    not_ready = {} if p.ready else {"reason": "ContainersNotReady",
                                     "message": "containers with unready status: [%s]" % cname}
    status["conditions"] = [
        {"type": "PodReadyToStartContainers", "status": "True" if p.runs or p.waiting else "False",
         "lastProbeTime": None, "lastTransitionTime": iso(sched_at + secs(2))},
        {"type": "Initialized", "status": "True", "lastProbeTime": None, "lastTransitionTime": iso(sched_at)},
        dict({"type": "Ready", "status": ready_s, "lastProbeTime": None, "lastTransitionTime": iso(ready_since)},
             **not_ready),
        dict({"type": "ContainersReady", "status": ready_s, "lastProbeTime": None,
              "lastTransitionTime": iso(ready_since)}, **not_ready),
        {"type": "PodScheduled", "status": "True", "lastProbeTime": None, "lastTransitionTime": iso(created)},
    ]
    return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec, "status": status}


def active(p):
    """Counted by a ReplicaSet: not Failed/Succeeded, not deleted."""
    return p.exists_now() and not p.evicted


def render_workload(s, wl):
    docs = []
    live = wl.live_pods()
    cur = wl.rs[wl.current]
    sel = dict(wl.labels)
    if wl.kind == "Deployment":
        for number, rs in wl.rs.items():
            pods = [p for p in live if p.rev == number and active(p)]
            ready = [p for p in pods if p.ready]
            desired = wl.replicas if number == wl.current else len(pods)
            if number != wl.current and wl.extra_old_rs_replicas(number) is not None:
                desired = wl.extra_old_rs_replicas(number)
            st = {"observedGeneration": 1 + (number == wl.current) * 2, "replicas": len(pods),
                  "fullyLabeledReplicas": len(pods)}
            if ready:
                st["readyReplicas"] = len(ready)
                st["availableReplicas"] = len(ready)
            rs_labels = dict(rs.template["metadata"]["labels"])
            docs.append({
                "apiVersion": "apps/v1", "kind": "ReplicaSet",
                "metadata": obj_meta(s, rs.name, wl.ns, rs.created, labels=rs_labels, uid=rs.uid,
                                     generation=st["observedGeneration"], annotations={
                                         "deployment.kubernetes.io/desired-replicas": str(wl.replicas),
                                         "deployment.kubernetes.io/max-replicas": str(wl.replicas + 1),
                                         "deployment.kubernetes.io/revision": str(number)},
                                     owner={"apiVersion": "apps/v1", "kind": "Deployment", "name": wl.name,
                                            "uid": wl.uid, "controller": True, "blockOwnerDeletion": True}),
                "spec": {"replicas": desired, "selector": {"matchLabels": dict(sel, **{"pod-template-hash": rs.hash})},
                         "template": rs.template},
                "status": st,
            })
        pods = [p for p in live if active(p)]
        updated = [p for p in pods if p.rev == wl.current]
        ready = [p for p in pods if p.ready]
        st = {"observedGeneration": wl.generation or 7, "replicas": len(pods), "updatedReplicas": len(updated)}
        if ready:
            st["readyReplicas"] = len(ready)
            st["availableReplicas"] = len(ready)
        if wl.replicas - len(ready) > 0:
            st["unavailableReplicas"] = wl.replicas - len(ready)
        st["conditions"] = wl.conditions or default_conditions(wl, len(ready))
        meta_ann = {"deployment.kubernetes.io/revision": str(wl.current)}
        meta_ann.update(wl.deploy_annotations)
        tmpl_spec = {"metadata": json.loads(json.dumps(cur.template["metadata"])),
                     "spec": cur.template["spec"]}
        del tmpl_spec["metadata"]["labels"]["pod-template-hash"]
        docs.insert(0, {
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": obj_meta(s, wl.name, wl.ns, wl.created, uid=wl.uid, generation=wl.generation or 7,
                                 labels={"app": wl.name, "app.kubernetes.io/name": wl.name,
                                         "app.kubernetes.io/instance": wl.name},
                                 annotations=meta_ann, managed=wl.managed_fields),
            "spec": {"progressDeadlineSeconds": wl.progress_deadline, "replicas": wl.replicas,
                     "revisionHistoryLimit": 10, "selector": {"matchLabels": sel}, "strategy": wl.strategy,
                     "template": tmpl_spec},
            "status": st,
        })
    else:
        pods = [p for p in live if active(p)]
        ready = [p for p in pods if p.ready]
        rev_name = cur.template["metadata"]["labels"]["controller-revision-hash"]
        tmpl_spec = {"metadata": json.loads(json.dumps(cur.template["metadata"])), "spec": cur.template["spec"]}
        del tmpl_spec["metadata"]["labels"]["controller-revision-hash"]
        docs.append({
            "apiVersion": "apps/v1", "kind": "StatefulSet",
            "metadata": obj_meta(s, wl.name, wl.ns, wl.created, uid=wl.uid, generation=3,
                                 labels={"app": wl.name, "app.kubernetes.io/name": wl.name}),
            "spec": {"persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain", "whenScaled": "Retain"},
                     "podManagementPolicy": "OrderedReady", "replicas": wl.replicas, "revisionHistoryLimit": 10,
                     "selector": {"matchLabels": sel}, "serviceName": wl.name, "template": tmpl_spec,
                     "updateStrategy": {"rollingUpdate": {"partition": 0}, "type": "RollingUpdate"},
                     "volumeClaimTemplates": wl.volume_claims},
            "status": {"availableReplicas": len(ready), "collisionCount": 0, "currentReplicas": len(pods),
                       "currentRevision": rev_name, "observedGeneration": 3, "readyReplicas": len(ready),
                       "replicas": len(pods), "updateRevision": rev_name, "updatedReplicas": len(pods)},
        })
    pod_docs = [render_pod(s, p) for p in live]
    if wl.name in s.list_files:
        docs.append({"apiVersion": "v1", "kind": "List", "items": pod_docs, "metadata": {"resourceVersion": ""}})
    else:
        docs.extend(pod_docs)
    if wl.service:
        docs.extend(render_service(s, wl))
    return docs


def _extra_old(self, number):
    return getattr(self, "old_rs_replicas", {}).get(number)


Workload.extra_old_rs_replicas = _extra_old


def default_conditions(wl, ready):
    s = wl.s
    cur = wl.rs[wl.current]
    done = cur.created + secs(75)
    avail_ok = ready >= wl.replicas - max_unavailable(wl)
    return [
        {"type": "Available", "status": "True" if avail_ok else "False",
         "reason": "MinimumReplicasAvailable" if avail_ok else "MinimumReplicasUnavailable",
         "message": "Deployment has minimum availability." if avail_ok else "Deployment does not have minimum availability.",
         "lastTransitionTime": iso(wl.created + secs(40)), "lastUpdateTime": iso(wl.created + secs(40))},
        {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable",
         "message": 'ReplicaSet "%s" has successfully progressed.' % cur.name,
         "lastTransitionTime": iso(wl.created), "lastUpdateTime": iso(min(done, s.now))},
    ]


def max_unavailable(wl):
    ru = wl.strategy.get("rollingUpdate", {})
    v = ru.get("maxUnavailable", "25%")
    if isinstance(v, str) and v.endswith("%"):
        return int(wl.replicas * int(v[:-1]) / 100)
    return int(v)


def render_service(s, wl):
    selector = wl.service_selector or dict(wl.labels)
    port_name = wl.port_name
    svc = {
        "apiVersion": "v1", "kind": "Service",
        "metadata": obj_meta(s, wl.name, wl.ns, wl.created, labels={"app": wl.name, "app.kubernetes.io/name": wl.name},
                             annotations=wl.service_annotations or None, managed=wl.service_managed_fields),
        "spec": {"clusterIP": "None" if wl.headless else "10.100.%d.%d" % (s.rng.randint(2, 250), s.rng.randint(2, 250)),
                 "internalTrafficPolicy": "Cluster", "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack",
                 "ports": [{"name": port_name, "port": wl.service_port, "protocol": "TCP", "targetPort": port_name}],
                 "selector": selector, "sessionAffinity": "None", "type": "ClusterIP"},
        "status": {"loadBalancer": {}},
    }
    svc["spec"]["clusterIPs"] = [svc["spec"]["clusterIP"]]
    # endpoints: every live, scheduled, not-evicted pod in the namespace whose labels match the selector
    ready, not_ready = [], []
    for other in s.workloads:
        if other.ns != wl.ns:
            continue
        for p in other.live_pods():
            labels = other.rs[p.rev].template["metadata"]["labels"]
            if not all(labels.get(k) == v for k, v in selector.items()):
                continue
            if not p.ip or p.evicted or not p.runs:
                continue
            addr = {"ip": p.ip, "nodeName": p.node,
                    "targetRef": {"kind": "Pod", "name": p.name, "namespace": p.ns, "uid": p.uid}}
            if wl.kind == "StatefulSet":
                addr["hostname"] = p.name
            (ready if p.ready else not_ready).append(addr)
    ready.sort(key=lambda a: a["ip"])
    not_ready.sort(key=lambda a: a["ip"])
    ep = {"apiVersion": "v1", "kind": "Endpoints",
          "metadata": obj_meta(s, wl.name, wl.ns, wl.created, labels={"app": wl.name, "app.kubernetes.io/name": wl.name},
                               annotations={"endpoints.kubernetes.io/last-change-trigger-time": iso(
                                   getattr(wl, "endpoints_changed", None) or s.now - secs(s.rng.randint(40, 200)))},
                               uid=make_uid(s.name + "/ep/" + wl.ns + "/" + wl.name))}
    if ready or not_ready:
        subset = {"ports": [{"name": port_name, "port": wl.port, "protocol": "TCP"}]}
        if ready:
            subset["addresses"] = ready
        if not_ready:
            subset["notReadyAddresses"] = not_ready
        ep["subsets"] = [subset]
    return [svc, ep]


# ----------------------------------------------------------------------------------------------------------------
# metrics: kube-state-metrics and cAdvisor for every pod; HTTP traffic per service


def pod_metrics(s, wl):
    m = s.metrics
    restarts = m.family("kube-state-metrics.om", "kube_pod_container_status_restarts", "counter",
                        "The number of container restarts per container.")
    limits = m.family("kube-state-metrics.om", "kube_pod_container_resource_limits", "gauge",
                      "The number of requested limit resource by a container.")
    ready_g = m.family("kube-state-metrics.om", "kube_pod_status_ready", "gauge",
                       "Describes whether the pod is ready to serve requests.")
    mem = m.family("cadvisor.om", "container_memory_working_set_bytes", "gauge", "Current working set in bytes.")
    periods = m.family("cadvisor.om", "container_cpu_cfs_periods", "counter",
                       "Number of elapsed enforcement period intervals.")
    throttled = m.family("cadvisor.om", "container_cpu_cfs_throttled_periods", "counter",
                         "Number of throttled period intervals.")
    for p in wl.pods:
        rng = random.Random(s.name + "/metrics/" + p.name)
        c = p.template()["spec"]["containers"][0]
        lim = c["resources"].get("limits", {})
        base = {"namespace": p.ns, "pod": p.name, "container": p.container}
        mem_limit = bytes_of(lim["memory"]) if "memory" in lim else None
        cpu_limit = cores_of(lim["cpu"]) if "cpu" in lim else None
        ksm_node = {"node": p.node} if p.scheduled and p.node else {}
        cfs = [0.0, 0.0]
        # counters of pods that existed before the window carry their history
        age = max(0.0, (s.start - p.created).total_seconds())
        cfs[0] = age * 10 * 0.8
        cfs[1] = cfs[0] * 0.01
        for t in s.steps():
            if not p.alive(t) and not (p.evicted and p.created <= t < p.evicted["at"] + secs(60)):
                continue
            if p.scheduled and (p.runs or p.waiting):
                m.add(restarts, "kube_pod_container_status_restarts_total", base, t, p.restarts_at(t))
                m.add(ready_g, "kube_pod_status_ready", {"namespace": p.ns, "pod": p.name, "condition": "true"}, t,
                      1 if p.serving(t) else 0)
            if mem_limit:
                m.add(limits, "kube_pod_container_resource_limits",
                      dict(base, **ksm_node, resource="memory", unit="byte"), t, mem_limit)
            if cpu_limit:
                m.add(limits, "kube_pod_container_resource_limits",
                      dict(base, **ksm_node, resource="cpu", unit="core"), t, cpu_limit)
            r = p.run_at(t)
            if r is None:
                continue
            if wl.mem_fn:
                v = wl.mem_fn(p, t, r, rng)
            else:
                ref = mem_limit or bytes_of("1Gi")
                warm = min(1.0, (t - r.start).total_seconds() / 240.0)
                v = ref * (0.30 + 0.22 * warm) * (1 + rng.uniform(-0.02, 0.02))
            if v is not None:
                m.add(mem, "container_memory_working_set_bytes", base, t, int(v))
            if cpu_limit:
                ratio = wl.throttle_fn(p, t, rng) if wl.throttle_fn else max(0.0, rng.uniform(0.0, 0.03))
                cfs[0] += STEP * 10 * rng.uniform(0.7, 0.95)  # 100 ms periods, not every one is used
                cfs[1] += STEP * 10 * 0.85 * ratio
                m.add(periods, "container_cpu_cfs_periods_total", base, t, int(cfs[0]))
                m.add(throttled, "container_cpu_cfs_throttled_periods_total", base, t, int(min(cfs[1], cfs[0])))


class Traffic:
    """HTTP traffic of one service: rate(t) requests/s, err(t) 5xx ratio, lat(t) (median, p99) in seconds.

    style: "classic" (http_requests_total{code} and optionally http_request_duration_seconds histogram),
    "micrometer" (http_server_requests_seconds summary _count/_sum by status), "micrometer-hist" (with buckets).
    """

    def __init__(self, wl, rate, err, lat=lambda t: (0.04, 0.2), style="classic", histogram=False,
                 routes=(("GET", "/api/items", 0.7), ("POST", "/api/items", 0.3)), err_code="503",
                 gateway=None, reset_on_restart=False, not_found=True):
        self.wl, self.rate, self.err, self.lat, self.style, self.histogram = wl, rate, err, lat, style, histogram
        self.routes, self.err_code, self.gateway, self.reset = routes, err_code, gateway, reset_on_restart
        self.not_found = not_found  # also count 404s on GET


def emit_traffic(s, tr):
    m, wl = s.metrics, tr.wl
    rng = random.Random(s.name + "/traffic/" + wl.name)
    classic = tr.style == "classic"
    if classic:
        req = m.family("http.om", "http_requests", "counter", "Total HTTP requests handled, by status code.")
        hist = m.family("http.om", "http_request_duration_seconds", "histogram",
                        "HTTP request latency in seconds.") if tr.histogram else None
    else:
        mtype = "histogram" if tr.style == "micrometer-hist" else "summary"
        req = m.family("http.om", "http_server_requests_seconds", mtype,
                       "Duration of HTTP server request handling (Spring Boot / Micrometer).")
    buckets = CLASSIC_BUCKETS if classic else MICROMETER_BUCKETS
    acc = defaultdict(float)
    started = {}
    last_run = {}

    def add(pod, method, uri, outcome, n, med, p99):
        acc[(pod, method, uri, outcome)] += n
        if outcome == "404":
            return
        if tr.histogram or not classic:
            for le in buckets:
                frac = 1.0 if le == math.inf else lognormal_cdf(le, med, p99)
                acc[(pod, method, uri, outcome, "le", le)] += n * frac
            acc[(pod, method, uri, outcome, "sum")] += n * lognormal_mean(med, p99)

    for t in s.steps():
        R = tr.rate(t) * (1 + rng.uniform(-0.06, 0.06))
        E = max(0.0, min(1.0, tr.err(t) * (1 + rng.uniform(-0.12, 0.12))))
        med, p99 = tr.lat(t)
        serving = [p for p in wl.pods if p.serving(t)]
        gw_frac = tr.gateway[1](t) if tr.gateway else 0.0
        if not serving:
            gw_frac = 1.0
        weights = [rng.uniform(0.85, 1.15) for _ in serving]
        tw = sum(weights) or 1.0
        app_requests = R * (1 - gw_frac) * STEP
        for p in wl.pods:
            run = p.run_at(t)
            if run is None:
                continue
            key_pod = p.name
            if tr.reset and last_run.get(key_pod) is not None and last_run[key_pod] is not run:
                for k in list(acc):
                    if k[0] == key_pod:
                        acc[k] = 0.0
            last_run[key_pod] = run
            if key_pod not in started:
                started[key_pod] = True
                if p.created < s.start:  # the counters carry the pod's history from before the window
                    age = min((s.start - p.created).total_seconds(), 3 * 86400) * rng.uniform(0.3, 0.5)
                    per_pod = tr.rate(s.start) / max(1, len(serving))
                    bmed, bp99 = tr.lat(s.start)
                    for method, uri, w in tr.routes:
                        n = per_pod * age * w
                        add(key_pod, method, uri, "ok", n * 0.998, bmed, bp99)
                        add(key_pod, method, uri, "err", n * 0.0015, bmed, bp99)
                        if method == "GET":
                            add(key_pod, method, uri, "404", n * 0.004, bmed, bp99)
            share = 0.0
            if p in serving:
                share = app_requests * weights[serving.index(p)] / tw
            for method, uri, w in tr.routes:
                n = share * w
                add(key_pod, method, uri, "ok", n * (1 - E) * (0.996 if method == "GET" else 1.0), med, p99)
                add(key_pod, method, uri, "err", n * E, med, p99)
                if method == "GET":
                    add(key_pod, method, uri, "404", n * (1 - E) * 0.004, med, p99)
            # write the samples of this pod
            err_code = tr.err_code
            if classic:  # one series per (method, code): routes that share a method add up
                for method in OrderedDict((mm, None) for mm, _, _ in tr.routes):
                    codes = [("ok", "200" if method in ("GET", "PUT") else "201"), ("err", err_code)]
                    if method == "GET" and tr.not_found:
                        codes.append(("404", "404"))
                    for outcome, code in codes:
                        labels = OrderedDict([("namespace", p.ns), ("service", wl.name), ("pod", p.name),
                                              ("method", method), ("code", code)])
                        v = sum(acc[(key_pod, method, uu, outcome)] for mm, uu, _ in tr.routes if mm == method)
                        m.add(req, "http_requests_total", labels, t, int(v))
            else:
                for method, uri, w in tr.routes:
                    for outcome, code in (("ok", "200"), ("err", err_code)):
                        labels = OrderedDict([("namespace", p.ns), ("service", wl.name), ("pod", p.name),
                                              ("method", method), ("uri", uri), ("status", code),
                                              ("outcome", "SUCCESS" if outcome == "ok" else "SERVER_ERROR")])
                        if tr.style == "micrometer-hist":
                            for le in buckets:
                                m.add(req, "http_server_requests_seconds_bucket", dict(labels, le=fmt_le(le)), t,
                                      int(acc[(key_pod, method, uri, outcome, "le", le)]))
                        m.add(req, "http_server_requests_seconds_count", labels, t,
                              int(acc[(key_pod, method, uri, outcome)]))
                        m.add(req, "http_server_requests_seconds_sum", labels, t,
                              round(acc[(key_pod, method, uri, outcome, "sum")], 3))
            if classic and tr.histogram:
                labels = OrderedDict([("namespace", p.ns), ("service", wl.name), ("pod", p.name)])
                tot = 0.0
                for le in buckets:
                    v = sum(acc[(key_pod, mm, uu, o, "le", le)] for mm, uu, _ in tr.routes for o in ("ok", "err"))
                    m.add(hist, "http_request_duration_seconds_bucket", dict(labels, le=fmt_le(le)), t, int(v))
                    tot = v
                m.add(hist, "http_request_duration_seconds_count", labels, t, int(tot))
                m.add(hist, "http_request_duration_seconds_sum", labels, t, round(
                    sum(acc[(key_pod, mm, uu, o, "sum")] for mm, uu, _ in tr.routes for o in ("ok", "err")), 3))
        if tr.gateway:
            gw_pod = tr.gateway[0]
            acc[("gw",)] += R * gw_frac * STEP
            for method, uri, w in tr.routes[:1]:
                labels = OrderedDict([("namespace", wl.ns), ("service", wl.name), ("pod", gw_pod), ("method", method),
                                      ("code", "503"), ("reporter", "gateway")])
                m.add(req, "http_requests_total", labels, t, int(acc[("gw",)]))
        elif not serving and R > 0 and s.now >= t:
            pass  # nobody counts requests that reach no pod; scenarios give such services a gateway


# ----------------------------------------------------------------------------------------------------------------
# change sources


def argo_app(s, name, ns, repo, path, history, health="Healthy", sync="Synced", images=(), resources=(),
             project="shop", operation=None, automated=True):
    """history: list of (id, sha, deploy_started, deployed, author, commit_date, message)."""
    last = history[-1]
    src = {"repoURL": repo, "path": path, "targetRevision": "main"}
    app = {
        "apiVersion": "argoproj.io/v1alpha1", "kind": "Application",
        "metadata": {"name": name, "namespace": "argocd", "uid": make_uid(s.name + "/argo/" + name),
                     "creationTimestamp": "2025-09-02T08:41:17Z", "generation": 400 + len(history) * 3,
                     "resourceVersion": s.rv(), "labels": {"team": project},
                     "annotations": {"notifications.argoproj.io/subscribe.on-sync-succeeded.slack": "deploys"}},
        "spec": {"project": project, "source": src,
                 "destination": {"server": "https://kubernetes.default.svc", "namespace": ns},
                 "syncPolicy": {"automated": {"prune": True, "selfHeal": True}, "syncOptions": ["ApplyOutOfSyncOnly=true"]}
                 if automated else {"syncOptions": ["ApplyOutOfSyncOnly=true"]}},
        "status": {
            "sync": {"status": sync, "revision": last[1], "comparedTo": {"source": src, "destination": {
                "server": "https://kubernetes.default.svc", "namespace": ns}}},
            "health": {"status": health},
            "history": [{"id": h[0], "revision": h[1], "deployStartedAt": iso(s.at(h[2])), "deployedAt": iso(s.at(h[3])),
                         "source": src, "initiatedBy": {"automated": True} if automated else {"username": h[4].split()[0]}}
                        for h in history],
            "operationState": {
                "operation": {"sync": {"revision": last[1], "syncStrategy": {"hook": {}}},
                              "initiatedBy": {"automated": True} if automated else {"username": last[4].split()[0]},
                              "retry": {"limit": 5}},
                "phase": "Succeeded", "message": "successfully synced (all tasks run)",
                "startedAt": iso(s.at(last[2])), "finishedAt": iso(s.at(last[3])),
                "syncResult": {"revision": last[1], "source": src, "resources": [
                    {"group": g, "version": v, "kind": k, "namespace": ns, "name": n, "status": "Synced",
                     "message": msg, "hookPhase": "Running", "syncPhase": "Sync"} for g, v, k, n, msg in resources]},
            },
            "reconciledAt": iso(s.now - secs(s.rng.randint(20, 170))),
            "sourceType": "Kustomize",
            "summary": {"images": list(images)},
            "resources": [{"group": g, "version": v, "kind": k, "namespace": ns, "name": n, "status": "Synced",
                           "health": {"status": health if k == "Deployment" else "Healthy"}} for g, v, k, n, _ in
                          resources],
        },
        "revisionMetadata": {h[1]: {"author": h[4], "date": iso(s.at(h[5])), "message": h[6]} for h in history},
    }
    if operation:
        app["status"]["operationState"].update(operation)
    s.argocd[name] = app
    return app


def github_runs(s, owner, repo, runs):
    """runs: list of dicts with name, event, branch, sha, created, started, updated, actor, conclusion, message."""
    out = []
    repo_id = int(hexid(owner + "/" + repo, 8), 16) % 900_000_000 + 100_000_000
    for i, r in enumerate(sorted(runs, key=lambda r: s.at(r["created"]), reverse=True)):
        run_id = 13_000_000_000 + int(hexid(s.name + repo + r["created"] + r["name"], 7), 16)
        status = r.get("status", "completed")
        wf = r.get("workflow", r["name"].lower().replace(" ", "-") + ".yml")
        out.append({
            "id": run_id, "name": r["name"], "node_id": "WFR_kw" + alnum(str(run_id), 14),
            "head_branch": r["branch"], "head_sha": r["sha"], "path": ".github/workflows/" + wf,
            "display_title": r["message"].split("\n")[0], "run_number": r["number"], "event": r["event"],
            "status": status, "conclusion": r.get("conclusion") if status == "completed" else None,
            "workflow_id": 80_000_000 + int(hexid(repo + wf, 5), 16), "check_suite_id": run_id + 7,
            "url": "https://api.github.com/repos/%s/%s/actions/runs/%d" % (owner, repo, run_id),
            "html_url": "https://github.com/%s/%s/actions/runs/%d" % (owner, repo, run_id),
            "created_at": iso(s.at(r["created"])), "updated_at": iso(s.at(r["updated"])),
            "run_attempt": 1, "run_started_at": iso(s.at(r.get("started", r["created"]))),
            "actor": {"login": r["actor"], "id": int(hexid(r["actor"], 6), 16), "type": "User"},
            "triggering_actor": {"login": r["actor"], "id": int(hexid(r["actor"], 6), 16), "type": "User"},
            "head_commit": {"id": r["sha"], "tree_id": sha40("tree" + r["sha"]), "message": r["message"],
                            "timestamp": iso(s.at(r.get("commit_time", r["created"]))),
                            "author": {"name": r["actor"], "email": r["actor"] + "@acme-shop.example"},
                            "committer": {"name": "GitHub", "email": "noreply@github.com"}},
            "repository": {"id": repo_id, "name": repo, "full_name": owner + "/" + repo,
                           "html_url": "https://github.com/%s/%s" % (owner, repo), "private": True},
        })
    s.github[owner + "__" + repo] = {"total_count": len(out), "workflow_runs": out}


# ----------------------------------------------------------------------------------------------------------------
# writing


def write_scenario(s):
    d = os.path.join(ROOT, s.name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    header = OrderedDict([("name", s.name), ("description", s.description), ("now", iso(s.now)),
                          ("question", s.question), ("namespace", s.namespace), ("service", s.service)])
    if s.channel:
        header["channel"] = s.channel
    cause, kind, ns, name = s.expect
    culprit = OrderedDict([("kind", kind), ("namespace", ns), ("name", name)])
    if not ns:  # a Node or an ExternalService: the loader wants the key left out rather than empty
        del culprit["namespace"]
    header["expect"] = OrderedDict([("cause", cause), ("culprit", culprit)])
    write(d, "scenario.yaml", yaml_dump(header, sort=False))
    # kubernetes
    write(d, "kubernetes/nodes.yaml", yaml_documents([render_node(s, *n) for n in NODES]))
    for wl in s.workloads:
        write(d, "kubernetes/%s.yaml" % wl.name, yaml_documents(render_workload(s, wl)))
    for f, docs in s.extra_k8s.items():
        write(d, "kubernetes/" + f, yaml_documents(docs))
    horizon = s.now - EVENT_TTL
    core = [e for last, e in sorted(s.core_events, key=lambda x: x[0]) if last >= horizon]
    if core:
        write(d, "kubernetes/events.yaml", yaml_documents(core))
    v1 = [e for last, e in sorted(s.v1_events, key=lambda x: x[0]) if last >= horizon]
    if v1:
        write(d, "kubernetes/events.k8s.io.yaml", yaml_documents(v1))
    # logs
    for (ns, pod, c, prev), text in sorted(s.logs.items()):
        write(d, "logs/%s/%s/%s%s" % (ns, pod, c, ".previous.log" if prev else ".log"), text)
    # metrics
    for f, fams in s.metrics.files.items():
        write(d, "metrics/" + f, render_om(fams))
    for name, app in s.argocd.items():
        write(d, "changes/argocd/%s.json" % name, json.dumps(app, indent=2) + "\n")
    for name, runs in s.github.items():
        write(d, "changes/github/%s.json" % name, json.dumps(runs, indent=2) + "\n")


def write(d, rel, text):
    path = os.path.join(d, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# ----------------------------------------------------------------------------------------------------------------
# logs for every pod that exists now


def build_logs(s):
    for wl in s.workloads:
        plan = s.log_plans.get(wl.name)
        if not plan:
            continue
        for p in wl.live_pods():
            if not p.runs or p.evicted:
                continue
            rng = random.Random(s.name + "/logs/" + p.name)
            lo = s.now - LOG_SPAN
            runs = p.runs
            last = runs[-1]
            if last.end is None:
                current, previous = last, (runs[-2] if len(runs) > 1 else None)
            else:  # waiting in CrashLoopBackOff: kubelet serves the last terminated instance for both
                current, previous = last, last
            for run, prev in ((current, False), (previous, True)):
                if run is None:
                    continue
                lines = plan.lines(s, p, run, lo, s.now, random.Random(s.name + "/logs/" + p.name + "/" + iso(run.start)))
                lines.sort(key=lambda x: x[0])
                lines = thin(lines, 200, rng)
                if not lines:
                    continue
                for _, line, expect in lines:
                    s.log_expect.append((p.name, line, expect))
                s.logs[(p.ns, p.name, p.container, prev)] = "\n".join(l for _, l, _ in lines) + "\n"


def thin(lines, cap, rng):
    if len(lines) <= cap:
        return lines
    normal = [i for i, (_, _, e) in enumerate(lines) if e is None]
    drop = set()
    excess = len(lines) - cap
    rng2 = random.Random(len(lines))
    if len(normal) >= excess:
        drop = set(rng2.sample(normal, excess))
    else:
        drop = set(normal)
        others = [i for i in range(len(lines)) if i not in drop]
        keep_every = len(others) / (cap)
        kept = set(others[int(k * keep_every)] for k in range(cap))
        drop |= set(others) - kept
    return [l for i, l in enumerate(lines) if i not in drop]


# ----------------------------------------------------------------------------------------------------------------
# validation


def check_om_file(path, allow_reset=False):
    """Families contiguous, series contiguous, timestamps ascending per series, counters monotonic, # EOF last."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    assert lines[-1] == "" and lines[-2] == "# EOF", path + ": must end with # EOF"
    assert "# EOF" not in lines[:-2], path + ": # EOF before the end"
    seen_families, current, ftype = set(), None, None
    seen_series, cur_series, last_ts, last_val = set(), None, None, None
    sample_re = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (\S+) (\d+)$')
    resets = 0
    for n, line in enumerate(lines[:-2], 1):
        if line.startswith("# TYPE "):
            _, _, name, ftype = line.split(" ")
            assert name not in seen_families, "%s:%d: family %s not contiguous" % (path, n, name)
            seen_families.add(name)
            current = name
            continue
        if line.startswith("# HELP ") or line.startswith("# UNIT "):
            continue
        m = sample_re.match(line)
        assert m, "%s:%d: not a sample line: %r" % (path, n, line)
        name, labels, value, ts = m.group(1), m.group(2) or "", float(m.group(3)), int(m.group(4))
        assert current and name.startswith(current) and name[len(current):] in SUFFIXES[ftype], \
            "%s:%d: %s outside its family %s (%s)" % (path, n, name, current, ftype)
        assert math.isfinite(value), "%s:%d: value not finite" % (path, n)
        key = name + labels
        if key != cur_series:
            assert key not in seen_series, "%s:%d: series %s not contiguous" % (path, n, key)
            seen_series.add(key)
            cur_series, last_ts, last_val = key, None, None
        assert last_ts is None or ts > last_ts, "%s:%d: timestamps not ascending" % (path, n)
        if ftype in ("counter", "histogram", "summary") and last_val is not None and value < last_val:
            resets += 1
            assert allow_reset, "%s:%d: counter %s went down" % (path, n, key)
        last_ts, last_val = ts, value
    return resets


def check_yaml_roundtrip(path):
    try:
        import yaml  # optional: PyYAML
    except ImportError:
        return
    with open(path, encoding="utf-8") as f:
        docs = [d for d in yaml.safe_load_all(f)]
    assert docs and all(isinstance(d, dict) for d in docs), path


def promtool_check(paths):
    promtool = shutil.which("promtool")
    if not promtool:
        print("promtool not on PATH: skipped the promtool check")
        return
    for p in paths:
        out = tempfile.mkdtemp(prefix="om-")
        try:
            r = subprocess.run([promtool, "tsdb", "create-blocks-from", "openmetrics", p, out], capture_output=True,
                               text=True)
            assert r.returncode == 0, "promtool rejected %s: %s%s" % (p, r.stdout[-2000:], r.stderr[-2000:])
        finally:
            shutil.rmtree(out, ignore_errors=True)


# ----------------------------------------------------------------------------------------------------------------
# cross-object consistency of a written scenario (reads the files back; needs PyYAML for the YAML parts)

CAUSES = {"bad-deploy", "config-change", "oom", "crashloop", "image-pull", "probe-misconfig", "missing-config-object",
          "capacity", "hpa-broken", "cpu-throttling", "node-pressure", "dependency-failure", "db-pool-exhausted",
          "rate-limited", "cert-expired", "dns-failure", "no-endpoints", "network-policy", "disk-full", "unschedulable",
          "healthy", "unknown"}
FUTURE_OK = {"notAfter", "renewalTime"}  # certificate validity may lie after now
TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


def check_consistency(name):
    try:
        import yaml
    except ImportError:
        print("PyYAML not installed: skipped the consistency check of %s" % name)
        return
    d = os.path.join(ROOT, name)
    head = yaml.safe_load(open(os.path.join(d, "scenario.yaml")))
    assert set(head) <= {"name", "now", "question", "namespace", "service", "channel", "expect", "description"}, head
    assert head["expect"]["cause"] in CAUSES
    assert set(head["expect"]) == {"cause", "culprit"}
    assert {"kind", "name"} <= set(head["expect"]["culprit"]) <= {"kind", "namespace", "name"}
    assert head["expect"]["culprit"].get("namespace", "x") != "", "leave an empty culprit namespace out"
    now = parse_time(head["now"])
    objs = []
    for f in sorted(os.listdir(os.path.join(d, "kubernetes"))):
        for doc in yaml.safe_load_all(open(os.path.join(d, "kubernetes", f))):
            objs.extend(doc["items"] if doc["kind"] == "List" else [doc])
    ids = set()
    for o in objs:
        key = (o["apiVersion"].rsplit("/", 1)[0] if "/" in o["apiVersion"] else "", o["kind"],
               o["metadata"].get("namespace", ""), o["metadata"]["name"])
        assert key not in ids, "%s: duplicate %s" % (name, key)
        ids.add(key)
    by = defaultdict(dict)
    for o in objs:
        by[o["kind"]][(o["metadata"].get("namespace", ""), o["metadata"]["name"])] = o

    def walk(x, path=""):
        if isinstance(x, dict):
            for k, v in x.items():
                yield from walk(v, path + "/" + k)
        elif isinstance(x, list):
            for i, v in enumerate(x):
                yield from walk(v, path + "/" + str(i))
        else:
            yield path, x

    for o in objs:
        for path, v in walk(o):
            if isinstance(v, str) and TIME_RE.match(v) and path.rsplit("/", 1)[-1] not in FUTURE_OK:
                t = datetime.strptime(v[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
                assert t <= now, "%s: %s %s%s = %s is after now" % (name, o["kind"], o["metadata"]["name"], path, v)
    # deployments, replicasets, pods
    for (ns, dn), dep in by["Deployment"].items():
        rss = [rs for rs in by["ReplicaSet"].values() if rs["metadata"].get("ownerReferences", [{}])[0].get("name") == dn
               and rs["metadata"]["namespace"] == ns]
        assert rss, "%s: Deployment %s has no ReplicaSets" % (name, dn)
        revs = {}
        for rs in rss:
            own = rs["metadata"]["ownerReferences"][0]
            assert own["kind"] == "Deployment" and own["uid"] == dep["metadata"]["uid"] and own["controller"] is True
            rev = int(rs["metadata"]["annotations"]["deployment.kubernetes.io/revision"])
            h = rs["metadata"]["labels"]["pod-template-hash"]
            assert rs["metadata"]["name"] == dn + "-" + h
            assert rs["spec"]["template"]["metadata"]["labels"]["pod-template-hash"] == h
            revs[rev] = rs
        cur = max(revs)
        assert int(dep["metadata"]["annotations"]["deployment.kubernetes.io/revision"]) == cur
        t = json.loads(json.dumps(revs[cur]["spec"]["template"]))
        del t["metadata"]["labels"]["pod-template-hash"]
        assert t == dep["spec"]["template"], "%s: Deployment %s template differs from its current ReplicaSet" % (name, dn)
        times = [revs[r]["metadata"]["creationTimestamp"] for r in sorted(revs)]
        assert times == sorted(times), "%s: %s revisions not in time order" % (name, dn)
    for (ns, pn), pod in by["Pod"].items():
        own = pod["metadata"]["ownerReferences"][0]
        if own["kind"] == "ReplicaSet":
            rs = by["ReplicaSet"][(ns, own["name"])]
            assert own["uid"] == rs["metadata"]["uid"]
            assert pod["metadata"]["labels"]["pod-template-hash"] == rs["metadata"]["labels"]["pod-template-hash"]
            assert pn.startswith(own["name"] + "-")
            assert pod["metadata"]["creationTimestamp"] >= rs["metadata"]["creationTimestamp"], pn
        else:
            assert by["StatefulSet"][(ns, own["name"])]["metadata"]["uid"] == own["uid"]
        for cs in pod["status"].get("containerStatuses", []):
            last = cs.get("lastState", {}).get("terminated")
            run = cs["state"].get("running")
            if last and run:
                assert last["finishedAt"] <= run["startedAt"], pn
            if last:
                assert last["startedAt"] <= last["finishedAt"], pn
    for (ns, en), ep in by["Endpoints"].items():
        for sub in ep.get("subsets", []):
            for addr in sub.get("addresses", []) + sub.get("notReadyAddresses", []):
                pod = by["Pod"][(ns, addr["targetRef"]["name"])]
                assert pod["status"]["podIP"] == addr["ip"]
                ready = any(c["type"] == "Ready" and c["status"] == "True" for c in pod["status"]["conditions"])
                assert ready == (addr in sub.get("addresses", [])), "%s: endpoint %s readiness" % (name, addr["ip"])
    svc = head["service"]
    target = [p for (ns, pn), p in by["Pod"].items() if ns == head["namespace"] and p["metadata"]["labels"].get("app") == svc]
    assert target and all(p["metadata"]["name"].startswith(svc + "-") for p in target), name
    for (ns, _), ev in by["Event"].items():
        first = ev.get("firstTimestamp") or ev.get("eventTime")
        last = ev.get("lastTimestamp") or ev.get("series", {}).get("lastObservedTime") or first
        assert first[:19] <= last[:19] <= iso(now)[:19], "%s: event %s times" % (name, ev["metadata"]["name"])
    # logs belong to pods and containers that exist, and never run ahead of now
    logs = os.path.join(d, "logs")
    for root, _, files in os.walk(logs):
        for f in files:
            ns, pod = os.path.relpath(root, logs).split(os.sep)
            c = f[:-len(".previous.log")] if f.endswith(".previous.log") else f[:-len(".log")]
            p = by["Pod"].get((ns, pod))
            assert p and c in [x["name"] for x in p["spec"]["containers"]], "%s: log %s/%s/%s has no pod" % (name, ns, pod, f)
            lines = open(os.path.join(root, f)).read().splitlines()
            assert lines, f
            for line in lines:
                m = LEADING_TIME.match(line)
                assert m, "%s: log line without a time: %s" % (name, line)
                assert m.group(1)[:19] <= iso(now)[:19], "%s: log line after now: %s" % (name, line)
    for sub in ("argocd", "github"):
        p = os.path.join(d, "changes", sub)
        if os.path.isdir(p):
            for f in os.listdir(p):
                doc = json.load(open(os.path.join(p, f)))
                for path, v in walk(doc):
                    if isinstance(v, str) and TIME_RE.match(v):
                        assert v[:19] <= iso(now)[:19], "%s: %s%s = %s is after now" % (name, f, path, v)
                if sub == "argocd":
                    for h in doc["status"]["history"]:
                        assert h["deployStartedAt"] <= h["deployedAt"]
                        assert h["revision"] in doc["revisionMetadata"]
                else:
                    for r in doc["workflow_runs"]:
                        assert r["created_at"] <= r["run_started_at"] <= r["updated_at"], r["id"]

def rate_sum(series, t, window=300):
    """sum over series of rate(x[window]) at t (unix), Prometheus-like without extrapolation, resets handled."""
    total, any_ = 0.0, False
    for pts in series:
        inside = [(ts, v) for ts, v in pts if t - window < ts <= t]
        if len(inside) < 2:
            continue
        inc = 0.0
        for (t0, v0), (t1, v1) in zip(inside, inside[1:]):
            inc += v1 - v0 if v1 >= v0 else v1
        total += inc / (inside[-1][0] - inside[0][0])
        any_ = True
    return total if any_ else None


def symptom_signal(s):
    """The symptom's signal at each step of the last hour, computed like triage's default PromQL."""
    kind = symptom_kind(s.question)
    ns, svc = s.namespace, s.service
    times = [unix(t) for t in s.steps() if t >= s.now - mins(60)]

    def pick(sample, pred):
        return [pts for labels, pts in s.metrics.series(sample).items() if pred(dict(labels))]

    mine = lambda d: d.get("namespace") == ns and d.get("service") == svc  # noqa: E731
    if kind in ("http_5xx", "down"):
        classic = pick("http_requests_total", mine)
        if classic:
            errs = pick("http_requests_total", lambda d: mine(d) and d["code"].startswith("5"))
            allr = classic
        else:
            errs = pick("http_server_requests_seconds_count", lambda d: mine(d) and d["status"].startswith("5"))
            allr = pick("http_server_requests_seconds_count", mine)
        out = []
        for t in times:
            a, e = rate_sum(allr, t), rate_sum(errs, t)
            out.append((t, None if not a else (e or 0.0) / a))
        return kind, out
    if kind == "latency":
        buckets = defaultdict(list)
        for labels, pts in s.metrics.series("http_request_duration_seconds_bucket").items():
            d = dict(labels)
            if mine(d):
                buckets[d["le"]].append(pts)
        if not buckets:
            for labels, pts in s.metrics.series("http_server_requests_seconds_bucket").items():
                d = dict(labels)
                if mine(d):
                    buckets[d["le"]].append(pts)
        les = sorted(buckets, key=lambda x: float(x.replace("+Inf", "inf")))
        out = []
        for t in times:
            counts = [(float(le.replace("+Inf", "inf")), rate_sum(buckets[le], t) or 0.0) for le in les]
            out.append((t, quantile(0.99, counts)))
        return kind, out
    if kind == "restarts":
        pods = pick("kube_pod_container_status_restarts_total",
                    lambda d: d.get("namespace") == ns and d.get("pod", "").startswith(svc + "-"))
        out = []
        for t in times:
            inc = 0.0
            for pts in pods:
                inside = [v for ts, v in pts if t - 300 < ts <= t]
                before = [v for ts, v in pts if ts <= t - 300]
                if inside:
                    inc += inside[-1] - (before[-1] if before else inside[0])
            out.append((t, inc))
        return kind, out
    raise ValueError(kind)


def quantile(q, buckets):
    if not buckets or buckets[-1][1] <= 0:
        return None
    rank = q * buckets[-1][1]
    prev_le, prev_c = 0.0, 0.0
    for le, c in buckets:
        if c >= rank:
            if le == math.inf:
                return prev_le
            return prev_le + (le - prev_le) * ((rank - prev_c) / (c - prev_c) if c > prev_c else 0)
        prev_le, prev_c = le, c
    return prev_le


def symptom_kind(question):
    q = question.lower()
    if re.search(r"\b(slow|latency|timing out)\b", q):
        return "latency"
    if re.search(r"\b(restarting|crashing|crashlooping|flapping)\b", q):
        return "restarts"
    if re.search(r"\b(down|unavailable|not responding)\b", q):
        return "down"
    return "http_5xx"


def detect_onset(kind, series):
    """The rulebook's onset: baseline = median of the first quarter; first sample over the threshold that the next
    sample confirms."""
    vals = [v for _, v in series]
    q = [v for v in vals[: max(1, len(vals) // 4)] if v is not None]
    q.sort()
    base = q[len(q) // 2] if q else 0.0
    if kind in ("http_5xx", "down"):
        thr = max(0.02, 3 * base + 0.01)
    elif kind == "latency":
        thr = max(2 * base, base + 0.1)
    else:
        thr = 0.0
    for (t, v), (_, w) in zip(series, series[1:]):
        if v is not None and w is not None and v > thr and w > thr:
            return t, base, thr
    return None, base, thr


def check_story(s):
    kind, series = symptom_signal(s)
    onset, base, thr = detect_onset(kind, series)
    peak = max((v for _, v in series if v is not None), default=None)
    got = datetime.fromtimestamp(onset, UTC) if onset else None
    if s.onset is None:
        assert got is None, "%s: expected no symptom onset, found one at %s" % (s.name, iso(got))
    else:
        assert got is not None, "%s: no symptom onset found (baseline %.4f threshold %.4f peak %s)" % (
            s.name, base, thr, peak)
        delta = (got - s.onset).total_seconds()
        assert -60 <= delta <= s.onset_tolerance, "%s: onset %s, story says %s" % (s.name, iso(got), iso(s.onset))
        assert timedelta(minutes=10) <= s.now - s.onset <= timedelta(minutes=20), s.name + ": now not 10-20 min after onset"
    # log lines say what they are meant to say
    for pod, line, expect in s.log_expect:
        if expect is None:
            assert not looks_like_error(line), "%s: normal line looks like an error: %s" % (s.name, line)
        elif expect != "error" and expect != "any":
            assert looks_like_error(line), "%s: error line not recognised as an error: %s" % (s.name, line)
            cat = expect.split("@")[0]
            assert log_category(line) == cat, "%s: %s expected %s, got %s" % (s.name, line, cat, log_category(line))
            if "@" in expect:
                want = expect.split("@")[1]
                assert log_downstream(line) == want, "%s: %s names %r, expected %r" % (
                    s.name, line, log_downstream(line), want)
        elif expect == "error":
            assert looks_like_error(line), "%s: error line not recognised as an error: %s" % (s.name, line)
    return kind, got, base, peak


# ================================================================================================================
# scenario building blocks
# ================================================================================================================

def rid(rng, prefix, n=6):
    return prefix + "".join(rng.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(2)) + "".join(
        rng.choice("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(n - 2))


# -- normal log lines (never match the error patterns)

def java_normal(pkg, routes, ms=(6, 160)):
    """routes: list of (method, path, code, controller); path may hold {id}."""

    def fn(p, t, rng):
        method, path, code, ctrl = rng.choice(routes)
        path = path.replace("{id}", rid(rng, ""))
        return java_line(t, "INFO", "http-nio-8080-exec-%d" % rng.randint(1, 14), "%s.web.%s" % (pkg, ctrl),
                         "%s %s -> %s (%d ms)" % (method, path, code, safe_number(rng, *ms)))
    return fn


def go_normal(caller, routes, ms=(1, 60)):
    def fn(p, t, rng):
        method, path, code = rng.choice(routes)
        path = path.replace("{id}", rid(rng, ""))
        return go_line(t, "INFO", caller, "request served", {"method": method, "path": path, "status": code,
                                                             "duration_ms": round(rng.uniform(*ms), 1)})
    return fn


def node_normal(comp, routes, ms=(3, 90)):
    def fn(p, t, rng):
        method, path, code = rng.choice(routes)
        path = path.replace("{id}", rid(rng, ""))
        return node_line(t, "INFO", comp, "%s %s %s %dms" % (method, path, code, safe_number(rng, *ms)))
    return fn


def py_normal(routes):
    def fn(p, t, rng):
        method, path, code = rng.choice(routes)
        path = path.replace("{id}", rid(rng, ""))
        return py_line(t, "INFO", "uvicorn.access", '%s - "%s %s HTTP/1.1" %s' % (
            "10.42.%d.%d:%d" % (rng.randint(1, 3), rng.randint(10, 90), safe_number(rng, 30000, 60000)), method,
            path, code))
    return fn


def safe_secs(x):
    """x formatted with 3 decimals, nudged so that neither part reads as a status code (47.500 -> 47.511)."""
    while True:
        text = "%.3f" % x
        if not re.search(r"\b(5\d\d|429)\b", text):
            return text
        x += 0.011


def java_startup(pkg, app, version, db=None, boot_s=11.4):
    def fn(p, run, rng):
        main = "%s.%s" % (pkg, app)
        lines = [
            (0.0, "INFO", main, "Starting %s v%s using Java 21.0.6 with PID 1 (/app/app.jar started by app in /app)" % (
                app, version)),
            (0.1, "INFO", main, 'The following 1 profile is active: "prod"'),
            (2.6, "INFO", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 8080 (http)"),
            (2.7, "INFO", "o.apache.catalina.core.StandardService", "Starting service [Tomcat]"),
            (2.7, "INFO", "o.apache.catalina.core.StandardEngine", "Starting Servlet engine: [Apache Tomcat/10.1.34]"),
            (2.9, "INFO", "o.a.c.c.C.[Tomcat].[localhost].[/]", "Initializing Spring embedded WebApplicationContext"),
            (2.9, "INFO", "w.s.c.ServletWebServerApplicationContext",
             "Root WebApplicationContext: initialization completed in %d ms" % safe_number(rng, 2200, 2900)),
        ]
        if db:
            lines += [
                (4.1, "INFO", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Starting..."),
                (4.6, "INFO", "com.zaxxer.hikari.pool.HikariPool",
                 "HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@%s" % hexid(p.name + iso(run.start), 8)),
                (4.6, "INFO", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed."),
                (6.8, "INFO", "o.f.core.internal.command.DbValidate",
                 "Successfully validated %d migrations (execution time 00:00.041s)" % rng.randint(30, 80)),
            ]
        lines += [
            (boot_s - 0.9, "INFO", "o.s.b.a.e.web.EndpointLinksResolver", "Exposing 4 endpoints beneath base path '/actuator'"),
            (boot_s - 0.2, "INFO", "o.s.b.w.embedded.tomcat.TomcatWebServer",
             "Tomcat started on port 8080 (http) with context path '/'"),
            (boot_s, "INFO", main, "Started %s in %s seconds (process running for %s)" % (
                app, safe_secs(boot_s - 0.4), safe_secs(boot_s + 0.3))),
        ]
        return [(secs(d), java_line(run.start + secs(d), lvl, "main", lg, msg)) for d, lvl, lg, msg in lines]
    return fn


def go_startup(caller, version, extra=()):
    def fn(p, run, rng):
        lines = [(0.0, "starting", {"version": version, "commit": hexid(version, 7), "go": "go1.23.4"}),
                 (0.02, "config loaded", {"env": "prod", "source": "env"})]
        lines += list(extra)
        lines += [(0.4, "http server listening", {"addr": ":8080"}), (0.4, "metrics server listening", {"addr": ":9090"})]
        return [(secs(d), go_line(run.start + secs(d), "INFO", caller, msg, f)) for d, msg, f in lines]
    return fn


def node_startup(comp, name, version):
    def fn(p, run, rng):
        lines = [(0.0, "%s v%s starting (node v20.18.1, pid 1)" % (name, version)),
                 (0.5, "loaded configuration for environment production"),
                 (1.1, "listening on http://0.0.0.0:3000")]
        return [(secs(d), node_line(run.start + secs(d), "INFO", comp, msg)) for d, msg in lines]
    return fn


def py_startup(name, version):
    def fn(p, run, rng):
        lines = [(0.0, "uvicorn", "Started server process [1]"),
                 (0.0, "uvicorn", "Waiting for application startup."),
                 (6.2, "%s.app" % name, "loaded model %s-%s (2.1M parameters)" % (name, version)),
                 (6.3, "uvicorn", "Application startup complete."),
                 (6.3, "uvicorn", "Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)")]
        return [(secs(d), py_line(run.start + secs(d), "INFO", lg, msg)) for d, lg, msg in lines]
    return fn


# -- events

def container_events(s, p, pulled_fresh=False, pull_s=3.4):
    """Scheduled, Pulled, Created, Started for a pod's container runs (counts aggregate restarts)."""
    img = p.template()["spec"]["containers"][0]["image"]
    fp = "spec.containers{%s}" % p.container
    s.event(p, "Scheduled", "Successfully assigned %s/%s to %s" % (p.ns, p.name, p.node), p.created,
            component="default-scheduler")
    if not p.runs:
        return
    first, last, n = p.runs[0].start, p.runs[-1].start, len(p.runs)
    if pulled_fresh:
        s.event(p, "Pulling", 'Pulling image "%s"' % img, first - secs(pull_s + 0.5), host=p.node, field_path=fp)
        s.event(p, "Pulled", 'Successfully pulled image "%s" in %.3fs (%.3fs including waiting). Image size: %d bytes.'
                % (img, pull_s, pull_s, 118_000_000 + s.rng.randint(0, 9_000_000)), first - secs(0.5), host=p.node,
                field_path=fp)
        if n > 1:
            s.event(p, "Pulled", 'Container image "%s" already present on machine' % img, p.runs[1].start - secs(1),
                    last - secs(1), n - 1, host=p.node, field_path=fp)
    else:
        s.event(p, "Pulled", 'Container image "%s" already present on machine' % img, first - secs(1), last - secs(1),
                n, host=p.node, field_path=fp)
    s.event(p, "Created", "Created container %s" % p.container, first, last, n, host=p.node, field_path=fp)
    s.event(p, "Started", "Started container %s" % p.container, first, last, n, host=p.node, field_path=fp)


def backoff_event(s, p):
    ends = [r.end for r in p.runs if r.end]
    if len(ends) < 1:
        return
    count = max(1, int((s.now - ends[0]).total_seconds() / 25))
    s.event(p, "BackOff", "Back-off restarting failed container %s in pod %s_%s(%s)" % (p.container, p.name, p.ns, p.uid),
            ends[0] + secs(1), s.now - secs(s.rng.randint(3, 20)), count, type_="Warning", host=p.node,
            field_path="spec.containers{%s}" % p.container)


def rollout_events(s, wl, old, new, at, steps, old_count):
    """ScalingReplicaSet events of a rolling update, one new pod at a time; steps: times of each step."""
    ors, nrs = wl.rs[old], wl.rs[new]
    n_new, n_old = 0, old_count
    for i, t in enumerate(steps):
        if n_new < wl.replicas:
            n_new += 1
            s.event(wl, "ScalingReplicaSet", "Scaled up replica set %s to %d%s" % (
                nrs.name, n_new, "" if n_new == 1 else " from %d" % (n_new - 1)), t, component="deployment-controller")
        if n_old > 0 and i + 1 < len(steps) + 1:
            n_old -= 1
            s.event(wl, "ScalingReplicaSet", "Scaled down replica set %s to %d from %d" % (ors.name, n_old, n_old + 1),
                    t + secs(16), component="deployment-controller")


def rs_pod_events(s, wl, created_pods, deleted_pods):
    for p in created_pods:
        s.event(wl.rs[p.rev], "SuccessfulCreate", "Created pod: %s" % p.name, p.created,
                component="replicaset-controller")
    for p in deleted_pods:
        s.event(wl.rs[p.rev], "SuccessfulDelete", "Deleted pod: %s" % p.name, p.deleted - secs(1),
                component="replicaset-controller")
        s.event(p, "Killing", "Stopping container %s" % p.container, p.deleted - secs(1), host=p.node,
                field_path="spec.containers{%s}" % p.container)


# -- workloads

def spread(i):
    return (N1, N2, N3)[i % 3]




def simple_rollout(wl, old, new, at, n, nodes, old_created, step=16, new_runs=None, new_kw=None, old_runs=None,
                   delete_old=True, n_old=None):
    """Old pods (running since old_created) replaced one by one from `at`; returns (old_pods, new_pods)."""
    s = wl.s
    at = s.at(at) if isinstance(at, str) else at
    oc = s.at(old_created) if isinstance(old_created, str) else old_created
    olds, news = [], []
    for i in range(n_old if n_old is not None else n):
        deleted = at + secs(step * (i + 1)) if delete_old else None
        olds.append(wl.pod(old, nodes[i % len(nodes)], oc + secs(11 * i), running(oc + secs(11 * i + 3)),
                           deleted=deleted))
    for i in range(n):
        c = at + secs(step * i)
        runs = new_runs(i, c) if new_runs else running(c + secs(2))
        kw = new_kw(i) if new_kw else {}
        news.append(wl.pod(new, nodes[(i + 1) % len(nodes)] if len(nodes) > 1 else nodes[0], c, runs, **kw))
    return olds, news


def healthy_service(s, name, stack, replicas=2, ns=None, rate=20.0, version="1.4.2", rev=7,
                    rev_at="2026-02-26T11:20:05Z", created="2025-10-14T09:02:11Z", routes=None, log_routes=None,
                    mem="512Mi", cpu="1", env=(), style="classic", histogram=False, team="shop", lat=(0.03, 0.18),
                    port=None, nodes=None):
    ns = ns or s.namespace
    image = "registry.example.com/%s/%s:%s" % (team, name, version)
    c = container(name, image, stack, mem=mem, cpu=cpu, env=env, port=port)
    wl = s.deployment(name, replicas, created, [(rev, rev_at, template(name, [c], team=team))], stack, ns=ns,
                      port=port or STACK_DEFAULTS[stack]["port"])
    t0 = s.at(rev_at) + secs(3)
    for i in range(replicas):
        node = nodes[i % len(nodes)] if nodes else spread(i + len(s.workloads))
        wl.pod(rev, node, t0 + secs(14 * i), running(t0 + secs(14 * i + 3)))
    routes = routes or (("GET", "/api/%s/{id}" % name, 1.0),)
    s.traffic_specs.append(Traffic(wl, lambda t: rate * (1 + 0.05 * math.sin(unix(t) / 900.0)),
                                   lambda t: 0.0012, lambda t: lat, style=style, histogram=histogram,
                                   routes=routes, err_code="500", not_found=False))
    lr = log_routes or [(m, u, "200" if m == "GET" else "201") for m, u, _ in routes]
    if stack == "java":
        pkg = "com.acme.%s" % name
        plan = LogPlan(java_normal(pkg, [(m, u, c_, name.capitalize() + "Controller") for m, u, c_ in lr]), every=50,
                       startup=java_startup(pkg, name.capitalize() + "Application", version))
    elif stack == "go":
        plan = LogPlan(go_normal("server/http.go:118", lr), every=50, startup=go_startup("cmd/server/main.go:41", version))
    elif stack == "node":
        plan = LogPlan(node_normal("http", lr), every=50, startup=node_startup("app", name, version))
    else:
        plan = LogPlan(py_normal(lr), every=50, startup=py_startup(name, version))
    s.log_plans[name] = plan
    return wl


def finish(s):
    """Metrics, logs and standard events for everything the scenario described."""
    for wl in s.workloads:
        pod_metrics(s, wl)
    for tr in s.traffic_specs:
        emit_traffic(s, tr)
    build_logs(s)
    return s


def gb(x):
    return int(x * 1024 ** 3)




def ramp(t, a, b, v0, v1):
    """v0 before a, v1 after b, linear between."""
    if t <= a:
        return v0
    if t >= b:
        return v1
    return v0 + (v1 - v0) * (t - a).total_seconds() / (b - a).total_seconds()


def wave(t, period=420.0, amp=0.08):
    return 1 + amp * math.sin(unix(t) / period)


def managed(manager, operation, time_, fields, subresource=None):
    d = {"apiVersion": "v1", "fieldsType": "FieldsV1", "fieldsV1": fields, "manager": manager, "operation": operation,
         "time": iso(time_)}
    if subresource:
        d["subresource"] = subresource
    return d


# ================================================================================================================
# the scenarios
# ================================================================================================================

SCENARIOS = OrderedDict()


def scenario(fn):
    SCENARIOS[fn.__name__.replace("_", "-")] = fn
    return fn


def oom_end_lines(pkg, heap="Java heap space"):
    """The last lines of a JVM that runs out of memory before the kernel kills it (relative to the kill)."""
    def fn(p, run, rng):
        out = []
        life = (run.end - run.start).total_seconds()
        for k, back in enumerate((0.45, 0.3, 0.18)):
            dt_ = -life * back
            out.append((secs(dt_), java_line(run.end + secs(dt_), "WARN", "cache-refresh-1", "%s.cache.PriceCache" % pkg,
                                             "heap usage at %d%% of max after GC, evicting %d entries" % (
                                                 88 + 3 * k, safe_number(rng, 200, 900))), "error"))
        for k in range(3):
            dt_ = -9 + 3 * k
            thread = "http-nio-8080-exec-%d" % rng.randint(1, 14)
            out.append((secs(dt_), java_line(
                run.end + secs(dt_), "ERROR", thread, "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception "
                "[Handler dispatch failed: java.lang.OutOfMemoryError: %s] with root cause" % heap), "OUT_OF_MEMORY"))
            out.append((secs(dt_ + 0.001), java_line(run.end + secs(dt_ + 0.001), "ERROR", thread,
                                                     "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                                                     "java.lang.OutOfMemoryError: %s" % heap), "OUT_OF_MEMORY"))
            for j, frame in enumerate(("at java.base/java.util.Arrays.copyOf(Arrays.java:3541)",
                                       "at java.base/java.lang.AbstractStringBuilder.ensureCapacityInternal(AbstractStringBuilder.java:242)",
                                       "at %s.cart.CartSnapshotSerializer.write(CartSnapshotSerializer.java:57)" % pkg)):
                out.append((secs(dt_ + 0.002 + j / 1000), "%s \t%s" % (iso_ms(run.end + secs(dt_ + 0.002)), frame), None))
        return out
    return fn


def go_panic_lines(t, msg, frames, goroutine=None):
    """A Go panic as `kubectl logs --timestamps` shows it: every line behind the same time."""
    ts = iso_ms(t)
    lines = ["%s panic: %s" % (ts, msg)]
    if "nil pointer" in msg:
        lines.append("%s [signal SIGSEGV: segmentation violation code=0x1 addr=0x38 pc=0x%x]" % (ts, 0x9d4b2e + len(frames)))
    lines.append("%s " % ts)
    lines.append("%s goroutine %d [running]:" % (ts, goroutine or 87))
    for f in frames:
        lines.append("%s %s" % (ts, f))
    return lines


@scenario
def checkout_oom():
    s = Scenario(
        "checkout-oom", "2026-03-10T02:47:00Z", "shop", "checkout", "why is checkout 5xx?",
        "A rollout of checkout at 02:31 (revision 42, Argo CD syncing alice's commit \"lower checkout memory limit\") "
        "cut the container memory limit from 512Mi to 128Mi. From 02:33 the JVMs run out of memory and are "
        "OOMKilled, two of the three pods sit in CrashLoopBackOff and about a fifth of checkout's requests fail.",
        ("oom", "Deployment", "shop", "checkout"), onset="02:33:00", channel="#inc-checkout")
    env = [{"name": "PAYMENTS_URL", "value": "http://payments.shop.svc.cluster.local:8080"},
           {"name": "CART_URL", "value": "http://cart.shop.svc.cluster.local:3000"},
           {"name": "OTEL_SERVICE_NAME", "value": "checkout"}]
    img = lambda v: "registry.example.com/shop/checkout:" + v  # noqa: E731
    c41 = container("checkout", img("1.8.2"), "java", mem="512Mi", mem_req="384Mi", cpu="1", cpu_req="500m", env=env)
    t41 = template("checkout", [c41], version="1.8.2")
    t40 = with_container(t41, image=img("1.8.1"), version="1.8.1")
    t42 = with_container(t41, limits={"memory": "128Mi"}, requests={"memory": "128Mi"})
    d = s.deployment("checkout", 3, "2025-11-03T09:12:44Z", [
        (40, "2026-03-02T10:05:31Z", t40), (41, "2026-03-06T14:12:09Z", t41), (42, "02:31:04", t42)], "java",
        strategy={"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}}, generation=23)
    rng = random.Random("checkout-oom/runs")
    now = s.now
    runs_a, bo_a = crash_runs(s.at("02:31:06"), now, 95, "OOMKilled", 137, rng, jitter=0.05, first_lifetime=119)
    runs_b, bo_b = crash_runs(s.at("02:31:22"), now, 84, "OOMKilled", 137, rng, jitter=0.05, first_lifetime=168)
    olds, news = simple_rollout(
        d, 41, 42, "02:31:04", 3, [N3, N1, N2], "2026-03-06T14:12:20Z", step=16,
        new_runs=lambda i, c: [runs_a, runs_b, running(c + secs(2))][i],
        new_kw=lambda i: [{"backoff": bo_a}, {"backoff": bo_b}, {}][i])
    a, b, c = news
    d.conditions = [
        {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable",
         "message": 'ReplicaSet "%s" has successfully progressed.' % d.rs[42].name,
         "lastTransitionTime": "2025-11-03T09:12:44Z", "lastUpdateTime": "2026-03-10T02:31:54Z"},
        {"type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable",
         "message": "Deployment does not have minimum availability.",
         "lastTransitionTime": iso(s.at("02:34:12")), "lastUpdateTime": iso(s.at("02:34:12"))},
    ]

    def mem(p, t, r, rng_):
        lim = bytes_of(p.template()["spec"]["containers"][0]["resources"]["limits"]["memory"])
        noise = 1 + rng_.uniform(-0.01, 0.01)
        if p.rev == 41:
            return lim * 0.64 * noise
        el = (t - r.start).total_seconds()
        if r.end is not None:
            frac = el / (r.end - r.start).total_seconds()
            return min(lim * 0.995, lim * (0.52 + 0.47 * frac ** 0.7) * noise)
        return lim * (0.52 + 0.41 * (1 - math.exp(-el / 150))) * noise

    d.mem_fn = mem
    onset = s.at("02:33:00")
    s.traffic_specs.append(Traffic(
        d, rate=lambda t: 21.0 * wave(t, 600, 0.06),
        err=lambda t: 0.0015 if t < onset else min(0.235, 0.13 + 0.105 * (t - onset).total_seconds() / 300) * wave(t, 200, 0.07),
        lat=lambda t: (0.045, 0.26) if t < onset else (0.11, 1.7),
        histogram=True, routes=(("GET", "/api/orders/{id}", 0.6), ("POST", "/api/checkout", 0.4)), err_code="500"))

    pkg = "com.acme.checkout"
    normal = java_normal(pkg, [("POST", "/api/checkout", "201", "CheckoutController"),
                               ("GET", "/api/orders/{id}", "200", "OrderController"),
                               ("GET", "/api/orders/{id}/status", "200", "OrderController")])
    slow_500 = lambda p, t, rng_: java_line(  # noqa: E731
        t, "ERROR", "http-nio-8080-exec-%d" % rng_.randint(1, 14), "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
        "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Handler dispatch "
        "failed: java.lang.OutOfMemoryError: Java heap space] with root cause")
    gc_warn = lambda p, t, rng_: java_line(  # noqa: E731
        t, "WARN", "cache-refresh-1", pkg + ".cache.PriceCache",
        "heap usage at %d%% of max after GC, evicting %d entries" % (rng_.randint(90, 97), safe_number(rng_, 200, 900)))
    s.log_plans["checkout"] = LogPlan(
        normal, every=9, startup=java_startup(pkg, "CheckoutApplication", "1.8.2"),
        streams=[(onset, now, 45, slow_500, "OUT_OF_MEMORY"), (onset - secs(40), now, 70, gc_warn, "error")],
        on_end=oom_end_lines(pkg))
    # events
    steps = [s.at("02:31:04"), s.at("02:31:20"), s.at("02:31:36")]
    rollout_events(s, d, 41, 42, None, steps, 3)
    rs_pod_events(s, d, news, olds)
    for p in news:
        container_events(s, p, pulled_fresh=(p is a), pull_s=2.9)
    for p in (a, b):
        backoff_event(s, p)
        kills = [r for r in p.runs if r.end]
        s.event(("Node", p.node, "", "v1"), "OOMKilling",
                "Memory cgroup out of memory: Killed process %d (java) total-vm:3417204kB, anon-rss:%dkB, file-rss:21820kB, "
                "shmem-rss:0kB, UID:10001 pgtables:712kB oom_score_adj:997" % (s.rng.randint(2000, 4000), 129_300 + s.rng.randint(0, 900)),
                kills[0].end, kills[-1].end, len(kills), type_="Warning", component="kernel-monitor", host=p.node)
        s.event(p, "Unhealthy", 'Readiness probe failed: Get "http://%s:8080/actuator/health/readiness": dial tcp %s:8080: '
                "connect: connection refused" % (p.ip, p.ip), kills[0].end + secs(12), kills[-1].end + secs(8),
                len(kills) * 3, type_="Warning", host=p.node, field_path="spec.containers{checkout}")
    s.event(c, "Unhealthy", 'Readiness probe failed: Get "http://%s:8080/actuator/health/readiness": context deadline '
            "exceeded (Client.Timeout exceeded while awaiting headers)" % c.ip, s.at("02:35:41"), s.at("02:46:13"), 7,
            type_="Warning", host=c.node, field_path="spec.containers{checkout}")
    # bystanders
    healthy_service(s, "payments", "go", replicas=2, rate=9.0, version="3.14.0", rev=12, rev_at="2026-03-03T16:40:12Z",
                    routes=(("POST", "/v1/charges", 0.7), ("GET", "/v1/charges/{id}", 0.3)))
    healthy_service(s, "cart", "node", replicas=2, rate=34.0, version="5.2.1", rev=31, rev_at="2026-03-09T09:15:40Z",
                    routes=(("GET", "/api/cart/{id}", 0.75), ("PUT", "/api/cart/{id}", 0.25)))
    certs = s.metrics.family("cert-manager.om", "certmanager_certificate_expiration_timestamp_seconds", "gauge",
                             "The date after which the certificate expires. Expressed as a Unix Epoch Time.")
    for t in s.steps():
        s.metrics.add(certs, "certmanager_certificate_expiration_timestamp_seconds", OrderedDict([
            ("issuer_group", "cert-manager.io"), ("issuer_kind", "ClusterIssuer"), ("issuer_name", "letsencrypt-prod"),
            ("name", "shop-ingress-tls"), ("namespace", "shop")]), t, unix(s.at("2026-05-08T11:04:21Z")))
    # changes
    sha41, sha42 = sha40("checkout-1.8.2"), sha40("lower checkout memory limit")
    argo_app(s, "checkout", "shop", "https://github.com/acme-shop/shop-deploy.git", "apps/checkout/overlays/prod", [
        (17, sha41, "2026-03-06T14:11:48Z", "2026-03-06T14:12:12Z", "bob <bob@acme-shop.example>",
         "2026-03-06T13:58:02Z", "checkout: bump image to 1.8.2"),
        (18, sha42, "02:30:40", "02:31:06", "alice <alice@acme-shop.example>", "02:24:10",
         "lower checkout memory limit\n\nCheckout uses ~250Mi in staging; 128Mi should be plenty and saves a node."),
    ], health="Degraded", images=[img("1.8.2")], resources=[
        ("apps", "v1", "Deployment", "checkout", "deployment.apps/checkout configured"),
        ("", "v1", "Service", "checkout", "service/checkout unchanged")])
    github_runs(s, "acme-shop", "shop-deploy", [
        dict(name="validate-manifests", event="push", branch="main", sha=sha42, created="02:24:31", updated="02:25:52",
             actor="alice", conclusion="success", message="lower checkout memory limit", number=1184,
             commit_time="02:24:10"),
        dict(name="validate-manifests", event="pull_request", branch="alice/checkout-memory",
             sha=sha40("alice/checkout-memory"), created="02:12:05", updated="02:13:20", actor="alice",
             conclusion="success", message="lower checkout memory limit", number=1183, commit_time="02:11:40"),
        dict(name="validate-manifests", event="push", branch="main", sha=sha41, created="2026-03-06T13:58:30Z",
             updated="2026-03-06T13:59:41Z", actor="bob", conclusion="success", message="checkout: bump image to 1.8.2",
             number=1179, commit_time="2026-03-06T13:58:02Z"),
    ])
    return finish(s)



# -- other objects

def hpa_doc(s, name, ns, target, min_r, max_r, current, desired, conditions, cpu_target=70, current_cpu=None,
            last_scale=None, created="2025-10-20T12:00:00Z"):
    status = {"currentReplicas": current, "desiredReplicas": desired,
              "conditions": [dict(type=t, status=st, reason=r, message=m, lastTransitionTime=iso(s.at(lt) if isinstance(lt, str) else lt))
                             for t, st, r, m, lt in conditions]}
    if current_cpu is not None:
        util, value = current_cpu
        status["currentMetrics"] = [{"type": "Resource", "resource": {"name": "cpu", "current": {
            "averageUtilization": util, "averageValue": value}}}]
    if last_scale:
        status["lastScaleTime"] = iso(s.at(last_scale))
    return {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
            "metadata": obj_meta(s, name, ns, s.at(created), labels={"app": target}),
            "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": target},
                     "minReplicas": min_r, "maxReplicas": max_r,
                     "metrics": [{"type": "Resource", "resource": {"name": "cpu", "target": {
                         "type": "Utilization", "averageUtilization": cpu_target}}}],
                     "behavior": {"scaleDown": {"stabilizationWindowSeconds": 300, "selectPolicy": "Max", "policies": [
                         {"type": "Percent", "value": 100, "periodSeconds": 15}]},
                         "scaleUp": {"stabilizationWindowSeconds": 0, "selectPolicy": "Max", "policies": [
                             {"type": "Percent", "value": 100, "periodSeconds": 15},
                             {"type": "Pods", "value": 4, "periodSeconds": 15}]}}},
            "status": status}


def hpa_metrics(s, name, ns, min_r, max_r, current_fn, desired_fn):
    m = s.metrics
    fams = [("kube_horizontalpodautoscaler_spec_min_replicas", "Lower limit for the number of pods that can be set by the autoscaler, default 1.", lambda t: min_r),
            ("kube_horizontalpodautoscaler_spec_max_replicas", "Upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than MinReplicas.", lambda t: max_r),
            ("kube_horizontalpodautoscaler_status_current_replicas", "Current number of replicas of pods managed by this autoscaler.", current_fn),
            ("kube_horizontalpodautoscaler_status_desired_replicas", "Desired number of replicas of pods managed by this autoscaler.", desired_fn)]
    for fname, help_, fn in fams:
        fam = m.family("kube-state-metrics.om", fname, "gauge", help_)
        for t in s.steps():
            m.add(fam, fname, OrderedDict([("namespace", ns), ("horizontalpodautoscaler", name)]), t, fn(t))


def pvc_doc(s, name, ns, size, created, app, storage_class="gp3"):
    vol = "pvc-" + make_uid(s.name + "/pv/" + name)
    return {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
            "metadata": obj_meta(s, name, ns, s.at(created), labels={"app": app, "app.kubernetes.io/name": app},
                                 annotations={"pv.kubernetes.io/bind-completed": "yes",
                                              "pv.kubernetes.io/bound-by-controller": "yes",
                                              "volume.beta.kubernetes.io/storage-provisioner": "ebs.csi.aws.com",
                                              "volume.kubernetes.io/selected-node": N2,
                                              "volume.kubernetes.io/storage-provisioner": "ebs.csi.aws.com"},
                                 uid=make_uid(s.name + "/pvc/" + name)),
            "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": size}},
                     "storageClassName": storage_class, "volumeMode": "Filesystem", "volumeName": vol},
            "status": {"accessModes": ["ReadWriteOnce"], "capacity": {"storage": size}, "phase": "Bound"}}


def volume_metrics(s, ns, pvc, capacity, free_fn):
    m = s.metrics
    cap = m.family("kubelet.om", "kubelet_volume_stats_capacity_bytes", "gauge", "Capacity in bytes of the volume")
    avail = m.family("kubelet.om", "kubelet_volume_stats_available_bytes", "gauge",
                     "Number of available bytes in the volume")
    used = m.family("kubelet.om", "kubelet_volume_stats_used_bytes", "gauge", "Number of used bytes in the volume")
    rng = random.Random(s.name + pvc)
    for t in s.steps():
        lab = OrderedDict([("namespace", ns), ("persistentvolumeclaim", pvc)])
        free = max(0, int(capacity * free_fn(t) * (1 + rng.uniform(-0.002, 0.002))))
        m.add(cap, "kubelet_volume_stats_capacity_bytes", lab, t, capacity)
        m.add(avail, "kubelet_volume_stats_available_bytes", lab, t, free)
        m.add(used, "kubelet_volume_stats_used_bytes", lab, t, capacity - free)


def postgres_statefulset(s, name, ns=None, created="2025-09-18T08:30:00Z", started="2026-03-01T04:10:00Z", size="50Gi",
                         node=N2, db="app"):
    ns = ns or s.namespace
    c = container("postgres", "docker.io/library/postgres:16.4", "go", mem="4Gi", mem_req="2Gi", cpu="2",
                  cpu_req="1", port=5432, port_name="postgres",
                  env=[{"name": "POSTGRES_DB", "value": db}, {"name": "PGDATA", "value": "/var/lib/postgresql/data/pgdata"},
                       {"name": "POSTGRES_PASSWORD", "valueFrom": {"secretKeyRef": {"name": name + "-auth", "key": "password"}}}],
                  liveness=exec_probe(["pg_isready", "-U", "postgres"], delay=30, period=10),
                  readiness=exec_probe(["pg_isready", "-U", "postgres"], delay=5, period=5),
                  mounts=[{"mountPath": "/var/lib/postgresql/data", "name": "data"}])
    c["env"] = [e for e in c["env"] if e["name"] not in ("GOMAXPROCS", "LOG_LEVEL")]
    c["securityContext"] = {"runAsUser": 999, "runAsNonRoot": True}
    t = template(name, [c], team=s.namespace)
    t["metadata"]["annotations"] = {"prometheus.io/scrape": "true", "prometheus.io/port": "9187"}
    claim = {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"creationTimestamp": None, "name": "data"},
             "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": size}},
                      "storageClassName": "gp3", "volumeMode": "Filesystem"}, "status": {"phase": "Pending"}}
    wl = s.statefulset(name, 1, created, t, "go", ns=ns, port=5432, port_name="postgres", volume_claims=[claim],
                       container_name="postgres")
    tpl = wl.rs[1].template
    tpl["spec"]["volumes"] = [{"name": "data", "persistentVolumeClaim": {"claimName": "data-%s-0" % name}}]
    p = wl.pod(1, node, s.at(started), running(s.at(started) + secs(5)), name=name + "-0", ready_delay=8)
    s.extra_k8s["storage.yaml"].append(pvc_doc(s, "data-%s-0" % name, ns, size, created, name))
    return wl, p


def pg_log_prefix(t, pid, level, msg):
    """postgres' own log line behind the RFC 3339 time `kubectl logs --timestamps` puts in front."""
    if 500 <= pid <= 599 or pid == 429:
        pid += 100
    # log_line_prefix = '%t [%p] ' (seconds only: a millisecond field like ".519" reads as a status code)
    return "%s %s UTC [%d] %s:  %s" % (t.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), t.strftime("%Y-%m-%d %H:%M:%S"), pid,
                                       level, msg)


def pg_normal(p, t, rng):
    return rng.choice([
        pg_log_prefix(t, 27, "LOG", "checkpoint starting: time"),
        pg_log_prefix(t, 27, "LOG", "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; "
                      "write=%.3f s, sync=0.004 s, total=%.3f s; sync files=%d, longest=0.002 s, average=0.001 s; distance=%d kB, estimate=%d kB; lsn=%X/%08X, redo lsn=%X/%08X" % (
                          safe_number(rng, 600, 2400), rng.uniform(2, 12), rng.randint(1, 4), rng.uniform(20, 120),
                          rng.uniform(20, 120), rng.randint(30, 90), safe_number(rng, 9000, 40000),
                          safe_number(rng, 30000, 60000), 0x3A, rng.randint(0, 2**31), 0x3A, rng.randint(0, 2**31))),
        pg_log_prefix(t, rng.randint(3000, 9000), "LOG", "duration: %d.%03d ms  statement: VACUUM (ANALYZE) public.order_events" % (
            safe_number(rng, 600, 2000), rng.randint(0, 999))),
    ])


def networkpolicy_doc(s, name, ns, created, spec, managed_fields=None, labels=None, annotations=None):
    return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": obj_meta(s, name, ns, s.at(created), labels=labels, annotations=annotations, generation=1,
                                 managed=managed_fields, uid=make_uid(s.name + "/np/" + name)),
            "spec": spec}


def configmap_doc(s, name, ns, created, data, managed_fields=None, annotations=None, labels=None):
    return {"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": obj_meta(s, name, ns, s.at(created), labels=labels, annotations=annotations,
                                 managed=managed_fields, uid=make_uid(s.name + "/cm/" + name)),
            "data": data}


def gauge_series(s, file, name, help_, labels, fn, step_filter=None):
    fam = s.metrics.family(file, name, "gauge", help_)
    for t in s.steps():
        v = fn(t)
        if v is not None:
            s.metrics.add(fam, name, OrderedDict(labels), t, v)




@scenario
def decoy_deploy_after_onset():
    s = Scenario(
        "decoy-deploy-after-onset", "2026-03-12T03:24:00Z", "shop", "checkout", "why is checkout 5xx?",
        "From 03:08 every payments pod panics on a malformed webhook that the payment provider keeps retrying, so "
        "payments is in CrashLoopBackOff and checkout's payment calls are refused from 03:10. A harmless checkout "
        "image bump rolled out at 03:14, after the errors had begun, and is not the cause.",
        ("dependency-failure", "Deployment", "shop", "payments"), onset="03:10:00", channel="#inc-checkout")
    img = lambda v: "registry.example.com/shop/checkout:" + v  # noqa: E731
    env = [{"name": "PAYMENTS_URL", "value": "http://payments.shop.svc.cluster.local:8080"},
           {"name": "CART_URL", "value": "http://cart.shop.svc.cluster.local:3000"}]
    c57 = container("checkout", img("1.9.0"), "java", mem="768Mi", mem_req="512Mi", cpu="1", cpu_req="500m", env=env)
    t57 = template("checkout", [c57], version="1.9.0")
    t58 = with_container(t57, image=img("1.9.1"), version="1.9.1")
    d = s.deployment("checkout", 3, "2025-11-03T09:12:44Z", [(56, "2026-03-05T10:01:12Z", with_container(t57, image=img("1.8.4"), version="1.8.4")),
                                                             (57, "2026-03-11T15:02:40Z", t57), (58, "03:14:02", t58)], "java")
    olds, news = simple_rollout(d, 57, 58, "03:14:02", 3, [N1, N2, N3], "2026-03-11T15:02:50Z", step=17)
    onset = s.at("03:10:00")
    s.traffic_specs.append(Traffic(
        d, rate=lambda t: 14.0 * wave(t), err=lambda t: 0.0014 if t < onset else 0.31 * wave(t, 180, 0.06),
        lat=lambda t: (0.05, 0.3), routes=(("GET", "/api/orders/{id}", 0.6), ("POST", "/api/checkout", 0.4)),
        err_code="502"))
    pkg = "com.acme.checkout"
    refused = lambda p, t, rng: java_line(  # noqa: E731
        t, "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 14), pkg + ".payments.PaymentClient",
        "call to payments failed: Connection refused: payments.shop.svc.cluster.local:8080")
    upstream = lambda p, t, rng: java_line(  # noqa: E731
        t, "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 14), pkg + ".web.CheckoutController",
        "POST /api/checkout failed for order %s: upstream payments returned 503 Service Unavailable" % rid(rng, "ord-"))
    s.log_plans["checkout"] = LogPlan(
        java_normal(pkg, [("GET", "/api/orders/{id}", "200", "OrderController"),
                          ("GET", "/api/orders/{id}/status", "200", "OrderController")]), every=30,
        startup=java_startup(pkg, "CheckoutApplication", "1.9.1"),
        streams=[(onset, s.now, 14, refused, "DOWNSTREAM_ERROR@payments"),
                 (onset, s.now, 19, upstream, "DOWNSTREAM_ERROR@payments")])
    rollout_events(s, d, 57, 58, None, [s.at("03:14:02"), s.at("03:14:19"), s.at("03:14:36")], 3)
    rs_pod_events(s, d, news, olds)
    for p in news:
        container_events(s, p, pulled_fresh=True, pull_s=4.2)
    # payments: Go, panics from 03:08 on a retried webhook
    pimg = "registry.example.com/shop/payments:3.14.0"
    pc = container("payments", pimg, "go", mem="256Mi", cpu="500m", cpu_req="200m",
                   env=[{"name": "STRIPE_WEBHOOK_TOLERANCE", "value": "300s"}])
    pay = s.deployment("payments", 3, "2025-08-21T13:40:00Z", [(12, "2026-03-03T16:40:12Z", template("payments", [pc], version="3.14.0"))], "go")
    rng = random.Random("decoy/payments")
    for i, node in enumerate((N2, N3, N1)):
        start = s.at("2026-03-03T16:40:20Z") + secs(9 * i)
        first_crash = s.at("03:08:04") + secs(23 * i)
        rest, bo = crash_runs(first_crash + secs(10), s.now, lambda k: 14 + 2 * k, "Error", 2, rng, jitter=0.2)
        runs = [Run(start, first_crash, "Error", 2)] + rest
        pay.pod(12, node, start - secs(3), runs, backoff=bo, ready_delay=3)
    pay_onset = s.at("03:08:00")
    s.traffic_specs.append(Traffic(
        pay, rate=lambda t: 5.5 * wave(t), err=lambda t: 0.001 if t < pay_onset else 0.45,
        lat=lambda t: (0.06, 0.25), routes=(("POST", "/v1/charges", 0.8), ("GET", "/v1/charges/{id}", 0.2)),
        err_code="500", gateway=("ingress-gateway-7c9f8d6b5-hx2lp", lambda t: 0.0)))

    def pay_panic(p, run, rng_):
        t = run.end - secs(0.2)
        lines = [(secs(-0.4), go_line(run.end - secs(0.4), "INFO", "webhooks/handler.go:64", "webhook received",
                                      {"type": "charge.refund.updated", "id": "evt_3Ot" + alnum(iso(run.end), 10), "attempt": 14 + rng_.randint(0, 30)}), None)]
        for j, l in enumerate(go_panic_lines(t, "runtime error: invalid memory address or nil pointer dereference", [
                "github.com/acme-shop/payments/internal/refunds.(*Reconciler).apply(0xc0001a6f00, 0x0)",
                "\t/src/internal/refunds/reconcile.go:118 +0x2e",
                "github.com/acme-shop/payments/internal/webhooks.(*Handler).ServeHTTP(0xc00012c3c0, {0x1c1e0a8, 0xc0004b61c0}, 0xc00050e000)",
                "\t/src/internal/webhooks/handler.go:77 +0x3c5",
                "net/http.serverHandler.ServeHTTP({0xc000456e40?}, {0x1c1e0a8?, 0xc0004b61c0?}, 0x6?)",
                "\t/usr/local/go/src/net/http/server.go:3210 +0x8e"], goroutine=rng_.randint(40, 400))):
            lines.append((secs(-0.2 + j / 1000), l, "error" if j == 0 else None))
        return lines

    s.log_plans["payments"] = LogPlan(go_normal("server/http.go:118", [("POST", "/v1/charges", 201), ("GET", "/v1/charges/{id}", 200)]),
                                      every=25, startup=go_startup("cmd/payments/main.go:52", "3.14.0"), on_end=pay_panic)
    for p in pay.pods:
        s.event(p, "Pulled", 'Container image "%s" already present on machine' % pimg, p.runs[1].start - secs(1),
                p.runs[-1].start - secs(1), len(p.runs) - 1, host=p.node, field_path="spec.containers{payments}")
        s.event(p, "Started", "Started container payments", p.runs[1].start, p.runs[-1].start, len(p.runs) - 1,
                host=p.node, field_path="spec.containers{payments}")
        backoff_event(s, p)
        s.event(p, "Unhealthy", 'Readiness probe failed: Get "http://%s:8080/readyz": dial tcp %s:8080: connect: connection refused' % (p.ip, p.ip),
                p.runs[0].end + secs(2), s.now - secs(40), 2 * len(p.runs), type_="Warning", host=p.node,
                field_path="spec.containers{payments}")
    healthy_service(s, "cart", "node", replicas=2, rate=30.0, version="5.2.1", rev=31, rev_at="2026-03-09T09:15:40Z",
                    routes=(("GET", "/api/cart/{id}", 1.0),))
    s190, s191 = sha40("checkout 1.9.0"), sha40("checkout 1.9.1")
    argo_app(s, "checkout", "shop", "https://github.com/acme-shop/shop-deploy.git", "apps/checkout/overlays/prod", [
        (31, s190, "2026-03-11T15:02:20Z", "2026-03-11T15:02:45Z", "bob <bob@acme-shop.example>", "2026-03-11T14:51:09Z",
         "checkout: release 1.9.0"),
        (32, s191, "03:13:50", "03:14:21", "argocd-image-updater <noreply@argoproj.io>", "03:13:31",
         "build: automatic update of checkout to 1.9.1"),
    ], images=[img("1.9.1")], resources=[("apps", "v1", "Deployment", "checkout", "deployment.apps/checkout configured")])
    github_runs(s, "acme-shop", "checkout", [
        dict(name="build", event="push", branch="main", sha=sha40("checkout src 1.9.1"), created="03:11:05",
             started="03:11:07", updated="03:13:20", actor="carol", conclusion="success", number=2211,
             message="chore: bump base image to eclipse-temurin 21.0.6", commit_time="03:10:48"),
        dict(name="build", event="push", branch="main", sha=sha40("checkout src 1.9.0"), created="2026-03-11T14:51:40Z",
             updated="2026-03-11T15:00:02Z", actor="bob", conclusion="success", number=2209,
             message="feat: express checkout for returning customers", commit_time="2026-03-11T14:51:09Z"),
    ])
    return finish(s)


@scenario
def db_pool_after_scale_up():
    s = Scenario(
        "db-pool-after-scale-up", "2026-03-14T10:18:00Z", "shop", "orders", "why is orders 5xx?",
        "At 10:02 someone scaled orders from 3 to 12 replicas for a marketing campaign; each pod's HikariCP pool "
        "holds 20 connections, so 12 pods want 240 while postgres allows 100. From 10:04 requests wait 30 s for a "
        "connection and fail, and postgres refuses new clients with \"sorry, too many clients already\".",
        ("db-pool-exhausted", "Deployment", "shop", "orders"), onset="10:04:00", channel="#inc-orders")
    env = [{"name": "SPRING_DATASOURCE_URL", "value": "jdbc:postgresql://postgres.shop.svc.cluster.local:5432/orders"},
           {"name": "SPRING_DATASOURCE_USERNAME", "value": "orders"},
           {"name": "SPRING_DATASOURCE_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "postgres-auth", "key": "orders-password"}}},
           {"name": "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "value": "20"},
           {"name": "SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "value": "20"}]
    c = container("orders", "registry.example.com/shop/orders:4.2.0", "java", mem="1Gi", mem_req="768Mi", cpu="1",
                  cpu_req="500m", env=env)
    scale_at = s.at("10:02:11")
    d = s.deployment("orders", 12, "2025-09-18T08:41:00Z", [(18, "2026-03-02T09:20:00Z", with_container(template("orders", [c], version="4.1.3"), image="registry.example.com/shop/orders:4.1.3")),
                                                           (19, "2026-03-09T11:05:31Z", template("orders", [c], version="4.2.0"))], "java",
                     generation=41, managed_fields=[
                         managed("argocd-controller", "Apply", s.at("2026-03-09T11:05:31Z"),
                                 {"f:spec": {"f:template": {"f:spec": {"f:containers": {'k:{"name":"orders"}': {".": {}, "f:image": {}}}}}}}),
                         managed("kubectl", "Update", scale_at, {"f:spec": {"f:replicas": {}}}, subresource="scale")])
    for f in d.managed_fields:
        f["apiVersion"] = "apps/v1"
    for i, node in enumerate((N1, N2, N3)):
        st = s.at("2026-03-09T11:05:40Z") + secs(14 * i)
        d.pod(19, node, st, running(st + secs(3)))
    new = []
    not_ready = {3, 6, 9, 11}
    for i in range(9):
        c_at = scale_at + secs(0.3 * i)
        p = d.pod(19, spread(i), c_at, running(c_at + secs(3)), ready=(i + 3) not in not_ready,
                  ready_delay=38, extra_status={"not_ready_since": s.at("10:03:40")},
                  serving=(lambda p_, t, i=i: (i + 3) not in not_ready or t < s.at("10:03:30")))
        new.append(p)
    d.endpoints_changed = s.at("10:03:52")
    onset = s.at("10:04:00")
    campaign = s.at("10:00:00")
    s.traffic_specs.append(Traffic(
        d, rate=lambda t: ramp(t, campaign, campaign + mins(3), 38.0, 61.0) * wave(t),
        err=lambda t: 0.0012 if t < onset else ramp(t, onset, onset + mins(4), 0.17, 0.27) * wave(t, 150, 0.05),
        lat=lambda t: (0.04, 0.2) if t < onset else (0.09, 30.0), style="micrometer",
        routes=(("GET", "/api/orders/{orderId}", 0.6), ("POST", "/api/orders", 0.4)), err_code="500"))
    pkg = "com.acme.orders"
    pool = lambda p, t, rng: java_line(  # noqa: E731
        t, "WARN", "http-nio-8080-exec-%d" % rng.randint(1, 40), "o.h.engine.jdbc.spi.SqlExceptionHelper",
        "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=%d, active=%d, idle=0, waiting=%d)" % (
            rng.randint(6, 20), rng.randint(6, 20), safe_number(rng, 12, 60)))
    jdbc = lambda p, t, rng: java_line(  # noqa: E731
        t, "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 40), pkg + ".web.OrderController",
        "POST /api/orders -> 500 (%d ms): org.springframework.orm.jpa.JpaSystemException: Unable to acquire JDBC Connection" % (
            30000 + rng.randint(2, 60)))
    refuse = lambda p, t, rng: java_line(  # noqa: E731
        t, "WARN", "HikariPool-1 connection adder", "com.zaxxer.hikari.pool.PoolBase",
        "HikariPool-1 - Pool is empty, failed to create/setup connection (org.postgresql.util.PSQLException: FATAL: sorry, too many clients already)")
    s.log_plans["orders"] = LogPlan(
        java_normal(pkg, [("GET", "/api/orders/{id}", "200", "OrderController"), ("POST", "/api/orders", "201", "OrderController")]),
        every=40, startup=java_startup(pkg, "OrdersApplication", "4.2.0", db=True),
        streams=[(onset, s.now, 16, pool, "DB_POOL_EXHAUSTED"), (onset, s.now, 26, jdbc, "DB_POOL_EXHAUSTED"),
                 (s.at("10:02:30"), s.now, 45, refuse, "DB_POOL_EXHAUSTED")])
    s.event(d, "ScalingReplicaSet", "Scaled up replica set %s to 12 from 3" % d.rs[19].name, scale_at,
            component="deployment-controller")
    for p in new:
        s.event(d.rs[19], "SuccessfulCreate", "Created pod: %s" % p.name, p.created, component="replicaset-controller")
        container_events(s, p)
    for p in new:
        if not p.ready:
            s.event(p, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", s.at("10:03:40"),
                    s.now - secs(4), 60, type_="Warning", host=p.node, field_path="spec.containers{orders}")
    gauge_series(s, "kube-state-metrics.om", "kube_deployment_spec_replicas",
                 "Number of desired pods for a deployment.", [("namespace", "shop"), ("deployment", "orders")],
                 lambda t: 3 if t < scale_at else 12)
    pg, pgp = postgres_statefulset(s, "postgres", db="orders", size="100Gi")
    volume_metrics(s, "shop", "data-postgres-0", bytes_of("100Gi"), lambda t: 0.61 - 0.0004 * (t - s.start).total_seconds() / 60)
    gauge_series(s, "postgres.om", "pg_settings_max_connections", "Sets the maximum number of concurrent connections.",
                 [("namespace", "shop"), ("pod", pgp.name), ("server", "postgres:5432")], lambda t: 100)
    rngc = random.Random("pgconn")
    gauge_series(s, "postgres.om", "pg_stat_database_numbackends", "Number of backends currently connected to this database.",
                 [("namespace", "shop"), ("pod", pgp.name), ("datname", "orders"), ("server", "postgres:5432")],
                 lambda t: 60 + rngc.randint(-1, 1) if t < scale_at + secs(20) else 97)
    too_many = lambda p, t, rng: pg_log_prefix(t, rng.randint(20000, 40000), "FATAL", "sorry, too many clients already")  # noqa: E731
    s.log_plans["postgres"] = LogPlan(pg_normal, every=300, streams=[(s.at("10:02:15"), s.now, 9, too_many, "DB_POOL_EXHAUSTED")])
    healthy_service(s, "frontend", "node", replicas=2, rate=48.0, version="7.3.0", rev=88, rev_at="2026-03-13T16:02:10Z",
                    routes=(("GET", "/", 1.0),))
    return finish(s)


@scenario
def cert_expired():
    s = Scenario(
        "cert-expired", "2026-03-15T06:14:00Z", "shop", "billing", "why is billing failing?",
        "billing's mTLS client certificate for the partner bank, billing-client-tls, expired at 06:00 because "
        "cert-manager has failed to renew it since February (its Vault issuer role was renamed). Since then every "
        "transfer to api.partnerbank.example fails the TLS handshake and billing answers 502.",
        ("cert-expired", "Certificate", "shop", "billing-client-tls"), onset="06:00:00", channel="#inc-billing")
    expiry = s.at("06:00:00")
    c = container("billing", "registry.example.com/shop/billing:2.7.3", "java", mem="768Mi", mem_req="512Mi",
                  env=[{"name": "PARTNERBANK_URL", "value": "https://api.partnerbank.example"},
                       {"name": "PARTNERBANK_KEYSTORE", "value": "/etc/billing/tls"}],
                  mounts=[{"mountPath": "/etc/billing/tls", "name": "client-tls", "readOnly": True}])
    t = template("billing", [c], version="2.7.3", volumes=[{"name": "client-tls", "secret": {"defaultMode": 420, "secretName": "billing-client-tls"}}])
    d = s.deployment("billing", 2, "2025-07-30T10:00:00Z", [(23, "2026-02-13T09:44:02Z", t)], "java")
    for i, node in enumerate((N1, N3)):
        st = s.at("2026-02-13T09:44:10Z") + secs(20 * i)
        d.pod(23, node, st, running(st + secs(3)))
    s.traffic_specs.append(Traffic(
        d, rate=lambda t: 6.0 * wave(t), err=lambda t: 0.001 if t < expiry else 0.52 * wave(t, 200, 0.04),
        lat=lambda t: (0.12, 0.45), style="micrometer",
        routes=(("POST", "/api/transfers", 0.55), ("GET", "/api/invoices/{invoiceId}", 0.45)), err_code="502"))
    pkg = "com.acme.billing"
    expiring = lambda p, t, rng: java_line(  # noqa: E731
        t, "WARN", "tls-watcher", pkg + ".tls.ClientCertificateWatcher",
        "client certificate CN=billing.shop.svc.cluster.local expires in %d minutes (notAfter=2026-03-15T06:00:00Z) and has not been renewed" % max(
            1, int((expiry - t).total_seconds() / 60)))
    expired = lambda p, t, rng: java_line(  # noqa: E731
        t, "WARN", "tls-watcher", pkg + ".tls.ClientCertificateWatcher",
        "client certificate has expired: CN=billing.shop.svc.cluster.local, notAfter=2026-03-15T06:00:00Z; "
        "cert-manager has not renewed secret shop/billing-client-tls")
    handshake = lambda p, t, rng: java_line(  # noqa: E731
        t, "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 14), pkg + ".partner.PartnerBankClient",
        "call to https://api.partnerbank.example/v2/transfers failed: javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_expired")
    s.log_plans["billing"] = LogPlan(
        java_normal(pkg, [("POST", "/api/transfers", "201", "TransferController"), ("GET", "/api/invoices/{id}", "200", "InvoiceController")]),
        every=45, streams=[(s.start, expiry, 600, expiring, "error"), (expiry, s.now, 300, expired, "CERT_EXPIRED"),
                           (expiry, s.now, 11, handshake, "CERT_EXPIRED@api.partnerbank.example")])
    cert = {"apiVersion": "cert-manager.io/v1", "kind": "Certificate",
            "metadata": obj_meta(s, "billing-client-tls", "shop", s.at("2025-07-30T10:00:00Z"), generation=2,
                                 labels={"app": "billing"}, uid=make_uid(s.name + "/cert/billing-client-tls")),
            "spec": {"secretName": "billing-client-tls", "commonName": "billing.shop.svc.cluster.local",
                     "dnsNames": ["billing.shop.svc.cluster.local"], "duration": "2160h0m0s", "renewBefore": "720h0m0s",
                     "usages": ["client auth", "digital signature", "key encipherment"],
                     "privateKey": {"algorithm": "ECDSA", "size": 256, "rotationPolicy": "Always"},
                     "issuerRef": {"group": "cert-manager.io", "kind": "ClusterIssuer", "name": "partnerbank-ca"}},
            "status": {"conditions": [
                {"type": "Ready", "status": "False", "reason": "Expired", "observedGeneration": 2,
                 "message": "Certificate expired on Sun, 15 Mar 2026 06:00:00 UTC", "lastTransitionTime": iso(expiry)},
                {"type": "Issuing", "status": "False", "reason": "Failed", "observedGeneration": 2,
                 "message": "The certificate request has failed to complete and will be retried: Vault failed to sign "
                            "certificate: role \"billing-client\" not found", "lastTransitionTime": "2026-03-15T04:12:31Z"}],
                "notBefore": "2025-12-15T06:00:00Z", "notAfter": iso(expiry), "renewalTime": "2026-02-13T06:00:00Z",
                "revision": 3, "failedIssuanceAttempts": 9, "lastFailureTime": "2026-03-15T04:12:31Z"}}
    ingress_cert = json.loads(json.dumps(cert))
    ingress_cert["metadata"] = obj_meta(s, "shop-ingress-tls", "shop", s.at("2025-07-01T09:00:00Z"), generation=1,
                                        uid=make_uid(s.name + "/cert/shop-ingress-tls"))
    ingress_cert["spec"] = {"secretName": "shop-ingress-tls", "dnsNames": ["shop.acme.example", "www.shop.acme.example"],
                            "issuerRef": {"group": "cert-manager.io", "kind": "ClusterIssuer", "name": "letsencrypt-prod"},
                            "privateKey": {"rotationPolicy": "Always"}}
    ingress_cert["status"] = {"conditions": [{"type": "Ready", "status": "True", "reason": "Ready", "observedGeneration": 1,
                                              "message": "Certificate is up to date and has not expired",
                                              "lastTransitionTime": "2026-03-09T11:04:21Z"}],
                              "notBefore": "2026-03-09T10:04:21Z", "notAfter": "2026-06-07T10:04:20Z",
                              "renewalTime": "2026-05-08T10:04:20Z", "revision": 5}
    s.extra_k8s["certificates.yaml"] = [cert, ingress_cert]
    for name, exp, issuer in (("billing-client-tls", expiry, "partnerbank-ca"), ("shop-ingress-tls", s.at("2026-06-07T10:04:20Z"), "letsencrypt-prod")):
        lab = [("issuer_group", "cert-manager.io"), ("issuer_kind", "ClusterIssuer"), ("issuer_name", issuer),
               ("name", name), ("namespace", "shop")]
        gauge_series(s, "cert-manager.om", "certmanager_certificate_expiration_timestamp_seconds",
                     "The date after which the certificate expires. Expressed as a Unix Epoch Time.", lab,
                     lambda t, exp=exp: unix(exp))
    for name, ok_until in (("billing-client-tls", expiry), ("shop-ingress-tls", None)):
        for cond in ("True", "False"):
            lab = [("condition", cond), ("issuer_group", "cert-manager.io"), ("issuer_kind", "ClusterIssuer"),
                   ("issuer_name", "partnerbank-ca" if name == "billing-client-tls" else "letsencrypt-prod"),
                   ("name", name), ("namespace", "shop")]
            gauge_series(s, "cert-manager.om", "certmanager_certificate_ready_status",
                         "The ready status of the certificate.", lab,
                         lambda t, cond=cond, ok_until=ok_until: int((ok_until is None or t < ok_until) == (cond == "True")))
    # an unrelated rollout shortly before the onset: frontend's, which billing never calls
    fimg = lambda v: "registry.example.com/shop/frontend:" + v  # noqa: E731
    fc = container("frontend", fimg("7.3.0"), "node", mem="512Mi")
    ft = template("frontend", [fc], version="7.3.0")
    f = s.deployment("frontend", 2, "2025-06-02T08:00:00Z", [(88, "2026-03-13T16:02:10Z", ft),
                                                             (89, "05:52:07", with_container(ft, image=fimg("7.3.1"), version="7.3.1"))], "node")
    folds, fnews = simple_rollout(f, 88, 89, "05:52:07", 2, [N2, N3], "2026-03-13T16:02:20Z", step=14)
    s.traffic_specs.append(Traffic(f, lambda t: 40.0 * wave(t), lambda t: 0.0011, lambda t: (0.03, 0.2),
                                   routes=(("GET", "/", 1.0),), err_code="500", not_found=False))
    s.log_plans["frontend"] = LogPlan(node_normal("http", [("GET", "/", 200), ("GET", "/product/{id}", 200)]), every=50,
                                      startup=node_startup("app", "frontend", "7.3.1"))
    rollout_events(s, f, 88, 89, None, [s.at("05:52:07"), s.at("05:52:21")], 2)
    rs_pod_events(s, f, fnews, folds)
    for p in fnews:
        container_events(s, p, pulled_fresh=True, pull_s=2.2)
    return finish(s)


@scenario
def dns_broken_by_egress_policy():
    s = Scenario(
        "dns-broken-by-egress-policy", "2026-03-16T14:35:00Z", "shop", "catalog", "why is catalog 5xx?",
        "At 14:20 Argo CD created the NetworkPolicy restrict-egress, which lets catalog pods talk only to catalog-db "
        "on 5432 and so also blocks DNS on port 53. From 14:21 catalog cannot resolve search.shop.svc.cluster.local "
        "and product listings fail, while its already open database connections keep working.",
        ("network-policy", "NetworkPolicy", "shop", "restrict-egress"), onset="14:21:00", channel="#inc-catalog")
    np_at = s.at("14:20:07")
    c = container("catalog", "registry.example.com/shop/catalog:6.0.2", "java", mem="1Gi", mem_req="768Mi",
                  env=[{"name": "SEARCH_URL", "value": "http://search.shop.svc.cluster.local:8080"},
                       {"name": "SPRING_DATASOURCE_URL", "value": "jdbc:postgresql://catalog-db.shop.svc.cluster.local:5432/catalog"}])
    d = s.deployment("catalog", 3, "2025-06-02T08:10:00Z", [(33, "2026-03-12T10:31:00Z", template("catalog", [c], version="6.0.2"))], "java")
    for i, node in enumerate((N1, N2, N3)):
        st = s.at("2026-03-12T10:31:10Z") + secs(25 * i)
        d.pod(33, node, st, running(st + secs(3)))
    onset = s.at("14:21:00")
    s.traffic_specs.append(Traffic(
        d, rate=lambda t: 26.0 * wave(t), err=lambda t: 0.0013 if t < onset else ramp(t, onset, onset + mins(2), 0.22, 0.36),
        lat=lambda t: (0.06, 0.3), routes=(("GET", "/api/products", 0.55), ("GET", "/api/products/{id}", 0.45)),
        err_code="500", histogram=False))
    pkg = "com.acme.catalog"
    io_err = lambda p, t, rng: java_line(  # noqa: E731
        t, "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 20), pkg + ".search.SearchClient",
        'search for "%s" failed: I/O error on GET request for "http://search.shop.svc.cluster.local:8080/api/search": '
        'search.shop.svc.cluster.local: Temporary failure in name resolution' % rng.choice(["shoes", "jacket", "lamp", "desk", "kettle"]))
    unknown = lambda p, t, rng: java_line(  # noqa: E731
        t, "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 20), pkg + ".web.ProductController",
        "GET /api/products -> 500: java.net.UnknownHostException: search.shop.svc.cluster.local: Temporary failure in name resolution")
    cdn = lambda p, t, rng: java_line(  # noqa: E731
        t, "WARN", "image-prefetch-2", pkg + ".media.ImagePrefetcher",
        "prefetch of product images skipped: java.net.UnknownHostException: images.acme-cdn.example: Temporary failure in name resolution")
    s.log_plans["catalog"] = LogPlan(
        java_normal(pkg, [("GET", "/api/products/{id}", "200", "ProductController")]), every=35,
        streams=[(onset, s.now, 12, io_err, "DNS_FAILURE@search"), (onset, s.now, 20, unknown, "DNS_FAILURE"),
                 (onset, s.now, 120, cdn, "DNS_FAILURE")])
    healthy_service(s, "search", "go", replicas=2, rate=18.0, version="2.11.0", rev=41, rev_at="2026-03-10T13:12:00Z",
                    routes=(("GET", "/api/search", 1.0),))
    db, dbp = postgres_statefulset(s, "catalog-db", db="catalog", size="20Gi", node=N3)
    s.log_plans["catalog-db"] = LogPlan(pg_normal, every=300)
    volume_metrics(s, "shop", "data-catalog-db-0", bytes_of("20Gi"), lambda t: 0.72)
    mf_old = [managed("argocd-controller", "Apply", s.at("2025-10-01T12:00:00Z"),
                      {"f:metadata": {"f:labels": {"f:app.kubernetes.io/instance": {}}}, "f:spec": {"f:podSelector": {}, "f:policyTypes": {}}})]
    for m_ in mf_old:
        m_["apiVersion"] = "networking.k8s.io/v1"
    nps = [
        networkpolicy_doc(s, "default-deny-ingress", "shop", "2025-10-01T12:00:00Z",
                          {"podSelector": {}, "policyTypes": ["Ingress"]}, managed_fields=mf_old,
                          labels={"app.kubernetes.io/instance": "shop-network-policies"}),
        networkpolicy_doc(s, "allow-frontend-to-catalog", "shop", "2025-10-01T12:00:00Z",
                          {"podSelector": {"matchLabels": {"app": "catalog"}}, "policyTypes": ["Ingress"],
                           "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "frontend"}}}],
                                        "ports": [{"port": 8080, "protocol": "TCP"}]}]},
                          managed_fields=json.loads(json.dumps(mf_old)),
                          labels={"app.kubernetes.io/instance": "shop-network-policies"}),
    ]
    mf_new = [managed("argocd-controller", "Apply", np_at,
                      {"f:metadata": {"f:labels": {"f:app.kubernetes.io/instance": {}}},
                       "f:spec": {"f:egress": {}, "f:podSelector": {}, "f:policyTypes": {}}})]
    mf_new[0]["apiVersion"] = "networking.k8s.io/v1"
    nps.append(networkpolicy_doc(
        s, "restrict-egress", "shop", "14:20:07",
        {"podSelector": {"matchLabels": {"app": "catalog"}}, "policyTypes": ["Egress"],
         "egress": [{"to": [{"podSelector": {"matchLabels": {"app": "catalog-db"}}}],
                     "ports": [{"port": 5432, "protocol": "TCP"}]}]},
        managed_fields=mf_new, labels={"app.kubernetes.io/instance": "shop-network-policies"},
        annotations={"argocd.argoproj.io/tracking-id": "shop-network-policies:networking.k8s.io/NetworkPolicy:shop/restrict-egress"}))
    s.extra_k8s["networkpolicies.yaml"] = nps
    old_sha, new_sha = sha40("np-2026-01"), sha40("restrict catalog egress")
    argo_app(s, "shop-network-policies", "shop", "https://github.com/acme-shop/platform-config.git",
             "network-policies/shop", [
                 (5, old_sha, "2026-01-20T10:14:02Z", "2026-01-20T10:14:09Z", "erin <erin@acme-shop.example>",
                  "2026-01-20T10:02:11Z", "network policies: allow frontend to catalog"),
                 (6, new_sha, "14:19:58", "14:20:09", "dave <dave@acme-shop.example>", "14:11:36",
                  "restrict catalog egress to its database (SEC-412)")],
             project="platform", resources=[
                 ("networking.k8s.io", "v1", "NetworkPolicy", "restrict-egress", "networkpolicy.networking.k8s.io/restrict-egress created"),
                 ("networking.k8s.io", "v1", "NetworkPolicy", "default-deny-ingress", "networkpolicy.networking.k8s.io/default-deny-ingress unchanged"),
                 ("networking.k8s.io", "v1", "NetworkPolicy", "allow-frontend-to-catalog", "networkpolicy.networking.k8s.io/allow-frontend-to-catalog unchanged")])
    return finish(s)


@scenario
def third_party_rate_limit():
    s = Scenario(
        "third-party-rate-limit", "2026-03-17T09:29:00Z", "comms", "notifications", "why is notifications 5xx?",
        "The spring campaign tripled outgoing e-mail from 09:13, and from 09:15 SendGrid answers notifications' "
        "mail sends with 429 Too Many Requests. notifications fails the requests it cannot deliver with 502.",
        ("rate-limited", "ExternalService", "", "api.sendgrid.com"), onset="09:15:00", channel="#inc-comms")
    c = container("notifications", "registry.example.com/comms/notifications:3.3.0", "node", mem="512Mi",
                  env=[{"name": "SENDGRID_API_URL", "value": "https://api.sendgrid.com/v3"},
                       {"name": "SENDGRID_API_KEY", "valueFrom": {"secretKeyRef": {"name": "sendgrid", "key": "api-key"}}}])
    d = s.deployment("notifications", 3, "2025-05-12T10:00:00Z", [(14, "2026-03-11T08:30:00Z", template("notifications", [c], version="3.3.0", team="comms"))], "node",
                     ns="comms", port=3000)
    for i, node in enumerate((N2, N3, N1)):
        st = s.at("2026-03-11T08:30:10Z") + secs(12 * i)
        d.pod(14, node, st, running(st + secs(2)))
    onset, campaign = s.at("09:15:00"), s.at("09:13:00")
    s.traffic_specs.append(Traffic(
        d, rate=lambda t: ramp(t, campaign, campaign + mins(2), 15.0, 46.0) * wave(t),
        err=lambda t: 0.001 if t < onset else ramp(t, onset, onset + mins(1), 0.25, 0.42) * wave(t, 130, 0.1),
        lat=lambda t: (0.03, 0.2), routes=(("POST", "/api/notifications", 0.9), ("GET", "/api/notifications/{id}", 0.1)),
        err_code="502"))
    ok = lambda p, t, rng: node_line(t, "INFO", "sendgrid", "delivered message %s to %d recipient(s) in %dms" % (  # noqa: E731
        rid(rng, "msg_", 10), rng.randint(1, 3), safe_number(rng, 80, 400)))
    throttled = lambda p, t, rng: node_line(  # noqa: E731
        t, "ERROR", "sendgrid", "POST https://api.sendgrid.com/v3/mail/send failed: 429 Too Many Requests "
        "(x-ratelimit-remaining=0, retry-after=%ds)" % rng.randint(20, 60))
    deferred = lambda p, t, rng: node_line(  # noqa: E731
        t, "WARN", "queue", "deferring %d messages: provider rate limit exceeded" % rng.randint(40, 400))
    s.log_plans["notifications"] = LogPlan(
        node_normal("http", [("POST", "/api/notifications", 202), ("GET", "/api/notifications/{id}", 200)]), every=30,
        streams=[(s.start, onset + mins(1), 40, ok, None), (onset, s.now, 8, throttled, "RATE_LIMITED@api.sendgrid.com"),
                 (onset, s.now, 45, deferred, "RATE_LIMITED")])
    healthy_service(s, "sms-gateway", "go", ns="comms", replicas=2, rate=4.0, version="1.9.2", rev=6,
                    rev_at="2026-03-02T15:00:00Z", team="comms", routes=(("POST", "/v1/sms", 1.0),))
    return finish(s)


@scenario
def healthy_control():
    s = Scenario(
        "healthy-control", "2026-03-18T11:00:00Z", "shop", "checkout", "why is checkout 5xx?",
        "Someone asks about checkout 5xx, but checkout's error ratio has stayed flat at about 0.1 % all hour, no "
        "container restarted and no warning was raised. A routine image bump rolled out at 10:20 without any effect.",
        ("healthy", "Deployment", "shop", "checkout"), onset=None, channel="#inc-checkout")
    img = lambda v: "registry.example.com/shop/checkout:" + v  # noqa: E731
    c = container("checkout", img("1.9.3"), "java", mem="768Mi", mem_req="512Mi", cpu="1", cpu_req="500m",
                  env=[{"name": "PAYMENTS_URL", "value": "http://payments.shop.svc.cluster.local:8080"}])
    t43 = template("checkout", [c], version="1.9.3")
    d = s.deployment("checkout", 3, "2025-11-03T09:12:44Z", [(43, "2026-03-16T09:40:00Z", t43),
                                                             (44, "10:20:08", with_container(t43, image=img("1.9.4"), version="1.9.4"))], "java")
    olds, news = simple_rollout(d, 43, 44, "10:20:08", 3, [N2, N3, N1], "2026-03-16T09:40:10Z", step=18)
    s.traffic_specs.append(Traffic(d, lambda t: 24.0 * wave(t), lambda t: 0.001, lambda t: (0.05, 0.28), histogram=True,
                                   routes=(("GET", "/api/orders/{id}", 0.6), ("POST", "/api/checkout", 0.4)), err_code="500"))
    pkg = "com.acme.checkout"
    s.log_plans["checkout"] = LogPlan(
        java_normal(pkg, [("POST", "/api/checkout", "201", "CheckoutController"), ("GET", "/api/orders/{id}", "200", "OrderController")]),
        every=25, startup=java_startup(pkg, "CheckoutApplication", "1.9.4"))
    rollout_events(s, d, 43, 44, None, [s.at("10:20:08"), s.at("10:20:26"), s.at("10:20:44")], 3)
    rs_pod_events(s, d, news, olds)
    for p in news:
        container_events(s, p, pulled_fresh=True, pull_s=3.1)
    healthy_service(s, "payments", "go", replicas=2, rate=8.0, version="3.14.2", rev=13, rev_at="2026-03-17T12:00:00Z",
                    routes=(("POST", "/v1/charges", 1.0),))
    github_runs(s, "acme-shop", "checkout", [
        dict(name="build-and-deploy", event="push", branch="main", sha=sha40("checkout 1.9.4"), created="10:11:52",
             updated="10:20:30", actor="judy", conclusion="success", number=2240,
             message="fix: trim whitespace in promo codes", commit_time="10:11:30"),
        dict(name="ci", event="pull_request", branch="judy/promo-trim", sha=sha40("judy/promo-trim"), created="09:48:10",
             updated="09:55:41", actor="judy", conclusion="success", number=2238,
             message="fix: trim whitespace in promo codes", commit_time="09:47:58"),
    ])
    return finish(s)


@scenario
def pvc_full_under_db():
    s = Scenario(
        "pvc-full-under-db", "2026-03-19T22:00:00Z", "shop", "orders", "why is orders 5xx?",
        "postgres' data volume data-postgres-0 has been filling with WAL kept for an inactive replication slot and "
        "reached 0.2 % free at 21:46, when postgres began failing writes with \"No space left on device\". From "
        "21:46 orders' writes fail and its connections are dropped while postgres restarts its backends.",
        ("disk-full", "PersistentVolumeClaim", "shop", "data-postgres-0"), onset="21:46:30", channel="#inc-orders")
    full = s.at("21:46:00")
    env = [{"name": "SPRING_DATASOURCE_URL", "value": "jdbc:postgresql://postgres:5432/orders"},
           {"name": "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "value": "10"}]
    c = container("orders", "registry.example.com/shop/orders:4.3.1", "java", mem="1Gi", mem_req="768Mi", env=env)
    d = s.deployment("orders", 3, "2025-09-18T08:41:00Z", [(22, "2026-03-17T13:30:00Z", template("orders", [c], version="4.3.1"))], "java")
    for i, node in enumerate((N1, N2, N3)):
        st = s.at("2026-03-17T13:30:10Z") + secs(30 * i)
        d.pod(22, node, st, running(st + secs(3)))
    onset = s.at("21:46:30")
    s.traffic_specs.append(Traffic(
        d, rate=lambda t: 31.0 * wave(t), err=lambda t: 0.0012 if t < onset else 0.34 * wave(t, 160, 0.08),
        lat=lambda t: (0.04, 0.22), style="micrometer",
        routes=(("GET", "/api/orders/{orderId}", 0.62), ("POST", "/api/orders", 0.38)), err_code="500"))
    pkg = "com.acme.orders"
    extend = lambda p, t, rng: java_line(  # noqa: E731
        t, "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 20), "o.h.engine.jdbc.spi.SqlExceptionHelper",
        'ERROR: could not extend file "base/16384/24611": No space left on device')
    closed = lambda p, t, rng: java_line(  # noqa: E731
        t, "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 20), pkg + ".web.OrderController",
        "POST /api/orders -> 500: org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend "
        "(connection to postgres:5432): server closed the connection unexpectedly")
    s.log_plans["orders"] = LogPlan(
        java_normal(pkg, [("GET", "/api/orders/{id}", "200", "OrderController"), ("POST", "/api/orders", "201", "OrderController")]),
        every=35, streams=[(full + secs(20), s.now, 11, extend, "DISK_FULL"), (full + secs(40), s.now, 40, closed, "error")])
    pg, pgp = postgres_statefulset(s, "postgres", db="orders", size="50Gi")
    cap = bytes_of("50Gi")
    volume_metrics(s, "shop", "data-postgres-0", cap, lambda t: ramp(t, s.start, full, 0.061, 0.002))
    pg_full = lambda p, t, rng: [  # noqa: E731
        pg_log_prefix(t, rng.randint(20000, 40000), "ERROR", 'could not extend file "base/16384/24611": No space left on device'),
        pg_log_prefix(t, rng.randint(20000, 40000), "HINT", "Check free disk space."),
        pg_log_prefix(t, rng.randint(20000, 40000), "STATEMENT", "insert into order_lines (order_id,sku,quantity,price_cents) values ($1,$2,$3,$4)")]
    panic = lambda p, t, rng: [  # noqa: E731
        pg_log_prefix(t, 31007, "PANIC", 'could not write to file "pg_wal/xlogtemp.31007": No space left on device'),
        pg_log_prefix(t + secs(0.2), 1, "LOG", "server process (PID 31007) was terminated by signal 6: Aborted"),
        pg_log_prefix(t + secs(0.2), 1, "LOG", "terminating any other active server processes"),
        pg_log_prefix(t + secs(0.9), 1, "LOG", "all server processes terminated; reinitializing"),
        pg_log_prefix(t + secs(1.4), 27, "LOG", "database system was interrupted; last known up at %s UTC" % (t - secs(61)).strftime("%Y-%m-%d %H:%M:%S")),
        pg_log_prefix(t + secs(3.8), 1, "LOG", "database system is ready to accept connections")]
    s.log_plans["postgres"] = LogPlan(pg_normal, every=280, streams=[
        (full, s.now, 13, pg_full, "any"), (full + secs(60), s.now, 190, panic, "any")])
    pgp.ready = True
    s.event(pgp, "Unhealthy", "Readiness probe failed: /var/run/postgresql:5432 - rejecting connections",
            full + secs(70), s.now - secs(50), 9, type_="Warning", host=pgp.node, field_path="spec.containers{postgres}")
    healthy_service(s, "frontend", "node", replicas=2, rate=45.0, version="7.3.1", rev=89, rev_at="2026-03-15T05:52:07Z",
                    routes=(("GET", "/", 1.0),))
    return finish(s)


@scenario
def hpa_at_max():
    s = Scenario(
        "hpa-at-max", "2026-03-20T18:16:00Z", "shop", "search", "why is search slow?",
        "An evening promotion doubled search traffic from 18:00 and kept it growing; the HorizontalPodAutoscaler "
        "scaled search from 3 to its maxReplicas of 6 by 18:02 but wants 11. The six pods are saturated, p99 "
        "latency climbs from about 0.2 s to over 1 s from 18:04, and a few requests time out.",
        ("capacity", "HorizontalPodAutoscaler", "shop", "search"), onset="18:04:00", channel="#inc-search")
    s.list_files.add("search")
    c = container("search", "registry.example.com/shop/search:2.11.0", "go", mem="1Gi", mem_req="512Mi", cpu="2",
                  cpu_req="500m", env=[{"name": "INDEX_PATH", "value": "/var/lib/search/index"}])
    d = s.deployment("search", 6, "2025-06-02T08:20:00Z", [(41, "2026-03-10T13:12:00Z", template("search", [c], version="2.11.0"))], "go",
                     generation=88, managed_fields=[managed("kube-controller-manager", "Update", s.at("18:02:17"),
                                                            {"f:spec": {"f:replicas": {}}}, subresource="scale")])
    d.managed_fields[0]["apiVersion"] = "apps/v1"
    for i, node in enumerate((N1, N2, N3)):
        st = s.at("2026-03-18T09:30:00Z") + secs(17 * i)
        d.pod(41, node, st, running(st + secs(2)), ready_delay=6)
    scale1, scale2 = s.at("18:00:47"), s.at("18:02:17")
    new = [d.pod(41, N2, scale1, running(scale1 + secs(9)), ready_delay=6),
           d.pod(41, N3, scale1 + secs(0.4), running(scale1 + secs(10)), ready_delay=6),
           d.pod(41, N1, scale2, running(scale2 + secs(8)), ready_delay=6)]
    promo = s.at("18:00:00")
    onset = s.at("18:04:00")
    rate = lambda t: ramp(t, promo, promo + mins(2), 160.0, 320.0) * (1 + max(0.0, (t - promo - mins(2)).total_seconds()) / 1800.0) * wave(t, 300, 0.04)  # noqa: E731

    saturated = s.at("18:03:00")  # the sixth pod is up and still every pod runs hot

    def lat(t):
        if t < saturated:
            return (0.035, 0.19)
        k = min(1.0, (t - saturated).total_seconds() / 420.0)
        return (0.035 + 0.2 * k, 0.6 + 0.9 * k)

    timeouts = s.at("18:08:00")
    s.traffic_specs.append(Traffic(d, rate, lambda t: 0.0008 if t < timeouts else ramp(t, timeouts, timeouts + mins(3), 0.01, 0.035),
                                   lat, histogram=True, routes=(("GET", "/api/search", 0.9), ("GET", "/api/suggest", 0.1)),
                                   err_code="504"))
    d.throttle_fn = lambda p, t, rng: rng.uniform(0.01, 0.04) if t < promo else rng.uniform(0.08, 0.15)
    slow = lambda p, t, rng: go_line(t, "WARN", "server/http.go:131", "slow request", {  # noqa: E731
        "method": "GET", "path": "/api/search", "duration_ms": round(rng.uniform(1100, 2400), 1), "inflight": rng.randint(180, 260)})
    s.log_plans["search"] = LogPlan(go_normal("server/http.go:118", [("GET", "/api/search", 200), ("GET", "/api/suggest", 200)]),
                                    every=30, startup=go_startup("cmd/search/main.go:33", "2.11.0",
                                                                 extra=[(0.3, "index loaded", {"docs": 1843221, "segments": 14})]),
                                    streams=[(onset + mins(2), s.now, 25, slow, "error")])
    s.event(d, "ScalingReplicaSet", "Scaled up replica set %s to 5 from 3" % d.rs[41].name, scale1, component="deployment-controller")
    s.event(d, "ScalingReplicaSet", "Scaled up replica set %s to 6 from 5" % d.rs[41].name, scale2, component="deployment-controller")
    hpa_ref = ("HorizontalPodAutoscaler", "search", "shop", "autoscaling/v2")
    s.event(hpa_ref, "SuccessfulRescale", "New size: 5; reason: cpu resource utilization (percentage of request) above target",
            scale1, component="horizontal-pod-autoscaler")
    s.event(hpa_ref, "SuccessfulRescale", "New size: 6; reason: cpu resource utilization (percentage of request) above target",
            scale2, component="horizontal-pod-autoscaler")
    for p in new:
        s.event(d.rs[41], "SuccessfulCreate", "Created pod: %s" % p.name, p.created, component="replicaset-controller")
        container_events(s, p, pulled_fresh=True, pull_s=6.8)
    s.extra_k8s["hpa.yaml"] = [hpa_doc(s, "search", "shop", "search", 3, 6, 6, 11, [
        ("AbleToScale", "True", "ReadyForNewScale", "recommended size matches current size", "18:02:32"),
        ("ScalingActive", "True", "ValidMetricFound",
         "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)",
         "2026-03-18T09:31:10Z"),
        ("ScalingLimited", "True", "TooManyReplicas", "the desired replica count is more than the maximum replica count",
         "18:02:17")], current_cpu=(128, "641m"), last_scale="18:02:17")]

    def desired(t):
        if t < promo + secs(40):
            return 3
        if t < scale2:
            return 5
        return min(11, 6 + int((t - scale2).total_seconds() // 60))

    hpa_metrics(s, "search", "shop", 3, 6, lambda t: 3 if t < scale1 else 5 if t < scale2 else 6, desired)
    healthy_service(s, "catalog", "java", replicas=2, rate=22.0, version="6.0.2", rev=33, rev_at="2026-03-12T10:31:00Z",
                    routes=(("GET", "/api/products/{id}", 1.0),), mem="1Gi")
    return finish(s)


@scenario
def cpu_throttling():
    s = Scenario(
        "cpu-throttling", "2026-03-21T11:55:00Z", "shop", "pricing", "why is pricing slow?",
        "A cost-saving rollout of pricing at 11:40 (revision 18, Argo CD sync of carol's \"right-size CPU\" commit) "
        "lowered the CPU limit from 1000m to 200m. The JVMs are now throttled in about 70 % of CFS periods and p99 "
        "latency went from 0.12 s to about 2.5 s.",
        ("cpu-throttling", "Deployment", "shop", "pricing"), onset="11:41:00", channel="#inc-pricing")
    img = "registry.example.com/shop/pricing:5.4.2"
    c = container("pricing", img, "java", mem="1Gi", mem_req="768Mi", cpu="1000m", cpu_req="500m")
    t17 = template("pricing", [c], version="5.4.2")
    t18 = with_container(t17, limits={"cpu": "200m"}, requests={"cpu": "200m"})
    d = s.deployment("pricing", 3, "2025-08-11T14:00:00Z", [(16, "2026-02-27T10:00:00Z", with_container(t17, image="registry.example.com/shop/pricing:5.4.1", version="5.4.1")),
                                                           (17, "2026-03-02T16:21:40Z", t17), (18, "11:40:09", t18)], "java")
    olds, news = simple_rollout(d, 17, 18, "11:40:09", 3, [N3, N1, N2], "2026-03-02T16:21:50Z", step=52,
                                new_runs=lambda i, c_: running(c_ + secs(2)), new_kw=lambda i: {"ready_delay": 50})
    onset = s.at("11:41:00")
    d.throttle_fn = lambda p, t, rng: rng.uniform(0.01, 0.04) if p.rev == 17 else rng.uniform(0.64, 0.76)

    def lat(t):
        if t < onset:
            return (0.032, 0.12)
        return (0.42, 2.5)

    s.traffic_specs.append(Traffic(d, lambda t: 19.0 * wave(t), lambda t: 0.0012 if t < onset else 0.006, lat,
                                   style="micrometer-hist",
                                   routes=(("GET", "/api/prices/{sku}", 0.85), ("POST", "/api/quotes", 0.15)), err_code="503"))
    pkg = "com.acme.pricing"
    slow = lambda p, t, rng: java_line(t, "WARN", "http-nio-8080-exec-%d" % rng.randint(1, 30), pkg + ".web.RequestTimingFilter",  # noqa: E731
                                       "slow request GET /api/prices/%s took %d ms (threshold 1000 ms)" % (rid(rng, "sku-"), safe_number(rng, 1100, 3400)))
    s.log_plans["pricing"] = LogPlan(
        java_normal(pkg, [("GET", "/api/prices/{id}", "200", "PriceController")], ms=(20, 140)), every=30,
        startup=java_startup(pkg, "PricingApplication", "5.4.2", boot_s=47.2),
        streams=[(onset, s.now, 15, slow, "error")])
    rollout_events(s, d, 17, 18, None, [s.at("11:40:09"), s.at("11:41:01"), s.at("11:41:53")], 3)
    rs_pod_events(s, d, news, olds)
    for p in news:
        container_events(s, p)
        s.event(p, "Unhealthy", 'Readiness probe failed: Get "http://%s:8080/actuator/health/readiness": context deadline '
                "exceeded (Client.Timeout exceeded while awaiting headers)" % p.ip, p.created + secs(20), p.created + secs(45), 5,
                type_="Warning", host=p.node, field_path="spec.containers{pricing}")
    old_sha, new_sha = sha40("pricing 5.4.2"), sha40("right-size pricing cpu")
    argo_app(s, "pricing", "shop", "https://github.com/acme-shop/shop-deploy.git", "apps/pricing/overlays/prod", [
        (9, old_sha, "2026-03-02T16:21:30Z", "2026-03-02T16:21:52Z", "bob <bob@acme-shop.example>", "2026-03-02T16:10:00Z",
         "pricing: release 5.4.2"),
        (10, new_sha, "11:39:51", "11:40:12", "carol <carol@acme-shop.example>", "11:31:18",
         "pricing: right-size CPU (FinOps review FIN-233)\n\nAverage usage is 140m; set request=limit=200m.")],
        images=[img], resources=[("apps", "v1", "Deployment", "pricing", "deployment.apps/pricing configured")])
    healthy_service(s, "cart", "node", replicas=2, rate=31.0, version="5.2.1", rev=31, rev_at="2026-03-09T09:15:40Z",
                    routes=(("GET", "/api/cart/{id}", 1.0),))
    return finish(s)


@scenario
def node_memory_pressure():
    s = Scenario(
        "node-memory-pressure", "2026-03-22T07:16:00Z", "shop", "cart", "why is cart 5xx?",
        "A batch job in another namespace exhausted the memory of node ip-10-0-3-17, which reports MemoryPressure "
        "from 07:02 and evicted both cart pods it was running. One replacement runs elsewhere, the other is Pending "
        "because the remaining nodes lack memory, and the two surviving pods cannot carry the morning traffic.",
        ("node-pressure", "Node", "", "ip-10-0-3-17"), onset="07:03:00", channel="#inc-cart")
    pressure = s.at("07:02:10")
    s.node_state[N3] = {"conditions": {"MemoryPressure": ("True", "KubeletHasInsufficientMemory",
                                                          "kubelet has insufficient memory available", pressure)},
                        "taints": [{"effect": "NoSchedule", "key": "node.kubernetes.io/memory-pressure",
                                    "timeAdded": iso(pressure)}]}
    c = container("cart", "registry.example.com/shop/cart:5.2.1", "node", mem="1536Mi", mem_req="512Mi", cpu="1",
                  cpu_req="250m", env=[{"name": "REDIS_URL", "value": "redis://cart-redis.shop.svc.cluster.local:6379"}])
    d = s.deployment("cart", 3, "2025-05-20T09:00:00Z", [(31, "2026-03-09T09:15:40Z", template("cart", [c], version="5.2.1"))], "node", port=3000)
    started = s.at("2026-03-19T22:40:00Z")
    ev1, ev2 = s.at("07:02:40"), s.at("07:03:05")
    msg = ("The node was low on resource: memory. Threshold quantity: 100Mi, available: %dKi. Container cart was using "
           "%dKi, request is 512Mi, has larger consumption of request. ")
    a = d.pod(31, N3, started, running(started + secs(2)), evicted={"at": ev1, "message": msg % (81204, 716800)})
    b = d.pod(31, N3, started + secs(13), running(started + secs(15)), evicted={"at": ev2, "message": msg % (90112, 702464)})
    c1 = d.pod(31, N1, started + secs(26), running(started + secs(28)))
    r1 = d.pod(31, N2, ev1 + secs(1), running(ev1 + secs(9)))
    unsched = ("0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/memory-pressure: }, "
               "2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, "
               "2 No preemption victims found for incoming pod.")
    r2 = d.pod(31, None, ev2 + secs(1), [], scheduled=False, unschedulable_message=unsched)
    d.conditions = [
        {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability.",
         "lastTransitionTime": "2025-05-20T09:01:02Z", "lastUpdateTime": "2025-05-20T09:01:02Z"},
        {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable",
         "message": 'ReplicaSet "%s" has successfully progressed.' % d.rs[31].name,
         "lastTransitionTime": "2025-05-20T09:00:00Z", "lastUpdateTime": "2026-03-09T09:16:52Z"}]
    onset = s.at("07:03:00")
    morning = lambda t: 30.0 + 14.0 * (t - s.start).total_seconds() / 4200.0  # noqa: E731
    s.traffic_specs.append(Traffic(d, lambda t: morning(t) * wave(t),
                                   lambda t: 0.0012 if t < onset else ramp(t, onset, onset + mins(3), 0.06, 0.11) * wave(t, 190, 0.1),
                                   lambda t: (0.012, 0.09) if t < onset else (0.04, 0.6),
                                   routes=(("GET", "/api/cart/{id}", 0.7), ("PUT", "/api/cart/{id}", 0.3)), err_code="503"))
    shed = lambda p, t, rng: node_line(t, "WARN", "overload", "shed request %s /api/cart/%s: event loop delay %dms over limit" % (  # noqa: E731
        rng.choice(["GET", "PUT"]), rid(rng, ""), safe_number(rng, 300, 900)))
    s.log_plans["cart"] = LogPlan(node_normal("http", [("GET", "/api/cart/{id}", 200), ("PUT", "/api/cart/{id}", 200)]), every=30,
                                  startup=node_startup("app", "cart", "5.2.1"), streams=[(onset, s.now, 9, shed, "error")])
    node = ("Node", N3, "", "v1")
    s.event_v1(node, "NodeHasInsufficientMemory", "Node %s status is now: NodeHasInsufficientMemory" % N3, pressure,
               controller="kubelet", instance=N3, action="NodeStatusChange")
    s.event_v1(node, "EvictionThresholdMet", "Attempting to reclaim memory", pressure + secs(1), type_="Warning",
               controller="kubelet", instance=N3, action="Evicting", count=4, last=ev2)
    for p in (a, b):
        s.event_v1(p, "Evicted", p.evicted["message"], p.evicted["at"], type_="Warning", controller="kubelet",
                   instance=N3, action="Evicting")
        s.event_v1(p, "Killing", "Stopping container cart", p.evicted["at"] + secs(0.5), controller="kubelet",
                   instance=N3, action="Killing", field_path="spec.containers{cart}")
    for p in (r1, r2):
        s.event_v1(d.rs[31], "SuccessfulCreate", "Created pod: %s" % p.name, p.created, controller="replicaset-controller",
                   instance="replicaset-controller", action="Create")
    s.event_v1(r1, "Scheduled", "Successfully assigned shop/%s to %s" % (r1.name, N2), r1.created, controller="default-scheduler",
               instance="default-scheduler-ip-10-0-0-11", action="Binding")
    for reason, note, dt_ in (("Pulled", 'Container image "registry.example.com/shop/cart:5.2.1" already present on machine', 7),
                              ("Created", "Created container cart", 8), ("Started", "Started container cart", 9)):
        s.event_v1(r1, reason, note, r1.created + secs(dt_), controller="kubelet", instance=N2, action=reason,
                   field_path="spec.containers{cart}")
    s.event_v1(r2, "FailedScheduling", unsched, r2.created, type_="Warning", controller="default-scheduler",
               instance="default-scheduler-ip-10-0-0-11", action="Scheduling", count=14, last=s.now - secs(25))
    gauge_series(s, "kube-state-metrics.om", "kube_node_status_condition", "The condition of a cluster node.",
                 [("node", N3), ("condition", "MemoryPressure"), ("status", "true")], lambda t: int(t >= pressure))
    for n in (N1, N2):
        gauge_series(s, "kube-state-metrics.om", "kube_node_status_condition", "The condition of a cluster node.",
                     [("node", n), ("condition", "MemoryPressure"), ("status", "true")], lambda t: 0)
    healthy_service(s, "checkout", "java", replicas=2, rate=12.0, version="1.9.4", rev=44, rev_at="2026-03-18T10:20:08Z",
                    routes=(("POST", "/api/checkout", 1.0),), mem="768Mi", nodes=[N1, N2])
    return finish(s)


@scenario
def probe_misconfig():
    s = Scenario(
        "probe-misconfig", "2026-03-23T16:20:00Z", "shop", "inventory", "why is inventory restarting?",
        "A rollout of inventory at 16:05 (revision 27, Argo CD sync of dave's \"standardise health endpoints\") moved "
        "the liveness probe from /healthz to /health, a path the service does not serve. Every pod now answers the "
        "probe with 404 and is restarted about every 30 seconds, while the application itself logs no errors.",
        ("probe-misconfig", "Deployment", "shop", "inventory"), onset="16:06:00", channel="#inc-inventory")
    img = "registry.example.com/shop/inventory:3.2.0"
    c = container("inventory", img, "go", mem="256Mi", cpu="500m", cpu_req="100m",
                  liveness=http_probe("/healthz", delay=10, period=10), readiness=http_probe("/readyz", delay=3, period=5))
    t26 = template("inventory", [c], version="3.2.0")
    t27 = with_container(t26, livenessProbe=http_probe("/health", delay=10, period=10))
    d = s.deployment("inventory", 3, "2025-07-07T10:00:00Z", [(26, "2026-03-12T11:00:00Z", t26), (27, "16:05:12", t27)], "go",
                     strategy={"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}})
    rng = random.Random("probe/runs")
    runs = {}

    def new_runs(i, created):
        r, bo = crash_runs(created + secs(2), s.now, 31, "Completed", 0, rng, jitter=0.06)
        runs[i] = bo
        return r

    olds, news = simple_rollout(d, 26, 27, "16:05:12", 3, [N2, N3, N1], "2026-03-12T11:00:10Z", step=9,
                                new_runs=new_runs, new_kw=lambda i: {"ready_delay": 4})
    for i, p in enumerate(news):
        p.backoff = runs[i]
    s.traffic_specs.append(Traffic(d, lambda t: 42.0 * wave(t), lambda t: 0.0009 if t < s.at("16:06:00") else 0.006,
                                   lambda t: (0.004, 0.03), routes=(("GET", "/api/stock/{sku}", 0.8), ("POST", "/api/reservations", 0.2)),
                                   err_code="502", gateway=("ingress-gateway-7c9f8d6b5-hx2lp", lambda t: 0.0)))

    def shutdown(p, run, rng_):
        return [(secs(-0.6), go_line(run.end - secs(0.6), "INFO", "cmd/inventory/main.go:88", "received signal, shutting down",
                                     {"signal": "terminated"}), None),
                (secs(-0.1), go_line(run.end - secs(0.1), "INFO", "cmd/inventory/main.go:97", "http server stopped",
                                     {"inflight_drained": rng_.randint(0, 6)}), None)]

    def probes(p, t, rng_):
        return go_line(t, "INFO", "server/http.go:118", "request served",
                       {"method": "GET", "path": "/health", "status": 404, "duration_ms": 0.1, "user_agent": "kube-probe/1.30"})

    s.log_plans["inventory"] = LogPlan(
        go_normal("server/http.go:118", [("GET", "/api/stock/{id}", 200), ("POST", "/api/reservations", 201),
                                         ("GET", "/readyz", 200)], ms=(0.5, 12)), every=6,
        startup=go_startup("cmd/inventory/main.go:41", "3.2.0", extra=[(0.1, "connected to redis", {"addr": "inventory-redis:6379"})]),
        streams=[(s.at("16:05:12"), s.now, 10, probes, None)], on_end=shutdown)
    dep = d
    for k, t in enumerate([s.at("16:05:12"), s.at("16:05:21"), s.at("16:05:30")]):
        s.event_v1(dep, "ScalingReplicaSet", "Scaled up replica set %s to %d%s" % (d.rs[27].name, k + 1, "" if k == 0 else " from %d" % k),
                   t, controller="deployment-controller", instance="deployment-controller", action="ScalingReplicaSet")
        s.event_v1(dep, "ScalingReplicaSet", "Scaled down replica set %s to %d from %d" % (d.rs[26].name, 2 - k, 3 - k),
                   t + secs(9), controller="deployment-controller", instance="deployment-controller", action="ScalingReplicaSet")
    fp = "spec.containers{inventory}"
    for p in news:
        n = len(p.runs)
        first_kill = p.runs[0].end
        last_fail = p.runs[-1].end or s.now - secs(3)
        s.event_v1(p, "Scheduled", "Successfully assigned shop/%s to %s" % (p.name, p.node), p.created,
                   controller="default-scheduler", instance="default-scheduler-ip-10-0-0-11", action="Binding")
        s.event_v1(p, "Pulled", 'Container image "%s" already present on machine' % img, p.runs[0].start - secs(1),
                   controller="kubelet", instance=p.node, action="Pulled", count=n, last=p.runs[-1].start - secs(1), field_path=fp)
        s.event_v1(p, "Started", "Started container inventory", p.runs[0].start, controller="kubelet", instance=p.node,
                   action="Started", count=n, last=p.runs[-1].start, field_path=fp)
        s.event_v1(p, "Unhealthy", "Liveness probe failed: HTTP probe failed with statuscode: 404", first_kill - secs(20),
                   type_="Warning", controller="kubelet", instance=p.node, action="Unhealthy", count=3 * n,
                   last=last_fail - secs(0.5), field_path=fp)
        s.event_v1(p, "Killing", "Container inventory failed liveness probe, will be restarted", first_kill - secs(0.3),
                   controller="kubelet", instance=p.node, action="Killing", count=n - (p.runs[-1].end is None),
                   last=last_fail - secs(0.3), field_path=fp)
        s.event_v1(p, "BackOff", "Back-off restarting failed container inventory in pod %s_shop(%s)" % (p.name, p.uid),
                   first_kill + secs(1), type_="Warning", controller="kubelet", instance=p.node, action="BackOff",
                   count=max(2, n * 3), last=s.now - secs(6), field_path=fp)
    for p in olds:
        s.event_v1(p, "Killing", "Stopping container inventory", p.deleted - secs(1), controller="kubelet",
                   instance=p.node, action="Killing", field_path=fp)
    old_sha, new_sha = sha40("inventory 3.2.0"), sha40("standardise health endpoints")
    argo_app(s, "inventory", "shop", "https://github.com/acme-shop/shop-deploy.git", "apps/inventory/overlays/prod", [
        (14, old_sha, "2026-03-12T10:59:50Z", "2026-03-12T11:00:13Z", "bob <bob@acme-shop.example>", "2026-03-12T10:41:00Z",
         "inventory: release 3.2.0"),
        (15, new_sha, "16:04:58", "16:05:15", "dave <dave@acme-shop.example>", "16:01:07",
         "inventory: standardise health endpoints (PLAT-88)\n\nAll services use /health for liveness now.")],
        health="Progressing", images=[img], resources=[("apps", "v1", "Deployment", "inventory", "deployment.apps/inventory configured")])
    healthy_service(s, "orders", "java", replicas=2, rate=20.0, version="4.3.1", rev=22, rev_at="2026-03-17T13:30:00Z",
                    routes=(("GET", "/api/orders/{id}", 1.0),), mem="1Gi")
    return finish(s)


@scenario
def image_pull_failure():
    s = Scenario(
        "image-pull-failure", "2026-03-24T12:44:00Z", "shop", "reviews", "why is reviews down?",
        "At 12:30 a deploy workflow set reviews' image to registry.example.com/shop/reviews:2.4.1, which was never "
        "pushed because its release build had failed. The rollout removed two of the four old pods (maxUnavailable "
        "50 %), the two new pods are stuck in ImagePullBackOff, and the two survivors shed load with 503s.",
        ("image-pull", "Deployment", "shop", "reviews"), onset="12:31:00", channel="#inc-reviews")
    img = lambda v: "registry.example.com/shop/reviews:" + v  # noqa: E731
    c = container("reviews", img("2.4.0"), "node", mem="512Mi", cpu="500m", cpu_req="200m",
                  env=[{"name": "RATINGS_URL", "value": "http://ratings.shop.svc.cluster.local:9080"}])
    t8 = template("reviews", [c], version="2.4.0")
    t9 = with_container(t8, image=img("2.4.1"), version="2.4.1")
    roll = s.at("12:30:05")
    d = s.deployment("reviews", 4, "2025-04-14T09:00:00Z", [(7, "2026-03-05T10:00:00Z", with_container(t8, image=img("2.3.9"), version="2.3.9")),
                                                           (8, "2026-03-19T15:12:00Z", t8), (9, "12:30:05", t9)], "node", port=3000,
                     strategy={"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 0, "maxUnavailable": "50%"}})
    d.old_rs_replicas = {8: 2}
    started = s.at("2026-03-19T15:12:10Z")
    olds = []
    for i, node in enumerate((N1, N2, N3, N1)):
        st = started + secs(12 * i)
        olds.append(d.pod(8, node, st, running(st + secs(2)), deleted=roll + secs(1) if i < 2 else None))
    wait = ("ImagePullBackOff", 'Back-off pulling image "%s"' % img("2.4.1"))
    news = [d.pod(9, N2, roll + secs(0.5), [], waiting=wait), d.pod(9, N3, roll + secs(0.6), [], waiting=wait)]
    d.conditions = [
        {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability.",
         "lastTransitionTime": "2026-03-19T15:12:40Z", "lastUpdateTime": "2026-03-19T15:12:40Z"},
        {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded",
         "message": 'ReplicaSet "%s" has timed out progressing.' % d.rs[9].name,
         "lastTransitionTime": iso(roll + secs(600)), "lastUpdateTime": iso(roll + secs(600))}]
    onset = s.at("12:31:00")
    s.traffic_specs.append(Traffic(d, lambda t: 36.0 * wave(t), lambda t: 0.0012 if t < onset else 0.14 * wave(t, 170, 0.1),
                                   lambda t: (0.02, 0.15) if t < roll else (0.09, 1.1), histogram=True,
                                   routes=(("GET", "/api/reviews/{id}", 0.85), ("POST", "/api/reviews", 0.15)), err_code="503"))
    shed = lambda p, t, rng: node_line(t, "WARN", "overload", "shed request GET /api/reviews/%s: event loop delay %dms over limit" % (  # noqa: E731
        rid(rng, ""), safe_number(rng, 300, 900)))
    s.log_plans["reviews"] = LogPlan(node_normal("http", [("GET", "/api/reviews/{id}", 200), ("POST", "/api/reviews", 201)]),
                                     every=30, streams=[(onset, s.now, 10, shed, "error")])
    s.event(d, "ScalingReplicaSet", "Scaled down replica set %s to 2 from 4" % d.rs[8].name, roll, component="deployment-controller")
    s.event(d, "ScalingReplicaSet", "Scaled up replica set %s to 2" % d.rs[9].name, roll + secs(0.4), component="deployment-controller")
    rs_pod_events(s, d, news, olds[:2])
    fp = "spec.containers{reviews}"
    for p in news:
        s.event(p, "Scheduled", "Successfully assigned shop/%s to %s" % (p.name, p.node), p.created, component="default-scheduler")
        s.event(p, "Pulling", 'Pulling image "%s"' % img("2.4.1"), p.created + secs(1), s.now - secs(150), 7, host=p.node, field_path=fp)
        s.event(p, "Failed", 'Failed to pull image "{0}": rpc error: code = NotFound desc = failed to pull and unpack image "{0}": '
                'failed to resolve reference "{0}": {0}: not found'.format(img("2.4.1")), p.created + secs(2), s.now - secs(149), 7,
                type_="Warning", host=p.node, field_path=fp)
        s.event(p, "Failed", "Error: ErrImagePull", p.created + secs(2), s.now - secs(149), 7, type_="Warning", host=p.node, field_path=fp)
        s.event(p, "BackOff", 'Back-off pulling image "%s"' % img("2.4.1"), p.created + secs(3), s.now - secs(8), 61,
                type_="Warning", host=p.node, field_path=fp)
        s.event(p, "Failed", "Error: ImagePullBackOff", p.created + secs(3), s.now - secs(8), 61, type_="Warning", host=p.node, field_path=fp)
    s.event(d, "ProgressDeadlineExceeded", 'ReplicaSet "%s" has timed out progressing.' % d.rs[9].name, roll + secs(600),
            type_="Warning", component="deployment-controller")
    github_runs(s, "acme-shop", "reviews", [
        dict(name="release", event="push", branch="v2.4.1", sha=sha40("reviews 2.4.1"), created="12:18:40", updated="12:24:02",
             actor="henry", conclusion="failure", number=318, message="release 2.4.1: show verified-buyer badge",
             commit_time="12:17:55"),
        dict(name="deploy-prod", event="workflow_dispatch", branch="main", sha=sha40("reviews 2.4.1"), created="12:29:31",
             updated="12:30:20", actor="henry", conclusion="success", number=97, workflow="deploy-prod.yml",
             message="release 2.4.1: show verified-buyer badge", commit_time="12:17:55"),
        dict(name="release", event="push", branch="v2.4.0", sha=sha40("reviews 2.4.0"), created="2026-03-19T14:51:02Z",
             updated="2026-03-19T14:58:40Z", actor="henry", conclusion="success", number=317,
             message="release 2.4.0", commit_time="2026-03-19T14:50:31Z"),
    ])
    healthy_service(s, "ratings", "go", replicas=2, rate=30.0, version="1.6.0", rev=12, rev_at="2026-03-01T12:00:00Z",
                    routes=(("GET", "/ratings/{id}", 1.0),), port=9080)
    return finish(s)


@scenario
def configmap_change():
    s = Scenario(
        "configmap-change", "2026-03-25T13:27:00Z", "shop", "checkout", "why is checkout 5xx?",
        "At 13:12 someone ran kubectl edit on the ConfigMap checkout-config and set PAYMENT_TIMEOUT_MS to \"50\" "
        "(it was \"5000\"); checkout hot-reloads its mounted config, so no rollout happened. From 13:13 most payment "
        "calls time out after 50 ms and checkout answers 500, while payments itself is healthy and fast.",
        ("config-change", "ConfigMap", "shop", "checkout-config"), onset="13:13:00", channel="#inc-checkout")
    s.list_files.add("checkout")
    changed = s.at("13:12:20")
    reload_at = s.at("13:12:58")
    c = container("checkout", "registry.example.com/shop/checkout:1.9.6", "java", mem="768Mi", mem_req="512Mi",
                  env=[{"name": "PAYMENTS_URL", "value": "http://payments.shop.svc.cluster.local:8080"},
                       {"name": "SPRING_CONFIG_IMPORT", "value": "optional:configtree:/etc/checkout/"}],
                  mounts=[{"mountPath": "/etc/checkout", "name": "config", "readOnly": True}])
    t = template("checkout", [c], version="1.9.6", volumes=[{"name": "config", "configMap": {"defaultMode": 420, "name": "checkout-config"}}])
    d = s.deployment("checkout", 3, "2025-11-03T09:12:44Z", [(60, "2026-03-20T11:02:00Z", t)], "java")
    for i, node in enumerate((N3, N1, N2)):
        st = s.at("2026-03-20T11:02:10Z") + secs(19 * i)
        d.pod(60, node, st, running(st + secs(3)))
    onset = s.at("13:13:00")
    s.traffic_specs.append(Traffic(d, lambda t: 23.0 * wave(t), lambda t: 0.0011 if t < onset else 0.37 * wave(t, 210, 0.05),
                                   lambda t: (0.05, 0.3), routes=(("GET", "/api/orders/{id}", 0.6), ("POST", "/api/checkout", 0.4)),
                                   err_code="500"))
    pkg = "com.acme.checkout"
    reload = lambda p, t, rng: [  # noqa: E731
        java_line(t, "INFO", "config-watcher", pkg + ".config.ConfigTreeWatcher",
                  "change detected in /etc/checkout (..2026_03_25_13_12_58.%d), refreshing configuration" % safe_number(rng, 100000000, 999999999)),
        java_line(t + secs(0.3), "INFO", "config-watcher", "o.s.c.c.refresh.ContextRefresher", "Refresh keys changed: [PAYMENT_TIMEOUT_MS]")]
    timeout = lambda p, t, rng: java_line(  # noqa: E731
        t, "ERROR", "http-nio-8080-exec-%d" % rng.randint(1, 20), pkg + ".payments.PaymentClient",
        "timeout calling payments after 50ms (POST http://payments.shop.svc.cluster.local:8080/v1/charges, order %s)" % rid(rng, "ord-"))
    s.log_plans["checkout"] = LogPlan(
        java_normal(pkg, [("GET", "/api/orders/{id}", "200", "OrderController"), ("POST", "/api/checkout", "201", "CheckoutController")]),
        every=30, streams=[(reload_at, reload_at + secs(5), 10, reload, "any"), (onset, s.now, 7, timeout, "DOWNSTREAM_ERROR@payments")])
    data = OrderedDict([("CART_TIMEOUT_MS", "800"), ("FEATURE_EXPRESS_CHECKOUT", "true"), ("PAYMENT_RETRIES", "1"),
                        ("PAYMENT_TIMEOUT_MS", "50")])
    applied = dict(data, PAYMENT_TIMEOUT_MS="5000")
    last_applied = json.dumps({"apiVersion": "v1", "data": applied, "kind": "ConfigMap", "metadata": {
        "annotations": {}, "name": "checkout-config", "namespace": "shop"}}, separators=(",", ":"), sort_keys=True) + "\n"
    mf = [managed("kubectl-client-side-apply", "Update", s.at("2026-02-17T10:04:51Z"),
                  {"f:data": {".": {}, "f:CART_TIMEOUT_MS": {}, "f:FEATURE_EXPRESS_CHECKOUT": {}, "f:PAYMENT_RETRIES": {}, "f:PAYMENT_TIMEOUT_MS": {}},
                   "f:metadata": {"f:annotations": {".": {}, "f:kubectl.kubernetes.io/last-applied-configuration": {}}}}),
          managed("kubectl-edit", "Update", changed, {"f:data": {"f:PAYMENT_TIMEOUT_MS": {}}})]
    s.extra_k8s["configmaps.yaml"] = [
        configmap_doc(s, "checkout-config", "shop", "2025-11-03T09:12:40Z", data, managed_fields=mf,
                      annotations={"kubectl.kubernetes.io/last-applied-configuration": last_applied}, labels={"app": "checkout"}),
        configmap_doc(s, "payments-config", "shop", "2025-08-21T13:39:00Z", OrderedDict([("LOG_LEVEL", "info"), ("STRIPE_TIMEOUT", "8s")]),
                      labels={"app": "payments"})]
    healthy_service(s, "payments", "go", replicas=2, rate=9.0, version="3.14.2", rev=13, rev_at="2026-03-17T12:00:00Z",
                    routes=(("POST", "/v1/charges", 1.0),), lat=(0.062, 0.14), histogram=True)
    healthy_service(s, "cart", "node", replicas=2, rate=33.0, version="5.2.1", rev=31, rev_at="2026-03-09T09:15:40Z",
                    routes=(("GET", "/api/cart/{id}", 1.0),))
    return finish(s)


@scenario
def missing_secret():
    s = Scenario(
        "missing-secret", "2026-03-26T09:05:00Z", "shop", "payments", "why is payments down?",
        "A rollout of payments at 08:50 (revision 13, Argo CD sync of frank's commit) reads STRIPE_API_KEY from the "
        "Secret payments-stripe-key, but the ExternalSecret created minutes earlier writes a Secret named "
        "payments-stripe-keys. The new pods fail with CreateContainerConfigError and only one old pod is left serving.",
        ("missing-config-object", "Secret", "shop", "payments-stripe-key"), onset="08:51:00", channel="#inc-payments")
    img = "registry.example.com/shop/payments:3.15.0"
    c = container("payments", img, "go", mem="256Mi", cpu="500m", cpu_req="200m",
                  env=[{"name": "STRIPE_API_URL", "value": "https://api.stripe.com"}])
    t12 = template("payments", [c], version="3.15.0")
    t13 = with_container(t12, add_env=[{"name": "STRIPE_API_KEY", "valueFrom": {"secretKeyRef": {"name": "payments-stripe-key", "key": "api-key"}}}])
    roll = s.at("08:50:11")
    d = s.deployment("payments", 2, "2025-08-21T13:40:00Z", [(12, "2026-03-24T10:12:00Z", t12), (13, "08:50:11", t13)], "go",
                     strategy={"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 1}})
    d.old_rs_replicas = {12: 1}
    st = s.at("2026-03-24T10:12:08Z")
    o1 = d.pod(12, N1, st, running(st + secs(2)), deleted=roll + secs(1))
    o2 = d.pod(12, N3, st + secs(9), running(st + secs(11)))
    wait = ("CreateContainerConfigError", 'secret "payments-stripe-key" not found')
    n1 = d.pod(13, N2, roll + secs(0.3), [], waiting=wait)
    n2 = d.pod(13, N1, roll + secs(1.4), [], waiting=wait)
    d.conditions = [
        {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability.",
         "lastTransitionTime": "2026-03-24T10:12:30Z", "lastUpdateTime": "2026-03-24T10:12:30Z"},
        {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded",
         "message": 'ReplicaSet "%s" has timed out progressing.' % d.rs[13].name,
         "lastTransitionTime": iso(roll + secs(600)), "lastUpdateTime": iso(roll + secs(600))}]
    onset = s.at("08:51:00")
    s.traffic_specs.append(Traffic(d, lambda t: 16.0 * wave(t), lambda t: 0.001 if t < onset else 0.24 * wave(t, 150, 0.08),
                                   lambda t: (0.06, 0.3), routes=(("POST", "/v1/charges", 0.8), ("GET", "/v1/charges/{id}", 0.2)),
                                   err_code="503"))
    limit = lambda p, t, rng: go_line(t, "WARN", "server/limit.go:42", "concurrency limit reached, rejecting request", {  # noqa: E731
        "inflight": 64, "path": "/v1/charges"})
    s.log_plans["payments"] = LogPlan(go_normal("server/http.go:118", [("POST", "/v1/charges", 201), ("GET", "/v1/charges/{id}", 200)]),
                                      every=25, streams=[(onset, s.now, 8, limit, "error")])
    s.event(d, "ScalingReplicaSet", "Scaled up replica set %s to 1" % d.rs[13].name, roll, component="deployment-controller")
    s.event(d, "ScalingReplicaSet", "Scaled down replica set %s to 1 from 2" % d.rs[12].name, roll + secs(0.2), component="deployment-controller")
    s.event(d, "ScalingReplicaSet", "Scaled up replica set %s to 2 from 1" % d.rs[13].name, roll + secs(1.2), component="deployment-controller")
    rs_pod_events(s, d, [n1, n2], [o1])
    fp = "spec.containers{payments}"
    for p in (n1, n2):
        s.event(p, "Scheduled", "Successfully assigned shop/%s to %s" % (p.name, p.node), p.created, component="default-scheduler")
        s.event(p, "Pulled", 'Container image "%s" already present on machine' % img, p.created + secs(2), s.now - secs(20), 68,
                host=p.node, field_path=fp)
        s.event(p, "Failed", 'Error: secret "payments-stripe-key" not found', p.created + secs(2), s.now - secs(20), 68,
                type_="Warning", host=p.node, field_path=fp)
    es = {"apiVersion": "external-secrets.io/v1beta1", "kind": "ExternalSecret",
          "metadata": obj_meta(s, "payments-stripe-keys", "shop", s.at("08:46:52"), generation=1, labels={"app": "payments"},
                               uid=make_uid(s.name + "/es")),
          "spec": {"refreshInterval": "1h", "secretStoreRef": {"kind": "ClusterSecretStore", "name": "aws-secrets-manager"},
                   "target": {"name": "payments-stripe-keys", "creationPolicy": "Owner"},
                   "data": [{"secretKey": "api-key", "remoteRef": {"key": "prod/payments/stripe", "property": "api_key"}}]},
          "status": {"binding": {"name": "payments-stripe-keys"}, "refreshTime": "2026-03-26T08:46:54Z", "syncedResourceVersion": "1-8c3f0e1d",
                     "conditions": [{"type": "Ready", "status": "True", "reason": "SecretSynced", "message": "Secret was synced",
                                     "lastTransitionTime": "2026-03-26T08:46:54Z"}]}}
    secret = {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
              "metadata": obj_meta(s, "payments-stripe-keys", "shop", s.at("08:46:54"), labels={"reconcile.external-secrets.io/created-by": "payments-stripe-keys"},
                                   owner={"apiVersion": "external-secrets.io/v1beta1", "kind": "ExternalSecret", "name": "payments-stripe-keys",
                                          "uid": make_uid(s.name + "/es"), "controller": True, "blockOwnerDeletion": True},
                                   uid=make_uid(s.name + "/secret")),
              "data": {"api-key": "UkVEQUNURUQtc2NlbmFyaW8tcGxhY2Vob2xkZXI="}}
    s.extra_k8s["secrets.yaml"] = [es, secret]
    sha_es, sha_dep = sha40("add stripe external secret"), sha40("payments read stripe key from secret")
    argo_app(s, "payments", "shop", "https://github.com/acme-shop/shop-deploy.git", "apps/payments/overlays/prod", [
        (22, sha40("payments 3.15.0"), "2026-03-24T10:11:50Z", "2026-03-24T10:12:10Z", "bob <bob@acme-shop.example>",
         "2026-03-24T10:02:00Z", "payments: release 3.15.0"),
        (23, sha_es, "08:46:40", "08:46:55", "frank <frank@acme-shop.example>", "08:44:12",
         "payments: sync Stripe API key from Secrets Manager (PAY-301)"),
        (24, sha_dep, "08:49:58", "08:50:14", "frank <frank@acme-shop.example>", "08:48:30",
         "payments: read Stripe API key from secret instead of config (PAY-301)")],
        health="Degraded", images=[img], resources=[
            ("apps", "v1", "Deployment", "payments", "deployment.apps/payments configured"),
            ("external-secrets.io", "v1beta1", "ExternalSecret", "payments-stripe-keys", "externalsecret.external-secrets.io/payments-stripe-keys unchanged")])
    healthy_service(s, "cart", "node", replicas=2, rate=28.0, version="5.2.1", rev=31, rev_at="2026-03-09T09:15:40Z",
                    routes=(("GET", "/api/cart/{id}", 1.0),))
    return finish(s)


@scenario
def bad_deploy_crash():
    s = Scenario(
        "bad-deploy-crash", "2026-03-27T15:35:00Z", "shop", "checkout", "why is checkout 5xx?",
        "checkout 2.1.0 rolled out at 15:20 (revision 51, from ivan's build-and-deploy run) and its new tax-rate "
        "warm-up throws a NullPointerException about 40 seconds after start, exiting with code 1. The pods passed "
        "readiness long enough for the rollout to replace every old pod, and all three now crash-loop.",
        ("bad-deploy", "Deployment", "shop", "checkout"), onset="15:21:00", channel="#inc-checkout")
    img = lambda v: "registry.example.com/shop/checkout:" + v  # noqa: E731
    c = container("checkout", img("2.0.0"), "java", mem="768Mi", mem_req="512Mi",
                  env=[{"name": "PAYMENTS_URL", "value": "http://payments.shop.svc.cluster.local:8080"}])
    t50 = template("checkout", [c], version="2.0.0")
    t51 = with_container(t50, image=img("2.1.0"), version="2.1.0")
    d = s.deployment("checkout", 3, "2025-11-03T09:12:44Z", [(49, "2026-03-18T10:20:08Z", with_container(t50, image=img("1.9.4"), version="1.9.4")),
                                                            (50, "2026-03-24T14:02:00Z", t50), (51, "15:20:06", t51)], "java",
                     strategy={"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 1}})
    rng = random.Random("crash")
    bos = {}

    def new_runs(i, created):
        r, bo = crash_runs(created + secs(2), s.now, 41, "Error", 1, rng, jitter=0.08)
        bos[i] = bo
        return r

    olds, news = simple_rollout(d, 50, 51, "15:20:06", 3, [N1, N2, N3], "2026-03-24T14:02:10Z", step=27,
                                new_runs=new_runs, new_kw=lambda i: {"ready_delay": 25})
    for i, p in enumerate(news):
        p.backoff = bos[i]
    d.conditions = [
        {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable",
         "message": 'ReplicaSet "%s" has successfully progressed.' % d.rs[51].name,
         "lastTransitionTime": "2025-11-03T09:12:44Z", "lastUpdateTime": "2026-03-27T15:21:27Z"},
        {"type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable", "message": "Deployment does not have minimum availability.",
         "lastTransitionTime": "2026-03-27T15:21:52Z", "lastUpdateTime": "2026-03-27T15:21:52Z"}]
    onset = s.at("15:21:00")
    s.traffic_specs.append(Traffic(d, lambda t: 25.0 * wave(t), lambda t: 0.0012 if t < onset else 0.3,
                                   lambda t: (0.05, 0.3), routes=(("GET", "/api/orders/{id}", 0.6), ("POST", "/api/checkout", 0.4)),
                                   err_code="502", gateway=("ingress-gateway-7c9f8d6b5-hx2lp", lambda t: 0.0)))
    pkg = "com.acme.checkout"

    def crash(p, run, rng_):
        th = "tax-warmup-1"
        lines = [(-0.2, "ERROR", th, pkg + ".tax.TaxRateWarmer", "tax rate warm-up failed, exiting"),
                 (-0.199, "ERROR", th, pkg + ".tax.TaxRateWarmer",
                  'java.lang.NullPointerException: Cannot invoke "String.isEmpty()" because "this.region" is null')]
        out = [(secs(d_), java_line(run.end + secs(d_), lvl, t_, lg, m_), "error") for d_, lvl, t_, lg, m_ in lines]
        for j, fr in enumerate(("at com.acme.checkout.tax.RegionalTaxRates.key(RegionalTaxRates.java:64)",
                                "at com.acme.checkout.tax.TaxRateWarmer.warm(TaxRateWarmer.java:41)",
                                "at java.base/java.util.concurrent.CompletableFuture$AsyncRun.run(CompletableFuture.java:1804)")):
            out.append((secs(-0.198), "%s \t%s" % (iso_ms(run.end - secs(0.198)), fr), None))
        out.append((secs(-0.1), java_line(run.end - secs(0.1), "INFO", "SpringApplicationShutdownHook",
                                           "o.s.b.w.e.tomcat.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete"), None))
        return out

    s.log_plans["checkout"] = LogPlan(
        java_normal(pkg, [("GET", "/api/orders/{id}", "200", "OrderController"), ("POST", "/api/checkout", "201", "CheckoutController")]),
        every=7, startup=java_startup(pkg, "CheckoutApplication", "2.1.0", boot_s=12.3), on_end=crash)
    rollout_events(s, d, 50, 51, None, [s.at("15:20:06"), s.at("15:20:33"), s.at("15:21:00")], 3)
    rs_pod_events(s, d, news, olds)
    for p in news:
        container_events(s, p, pulled_fresh=True, pull_s=5.6)
        backoff_event(s, p)
    github_runs(s, "acme-shop", "checkout", [
        dict(name="build-and-deploy", event="push", branch="main", sha=sha40("checkout 2.1.0"), created="15:11:40",
             updated="15:20:31", actor="ivan", conclusion="success", number=2262,
             message="feat(tax): per-region tax rate cache with warm-up", commit_time="15:11:12"),
        dict(name="ci", event="pull_request", branch="ivan/regional-tax", sha=sha40("ivan/regional-tax"), created="14:31:03",
             updated="14:39:51", actor="ivan", conclusion="success", number=2259,
             message="feat(tax): per-region tax rate cache with warm-up", commit_time="14:30:40"),
        dict(name="build-and-deploy", event="push", branch="main", sha=sha40("checkout 2.0.0"), created="2026-03-24T13:52:00Z",
             updated="2026-03-24T14:02:30Z", actor="judy", conclusion="success", number=2251,
             message="release 2.0.0", commit_time="2026-03-24T13:51:40Z"),
    ])
    healthy_service(s, "payments", "go", replicas=2, rate=8.0, version="3.15.0", rev=12, rev_at="2026-03-24T10:12:00Z",
                    routes=(("POST", "/v1/charges", 1.0),))
    return finish(s)


@scenario
def crashloop_no_change():
    s = Scenario(
        "crashloop-no-change", "2026-03-28T04:26:00Z", "jobs", "worker", "why is worker restarting?",
        "Since 04:12 the order-events worker panics with a nil pointer dereference on a malformed message at "
        "partition 3, offset 88123411; whichever pod is assigned that partition crashes, restarts and reads the same "
        "message again. Nothing changed: the last rollout was a week ago and no config or infrastructure moved.",
        ("crashloop", "Deployment", "jobs", "worker"), onset="04:12:00", channel="#inc-worker")
    img = "registry.example.com/jobs/worker:1.12.3"
    c = container("worker", img, "go", mem="512Mi", cpu="1", cpu_req="250m", port=9090, port_name="metrics",
                  env=[{"name": "KAFKA_BROKERS", "value": "kafka-0.kafka.data.svc.cluster.local:9092,kafka-1.kafka.data.svc.cluster.local:9092"},
                       {"name": "KAFKA_TOPIC", "value": "order-events"}, {"name": "KAFKA_GROUP", "value": "order-events-worker"}],
                  liveness=http_probe("/healthz", port="metrics", delay=10, period=15),
                  readiness=http_probe("/readyz", port="metrics", delay=3, period=10))
    d = s.deployment("worker", 3, "2025-10-06T09:00:00Z", [(5, "2026-03-13T09:00:00Z", with_container(template("worker", [c], version="1.12.2", team="jobs"), image="registry.example.com/jobs/worker:1.12.2")),
                                                          (6, "2026-03-20T10:14:00Z", template("worker", [c], version="1.12.3", team="jobs"))],
                     "go", ns="jobs", port=9090, port_name="metrics", service_annotations={"prometheus.io/scrape": "true"}, headless=True)
    rng = random.Random("worker")
    started = s.at("2026-03-20T10:14:07Z")
    p1_crash, p2_crash, p3_crash = s.at("04:12:03"), s.at("04:13:41"), s.at("04:18:20")
    r1, bo1 = crash_runs(p1_crash + secs(10), s.now, 9, "Error", 2, rng, jitter=0.2)
    r2, bo2 = crash_runs(p2_crash + secs(10), s.now, 11, "Error", 2, rng, jitter=0.2)
    p1 = d.pod(6, N1, started, [Run(started + secs(2), p1_crash, "Error", 2)] + r1, backoff=bo1, ready_delay=3)
    p2 = d.pod(6, N2, started + secs(11), [Run(started + secs(13), p2_crash, "Error", 2)] + r2, backoff=bo2, ready_delay=3)
    p3 = d.pod(6, N3, started + secs(22), [Run(started + secs(24), p3_crash, "Error", 2),
                                          Run(p3_crash + secs(10), s.at("04:21:02"), "Error", 2),
                                          Run(s.at("04:21:23"))], ready_delay=3)
    partition3 = {p1.name: [(p1_crash - mins(1), p2_crash - secs(20))], p2.name: [(p2_crash - secs(20), p3_crash - secs(30))],
                  p3.name: [(p3_crash - secs(30), s.at("04:21:20"))]}

    def crash(p, run, rng_):
        lines = [(secs(-0.05), go_line(run.end - secs(0.05), "INFO", "consumer/loop.go:74", "processing message",
                                       {"topic": "order-events", "partition": 3, "offset": 88123411, "key": "ord-7QK2M9"}), None)]
        for j, l in enumerate(go_panic_lines(run.end - secs(0.01), "runtime error: invalid memory address or nil pointer dereference", [
                "github.com/acme-shop/worker/internal/orders.(*DiscountApplier).Apply(0x0?, 0xc000a1e2d0)",
                "\t/src/internal/orders/discount.go:57 +0x22",
                "github.com/acme-shop/worker/internal/orders.(*Processor).Handle(0xc0001c4000, {0x1a3c2e0, 0xc000132010}, 0xc000a1e2d0)",
                "\t/src/internal/orders/processor.go:112 +0x1f4",
                "github.com/acme-shop/worker/internal/consumer.(*Loop).run(0xc0002a6000, {0x1a3c2e0, 0xc000132010})",
                "\t/src/internal/consumer/loop.go:81 +0x39a"], goroutine=rng_.randint(30, 90))):
            lines.append((secs(-0.01 + j / 1000), l, "error" if j == 0 else None))
        return lines

    def normal(p, t, rng_):
        parts = [7, 11] if p is p3 else [1, 5, 9]
        return go_line(t, "INFO", "consumer/loop.go:96", "batch committed", {
            "topic": "order-events", "partition": rng_.choice(parts), "messages": rng_.randint(20, 80),
            "duration_ms": round(rng_.uniform(8, 40), 1)})

    def startup(p, run, rng_):
        base = go_startup("cmd/worker/main.go:38", "1.12.3")(p, run, rng_)
        parts = "[3 7 11]" if run.end else "[7 11]"
        base.append((secs(1.2), go_line(run.start + secs(1.2), "INFO", "consumer/group.go:52", "joined consumer group",
                                        {"group": "order-events-worker", "generation": 412 + rng_.randint(1, 40), "partitions": parts})))
        return base

    s.log_plans["worker"] = LogPlan(normal, every=30, startup=startup, on_end=crash)
    fp = "spec.containers{worker}"
    for p in (p1, p2, p3):
        later = p.runs[1:]
        s.event(p, "Pulled", 'Container image "%s" already present on machine' % img, later[0].start - secs(1), later[-1].start - secs(1),
                len(later), host=p.node, field_path=fp)
        s.event(p, "Created", "Created container worker", later[0].start, later[-1].start, len(later), host=p.node, field_path=fp)
        s.event(p, "Started", "Started container worker", later[0].start, later[-1].start, len(later), host=p.node, field_path=fp)
        backoff_event(s, p)
    # consumer lag on the poisoned partition grows from the first crash
    lag_from = p1_crash
    gauge_series(s, "kafka.om", "kafka_consumergroup_lag", "Current approximate lag of a consumer group at topic/partition.",
                 [("consumergroup", "order-events-worker"), ("partition", "3"), ("topic", "order-events")],
                 lambda t: 12 + int(max(0, (t - lag_from).total_seconds()) * 38))
    gauge_series(s, "kafka.om", "kafka_consumergroup_lag", "Current approximate lag of a consumer group at topic/partition.",
                 [("consumergroup", "order-events-worker"), ("partition", "7"), ("topic", "order-events")],
                 lambda t: 9 + int(unix(t) % 7))
    healthy_service(s, "scheduler", "go", ns="jobs", replicas=2, rate=2.0, version="0.9.4", rev=3, rev_at="2026-02-20T10:00:00Z",
                    team="jobs", routes=(("POST", "/v1/jobs", 1.0),))
    return finish(s)


@scenario
def dependency_down():
    s = Scenario(
        "dependency-down", "2026-03-29T05:55:00Z", "shop", "frontend", "why is frontend erroring?",
        "At 05:41 catalog reloaded a product index snapshot in a format version it cannot read; every catalog pod "
        "exits on startup and the catalog Service has no ready endpoints. frontend's product pages fail with "
        "connection refused to catalog from 05:42.",
        ("dependency-failure", "Deployment", "shop", "catalog"), onset="05:42:00", channel="#inc-frontend")
    fimg = "registry.example.com/shop/frontend:7.4.0"
    fc = container("frontend", fimg, "node", mem="512Mi",
                   env=[{"name": "CATALOG_URL", "value": "http://catalog.shop.svc.cluster.local:8080"},
                        {"name": "CART_URL", "value": "http://cart.shop.svc.cluster.local:3000"}])
    f = s.deployment("frontend", 3, "2025-06-02T08:00:00Z", [(93, "2026-03-27T09:30:00Z", template("frontend", [fc], version="7.4.0"))], "node", port=3000)
    for i, node in enumerate((N1, N2, N3)):
        st = s.at("2026-03-27T09:30:08Z") + secs(15 * i)
        f.pod(93, node, st, running(st + secs(2)))
    onset = s.at("05:42:00")
    s.traffic_specs.append(Traffic(f, lambda t: 52.0 * wave(t), lambda t: 0.0011 if t < onset else 0.44 * wave(t, 170, 0.05),
                                   lambda t: (0.04, 0.25), routes=(("GET", "/product/{id}", 0.75), ("GET", "/cart", 0.25)),
                                   err_code="502"))
    refused = lambda p, t, rng: node_line(  # noqa: E731
        t, "ERROR", "proxy", "GET /product/%s failed: request to http://catalog.shop.svc.cluster.local:8080/api/products/%s failed, "
        "reason: connect ECONNREFUSED 10.100.41.7:8080" % ((rid(rng, ""),) * 2))
    s.log_plans["frontend"] = LogPlan(node_normal("http", [("GET", "/cart", 200), ("GET", "/", 200)]), every=25,
                                      streams=[(onset, s.now, 5, refused, "DOWNSTREAM_ERROR@catalog")])
    cimg = "registry.example.com/shop/catalog:6.0.2"
    cc = container("catalog", cimg, "java", mem="1Gi", mem_req="768Mi",
                   env=[{"name": "INDEX_SNAPSHOT_BUCKET", "value": "acme-shop-catalog-index"}])
    c = s.deployment("catalog", 3, "2025-06-02T08:10:00Z", [(33, "2026-03-24T10:31:00Z", template("catalog", [cc], version="6.0.2"))], "java")
    rng = random.Random("catalog-crash")
    crash_at = s.at("05:41:06")
    for i, node in enumerate((N2, N3, N1)):
        st = s.at("2026-03-24T10:31:10Z") + secs(25 * i)
        first = crash_at + secs(4 * i)
        rest, bo = crash_runs(first + secs(10), s.now, 19, "Error", 1, rng, jitter=0.1)
        c.pod(33, node, st, [Run(st + secs(3), first, "Error", 1)] + rest, backoff=bo, ready_delay=30)
    s.traffic_specs.append(Traffic(c, lambda t: 38.0 * wave(t), lambda t: 0.001 if t < crash_at else 0.6,
                                   lambda t: (0.03, 0.2), routes=(("GET", "/api/products/{id}", 1.0),), err_code="500",
                                   gateway=("ingress-gateway-7c9f8d6b5-hx2lp", lambda t: 0.0)))
    pkg = "com.acme.catalog"

    def crash(p, run, rng_):
        if run is p.runs[0]:
            first = [(secs(-0.3), java_line(run.end - secs(0.3), "ERROR", "index-reloader-1", pkg + ".index.SnapshotLoader",
                                            "failed to load product index snapshot snapshot-20260329-0530: index format version 7 is newer than supported version 6"), "error")]
        else:
            first = [(secs(-0.3), java_line(run.end - secs(0.3), "ERROR", "main", "o.s.boot.SpringApplication", "Application run failed"), "error"),
                     (secs(-0.299), java_line(run.end - secs(0.299), "ERROR", "main", "o.s.boot.SpringApplication",
                                              "java.lang.IllegalStateException: failed to load product index snapshot snapshot-20260329-0530: index format version 7 is newer than supported version 6"), "error")]
        return first + [(secs(-0.298), "%s \tat com.acme.catalog.index.SnapshotLoader.load(SnapshotLoader.java:93)" % iso_ms(run.end - secs(0.298)), None)]

    s.log_plans["catalog"] = LogPlan(java_normal(pkg, [("GET", "/api/products/{id}", "200", "ProductController")]), every=30,
                                     startup=java_startup(pkg, "CatalogApplication", "6.0.2", boot_s=14.0), on_end=crash)
    for p in c.pods:
        later = p.runs[1:]
        fp = "spec.containers{catalog}"
        s.event(p, "Pulled", 'Container image "%s" already present on machine' % cimg, later[0].start - secs(1), later[-1].start - secs(1),
                len(later), host=p.node, field_path=fp)
        s.event(p, "Started", "Started container catalog", later[0].start, later[-1].start, len(later), host=p.node, field_path=fp)
        backoff_event(s, p)
        s.event(p, "Unhealthy", 'Readiness probe failed: Get "http://%s:8080/actuator/health/readiness": dial tcp %s:8080: connect: connection refused' % (p.ip, p.ip),
                later[0].start + secs(10), s.now - secs(70), 3 * len(later), type_="Warning", host=p.node, field_path=fp)
    healthy_service(s, "cart", "node", replicas=2, rate=30.0, version="5.2.1", rev=31, rev_at="2026-03-09T09:15:40Z",
                    routes=(("GET", "/api/cart/{id}", 1.0),))
    return finish(s)


@scenario
def no_endpoints_selector():
    s = Scenario(
        "no-endpoints-selector", "2026-03-30T17:54:00Z", "shop", "ratings", "why is ratings down?",
        "At 17:40 a kubectl apply meant for the upcoming ratings-v2 changed the ratings Service selector to "
        "app: ratings-v2, while the running pods are labelled app: ratings. The pods are healthy and Ready, but the "
        "Service has no endpoints: callers are refused and the gateway answers 503 for every ratings request.",
        ("no-endpoints", "Service", "shop", "ratings"), onset="17:40:30", channel="#inc-ratings")
    changed = s.at("17:40:12")
    rc = container("ratings", "registry.example.com/shop/ratings:1.6.0", "go", mem="256Mi", cpu="500m", cpu_req="100m", port=9080)
    last_applied = json.dumps({"apiVersion": "v1", "kind": "Service", "metadata": {"annotations": {}, "labels": {"app": "ratings"},
                                                                                   "name": "ratings", "namespace": "shop"},
                               "spec": {"ports": [{"name": "http", "port": 9080, "targetPort": "http"}], "selector": {"app": "ratings-v2"}}},
                              separators=(",", ":"), sort_keys=True) + "\n"
    smf = [managed("argocd-controller", "Apply", s.at("2026-01-12T14:20:31Z"),
                   {"f:metadata": {"f:labels": {"f:app": {}}}, "f:spec": {"f:ports": {'k:{"port":9080,"protocol":"TCP"}': {".": {}, "f:name": {}, "f:port": {}, "f:targetPort": {}}}}}),
           managed("kubectl-client-side-apply", "Update", changed,
                   {"f:metadata": {"f:annotations": {".": {}, "f:kubectl.kubernetes.io/last-applied-configuration": {}}},
                    "f:spec": {"f:selector": {"f:app": {}}}})]
    r = s.deployment("ratings", 3, "2025-04-14T09:00:00Z", [(12, "2026-03-01T12:00:00Z", template("ratings", [rc], version="1.6.0"))], "go",
                     port=9080, service_selector={"app": "ratings-v2"}, service_managed_fields=smf,
                     service_annotations={"kubectl.kubernetes.io/last-applied-configuration": last_applied})
    r.endpoints_changed = changed
    for i, node in enumerate((N1, N2, N3)):
        st = s.at("2026-03-01T12:00:08Z") + secs(9 * i)
        r.pod(12, node, st, running(st + secs(2)), ready_delay=4)
    s.traffic_specs.append(Traffic(r, lambda t: 44.0 * wave(t), lambda t: 0.0008, lambda t: (0.004, 0.03),
                                   routes=(("GET", "/ratings/{id}", 1.0),), err_code="500",
                                   gateway=("ingress-gateway-7c9f8d6b5-hx2lp", lambda t: 0.0 if t < changed else 1.0)))

    def ratings_logs(p, t, rng):
        return go_line(t, "INFO", "server/http.go:118", "request served",
                       {"method": "GET", "path": "/healthz", "status": 200, "duration_ms": 0.1, "user_agent": "kube-probe/1.30"})
    s.log_plans["ratings"] = LogPlan(lambda p, t, rng: (go_normal("server/http.go:118", [("GET", "/ratings/{id}", 200)], ms=(0.5, 6))(p, t, rng)
                                                        if t < changed else ratings_logs(p, t, rng)), every=40)
    vimg = "registry.example.com/shop/reviews:2.4.1"
    vc = container("reviews", vimg, "node", mem="512Mi", env=[{"name": "RATINGS_URL", "value": "http://ratings.shop.svc.cluster.local:9080"}])
    v = s.deployment("reviews", 2, "2025-04-14T09:00:00Z", [(10, "2026-03-25T10:00:00Z", template("reviews", [vc], version="2.4.1"))], "node", port=3000)
    for i, node in enumerate((N2, N3)):
        st = s.at("2026-03-25T10:00:08Z") + secs(12 * i)
        v.pod(10, node, st, running(st + secs(2)))
    s.traffic_specs.append(Traffic(v, lambda t: 40.0 * wave(t), lambda t: 0.001 if t < changed else 0.004, lambda t: (0.02, 0.15),
                                   routes=(("GET", "/api/reviews/{id}", 1.0),), err_code="500", not_found=False))
    refused = lambda p, t, rng: node_line(  # noqa: E731
        t, "WARN", "ratings-client", "GET http://ratings.shop.svc.cluster.local:9080/ratings/%s failed: connect ECONNREFUSED "
        "10.100.88.14:9080; serving reviews without ratings" % rid(rng, ""))
    s.log_plans["reviews"] = LogPlan(node_normal("http", [("GET", "/api/reviews/{id}", 200)]), every=30,
                                     streams=[(changed, s.now, 6, refused, "DOWNSTREAM_ERROR@ratings")])
    healthy_service(s, "frontend", "node", replicas=2, rate=50.0, version="7.4.0", rev=93, rev_at="2026-03-27T09:30:00Z",
                    routes=(("GET", "/", 1.0),))
    return finish(s)


@scenario
def unschedulable():
    s = Scenario(
        "unschedulable", "2026-03-31T09:45:00Z", "shop", "analytics", "why is analytics 5xx?",
        "A rollout of analytics at 09:30 (revision 15, grace's deploy run) raised the memory request from 1Gi to "
        "6Gi, which no node has free. The rollout removed two of the four old pods (maxUnavailable 50 %), the two new "
        "pods are Pending with FailedScheduling \"Insufficient memory\", and the remaining pods are overloaded.",
        ("unschedulable", "Deployment", "shop", "analytics"), onset="09:31:00", channel="#inc-analytics")
    img = "registry.example.com/shop/analytics:0.31.0"
    c = container("analytics", img, "python", mem="2Gi", mem_req="1Gi", cpu="2", cpu_req="500m",
                  env=[{"name": "WAREHOUSE_DSN", "valueFrom": {"secretKeyRef": {"name": "analytics-warehouse", "key": "dsn"}}}])
    t14 = template("analytics", [c], version="0.31.0")
    t15 = with_container(t14, limits={"memory": "6Gi"}, requests={"memory": "6Gi"})
    roll = s.at("09:30:08")
    d = s.deployment("analytics", 4, "2025-09-01T09:00:00Z", [(14, "2026-03-23T11:00:00Z", t14), (15, "09:30:08", t15)], "python",
                     port=8000, strategy={"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 0, "maxUnavailable": "50%"}})
    d.old_rs_replicas = {14: 2}
    st = s.at("2026-03-23T11:00:08Z")
    olds = [d.pod(14, node, st + secs(20 * i), running(st + secs(20 * i + 3)), deleted=roll + secs(1) if i < 2 else None, ready_delay=10)
            for i, node in enumerate((N1, N2, N3, N2))]
    msg = ("0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims "
           "found for incoming pod.")
    news = [d.pod(15, None, roll + secs(0.5), [], scheduled=False, unschedulable_message=msg),
            d.pod(15, None, roll + secs(0.6), [], scheduled=False, unschedulable_message=msg)]
    d.conditions = [
        {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability.",
         "lastTransitionTime": "2026-03-23T11:01:10Z", "lastUpdateTime": "2026-03-23T11:01:10Z"},
        {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded",
         "message": 'ReplicaSet "%s" has timed out progressing.' % d.rs[15].name,
         "lastTransitionTime": iso(roll + secs(600)), "lastUpdateTime": iso(roll + secs(600))}]
    for n in NODES:
        s.node_state[n[0]] = {"allocatable_memory": "15186180Ki"}
    onset = s.at("09:31:00")
    s.traffic_specs.append(Traffic(d, lambda t: 11.0 * wave(t), lambda t: 0.0015 if t < onset else 0.13 * wave(t, 170, 0.1),
                                   lambda t: (0.2, 1.2) if t < roll else (0.6, 4.0),
                                   routes=(("GET", "/v1/reports/{id}", 0.8), ("POST", "/v1/exports", 0.2)), err_code="503"))
    busy = lambda p, t, rng: py_line(t, "WARNING", "analytics.limits", "worker pool saturated (8/8 busy), rejecting GET /v1/reports/%s" % rid(rng, ""))  # noqa: E731
    s.log_plans["analytics"] = LogPlan(py_normal([("GET", "/v1/reports/{id}", 200), ("POST", "/v1/exports", 202)]), every=35,
                                       streams=[(onset, s.now, 12, busy, "error")])
    s.event(d, "ScalingReplicaSet", "Scaled down replica set %s to 2 from 4" % d.rs[14].name, roll, component="deployment-controller")
    s.event(d, "ScalingReplicaSet", "Scaled up replica set %s to 2" % d.rs[15].name, roll + secs(0.4), component="deployment-controller")
    rs_pod_events(s, d, news, olds[:2])
    for p in news:
        s.event(p, "FailedScheduling", msg, p.created, s.now - secs(35), 16, type_="Warning", component="default-scheduler")
    s.event(d, "ProgressDeadlineExceeded", 'ReplicaSet "%s" has timed out progressing.' % d.rs[15].name, roll + secs(600),
            type_="Warning", component="deployment-controller")
    github_runs(s, "acme-shop", "analytics", [
        dict(name="deploy", event="push", branch="main", sha=sha40("analytics 6Gi"), created="09:27:40", updated="09:30:40",
             actor="grace", conclusion="success", number=455,
             message="analytics: give the report API 6Gi (OOMs on quarter-end exports)", commit_time="09:27:12"),
        dict(name="deploy", event="push", branch="main", sha=sha40("analytics 0.31.0"), created="2026-03-23T10:57:00Z",
             updated="2026-03-23T11:00:30Z", actor="grace", conclusion="success", number=451, message="release 0.31.0",
             commit_time="2026-03-23T10:56:31Z"),
    ])
    healthy_service(s, "search", "go", replicas=2, rate=150.0, version="2.11.0", rev=41, rev_at="2026-03-10T13:12:00Z",
                    routes=(("GET", "/api/search", 1.0),))
    return finish(s)


@scenario
def hpa_broken():
    s = Scenario(
        "hpa-broken", "2026-04-01T13:15:00Z", "edge", "api", "why is api slow?",
        "Since 12:41 the api HorizontalPodAutoscaler cannot read CPU metrics (ScalingActive=False, "
        "FailedGetResourceMetric: no metrics returned from the resource metrics API). When traffic tripled at 13:00 "
        "the Deployment stayed at 2 replicas and p99 latency rose from about 0.1 s to about 1 s.",
        ("hpa-broken", "HorizontalPodAutoscaler", "edge", "api"), onset="13:01:30", channel="#inc-api")
    broken = s.at("12:41:18")
    c = container("api", "registry.example.com/edge/api:8.2.0", "go", mem="512Mi", cpu_req="500m", no_cpu_limit=True)
    d = s.deployment("api", 2, "2025-03-03T09:00:00Z", [(57, "2026-03-30T15:40:00Z", template("api", [c], version="8.2.0", team="edge"))], "go", ns="edge")
    for i, node in enumerate((N2, N3)):
        st = s.at("2026-03-30T15:40:08Z") + secs(10 * i)
        d.pod(57, node, st, running(st + secs(2)), ready_delay=4)
    surge = s.at("13:00:00")
    onset = s.at("13:01:30")

    def lat(t):
        if t < surge + mins(1):
            return (0.02, 0.09)
        k = min(1.0, (t - surge - mins(1)).total_seconds() / 240.0)
        return (0.02 + 0.15 * k, 0.2 + 0.8 * k)

    s.traffic_specs.append(Traffic(d, lambda t: ramp(t, surge, surge + mins(2), 120.0, 360.0) * wave(t, 300, 0.04),
                                   lambda t: 0.0008 if t < surge + mins(6) else 0.012, lat, histogram=True,
                                   routes=(("GET", "/v2/products", 0.7), ("POST", "/v2/carts", 0.3)), err_code="504"))
    slow = lambda p, t, rng: go_line(t, "WARN", "middleware/timing.go:29", "slow request", {  # noqa: E731
        "method": "GET", "path": "/v2/products", "duration_ms": round(rng.uniform(800, 1900), 1)})
    s.log_plans["api"] = LogPlan(go_normal("server/http.go:118", [("GET", "/v2/products", 200), ("POST", "/v2/carts", 201)]), every=25,
                                 streams=[(onset + mins(1), s.now, 20, slow, "error")])
    hpa_ref = ("HorizontalPodAutoscaler", "api", "edge", "autoscaling/v2")
    reason = "unable to get metrics for resource cpu: no metrics returned from resource metrics API"
    s.event_v1(hpa_ref, "FailedGetResourceMetric", "failed to get cpu utilization: " + reason, broken, type_="Warning",
               controller="horizontal-pod-autoscaler", instance="horizontal-pod-autoscaler", action="GetResourceMetric",
               count=int((s.now - broken).total_seconds() // 15), last=s.now - secs(9))
    s.event_v1(hpa_ref, "FailedComputeMetricsReplicas", "invalid metrics (1 invalid out of 1), first error is: failed to get "
               "cpu resource metric value: failed to get cpu utilization: " + reason, broken, type_="Warning",
               controller="horizontal-pod-autoscaler", instance="horizontal-pod-autoscaler", action="ComputeMetricsReplicas",
               count=int((s.now - broken).total_seconds() // 15), last=s.now - secs(9))
    s.extra_k8s["hpa.yaml"] = [hpa_doc(s, "api", "edge", "api", 2, 10, 2, 2, [
        ("AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale", "2026-03-30T15:41:00Z"),
        ("ScalingActive", "False", "FailedGetResourceMetric", "the HPA was unable to compute the replica count: failed to get cpu "
         "utilization: " + reason, broken),
        ("ScalingLimited", "False", "DesiredWithinRange", "the desired count is within the acceptable range", "2026-03-31T08:02:11Z")],
        cpu_target=60, created="2025-03-03T09:00:00Z")]
    hpa_metrics(s, "api", "edge", 2, 10, lambda t: 2, lambda t: 2)
    healthy_service(s, "gateway-auth", "go", ns="edge", replicas=2, rate=60.0, version="2.0.3", rev=9, rev_at="2026-03-18T10:00:00Z",
                    team="edge", routes=(("POST", "/v1/introspect", 1.0),))
    return finish(s)


@scenario
def dns_failure_coredns():
    s = Scenario(
        "dns-failure-coredns", "2026-04-02T06:45:00Z", "logistics", "shipping", "why is shipping 5xx?",
        "From 06:31 shipping's lookups of in-cluster names (rates, tracking) fail with \"no such host\" after a "
        "change to CoreDNS in kube-system, which triage cannot see. No NetworkPolicy changed, and rates and tracking "
        "are healthy; the only clue in the namespace is the DNS errors.",
        ("dns-failure", "Service", "kube-system", "kube-dns"), onset="06:31:00", channel="#inc-logistics")
    c = container("shipping", "registry.example.com/logistics/shipping:2.2.0", "go", mem="256Mi", cpu="500m", cpu_req="100m",
                  env=[{"name": "RATES_URL", "value": "http://rates.logistics.svc.cluster.local:8080"},
                       {"name": "TRACKING_ADDR", "value": "tracking.logistics.svc.cluster.local:9000"}])
    d = s.deployment("shipping", 3, "2025-08-04T09:00:00Z", [(19, "2026-03-26T09:00:00Z", template("shipping", [c], version="2.2.0", team="logistics"))],
                     "go", ns="logistics")
    for i, node in enumerate((N3, N1, N2)):
        st = s.at("2026-03-26T09:00:08Z") + secs(8 * i)
        d.pod(19, node, st, running(st + secs(2)), ready_delay=4)
    onset = s.at("06:31:00")
    s.traffic_specs.append(Traffic(d, lambda t: 17.0 * wave(t), lambda t: 0.001 if t < onset else ramp(t, onset, onset + mins(2), 0.25, 0.41),
                                   lambda t: (0.03, 0.2), routes=(("POST", "/v1/shipments", 0.5), ("GET", "/v1/shipments/{id}", 0.5)),
                                   err_code="502"))
    quote = lambda p, t, rng: go_line(t, "ERROR", "rates/client.go:77", "quote failed", {  # noqa: E731
        "error": 'Post "http://rates.logistics.svc.cluster.local:8080/v1/quote": dial tcp: lookup rates.logistics.svc.cluster.local on 10.100.0.10:53: no such host',
        "shipment": rid(rng, "shp-")})
    track = lambda p, t, rng: go_line(t, "ERROR", "tracking/client.go:41", "tracking update failed", {  # noqa: E731
        "error": "rpc error: code = Unavailable desc = name resolver error: produced zero addresses; lookup tracking.logistics.svc.cluster.local on 10.100.0.10:53: no such host"})
    s.log_plans["shipping"] = LogPlan(go_normal("server/http.go:118", [("POST", "/v1/shipments", 201), ("GET", "/v1/shipments/{id}", 200)]),
                                      every=25, streams=[(onset, s.now, 9, quote, "DNS_FAILURE@rates"),
                                                         (onset, s.now, 20, track, "DNS_FAILURE@tracking")])
    healthy_service(s, "rates", "go", ns="logistics", replicas=2, rate=9.0, version="1.4.0", rev=11, rev_at="2026-03-20T10:00:00Z",
                    team="logistics", routes=(("POST", "/v1/quote", 1.0),))
    healthy_service(s, "tracking", "go", ns="logistics", replicas=2, rate=12.0, version="3.0.1", rev=7, rev_at="2026-03-17T10:00:00Z",
                    team="logistics", routes=(("POST", "/v1/events", 1.0),))
    mf = [managed("argocd-controller", "Apply", s.at("2025-12-01T10:00:00Z"), {"f:spec": {"f:podSelector": {}, "f:policyTypes": {}}})]
    mf[0]["apiVersion"] = "networking.k8s.io/v1"
    s.extra_k8s["networkpolicies.yaml"] = [
        networkpolicy_doc(s, "default-deny-ingress", "logistics", "2025-12-01T10:00:00Z", {"podSelector": {}, "policyTypes": ["Ingress"]},
                          managed_fields=mf),
        networkpolicy_doc(s, "allow-same-namespace", "logistics", "2025-12-01T10:00:00Z",
                          {"podSelector": {}, "policyTypes": ["Ingress"], "ingress": [{"from": [{"podSelector": {}}]}]},
                          managed_fields=json.loads(json.dumps(mf)))]
    return finish(s)


@scenario
def oom_without_change():
    s = Scenario(
        "oom-without-change", "2026-04-03T21:26:00Z", "ml", "recommender", "why is recommender restarting?",
        "recommender's per-user embedding cache never evicts, so each pod's memory grows by about 17 MiB a minute "
        "from the moment it starts; the pods were recreated at 19:48 by a node rotation and have been growing since. "
        "The first pod hit its 2Gi limit and was OOMKilled at 21:12, the second at 21:19, with no change in the window.",
        ("oom", "Deployment", "ml", "recommender"), onset="21:12:00", channel="#inc-ml")
    s.counter_reset_ok = True
    c = container("recommender", "registry.example.com/ml/recommender:4.0.2", "python", mem="2Gi", mem_req="1536Mi", cpu="2", cpu_req="1",
                  env=[{"name": "MODEL_URI", "value": "s3://acme-ml-models/recommender/4.0.2"}])
    d = s.deployment("recommender", 3, "2025-10-10T09:00:00Z", [(8, "2026-03-27T14:00:00Z", template("recommender", [c], version="4.0.2", team="ml"))],
                     "python", ns="ml", port=8000)
    lim = gb(2)
    base = gb(0.55)
    kills = {0: s.at("21:12:00"), 1: s.at("21:19:28")}
    starts = [s.at("19:48:14"), s.at("19:49:02"), s.at("19:50:31")]
    rates = {}
    for i, node in enumerate((N1, N2, N3)):
        st = starts[i]
        if i in kills:
            rate = (lim * 1.0 - base) / (kills[i] - st).total_seconds()
            runs = [Run(st, kills[i], "OOMKilled", 137), Run(kills[i] + secs(11))]
        else:
            rate = (lim * 0.935 - base) / (s.now - st).total_seconds()
            runs = running(st)
        p = d.pod(8, node, st - secs(4), runs, ready_delay=9)
        rates[p.name] = rate

    def mem(p, t, r, rng):
        return min(lim * 0.999, base + rates[p.name] * (t - r.start).total_seconds()) * (1 + rng.uniform(-0.004, 0.004))

    d.mem_fn = mem
    s.traffic_specs.append(Traffic(d, lambda t: 70.0 * wave(t), lambda t: 0.0008, lambda t: (0.03, 0.16),
                                   routes=(("POST", "/v1/recommendations", 0.9), ("GET", "/v1/models/current", 0.1)),
                                   err_code="500", reset_on_restart=True))
    cache = lambda p, t, rng: py_line(t, "WARNING", "recommender.cache", "embedding cache holds %d users (%.2f GiB); no eviction policy configured" % (  # noqa: E731
        int(48000 * mem(p, t, p.run_at(t), rng) / lim), mem(p, t, p.run_at(t), rng) / 1024 ** 3))
    s.log_plans["recommender"] = LogPlan(py_normal([("POST", "/v1/recommendations", 200), ("GET", "/v1/models/current", 200)]), every=30,
                                         startup=py_startup("recommender", "4.0.2"), streams=[(s.start, s.now, 420, cache, "error")])
    for p in d.pods:
        if len(p.runs) > 1:
            fp = "spec.containers{recommender}"
            s.event(p, "Pulled", 'Container image "registry.example.com/ml/recommender:4.0.2" already present on machine',
                    p.runs[1].start - secs(1), host=p.node, field_path=fp)
            s.event(p, "Created", "Created container recommender", p.runs[1].start, host=p.node, field_path=fp)
            s.event(p, "Started", "Started container recommender", p.runs[1].start, host=p.node, field_path=fp)
            s.event(("Node", p.node, "", "v1"), "OOMKilling",
                    "Memory cgroup out of memory: Killed process %d (python) total-vm:4281096kB, anon-rss:%dkB, file-rss:38212kB, "
                    "shmem-rss:0kB, UID:10001 pgtables:4552kB oom_score_adj:968" % (s.rng.randint(40, 90), 2_051_000 + s.rng.randint(0, 9000)),
                    p.runs[0].end, type_="Warning", component="kernel-monitor", host=p.node)
    healthy_service(s, "feature-store", "go", ns="ml", replicas=2, rate=140.0, version="1.3.3", rev=5, rev_at="2026-03-19T09:00:00Z",
                    team="ml", routes=(("GET", "/v1/features/{id}", 1.0),))
    return finish(s)


@scenario
def bad_deploy_latency_micrometer():
    s = Scenario(
        "bad-deploy-latency-micrometer", "2026-04-04T20:25:00Z", "insurance", "quotes", "why is quotes slow?",
        "quotes 3.8.0 rolled out at 20:10 (revision 34, Argo CD sync of a commit that loads quote lines through a new "
        "JPA query) and that query scans quote_line without an index. Nothing crashes, but p99 latency went from "
        "about 80 ms to about 1.8 s and the logs fill with slow-query warnings.",
        ("bad-deploy", "Deployment", "insurance", "quotes"), onset="20:11:00", channel="#inc-quotes")
    img = lambda v: "registry.example.com/insurance/quotes:" + v  # noqa: E731
    c = container("quotes", img("3.7.0"), "java", mem="1Gi", mem_req="768Mi",
                  env=[{"name": "SPRING_DATASOURCE_URL", "value": "jdbc:postgresql://quotes-db.insurance.svc.cluster.local:5432/quotes"}])
    t33 = template("quotes", [c], version="3.7.0", team="insurance")
    t34 = with_container(t33, image=img("3.8.0"), version="3.8.0")
    d = s.deployment("quotes", 3, "2025-05-05T09:00:00Z", [(33, "2026-03-30T11:00:00Z", t33), (34, "20:10:05", t34)], "java", ns="insurance")
    olds, news = simple_rollout(d, 33, 34, "20:10:05", 3, [N2, N3, N1], "2026-03-30T11:00:10Z", step=21)
    onset = s.at("20:11:00")

    def lat(t):
        return (0.025, 0.08) if t < onset else (0.3, 1.8)

    s.traffic_specs.append(Traffic(d, lambda t: 15.0 * wave(t), lambda t: 0.0009, lat, style="micrometer-hist",
                                   routes=(("GET", "/api/quotes/{quoteId}", 0.7), ("POST", "/api/quotes", 0.3)), err_code="500"))
    pkg = "com.acme.quotes"
    slowq = lambda p, t, rng: java_line(t, "WARN", "http-nio-8080-exec-%d" % rng.randint(1, 20), "org.hibernate.SQL_SLOW",  # noqa: E731
                                        "Slow query took %d milliseconds [select ql1_0.id,ql1_0.coverage,ql1_0.premium_cents,ql1_0.quote_id "
                                        "from quote_line ql1_0 where ql1_0.customer_ref=?]" % safe_number(rng, 900, 2600))
    s.log_plans["quotes"] = LogPlan(
        java_normal(pkg, [("GET", "/api/quotes/{id}", "200", "QuoteController"), ("POST", "/api/quotes", "201", "QuoteController")]),
        every=25, startup=java_startup(pkg, "QuotesApplication", "3.8.0", db=True), streams=[(onset, s.now, 9, slowq, "error")])
    rollout_events(s, d, 33, 34, None, [s.at("20:10:05"), s.at("20:10:26"), s.at("20:10:47")], 3)
    rs_pod_events(s, d, news, olds)
    for p in news:
        container_events(s, p, pulled_fresh=True, pull_s=3.9)
    sha33, sha34 = sha40("quotes 3.7.0"), sha40("quotes 3.8.0")
    argo_app(s, "quotes", "insurance", "https://github.com/acme-insurance/deploy.git", "quotes/overlays/prod", [
        (40, sha33, "2026-03-30T10:59:48Z", "2026-03-30T11:00:12Z", "kim <kim@acme-insurance.example>", "2026-03-30T10:41:00Z",
         "quotes: release 3.7.0"),
        (41, sha34, "20:09:50", "20:10:08", "kim <kim@acme-insurance.example>", "20:01:12", "quotes: release 3.8.0")],
        project="insurance", images=[img("3.8.0")], resources=[("apps", "v1", "Deployment", "quotes", "deployment.apps/quotes configured")])
    github_runs(s, "acme-insurance", "quotes", [
        dict(name="release", event="push", branch="main", sha=sha40("quotes src 3.8.0"), created="19:48:02", updated="19:57:40",
             actor="kim", conclusion="success", number=733, message="feat: load quote lines through QuoteLineRepository",
             commit_time="19:47:31"),
        dict(name="release", event="push", branch="main", sha=sha40("quotes src 3.7.0"), created="2026-03-30T10:30:00Z",
             updated="2026-03-30T10:39:12Z", actor="kim", conclusion="success", number=729, message="fix: round premiums half-even",
             commit_time="2026-03-30T10:29:40Z"),
    ])
    healthy_service(s, "underwriting", "go", ns="insurance", replicas=2, rate=6.0, version="2.1.0", rev=14,
                    rev_at="2026-03-28T10:00:00Z", team="insurance", routes=(("POST", "/v1/assess", 1.0),))
    return finish(s)


# ----------------------------------------------------------------------------------------------------------------
# README table (between the markers in scenarios/README.md)

STORIES = {
    "checkout-oom": "The bundled demo. Rollout rev 42 at 02:31 (Argo CD, alice: \"lower checkout memory limit\") cuts the memory limit 512Mi -> 128Mi; JVMs OOMKilled from 02:33, 2 of 3 pods in CrashLoopBackOff.",
    "decoy-deploy-after-onset": "payments panics on a retried webhook from 03:08 (no change); checkout's calls are refused from 03:10; a harmless checkout image bump at 03:14 is the decoy.",
    "db-pool-after-scale-up": "orders scaled 3 -> 12 at 10:02 (`kubectl scale`); 12 x 20 HikariCP connections > postgres max_connections 100; pool timeouts and \"too many clients\" from 10:04.",
    "cert-expired": "billing's mTLS client certificate (cert-manager, renewal failing for a month) expires at 06:00; handshakes to api.partnerbank.example fail. An unrelated frontend rollout at 05:52 is a distractor.",
    "dns-broken-by-egress-policy": "NetworkPolicy restrict-egress (Argo CD, 14:20) allows catalog only catalog-db:5432, which blocks DNS; UnknownHostException for search from 14:21.",
    "third-party-rate-limit": "A campaign triples mail volume; SendGrid answers 429 Too Many Requests from 09:15.",
    "healthy-control": "Nothing is wrong: errors flat at ~0.1 %, no restarts, no warnings; a routine rollout at 10:20 had no effect.",
    "pvc-full-under-db": "WAL kept for an inactive replication slot fills postgres' volume (0.2 % free at 21:46); \"No space left on device\"; orders' writes fail and connections drop.",
    "hpa-at-max": "Traffic doubles at 18:00; the HPA reaches maxReplicas 6 wanting 11 (ScalingLimited/TooManyReplicas); p99 climbs from ~18:04.",
    "cpu-throttling": "Rollout rev 18 at 11:40 (Argo CD, carol: FinOps right-sizing) cuts the CPU limit 1000m -> 200m; ~70 % of CFS periods throttled; p99 0.12 s -> 2.5 s.",
    "node-memory-pressure": "Node ip-10-0-3-17 reports MemoryPressure from 07:02 and evicts both cart pods on it; one replacement is Pending (taint + insufficient memory elsewhere).",
    "probe-misconfig": "Rollout rev 27 at 16:05 (Argo CD, dave) moves the liveness probe /healthz -> /health, which answers 404; containers killed every ~30 s, app logs clean.",
    "image-pull-failure": "Rollout rev 9 at 12:30 sets reviews:2.4.1, whose release build failed before pushing; ImagePullBackOff; maxUnavailable 50 % halves capacity.",
    "configmap-change": "kubectl edit of ConfigMap checkout-config at 13:12 sets PAYMENT_TIMEOUT_MS 5000 -> 50 (hot-reloaded, no rollout); payment calls time out from 13:13 while payments is healthy.",
    "missing-secret": "Rollout rev 13 at 08:50 (Argo CD, frank) reads Secret payments-stripe-key, but the ExternalSecret writes payments-stripe-keys; CreateContainerConfigError, one old pod left.",
    "bad-deploy-crash": "checkout 2.1.0 (rev 51 at 15:20, GitHub build-and-deploy by ivan) exits with a NullPointerException ~40 s after start; every pod crash-loops.",
    "crashloop-no-change": "worker panics on a poison Kafka message (partition 3) from 04:12; whichever pod owns the partition crashes; nothing changed.",
    "dependency-down": "catalog cannot read a new index snapshot and crash-loops from 05:41 with no ready endpoints; frontend gets connection refused from 05:42.",
    "no-endpoints-selector": "The ratings Service selector is changed to app: ratings-v2 at 17:40 (kubectl apply); pods stay Ready but Endpoints are empty; the gateway answers 503.",
    "unschedulable": "Rollout rev 15 at 09:30 (GitHub deploy by grace) raises the memory request 1Gi -> 6Gi; new pods Pending with Insufficient memory; half the old pods gone.",
    "hpa-broken": "The api HPA cannot read CPU metrics since 12:41 (ScalingActive=False, FailedGetResourceMetric); traffic triples at 13:00, replicas stay at 2, p99 rises.",
    "dns-failure-coredns": "\"no such host\" for in-cluster names (rates, tracking) from 06:31 after a CoreDNS change in kube-system that triage cannot see; no NetworkPolicy changed.",
    "oom-without-change": "An unbounded cache leaks ~17 MiB/min; pods OOMKilled at 21:12 and 21:19 with no change in the window; HTTP counters reset on restart.",
    "bad-deploy-latency-micrometer": "quotes 3.8.0 (rev 34 at 20:10, Argo CD) adds an unindexed JPA query; p99 80 ms -> 1.8 s with slow-query warnings, no crashes.",
}


def features(s):
    f = []
    styles = {tr.style for tr in s.traffic_specs if tr.wl.name == s.service and tr.wl.ns == s.namespace}
    if "micrometer" in styles or "micrometer-hist" in styles:
        f.append("Micrometer" + (" histogram" if "micrometer-hist" in styles else ""))
    elif any(tr.histogram for tr in s.traffic_specs if tr.wl.name == s.service):
        f.append("histogram")
    if s.argocd:
        f.append("Argo CD")
    if s.github:
        f.append("GitHub")
    if s.v1_events:
        f.append("events.k8s.io/v1")
    if s.list_files:
        f.append("kind: List")
    if s.counter_reset_ok:
        f.append("counter reset")
    if any(tr.gateway for tr in s.traffic_specs):
        f.append("gateway 503s")
    if s.namespace != "shop":
        f.append("ns " + s.namespace)
    return ", ".join(f)


def write_readme_table(built):
    path = os.path.join(ROOT, "README.md")
    text = open(path, encoding="utf-8").read()
    begin, end = "<!-- scenarios:begin -->", "<!-- scenarios:end -->"
    rows = ["| scenario | question | expected cause | culprit | story | also exercises |", "|---|---|---|---|---|---|"]
    for s in built:
        cause, kind, ns, name = s.expect
        rows.append("| `%s` | %s | `%s` | %s %s | %s | %s |" % (
            s.name, s.question, cause, kind, (ns + "/" + name) if ns else name, STORIES[s.name], features(s)))
    table = "\n".join(rows)
    a, b = text.index(begin) + len(begin), text.index(end)
    open(path, "w", encoding="utf-8").write(text[:a] + "\n" + table + "\n" + text[b:])


# ---- main (keep last)
# ================================================================================================================

def build(name):
    s = SCENARIOS[name]()
    return s


def main(argv):
    check_only = "--check" in argv
    names = [a for a in argv if not a.startswith("--")] or list(SCENARIOS)
    for n in names:
        if n not in SCENARIOS:
            sys.exit("unknown scenario %s (known: %s)" % (n, ", ".join(SCENARIOS)))
    om_files = []
    built = []
    for n in names:
        s = build(n)
        built.append(s)
        if not check_only:
            write_scenario(s)
        kind, onset, base, peak = check_story(s)
        d = os.path.join(ROOT, n)
        resets = 0
        for f in sorted(os.listdir(os.path.join(d, "metrics"))):
            om_files.append(os.path.join(d, "metrics", f))
            resets += check_om_file(om_files[-1], allow_reset=s.counter_reset_ok)
        for root, _, files in os.walk(os.path.join(d, "kubernetes")):
            for f in files:
                check_yaml_roundtrip(os.path.join(root, f))
        check_yaml_roundtrip(os.path.join(d, "scenario.yaml"))
        check_consistency(n)
        print("%-32s %-9s onset %-20s baseline %-8.4f peak %-8s expect %s %s %s%s%s" % (
            n, kind, iso(onset) if onset else "-", base, "%.3f" % peak if peak is not None else "-", s.expect[0],
            s.expect[1], (s.expect[2] + "/") if s.expect[2] else "", s.expect[3],
            " (%d counter resets)" % resets if resets else ""))
    promtool_check(om_files)
    if len(built) == len(SCENARIOS) and not check_only:
        write_readme_table(built)
    print("ok: %d scenarios, %d OpenMetrics files accepted" % (len(names), len(om_files)))


if __name__ == "__main__":
    main(sys.argv[1:])
