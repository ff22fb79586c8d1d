"""The container files (``Dockerfile``, ``compose.yaml``), checked without a container runtime.

The Dockerfile's build and install steps run as written, with its container paths mapped into a
temporary directory: the wheel is built from exactly what the builder stage copies, installed
into a fresh virtualenv, and the image's entry point, command and environment are run from it.
The health check's command runs against a local server; compose.yaml's environment is compared
with the variables the CLI reads.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from stripe_sync.cli import main

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Stage:
    name: str | None
    base: str
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def all(self, keyword: str) -> list[str]:
        return [args for kw, args in self.instructions if kw == keyword]

    def last(self, keyword: str) -> str:
        found = self.all(keyword)
        assert found, f"no {keyword} in stage {self.name or self.base}"
        return found[-1]

    def env(self) -> dict[str, str]:
        env: dict[str, str] = {}
        for args in self.all("ENV"):
            for pair in re_split_env(args):
                name, _, value = pair.partition("=")
                env[name] = value
        return env


def re_split_env(args: str) -> list[str]:
    return [p for p in re.split(r"\s+", args.strip()) if p]


def parse_dockerfile(text: str) -> list[Stage]:
    """The stages and their instructions; continuation lines joined, comments dropped."""
    lines: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        lines.append(pending + line)
        pending = ""
    assert pending == "", "a continuation line ends the file"
    stages: list[Stage] = []
    for line in lines:
        keyword, _, args = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            base, _, name = args.partition(" AS ")
            stages.append(Stage(name=name.strip() or None, base=base.strip()))
        else:
            assert stages, f"{keyword} before FROM"
            stages[-1].instructions.append((keyword, args.strip()))
    return stages


def exec_form(args: str) -> list[str]:
    value = json.loads(args)
    assert isinstance(value, list), f"not the exec (JSON) form: {args}"
    return [str(v) for v in value]


def healthcheck_command(stage: Stage) -> list[str]:
    args = stage.last("HEALTHCHECK")
    _, _, command = args.partition("CMD ")
    return exec_form(command)


def cli_envvars() -> set[str]:
    """Every environment variable any ``stripe-sync`` command or option reads."""
    names: set[str] = set()

    def walk(command: click.Command) -> None:
        for param in command.params:
            envvar = getattr(param, "envvar", None)
            if isinstance(envvar, str):
                names.add(envvar)
            elif envvar:
                names.update(envvar)
        if isinstance(command, click.Group):
            for sub in command.commands.values():
                walk(sub)

    walk(main)
    return names


DOCKERFILE = parse_dockerfile((ROOT / "Dockerfile").read_text())
BUILDER, RUNTIME = DOCKERFILE[0], DOCKERFILE[-1]
COMPOSE: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
#: Variables of the base image and of Python/pip themselves, not of stripe-sync.
RUNTIME_ENV = {"PATH", "PYTHONUNBUFFERED", "PIP_DISABLE_PIP_VERSION_CHECK"}


def in_root(root: Path, text: str) -> str:
    """``text`` with the container's absolute paths (those the Dockerfile names) under ``root``."""
    return re.sub(r"(?<![\w.])/(src|wheels|opt)\b", lambda m: f"{root}/{m.group(1)}", text)


def run_as_written(root: Path, stage: Stage) -> None:
    """The stage's WORKDIR, COPY (from the repository) and RUN steps, in ``root``."""
    workdir = root
    for keyword, args in stage.instructions:
        if keyword == "WORKDIR" and args.startswith("/src"):
            workdir = Path(in_root(root, args))
            workdir.mkdir(parents=True, exist_ok=True)
        elif keyword == "COPY" and not args.startswith("--from"):
            *sources, dest = args.split()
            target = workdir / dest
            for source in sources:
                path = ROOT / source
                if path.is_dir():
                    shutil.copytree(path, target if dest.endswith("/") else target / source)
                else:
                    target.mkdir(parents=True, exist_ok=True)
                    shutil.copy(path, target / path.name)
        elif keyword == "RUN" and in_root(root, args) != args:
            # The steps that build and install (those on the image's paths); creating the user
            # is the image's business (checked by the USER test), not this machine's.
            env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
            subprocess.run(["bash", "-euc", in_root(root, args)], cwd=workdir, env=env, check=True)


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The image's virtualenv, made by the Dockerfile's own steps; yields its ``bin``."""
    root = tmp_path_factory.mktemp("image")
    run_as_written(root, BUILDER)
    wheels = list((root / "wheels").glob("*.whl"))
    assert [w.name.split("-")[0] for w in wheels] == ["stripe_sync_engine"]
    with zipfile.ZipFile(wheels[0]) as wheel:  # hatchling leaves out a license it cannot find
        assert any(n.endswith(".dist-info/licenses/LICENSE") for n in wheel.namelist())
    run_as_written(root, RUNTIME)
    assert not (root / "wheels").exists(), "the install step removes the wheels"
    return root / "opt" / "stripe-sync" / "bin"


def image_env(bin_dir: Path) -> dict[str, str]:
    """The environment the image's command sees: the Dockerfile's ENV, no DATABASE_URL."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STRIPE", "DATABASE_URL"))}
    env.update({k: v for k, v in RUNTIME.env().items() if k != "PATH"})
    env["PATH"] = f"{bin_dir}:{env['PATH']}"
    return env


@pytest.mark.slow
def test_the_entry_point_and_its_command_run_from_the_installed_wheel(image: Path) -> None:
    (entry,) = exec_form(RUNTIME.last("ENTRYPOINT"))
    command = exec_form(RUNTIME.last("CMD"))
    env = image_env(image)
    assert shutil.which(entry, path=env["PATH"]) == str(image / entry)
    # --help after the command's own arguments: exit 0 only if they all parse.
    result = subprocess.run(
        [entry, *command, "--help"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Usage: stripe-sync start" in result.stdout


@pytest.mark.slow
def test_the_image_refuses_to_start_without_a_database_url(image: Path) -> None:
    """Not an embedded PostgreSQL inside the container: exit 2 and a line naming the fix."""
    env = {**image_env(image), "STRIPE_API_KEY": "sk_test_unused", "HOME": str(image.parent)}
    entry = exec_form(RUNTIME.last("ENTRYPOINT"))
    result = subprocess.run(
        [*entry, *exec_form(RUNTIME.last("CMD"))],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "DATABASE_URL" in result.stderr
    assert not (image.parent / ".local").exists(), "an embedded PostgreSQL was set up"


def test_the_image_runs_as_a_user_from_the_slim_python_base() -> None:
    assert RUNTIME.base.startswith("python:3.11-slim")
    assert RUNTIME.last("USER") not in ("root", "0")
    assert BUILDER.name is not None
    assert any(a.startswith(f"--from={BUILDER.name} ") for a in RUNTIME.all("COPY"))


def test_the_exposed_port_is_the_one_served_and_checked() -> None:
    command = exec_form(RUNTIME.last("CMD"))
    assert command[0] == "start"
    port = command[command.index("--port") + 1]
    assert command[command.index("--host") + 1] == "0.0.0.0"
    assert RUNTIME.last("EXPOSE") == port
    (url,) = [a for a in healthcheck_command(RUNTIME) if "http://" in a]
    assert f"127.0.0.1:{port}/" in url
    published = [str(p) for p in COMPOSE["services"]["stripe-sync"]["ports"]]
    assert [p.rsplit(":", 1)[1] for p in published] == [port]


def test_the_health_check_asks_a_route_of_the_app() -> None:
    from starlette.routing import Route

    from stripe_sync.config import StripeSyncConfig
    from stripe_sync.server import create_app

    code = " ".join(healthcheck_command(RUNTIME))
    (path,) = re.findall(r"http://[^/'\"]+(/[\w/]*)", code)
    app = create_app(
        StripeSyncConfig(stripe_secret_key="sk_test_unused", database_url="postgresql:///unused")
    )
    get_routes = {r.path for r in app.routes if isinstance(r, Route) and "GET" in (r.methods or ())}
    assert path in get_routes


class _Health(http.server.BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:
        self.send_response(self.status if self.path == "/health" else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(("status", "healthy"), [(200, True), (503, False)])
def test_the_health_check_fails_unless_health_answers_200(status: int, healthy: bool) -> None:
    """Run with the python of the image's base (no curl in slim) against a server answering
    ``status`` on ``/health``, on the port the command names mapped to a free one."""
    handler = type("Handler", (_Health,), {"status": status})
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = exec_form(RUNTIME.last("CMD"))[-1]
        command = [
            a.replace(f":{port}/", f":{server.server_address[1]}/")
            for a in healthcheck_command(RUNTIME)
        ]
        assert command[0] == "python"
        result = subprocess.run(
            [sys.executable, *command[1:]], capture_output=True, timeout=30, check=False
        )
        server.shutdown()
    assert (result.returncode == 0) is healthy, result.stderr


def test_every_variable_the_containers_set_is_one_the_cli_reads() -> None:
    known = cli_envvars()
    service = COMPOSE["services"]["stripe-sync"]
    compose_names = set(service["environment"])
    image_names = set(RUNTIME.env()) - RUNTIME_ENV
    assert sorted(compose_names - known) == []
    assert sorted(image_names - known) == []
    assert {"DATABASE_URL", "STRIPE_API_KEY"} <= compose_names


def test_compose_waits_for_a_healthy_postgres_that_keeps_its_data() -> None:
    services = COMPOSE["services"]
    postgres = services["postgres"]
    assert postgres["image"].split(":")[0] == "postgres"
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    volume = postgres["volumes"][0].split(":")[0]
    assert volume in COMPOSE["volumes"]
    app = services["stripe-sync"]
    assert app["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert "@postgres:5432/" in app["environment"]["DATABASE_URL"]
    assert app["build"] == "."


#: Variables whose value is a secret: in compose.yaml only as ``${VARIABLE...}``.
SECRET = re.compile(r"KEY|SECRET|PASSWORD|TOKEN")


def test_no_secret_is_written_into_the_container_files() -> None:
    env = {
        **COMPOSE["services"]["stripe-sync"]["environment"],
        **COMPOSE["services"]["postgres"]["environment"],
    }
    for name, value in env.items():
        if SECRET.search(name):
            assert re.fullmatch(r"\$\{\w+(:[-?][^}]*)?\}", str(value)), name
    # The database URL carries the password only as the variable.
    assert re.search(r"://\w+:\$\{POSTGRES_PASSWORD[^}]*\}@", env["DATABASE_URL"])
    assert sorted(n for n in RUNTIME.env() if SECRET.search(n)) == []
    for name in ("Dockerfile", "compose.yaml"):
        text = (ROOT / name).read_text()
        assert re.findall(r"\b(?:sk|rk)_(?:test|live)_\w+|\bwhsec_\w+", text) == [], name
    # The build context is an allow-list: a local .env never reaches the builder.
    ignored = [
        line for line in (ROOT / ".dockerignore").read_text().splitlines() if line[:1] not in "#"
    ]
    assert ignored[0] == "*"
    assert [line for line in ignored if ".env" in line] == []
