#!/usr/bin/python3
"""References for tests/conformance/corpus/az-today.txt: what today's az (azure-cli 2.74) prints for
the `az network`, `az aro`, `az vm`, `az group`, `az account` and `az monitor metrics list` lines against
a lab.

Debian bookworm's azure-cli 2.45 (az-oracle, behind az.jsonl) predates today's network commands in
places and `monitor metrics list`'s move to aaz (2.52), so this script takes Debian trixie's azure-cli 2.74 packages instead (with the Azure SDK, knack and
tabulate they were built with), unpacks them without installing anything, and runs the real `az`
entry point in-process, one process per corpus line, offline:
  - ARM (and Azure Monitor, which az reaches through ARM) is the lab served on loopback by
    `node_modules/.bin/node scripts/serve-lab-arm.ts LAB`, set as AzureCloud's resource manager
    endpoint in the temporary config dir's clouds.config; it also answers the POST actions the lab
    computes (a NIC's effectiveRouteTable, a network watcher's nextHop) at once with 200, which az
    takes as a long-running operation already done: the answer's content is the lab's, az's
    arguments, requests, shaping and printing of it are today's az;
  - the config dir is a new temporary one per line, logged in (azureProfile.json) to the lab's
    subscription (info.account), with the settings az-oracle uses for the az corpus (no telemetry,
    no survey, no auto-upgrade); error recommendations stay on, and as on an offline machine their
    service cannot be reached, so parser errors end with the help's examples as in az.jsonl;
  - login is patched away (no token is asked for or sent), for aaz and SDK-based (aro) commands alike;
  - `datetime.utcnow()`, which `monitor metrics list` reads for the default end time, is the lab's
    clock (info.clock), and the local time zone is UTC;
  - sockets may only reach 127.0.0.1 / ::1 and names other than localhost do not resolve, so
    nothing leaves the machine;
  - the antlr-generated metric-alert and autoscale grammars are stubbed: they are generated for
    ANTLR 4.13 while Debian ships the 4.9 runtime, their modules are imported by the monitor module
    but never used by `metrics list` (a stub raises if it ever is);
  - az's command index is built once per unpacked tree by a first run that loads every command
    module; that run reports that the rdbms module cannot load (Debian's SDK lacks
    azure.mgmt.rdbms.mysql_flexibleservers), which does not concern these lines (a
    misspelled command makes az load every module again, so such lines stay in az.txt).

Usage:
  /usr/bin/python3 scripts/make-az-today-references.py [--corpus FILE] [--out FILE]
      default: tests/conformance/corpus/az-today.txt -> tests/conformance/references/az-today.jsonl
  /usr/bin/python3 scripts/make-az-today-references.py --az LAB -- monitor metrics list ...
      runs one command against LAB and prints what az printed (for writing corpus lines)
  /usr/bin/python3 scripts/make-az-today-references.py --entry LAB < LINES
      runs an entry of several az lines against one fresh LAB, in order (as an @begin/@end entry)

The az-writes corpora (az-writes.txt, az-writes-nsg.txt) are made by the same run: their lines
write (route tables, subnets, NSGs…) through the lab's ARM, which applies them with ARM's rules
(scripts/serve-lab-arm.ts); every entry starts from the lab as loaded (the server is reset before
it), an entry of several lines between `@begin` and `@end` runs its lines in order against the
same world, its output is theirs one after the other and its status the last line's, as the lab's
session runs such an entry.

Needs apt-get and dpkg-deb (the packages are fetched once with `apt-get download` from
deb.debian.org through a private apt state, and cached with their unpacked tree under
$TMPDIR/aro-labs-azure-cli-2.74; set AZ274_CACHE to use another directory).
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

REPO = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
NODE = os.path.join(REPO, "node_modules", ".bin", "node")
MIRROR = "http://deb.debian.org/debian"
SUITE = "trixie"
KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
# Debian trixie's azure-cli 2.74, everything it imports from the `azure` namespace, and the
# libraries that shape its output; the rest (requests, yaml, jmespath, dateutil…) is the system's.
PACKAGES = [
    ("python3-azure-cli", "2.74.0-1"),
    ("python3-azure-cli-core", "2.74.0-1"),
    ("python3-azure-cli-telemetry", "2.74.0-1"),
    ("python3-azure", "20250603+git-1"),      # azure-core, azure-mgmt-core, azure-mgmt-monitor (AggregationType)…
    ("python3-azure-storage", "20250603+git-1"),
    ("python3-azure-multiapi-storage", "1.4.0-1"),
    ("python3-azure-datalake-store", "0.0.53-1"),
    ("python3-msal", "1.32.3-1"),             # rdbms and mysql import msal's ManagedIdentityClient
    ("python3-knack", "0.12.0-2"),
    ("python3-tabulate", "0.9.0-1"),
    ("python3-isodate", "0.7.0-1"),           # durations (--interval) as aaz normalizes them
]
CACHE = os.environ.get("AZ274_CACHE") or os.path.join(tempfile.gettempdir(), "aro-labs-azure-cli-2.74")
SITE = os.path.join(CACHE, "root", "usr", "lib", "python3", "dist-packages")
CONFIG = ("[core]\ncollect_telemetry = false\nsurvey_message = false\nno_color = true\n"
          "[output]\nshow_survey_link = no\n"
          "[auto-upgrade]\nenable = no\n")
PARALLEL = 2


# ------------------------------------------------------------------------------ the az 2.74 tree
def deb_name(package, version):
    return f"{package}_{version.replace(':', '%3a')}_all.deb"


def fetch_packages():
    debs = os.path.join(CACHE, "debs")
    os.makedirs(debs, exist_ok=True)
    missing = [(p, v) for p, v in PACKAGES if not os.path.exists(os.path.join(debs, deb_name(p, v)))]
    if not missing:
        return
    apt = os.path.join(CACHE, "apt")
    for d in ("lists/partial", "cache/archives/partial", "sources.list.d", "preferences.d"):
        os.makedirs(os.path.join(apt, d), exist_ok=True)
    with open(os.path.join(apt, "sources.list"), "w") as f:
        f.write(f"deb [signed-by={KEYRING}] {MIRROR} {SUITE} main\n")
    options = [
        "-o", f"Dir::Etc::SourceList={apt}/sources.list",
        "-o", f"Dir::Etc::SourceParts={apt}/sources.list.d",
        "-o", f"Dir::Etc::Preferences={apt}/preferences",
        "-o", f"Dir::Etc::PreferencesParts={apt}/preferences.d",
        "-o", f"Dir::State::Lists={apt}/lists",
        "-o", f"Dir::Cache={apt}/cache",
        "-o", "APT::Architecture=amd64",
        "-o", "Debug::NoLocking=1",
    ]
    subprocess.run(["apt-get", *options, "update"], check=True, stdout=sys.stderr)
    subprocess.run(["apt-get", *options, "download", *[f"{p}={v}" for p, v in missing]],
                   check=True, cwd=debs, stdout=sys.stderr)


def unpack_packages():
    """The packages' files under CACHE/root, unpacked once (a stamp names what was unpacked)."""
    root = os.path.join(CACHE, "root")
    stamp = os.path.join(CACHE, "root.stamp")
    wanted = "\n".join(deb_name(p, v) for p, v in PACKAGES) + "\n"
    if os.path.exists(stamp) and open(stamp).read() == wanted and os.path.isdir(SITE):
        return
    fetch_packages()
    shutil.rmtree(root, ignore_errors=True)
    partial = root + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    for p, v in PACKAGES:
        print(f"unpacking {deb_name(p, v)}", file=sys.stderr)
        subprocess.run(["dpkg-deb", "-x", os.path.join(CACHE, "debs", deb_name(p, v)), partial], check=True)
    os.rename(partial, root)
    if os.path.exists(os.path.join(CACHE, "commandIndex.json")):
        os.remove(os.path.join(CACHE, "commandIndex.json"))
    with open(stamp, "w") as f:
        f.write(wanted)


# ------------------------------------------------------------------------------ the lab
def lab_facts(lab):
    """The lab's clock and account, as the engine loads the lab (scenarios included)."""
    script = ("import { loadLab } from './src/node/labs.ts';"
              f"const l = await loadLab({{ name: {json.dumps(lab)} }});"
              "console.log(JSON.stringify({ clock: l.info.clock, account: l.info.account }));")
    out = subprocess.run([NODE, "--disable-warning=ExperimentalWarning", "--input-type=module", "-e", script],
                         cwd=REPO, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


class LabArm:
    """scripts/serve-lab-arm.ts LAB: the lab's ARM and Azure Monitor on 127.0.0.1."""

    def __init__(self, lab):
        self.process = subprocess.Popen([NODE, "--disable-warning=ExperimentalWarning", "scripts/serve-lab-arm.ts", lab],
                                        cwd=REPO, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().strip()
        if not line.isdigit():
            self.close()
            raise SystemExit(f"serve-lab-arm.ts {lab}: expected a port, got {line!r}")
        self.url = f"http://127.0.0.1:{line}/"

    def reset(self):
        """The lab as loaded again: an entry's writes never reach the next entry."""
        import urllib.request
        urllib.request.urlopen(urllib.request.Request(self.url + "lab/reset", method="POST", data=b"")).read()

    def close(self):
        self.process.terminate()
        self.process.wait()


# ------------------------------------------------------------------------------ one az run
def write_config(cfg, arm_url, account):
    with open(os.path.join(cfg, "config"), "w") as f:
        f.write(CONFIG + f"[extension]\ndir = {os.path.join(cfg, 'ext')}\nsys_dir = {os.path.join(cfg, 'sys-ext')}\n")
    with open(os.path.join(cfg, "clouds.config"), "w") as f:
        f.write(f"[AzureCloud]\nendpoint_resource_manager = {arm_url}\n")
    with open(os.path.join(cfg, "azureProfile.json"), "w") as f:
        # The lab's account as az stores it at login (tenantDefaultDomain and tenantDisplayName included).
        json.dump({"installationId": "00000000-0000-0000-0000-000000000000", "subscriptions": [{
            "id": account["id"], "name": account.get("name", "lab"), "state": "Enabled",
            "tenantId": account["tenantId"], "isDefault": True, "environmentName": "AzureCloud",
            "homeTenantId": account.get("homeTenantId", account["tenantId"]), "managedByTenants": [],
            "user": account.get("user") or {"name": "reader@example.com", "type": "user"}, **account}]}, f)


def run_az(args, arm_url, facts, index=None):
    """az ARGS in a child process; returns (stdout, stderr, exit, the commandIndex.json it left)."""
    cfg = tempfile.mkdtemp(prefix="aro-labs-az274-")
    try:
        for d in ("ext", "sys-ext"):
            os.makedirs(os.path.join(cfg, d))
        write_config(cfg, arm_url, facts["account"])
        if index:
            with open(os.path.join(cfg, "commandIndex.json"), "w") as f:
                f.write(index)
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC", "HOME": cfg,
               "AZURE_CONFIG_DIR": cfg, "AZ_INSTALLER": "DEB", "PYTHONIOENCODING": "utf-8",
               "AZ274_SITE": SITE, "AZ274_CLOCK": facts["clock"]}
        p = subprocess.run(["/usr/bin/python3", "-S", os.path.realpath(__file__), "--child", "--", *args],
                           env=env, capture_output=True, text=True, timeout=300, cwd=cfg)
        left = os.path.join(cfg, "commandIndex.json")
        return p.stdout, p.stderr, p.returncode, open(left).read() if os.path.exists(left) else None
    finally:
        shutil.rmtree(cfg, ignore_errors=True)


def child(args):
    """In the child (python3 -S): the az 2.74 tree first, the system's libraries after it. The
    `azure` namespace comes from the 2.74 tree alone (the system's azure-cli 2.45 and its SDK make
    `azure` a regular package that would otherwise win)."""
    import importlib.machinery
    import importlib.util
    site = os.environ["AZ274_SITE"]
    sys.path[:0] = [site]
    sys.path.append("/usr/lib/python3/dist-packages")
    spec = importlib.machinery.ModuleSpec("azure", None, is_package=True)
    spec.submodule_search_locations = [os.path.join(site, "azure")]
    sys.modules["azure"] = importlib.util.module_from_spec(spec)
    only_loopback()
    stub_grammars()
    no_login()
    no_directory()
    freeze_utcnow(os.environ["AZ274_CLOCK"])
    import runpy
    sys.argv = ["az", *args]
    code = 0
    try:
        runpy.run_module("azure.cli", run_name="__main__", alter_sys=True)
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    sys.stdout.flush()
    sys.stderr.flush()
    return code


def only_loopback():
    import socket
    loopback = {"127.0.0.1", "::1", "localhost"}

    def check(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in loopback:
            raise ConnectionRefusedError(f"offline: connection to {address[0]} refused")

    real_connect, real_connect_ex, real_getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def connect(self, address):
        check(self, address)
        return real_connect(self, address)

    def connect_ex(self, address):
        check(self, address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *a, **k):
        if host not in loopback and host is not None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real_getaddrinfo(host, *a, **k)

    socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo


def stub_grammars():
    import types

    class Stub(type):
        def __getattr__(cls, name):
            return object

        def __call__(cls, *a, **k):
            raise RuntimeError(f"{cls.__name__} is stubbed by make-az-today-references.py")

    for grammar, names in (("metric_alert", ("MetricAlertConditionLexer", "MetricAlertConditionParser")),
                           ("autoscale", ("AutoscaleConditionLexer", "AutoscaleConditionParser"))):
        for name in names:
            module = types.ModuleType(f"azure.cli.command_modules.monitor.grammar.{grammar}.{name}")
            setattr(module, name, Stub(name, (), {}))
            sys.modules[module.__name__] = module


def no_directory():
    """`az aro update` first checks the cluster's service principals in Microsoft Graph and their
    role assignments (aro custom.py `cluster_application_update`): on a healthy cluster and without
    --client-id, --client-secret or --refresh-credentials that check changes nothing and prints
    nothing (it logs at info level), and the lab has no directory to ask, so it is left out: the
    credentials given (none) go on as they are."""
    from azure.cli.command_modules.aro import custom
    custom.cluster_application_update = lambda cli_ctx, oc, client_id, client_secret, refresh: (client_id, client_secret)


def no_login():
    """aaz clients get a credential that is never asked for a token, and send no Authorization."""
    import azure.cli.core.aaz._command_ctx as command_ctx
    import azure.cli.core.aaz._http_policy as http_policy
    command_ctx.AAZCommandCtx.get_login_credential = lambda self: object()
    http_policy.AAZBearerTokenCredentialPolicy.on_request = lambda self, request: None
    # SDK-based commands (aro) take their credential from the profile: one that is never asked for
    # a token, and a bearer policy that sends none.
    from azure.cli.core._profile import Profile
    from azure.core.pipeline.policies import BearerTokenCredentialPolicy
    Profile.get_login_credentials = lambda self, *a, **k: (object(), self.get_subscription()["id"], self.get_subscription()["tenantId"])
    BearerTokenCredentialPolicy.on_request = lambda self, request: None


def freeze_utcnow(clock):
    """list_metrics does `from datetime import datetime` and calls datetime.utcnow(): that function
    alone (same code, same signature) is given an import that answers a datetime whose utcnow() is
    the lab's clock."""
    import builtins
    import datetime as real
    import types
    now = real.datetime.strptime(clock, "%Y-%m-%dT%H:%M:%SZ")

    class LabDatetime(real.datetime):
        @classmethod
        def utcnow(cls):
            return now

    lab_datetime = types.ModuleType("datetime")
    lab_datetime.__dict__.update({k: v for k, v in real.__dict__.items() if not k.startswith("__")})
    lab_datetime.datetime = LabDatetime

    def lab_import(name, globals=None, locals=None, fromlist=(), level=0):
        if name == "datetime" and level == 0:
            return lab_datetime
        return builtins.__import__(name, globals, locals, fromlist, level)

    from azure.cli.command_modules.monitor import custom
    fn = custom.list_metrics
    scope = dict(custom.__dict__)
    scope["__builtins__"] = {**builtins.__dict__, "__import__": lab_import}
    frozen = types.FunctionType(fn.__code__, scope, fn.__name__, fn.__defaults__, fn.__closure__)
    frozen.__kwdefaults__, frozen.__doc__, frozen.__qualname__, frozen.__module__ = \
        fn.__kwdefaults__, fn.__doc__, fn.__qualname__, fn.__module__
    custom.list_metrics = frozen


# ------------------------------------------------------------------------------ the corpus
def read_corpus(path):
    """As tests/conformance/corpus.ts reads it: `@lab NAME` lines, # comments, default lab aro2; the
    lines between `@begin` and `@end` are one entry (its lines joined by newlines)."""
    lines, lab, block = [], "aro2", None
    for raw in open(path, encoding="utf-8").read().split("\n"):
        if block is not None:
            if raw == "@end":
                lines.append((lab, "\n".join(block)))
                block = None
            else:
                block.append(raw)
            continue
        if raw == "@begin":
            block = []
            continue
        if not raw.strip() or raw.startswith("#"):
            continue
        directive = re.match(r"@lab\s+(\S+)\s*$", raw)
        if directive:
            lab = directive.group(1)
        else:
            lines.append((lab, raw))
    return lines


def az_args(line):
    """The words of an `az ...` line as bash reads them (bash itself splits them: inside double quotes a
    backslash escapes a backtick, which shlex would keep)."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    if not line.startswith("az ") or any(w and all(c in "();<>|&" for c in w) for w in lexer):
        raise SystemExit(f"{line}: az-today lines are single az commands")
    printed = subprocess.run(["bash", "--norc", "--noprofile", "-c", "printf '%s\\0' " + line[3:]],
                             capture_output=True, text=True, check=True, env={"PATH": "/usr/bin:/bin"})
    return printed.stdout.split("\0")[:-1]


def command_index(arm_url, facts):
    """az's commandIndex.json, made by a first run (which loads every command module) and kept
    next to the unpacked tree: each line then loads the monitor module alone."""
    path = os.path.join(CACHE, "commandIndex.json")
    if not os.path.exists(path):
        _, err, _, index = run_az(["monitor", "metrics", "list", "--help"], arm_url, facts)
        if err:
            # Debian's SDK lacks azure.mgmt.rdbms.mysql_flexibleservers: the rdbms module fails to load
            print(f"(az 2.74 building its command index said:)\n{err}", file=sys.stderr)
        with open(path, "w") as f:
            f.write(index)
    return open(path).read()


def run_entry(entry, arm, facts, index):
    """One corpus entry on a lab served afresh: each of its lines (az commands, one per line) in order,
    as the lab's session runs them; what they printed, one after the other, and the last one's status."""
    arm.reset()
    stdout, stderr, code = "", "", 0
    for line in entry.split("\n"):
        out, err, code, _ = run_az(az_args(line), arm.url, facts, index)
        stdout, stderr = stdout + out, stderr + err
    return stdout, stderr, code, None


def make(corpus, out):
    import queue
    unpack_packages()
    lines = read_corpus(corpus)
    name = os.path.splitext(os.path.basename(corpus))[0]
    results = {}
    for lab in dict.fromkeys(lab for lab, _ in lines):
        facts = lab_facts(lab)
        # One server per worker: an entry's writes change its server's world alone, and it is reset
        # before the next entry.
        servers = [LabArm(lab) for _ in range(PARALLEL)]
        free = queue.Queue()
        for server in servers:
            free.put(server)

        def entry(m):
            server = free.get()
            try:
                return run_entry(m[1], server, facts, index)
            finally:
                free.put(server)

        try:
            index = command_index(servers[0].url, facts)
            mine = [(i, line) for i, (l, line) in enumerate(lines) if l == lab]
            with ThreadPoolExecutor(PARALLEL) as pool:
                for (i, _), r in zip(mine, pool.map(entry, mine)):
                    results[i] = r
        finally:
            for server in servers:
                server.close()
    with open(out, "w", encoding="utf-8") as f:
        for i, (lab, line) in enumerate(lines):
            stdout, stderr, code, _ = results[i]
            f.write(json.dumps({"corpus": name, "lab": lab, "line": line, "stdout": stdout, "stderr": stderr,
                                "exit": code}, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{name}: {len(lines)} references (azure-cli 2.74) in {os.path.relpath(out, REPO)}", file=sys.stderr)


def main(argv):
    if argv[:1] == ["--child"]:
        return child(argv[2:])
    if argv[:1] == ["--az"] and len(argv) >= 3 and argv[2] == "--":
        unpack_packages()
        facts, arm = lab_facts(argv[1]), LabArm(argv[1])
        try:
            stdout, stderr, code, _ = run_az(argv[3:], arm.url, facts, command_index(arm.url, facts))
        finally:
            arm.close()
        sys.stdout.write(stdout)
        sys.stderr.write(stderr)
        return code
    if argv[:1] == ["--entry"] and len(argv) == 2:
        unpack_packages()
        facts, arm = lab_facts(argv[1]), LabArm(argv[1])
        try:
            stdout, stderr, code, _ = run_entry(sys.stdin.read().rstrip("\n"), arm, facts, command_index(arm.url, facts))
        finally:
            arm.close()
        sys.stdout.write(stdout)
        sys.stderr.write(stderr)
        return code
    corpus = os.path.join(REPO, "tests", "conformance", "corpus", "az-today.txt")
    out = os.path.join(REPO, "tests", "conformance", "references", "az-today.jsonl")
    i = 0
    while i < len(argv):
        if argv[i] == "--corpus" and i + 1 < len(argv):
            corpus, i = argv[i + 1], i + 2
        elif argv[i] == "--out" and i + 1 < len(argv):
            out, i = argv[i + 1], i + 2
        else:
            sys.stderr.write(__doc__)
            return 2
    make(corpus, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
