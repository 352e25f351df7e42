"""The files in deploy/: they parse, they agree with one another and with the settings.

nginx and systemd-analyze are run when they are installed; otherwise those tests are skipped
and the files are checked as text.
"""

import ast
import configparser
import contextlib
import http.server
import os
import re
import runpy
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from fairsite.uploads import MAX_UPLOAD_SIZE

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SETTINGS_DIR = ROOT / "config" / "settings"
ENV_EXAMPLE = DEPLOY / "env.example"
GUNICORN_CONF = DEPLOY / "gunicorn.conf.py"
NGINX_SITE = DEPLOY / "nginx" / "fairsite.conf"
UNITS = {
    "web": DEPLOY / "systemd" / "fairsite-web.service",
    "worker": DEPLOY / "systemd" / "fairsite-worker.service",
    "beat": DEPLOY / "systemd" / "fairsite-beat.service",
}
INSTALL_DIR = "/srv/fairsite"

# Read by the test settings alone (two test runs side by side), never by an installation.
TEST_ONLY = {"TEST_DB_SUFFIX"}
# In env.example though no settings module reads them: Django picks the settings module
# with it, and manage.py and celery would otherwise pick the development settings.
READ_BEFORE_SETTINGS = {"DJANGO_SETTINGS_MODULE"}

ASSIGNMENT = re.compile(r"^(?P<off>#)?(?P<name>[A-Z][A-Z0-9_]*)=(?P<value>.*)$")


def _is_env_call(node: ast.AST) -> bool:
    """env("X"), env.bool("X"), env.db("X")...: the settings' django-environ reader."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name):
        return func.id == "env"
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "env"
    )


def _is_os_environ_call(node: ast.AST) -> bool:
    """os.environ.get("X") or os.getenv("X")."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    func = node.func
    if func.attr == "getenv" and isinstance(func.value, ast.Name) and func.value.id == "os":
        return True
    return (
        func.attr == "get"
        and isinstance(func.value, ast.Attribute)
        and func.value.attr == "environ"
        and isinstance(func.value.value, ast.Name)
        and func.value.value.id == "os"
    )


def env_names_read(path: Path) -> set[str]:
    """The environment variables a settings module reads."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if not (_is_env_call(node) or _is_os_environ_call(node)):
            continue
        first = node.args[0] if node.args else None
        assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
            f"{path.name}:{node.lineno} reads a variable whose name is not written out: "
            "this test cannot check it against deploy/env.example"
        )
        names.add(first.value)
    return names


def settings_env_names() -> dict[str, set[str]]:
    """Every variable read in config/settings/*.py, with the files that read it."""
    readers: dict[str, set[str]] = {}
    for path in sorted(SETTINGS_DIR.glob("*.py")):
        for name in env_names_read(path):
            readers.setdefault(name, set()).add(path.name)
    return readers


def gunicorn_env_names() -> set[str]:
    """The GUNICORN_* variables deploy/gunicorn.conf.py reads (through its helpers)."""
    tree = ast.parse(GUNICORN_CONF.read_text())
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"GUNICORN_[A-Z0-9_]+", node.value)
    }


def env_example() -> dict[str, dict]:
    """deploy/env.example's variables: {name: {"value", "set" (not commented out), "line"}}."""
    entries: dict[str, dict] = {}
    lines = ENV_EXAMPLE.read_text().splitlines()
    for number, line in enumerate(lines):
        match = ASSIGNMENT.match(line)
        if match is None:
            continue
        name = match["name"]
        assert name not in entries, f"{name} is in deploy/env.example twice"
        value = match["value"]
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        entries[name] = {"value": value, "set": not match["off"], "line": number}
    return entries


def env_example_environment() -> dict[str, str]:
    """The variables env.example sets, as systemd's EnvironmentFile gives them."""
    return {name: entry["value"] for name, entry in env_example().items() if entry["set"]}


# env.example


def test_env_example_names_every_variable_the_settings_read():
    named = set(env_example())
    missing = sorted(set(settings_env_names()) - TEST_ONLY - named)
    assert not missing, f"read in config/settings/ but missing from deploy/env.example: {missing}"


def test_env_example_names_no_variable_that_nothing_reads():
    known = set(settings_env_names()) | gunicorn_env_names() | READ_BEFORE_SETTINGS
    stale = sorted(set(env_example()) - known)
    assert not stale, f"in deploy/env.example but read by nothing: {stale}"


def test_env_example_leaves_out_only_variables_of_the_test_settings():
    readers = settings_env_names()
    for name in TEST_ONLY:
        assert readers.get(name) == {"test.py"}, f"{name} is read by {readers.get(name)}"
        assert name not in env_example()


def test_env_example_explains_each_variable_on_the_line_before_it():
    lines = ENV_EXAMPLE.read_text().splitlines()
    for name, entry in env_example().items():
        before = lines[entry["line"] - 1] if entry["line"] else ""
        assert before.startswith("# ") and len(before) > 4, f"{name} has no comment above it"
        assert ASSIGNMENT.match(before) is None, f"{name} has no comment of its own above it"


def test_env_example_holds_no_secret():
    environment = env_example_environment()
    # Empty: production settings refuse to start until someone sets a real one.
    assert environment["SECRET_KEY"] == ""
    # The path of a key file, not a key.
    assert environment["BADGE_SIGNING_KEY"].startswith("/")
    assert "change-me" in environment["DATABASE_URL"]
    for name, value in environment.items():
        assert "$" not in value and "`" not in value, f"{name}: a shell would expand this"


def test_env_example_gives_settings_that_pass_the_deployment_checks(tmp_path):
    """The example, with a secret and a key filled in, loads the production settings and
    passes manage.py check --deploy; the paths it names are those nginx serves."""
    key_file = tmp_path / "badge-signing.key"
    key_file.write_text("zK0Dq3H1v1yQq9m6yq9m6yq9m6yq9m6yq9m6yq9m6yo=")
    example = env_example_environment()
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in env_example() and name not in settings_env_names()
    }
    environment |= example | {
        "SECRET_KEY": "deploy-files-test-" + "x" * 50,
        "BADGE_SIGNING_KEY": str(key_file),
    }
    assert environment["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    nginx = _nginx_text()
    assert _location_alias(nginx, "/static/") == example["STATIC_ROOT"].rstrip("/") + "/"
    assert _location_alias(nginx, "/media/") == example["MEDIA_ROOT"].rstrip("/") + "/"
    private = example["PRIVATE_MEDIA_ACCEL_REDIRECT"]
    assert _location_alias(nginx, private) == example["PRIVATE_MEDIA_ROOT"].rstrip("/") + "/"


# gunicorn


@pytest.fixture
def gunicorn_env(monkeypatch):
    for name in gunicorn_env_names():
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    return monkeypatch


def test_gunicorn_conf_defaults(gunicorn_env):
    config = runpy.run_path(str(GUNICORN_CONF))

    assert os.environ["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert config["wsgi_app"] == "config.wsgi:application"
    assert config["bind"] == ["127.0.0.1:8000"]
    assert config["workers"] == 2 * len(os.sched_getaffinity(0)) + 1
    assert config["worker_class"] == "sync"
    assert config["timeout"] == 30
    assert 0 < config["graceful_timeout"] <= config["timeout"]
    assert config["max_requests"] > 0 and 0 < config["max_requests_jitter"] < config["max_requests"]
    assert config["accesslog"] is None
    assert set(config["forwarded_allow_ips"].split(",")) == {"127.0.0.1", "::1"}


def test_gunicorn_conf_reads_the_environment(gunicorn_env):
    gunicorn_env.setenv("GUNICORN_BIND", "0.0.0.0:9000, unix:/run/fairsite/web.sock")
    gunicorn_env.setenv("GUNICORN_WORKERS", "3")
    gunicorn_env.setenv("GUNICORN_FORWARDED_ALLOW_IPS", "10.0.0.5")
    gunicorn_env.setenv("DJANGO_SETTINGS_MODULE", "config.settings.dev")

    config = runpy.run_path(str(GUNICORN_CONF))

    assert config["bind"] == ["0.0.0.0:9000", "unix:/run/fairsite/web.sock"]
    assert config["workers"] == 3
    assert config["forwarded_allow_ips"] == "10.0.0.5"
    assert os.environ["DJANGO_SETTINGS_MODULE"] == "config.settings.dev"


@pytest.mark.parametrize("workers", ["0", "-2", "many"])
def test_gunicorn_conf_refuses_a_wrong_number_of_workers(gunicorn_env, workers):
    gunicorn_env.setenv("GUNICORN_WORKERS", workers)
    with pytest.raises(ValueError, match="GUNICORN_WORKERS"):
        runpy.run_path(str(GUNICORN_CONF))


def test_gunicorn_conf_names_only_settings_gunicorn_knows(gunicorn_env):
    """A misspelt setting would be ignored by gunicorn without a word."""
    from gunicorn.config import Config

    config = Config()
    values = runpy.run_path(str(GUNICORN_CONF))
    names = [
        name
        for name, value in values.items()
        if not name.startswith("_")
        and name.islower()
        and not callable(value)
        and not isinstance(value, type(os))
    ]
    unknown = [name for name in names if name not in config.settings]
    assert not unknown, f"not gunicorn settings: {unknown}"
    for name in names:
        config.set(name, values[name])  # gunicorn's own validation
    assert config.worker_class_str == "sync"


def test_gunicorn_and_nginx_give_up_on_a_request_at_the_same_time(gunicorn_env):
    config = runpy.run_path(str(GUNICORN_CONF))
    timeouts = re.findall(r"proxy_read_timeout\s+(\d+)s;", _server_block(_nginx_text(), 443))
    assert timeouts == [str(config["timeout"])]


# nginx


def _nginx_text() -> str:
    """The site's configuration without its comments."""
    return "\n".join(line.split("#", 1)[0] for line in NGINX_SITE.read_text().splitlines())


def _block_after(text: str, start: int) -> str:
    """The text between the brace that follows `start` and its matching brace."""
    opening = text.index("{", start)
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return text[opening + 1 : index]
    raise AssertionError("unbalanced braces in deploy/nginx/fairsite.conf")


def _server_block(text: str, port: int) -> str:
    for match in re.finditer(r"\bserver\s*\{", text):
        block = _block_after(text, match.start())
        if re.search(rf"^\s*listen\s+{port}\b", block, re.MULTILINE):
            return block
    raise AssertionError(f"no server listens on port {port}")


def _location(text: str, path: str, modifier: str = "") -> str:
    pattern = rf"\blocation\s+{re.escape(modifier)}\s*{re.escape(path)}\s*\{{"
    match = re.search(pattern, text)
    assert match, f"no location {modifier} {path}"
    return _block_after(text, match.start())


def _location_alias(text: str, path: str) -> str:
    match = re.search(r"^\s*alias\s+(\S+);", _location(text, path), re.MULTILINE)
    assert match, f"location {path} has no alias"
    return match[1]


def _directives(block: str) -> list[str]:
    """The block's own directives (nested blocks left out), whitespace normalised."""
    flat, depth = [], 0
    for char in block:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                flat.append(";")  # a nested block ends a directive: "types { }"
        elif depth == 0:
            flat.append(char)
    return [" ".join(part.split()) for part in "".join(flat).split(";") if part.strip()]


def test_nginx_private_location_is_internal_and_never_renders_a_file():
    private = _directives(_location(_nginx_text(), "/_private/"))
    assert "internal" in private
    assert "types" in private  # "types { }": no type from the file's name
    assert "default_type application/octet-stream" in private
    assert "add_header X-Content-Type-Options nosniff always" in private
    assert "add_header Content-Security-Policy sandbox always" in private


def test_nginx_takes_a_little_more_than_the_app_accepts():
    sizes = re.findall(r"client_max_body_size\s+(\d+)m;", _nginx_text())
    assert sizes == ["13"]
    limit = int(sizes[0]) * 1024 * 1024
    assert limit > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert limit > MAX_UPLOAD_SIZE


def test_nginx_redirects_plain_http_except_the_probes():
    plain = _server_block(_nginx_text(), 80)
    # No redirect at the server's level: it would catch the probes too.
    assert not any(d.startswith("return") for d in _directives(plain))
    for probe in ("/healthz", "/readyz"):
        directives = _directives(_location(plain, probe, "="))
        assert "proxy_pass http://fairsite_app" in directives
        assert not any(d.startswith("return") for d in directives)
    assert "return 301 https://$host$request_uri" in _directives(_location(plain, "/"))


def test_nginx_passes_the_request_id_and_scheme_and_leaves_hsts_to_django():
    tls = _directives(_server_block(_nginx_text(), 443))
    assert "proxy_set_header X-Forwarded-Proto $scheme" in tls
    assert any(d.startswith("proxy_set_header X-Request-ID $") for d in tls)
    assert "ssl_protocols TLSv1.2 TLSv1.3" in tls
    assert "Strict-Transport-Security" not in _nginx_text()  # Django sends it


def test_nginx_keeps_the_gate_service_worker_fresh():
    text = _nginx_text()
    match = re.search(r"location\s+~\s+(\S+)\s*\{", text)
    assert match and re.search(match[1], "/fr/gate/sw.js") and re.search(match[1], "/ar/gate/sw.js")
    assert 'add_header Cache-Control "no-cache" always' in _directives(
        _block_after(text, match.start())
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _nginx_setup(
    tmp_path: Path, *, http_port=80, https_port=443, upstream_port=8000, ipv6=True
) -> Path:
    """A wrapper configuration around the site, with a throw-away certificate and every
    path (logs, files served) moved into tmp_path."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: no certificate to test nginx with")
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=salon.example.ma",
            "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    for folder in ("logs", "tmp", "static", "media", "private"):
        (tmp_path / folder).mkdir()
    site = NGINX_SITE.read_text()
    for old, new in {
        "/etc/ssl/fairsite/fullchain.pem": str(tmp_path / "cert.pem"),
        "/etc/ssl/fairsite/privkey.pem": str(tmp_path / "key.pem"),
        "/var/log/nginx/": f"{tmp_path}/logs/",
        f"{INSTALL_DIR}/var/": f"{tmp_path}/",
        "127.0.0.1:8000": f"127.0.0.1:{upstream_port}",
    }.items():
        assert old in site, old
        site = site.replace(old, new)
    site = re.sub(r"listen (\[::\]:)?80 ", rf"listen \g<1>{http_port} ", site)
    site = re.sub(r"listen (\[::\]:)?443 ", rf"listen \g<1>{https_port} ", site)
    if not ipv6:  # a machine without IPv6 could not bind [::]
        site = re.sub(r"^\s*listen \[::\].*$", "", site, flags=re.MULTILINE)
    (tmp_path / "site.conf").write_text(site)
    mime = Path("/etc/nginx/mime.types")
    lines = []
    if os.geteuid() == 0:
        lines.append("user root;")  # as root, the workers would be nobody, barred from tmp_path
    lines += [
        f"pid {tmp_path}/nginx.pid;",
        f"error_log {tmp_path}/logs/error.log;",
        "daemon off;",
        "events {}",
        "http {",
    ]
    if mime.exists():
        lines.append(f"    include {mime};")
    lines += [
        f"    client_body_temp_path {tmp_path}/tmp/body;",
        f"    proxy_temp_path {tmp_path}/tmp/proxy;",
        f"    include {tmp_path}/site.conf;",
        "}",
    ]
    (tmp_path / "nginx.conf").write_text("\n".join(lines) + "\n")
    return tmp_path / "nginx.conf"


def _nginx_binary() -> str:
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if nginx is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light): config only read")
    return nginx


def test_nginx_accepts_the_site_configuration(tmp_path):
    nginx = _nginx_binary()
    config = _nginx_setup(tmp_path)
    result = subprocess.run(
        [
            nginx,
            "-t",
            "-p",
            str(tmp_path),
            "-e",
            str(tmp_path / "logs/error.log"),
            "-c",
            str(config),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr


class _App(http.server.BaseHTTPRequestHandler):
    """Stands in for gunicorn: /download/<name> answers as private_file_response does
    behind nginx; anything else echoes the headers nginx added."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.send_response(200)
        if self.path.startswith("/download/"):
            self.send_header("Content-Type", "application/pdf")
            self.send_header(
                "X-Accel-Redirect", "/_private/" + self.path.removeprefix("/download/")
            )
            self.send_header("Content-Disposition", 'attachment; filename="document.pdf"')
            self.send_header("Cache-Control", "private, no-store")
        else:
            self.send_header("Content-Type", "text/plain")
            self.send_header("Cache-Control", "max-age=3600")
            for header in ("X-Request-ID", "X-Forwarded-Proto"):
                self.send_header(f"X-Seen-{header}", self.headers.get(header, ""))
        self.end_headers()
        self.wfile.write(b"app")

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args):
        pass


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def nginx_running(tmp_path):
    """nginx with the site in front of a stand-in app, on free ports; stopped afterwards."""
    nginx = _nginx_binary()
    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _App)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    ports = {"http": _free_port(), "https": _free_port()}
    config = _nginx_setup(
        tmp_path,
        http_port=ports["http"],
        https_port=ports["https"],
        upstream_port=upstream.server_address[1],
        ipv6=False,
    )
    process = subprocess.Popen(
        [nginx, "-p", str(tmp_path), "-e", str(tmp_path / "logs/error.log"), "-c", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", ports["https"]), timeout=0.2),
            ):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"nginx did not start: {process.stderr.read().decode()}")
            time.sleep(0.05)
        yield tmp_path, ports
    finally:
        process.terminate()
        process.wait(timeout=10)
        upstream.shutdown()
        upstream.server_close()


def _fetch(url: str, *, method="GET", headers=None, data=None):
    """(status, headers) of one request, following no redirect, trusting any certificate."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), _NoRedirect()
    )
    request = urllib.request.Request(url, method=method, headers=headers or {}, data=data)
    try:
        with opener.open(request, timeout=10) as response:
            response.read()
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_nginx_sends_private_files_as_inert_downloads(nginx_running):
    root, ports = nginx_running
    (root / "private" / "applications").mkdir()
    (root / "private" / "applications" / "page 1.html").write_text("<script>alert(1)</script>")
    https = f"https://127.0.0.1:{ports['https']}"

    status, headers = _fetch(f"{https}/download/applications/page%201.html")

    assert status == 200
    assert headers["Content-Type"] == "application/pdf"  # the app's, from the content
    assert headers["Content-Disposition"].startswith("attachment")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == "sandbox"
    assert headers.get_all("Cache-Control") == ["private, no-store"]
    # Straight from outside, the internal location does not exist.
    assert _fetch(f"{https}/_private/applications/page%201.html")[0] == 404


def test_nginx_redirects_plain_http_but_answers_the_probes(nginx_running):
    _root, ports = nginx_running
    http_url = f"http://127.0.0.1:{ports['http']}"

    status, headers = _fetch(f"{http_url}/fr/programme/")
    assert status == 301
    assert headers["Location"] == "https://127.0.0.1/fr/programme/"
    for probe in ("/healthz", "/readyz"):
        assert _fetch(http_url + probe)[0] == 200


def test_nginx_passes_request_ids_and_refuses_oversized_bodies(nginx_running):
    _root, ports = nginx_running
    https = f"https://127.0.0.1:{ports['https']}"

    _status, made = _fetch(f"{https}/fr/")
    assert re.fullmatch(r"[0-9a-f]{32}", made["X-Seen-X-Request-ID"])
    assert made["X-Seen-X-Forwarded-Proto"] == "https"
    _status, kept = _fetch(f"{https}/fr/", headers={"X-Request-ID": "lb-0123456789"})
    assert kept["X-Seen-X-Request-ID"] == "lb-0123456789"

    _status, worker = _fetch(f"{https}/fr/gate/sw.js")
    assert worker.get_all("Cache-Control") == ["no-cache"]

    status, _headers = _fetch(f"{https}/fr/portal/", method="POST", data=b"x" * (14 * 1024 * 1024))
    assert status == 413


# systemd


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(
        interpolation=None, strict=True, comment_prefixes=("#", ";"), delimiters=("=",)
    )
    parser.optionxform = str  # systemd's keys are case-sensitive
    parser.read_string(path.read_text(), source=str(path))
    return parser


def _seconds(span: str) -> int:
    """A systemd time span such as "11min", "45", "1min 30s" in seconds."""
    units = {"": 1, "s": 1, "sec": 1, "min": 60, "m": 60, "h": 3600}
    parts = re.findall(r"(\d+)\s*([a-z]*)", span)
    assert parts and "".join(f"{n}{u}" for n, u in parts) == span.replace(" ", ""), span
    return sum(int(number) * units[unit] for number, unit in parts)


@pytest.mark.parametrize("role", sorted(UNITS))
def test_systemd_unit_runs_as_fairsite_hardened(role):
    unit = _unit(UNITS[role])
    service = unit["Service"]

    assert unit["Unit"]["Description"]
    assert unit["Install"]["WantedBy"] == "multi-user.target"
    assert service["User"] == service["Group"] == "fairsite"
    assert service["WorkingDirectory"] == INSTALL_DIR
    assert service["EnvironmentFile"] == "/etc/fairsite/env"
    assert service["ExecStart"].startswith(f"{INSTALL_DIR}/.venv/bin/")
    assert service["Restart"] == "on-failure"
    assert service["NoNewPrivileges"] == "yes"
    assert service["ProtectSystem"] == "strict"
    assert service["PrivateTmp"] == "yes"
    assert service["ReadWritePaths"].split()


@pytest.mark.parametrize("role", ["web", "worker"])
def test_systemd_unit_may_write_the_shared_files(role):
    writable = _unit(UNITS[role])["Service"]["ReadWritePaths"].split()
    example = env_example_environment()
    for name in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
        assert any(Path(example[name]).is_relative_to(path) for path in writable), name


def test_systemd_web_unit_starts_gunicorn_with_the_deploy_config(gunicorn_env):
    service = _unit(UNITS["web"])["Service"]
    program, *arguments = service["ExecStart"].split()
    assert program.endswith("/gunicorn")
    config = Path(arguments[arguments.index("--config") + 1])
    assert config.is_relative_to(INSTALL_DIR)
    assert (ROOT / config.relative_to(INSTALL_DIR)) == GUNICORN_CONF
    assert service["KillMode"] == "mixed"
    assert (
        _seconds(service["TimeoutStopSec"]) > runpy.run_path(str(GUNICORN_CONF))["graceful_timeout"]
    )


def test_systemd_worker_unit_waits_for_a_warm_shutdown():
    service = _unit(UNITS["worker"])["Service"]
    assert " -A config worker" in service["ExecStart"]
    assert service["KillMode"] == "mixed"
    # Running tasks may last up to the hard time limit; a task cut short is redelivered
    # only because tasks are acknowledged late and rejected when their process is lost.
    assert _seconds(service["TimeoutStopSec"]) > settings.CELERY_TASK_TIME_LIMIT
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST


def test_systemd_beat_unit_uses_the_database_scheduler_and_says_it_is_unique():
    text = UNITS["beat"].read_text()
    service = _unit(UNITS["beat"])["Service"]
    assert " -A config beat" in service["ExecStart"]
    assert "django_celery_beat.schedulers:DatabaseScheduler" in service["ExecStart"]
    assert settings.CELERY_BEAT_SCHEDULER == "django_celery_beat.schedulers:DatabaseScheduler"
    assert "EXACTLY ONE in the whole installation" in text


def test_systemd_units_pass_systemd_analyze_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed: the units were only parsed")
    # verify wants ExecStart's programs to exist: point them at this checkout's virtualenv.
    venv = Path(sys.prefix)
    if not (venv / "bin" / "gunicorn").exists() or not (venv / "bin" / "celery").exists():
        pytest.skip(f"gunicorn and celery are not installed in {venv}")
    copies = []
    for path in UNITS.values():
        copy = tmp_path / path.name
        copy.write_text(path.read_text().replace(f"{INSTALL_DIR}/.venv/", f"{venv}/"))
        copies.append(str(copy))
    result = subprocess.run(
        [analyze, "verify", *copies], capture_output=True, text=True, timeout=60
    )
    # Unknown keys and bad values are only warnings (exit status 0): fail on any word
    # about the units themselves.
    complaints = [line for line in result.stderr.splitlines() if str(tmp_path) in line]
    assert result.returncode == 0 and not complaints, result.stderr
