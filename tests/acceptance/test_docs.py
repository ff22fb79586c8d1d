"""The documentation site (``mkdocs.yml``, ``docs/``): it builds, it is complete, its code runs.

- The site builds with ``mkdocs build --strict``: a broken link, a missing page or an API name
  mkdocstrings cannot resolve fails the build.
- Every command and subcommand of ``stripe-sync`` (the click tree, walked here) has its section
  in the built command reference, and every name of ``stripe_sync.__all__`` its entry in the built
  API reference.
- Every fenced code block of ``docs/`` is checked by its language, unless the line before it
  is ``<!-- not-run: REASON -->``:

  - ``python``: executed, page by page in order in one namespace, against the fake Stripe over
    HTTP and a real, migrated PostgreSQL. The examples use a few names they do not define
    (:data:`GIVEN`) and placeholders that :data:`SUBSTITUTIONS` replaces, visibly, here.
    Blocks marked ``<!-- snippet: NAME -->`` are run by ``tests/integration/test_frameworks.py``.
  - ``sql``: executed against a migrated database, then rolled back.
  - ``bash``: every ``stripe-sync`` command line must parse: its command exists and so does each
    of its options (placeholders such as ``[--json]`` included), and ``--help`` works. A shell
    block without a ``stripe-sync`` command must be marked.

  The same parse check applies to each inline ``stripe-sync ...`` code span of the pages (the
  command table of ``docs/cli.md``, for one).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import psycopg
import pytest
from click.testing import CliRunner

import stripe_sync
from stripe_sync import StripeSync, StripeSyncConfig
from stripe_sync.cli import main
from stripe_sync.testing import FakeStripe, run_in_thread

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
WEBHOOK_SECRET = "whsec_docs_test_000000000000000000"

#: What the examples' placeholders stand for when the test runs them.
SUBSTITUTIONS = {
    # Every config an example makes talks to the fake Stripe.
    "StripeSyncConfig(": "StripeSyncConfig(stripe_api_base=STRIPE_API_BASE, ",
    '"sk_test_..."': "STRIPE_API_KEY",
    '"whsec_..."': "WEBHOOK_SECRET",
    '"postgresql://..."': "DATABASE_URL",
    '"acct_..."': "ACCOUNT_ID",
}
#: Names the examples use without defining them, as a reader's code would have them.
GIVEN = ("config", "sync", "body", "signature", "event")
_FENCE = re.compile(r"^```(?P<lang>[a-z]*)\n(?P<code>.*?)^```$", re.M | re.S)
_MARK = re.compile(r"<!-- (?P<kind>not-run|snippet): ?(?P<text>.*?) ?-->$")


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    lang: str
    code: str
    mark: str | None  # "not-run", "snippet" or None
    reason: str

    def __str__(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    text = page.read_text()
    found = []
    for match in _FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        mark = _MARK.match(before)
        found.append(
            Block(
                page,
                text.count("\n", 0, match.start()) + 1,
                match["lang"],
                match["code"],
                mark["kind"] if mark else None,
                mark["text"] if mark else "",
            )
        )
    return found


def all_blocks() -> list[Block]:
    return [b for page in pages() for b in blocks(page)]


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command and subcommand of the CLI (groups too), as its words after stripe-sync."""
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from command_paths(command, (*prefix, name))


# -- the site ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("mkdocs") is None:
        pytest.fail("the site needs the docs extra: pip install -e '.[dev,docs]'")
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        # Material's banner about MkDocs 2.0 is advice, not a build warning.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_site_builds_in_strict_mode(site: Path) -> None:
    for page in ("index.html", "cli/index.html", "api/index.html", "frameworks/index.html"):
        assert (site / page).is_file(), page


def missing_commands(html: str) -> list[str]:
    """Commands of the CLI without a section (its heading's id) in the command reference."""
    return [
        " ".join(path)
        for path in command_paths(main)
        if f'id="{"-".join(("stripe-sync", *path))}"' not in html
    ]


def missing_api_names(html: str) -> list[str]:
    return [name for name in stripe_sync.__all__ if f'id="stripe_sync.{name}"' not in html]


def test_every_command_is_in_the_command_reference(site: Path) -> None:
    html = (site / "cli" / "index.html").read_text()
    assert missing_commands(html) == []
    # The generated sections hold each command's own help text.
    backfill = main.commands["backfill"]
    assert backfill.help is not None
    assert backfill.help.split("\n")[0].split("(")[0].strip() in html


def test_every_public_name_is_in_the_api_reference(site: Path) -> None:
    assert missing_api_names((site / "api" / "index.html").read_text()) == []


def test_the_checks_catch_a_missing_name(site: Path) -> None:
    """The two checks above, fed a page with one entry removed, report it."""
    cli = (site / "cli" / "index.html").read_text()
    assert missing_commands(cli.replace('id="stripe-sync-webhooks-list"', "")) == ["webhooks list"]
    api = (site / "api" / "index.html").read_text()
    assert missing_api_names(api.replace('id="stripe_sync.PollResult"', "")) == ["PollResult"]


def test_every_command_is_in_the_command_table() -> None:
    """The hand-written summary of docs/cli.md names every command (leaf commands; the
    generated reference below it has the groups too)."""
    table = (DOCS / "cli.md").read_text()
    leaves = [
        " ".join(p) for p in command_paths(main) if not isinstance(resolve(list(p))[0], click.Group)
    ]
    assert [c for c in leaves if f"`stripe-sync {c}" not in table] == []


# -- code blocks --------------------------------------------------------------------------------


def test_every_code_block_is_checked_or_says_why_not() -> None:
    unchecked = []
    for block in all_blocks():
        if block.mark == "not-run":
            if not block.reason:
                unchecked.append(f"{block}: not-run without a reason")
        elif block.mark == "snippet":
            if block.page != DOCS / "frameworks.md":
                unchecked.append(f"{block}: snippets are run only from docs/frameworks.md")
        elif block.lang in ("python", "sql"):
            pass
        elif block.lang == "bash":
            if not list(stripe_sync_lines(block.code)):
                unchecked.append(f"{block}: a shell block without a stripe-sync command")
        else:
            unchecked.append(f"{block}: no check for language {block.lang!r}")
    assert unchecked == []


def resolve(words: list[str]) -> tuple[click.Command, list[str]]:
    """The command named by the leading words of ``words`` and the words after it."""
    command: click.Command = main
    rest = list(words)
    while isinstance(command, click.Group) and rest and rest[0] in command.commands:
        command = command.commands[rest.pop(0)]
    return command, rest


def stripe_sync_lines(script: str) -> Iterator[list[str]]:
    """The words of each ``stripe-sync`` command of a shell script, after the program name."""
    for line in script.replace("\\\n", " ").splitlines():
        line = line.split(" #", 1)[0]
        for part in re.split(r"&&|\|\||;|\$\(|\)", line):
            words = part.split()
            if words and (words[0] == "stripe-sync" or words[0].endswith("/stripe-sync")):
                yield words[1:]


def parse_problems(words: list[str]) -> list[str]:
    """Why a documented command line would not parse: an unknown command or option."""
    command, rest = resolve(words)
    if isinstance(command, click.Group):
        return [f"no such command: {rest[0]}"] if rest else []
    options = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
    options.add("--help")
    problems = []
    for token in re.split(r"[\s\[\]|]+", " ".join(rest)):
        name = token.split("=", 1)[0]
        if name.startswith("-") and name not in ("-", "--") and name not in options:
            problems.append(f"{command.name}: no option {name}")
    return problems


def documented_command_lines() -> Iterator[tuple[str, list[str]]]:
    for block in all_blocks():
        if block.lang == "bash" and block.mark != "not-run":
            for words in stripe_sync_lines(block.code):
                yield str(block), words
    for page in pages():
        for span in re.findall(r"`(stripe-sync [^`]+)`", page.read_text()):
            yield str(page.relative_to(ROOT)), shlex.split(span.replace("\\|", "|"))[1:]


def test_every_documented_command_line_parses() -> None:
    problems = [
        f"{where}: {problem}"
        for where, words in documented_command_lines()
        for problem in parse_problems(words)
    ]
    assert problems == []
    runner = CliRunner()
    for path in command_paths(main):
        result = runner.invoke(main, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)


def test_the_parse_check_catches_a_wrong_line() -> None:
    assert parse_problems(["backfill", "customer", "--json"]) == []
    assert parse_problems(["backfill", "--no-such-flag"]) == ["backfill: no option --no-such-flag"]
    assert parse_problems(["webhooks", "frobnicate"]) == ["no such command: frobnicate"]


def test_the_typescript_names_exist() -> None:
    """Each row ``| `camelCase` | `snake_case` |`` of docs/typescript.md names a method of both
    engines or a config field, spelled as the TypeScript name in snake_case."""
    rows = re.findall(r"^\| `(\w+)` \| `(\w+)`", (DOCS / "typescript.md").read_text(), re.M)
    assert len(rows) > 20
    fields = set(StripeSyncConfig.__dataclass_fields__)
    wrong = [
        (camel, snake)
        for camel, snake in rows
        if re.sub(r"(?<!^)(?=[A-Z])", "_", camel).lower() != snake
        or not (
            snake in fields
            or (hasattr(StripeSync, snake) and hasattr(stripe_sync.AsyncStripeSync, snake))
        )
    ]
    assert wrong == []


def test_every_metric_named_in_the_docs_exists() -> None:
    source = (ROOT / "src" / "stripe_sync" / "metrics.py").read_text()
    named = {
        re.sub(r"_(total|bucket|count|sum)$", "", m)
        for page in pages()
        for m in re.findall(r"\bstripe_sync_[a-z_]+\b(?!\()", page.read_text())
    }
    assert named
    assert sorted(n for n in named if f'"{n}"' not in source) == []


@pytest.mark.parametrize(
    "page",
    [p for p in pages() if any(b.lang == "sql" and b.mark is None for b in blocks(p))],
    ids=lambda p: str(p.relative_to(DOCS)),
)
def test_sql_blocks_run(page: Path, database_url: str) -> None:
    with psycopg.connect(database_url) as conn:
        for block in blocks(page):
            if block.lang == "sql" and block.mark is None:
                try:
                    conn.execute(block.code.encode())
                except psycopg.Error as exc:
                    pytest.fail(f"{block}: {exc}")
        conn.rollback()


@pytest.fixture
def given(database_url: str) -> Iterator[dict[str, Any]]:
    """The namespace the python blocks of a page run in."""
    with FakeStripe(seed=11) as fake, run_in_thread(fake) as server:
        fake.seed("customer", 5)
        customer = fake.call("POST", "/v1/customers", {"name": "Ada"})
        created = fake.events(type_="customer.created")[0]  # newest first
        fake.call("POST", f"/v1/customers/{customer['id']}", {"name": "Ada L."})
        updated = fake.events(type_="customer.updated")[0]
        body, signature = FakeStripe.signed_event(created, WEBHOOK_SECRET)
        config = StripeSyncConfig(
            stripe_secret_key=fake.api_key,
            stripe_webhook_secret=WEBHOOK_SECRET,
            stripe_api_base=server.url,
            database_url=database_url,
            max_requests_per_second=1000,
            max_requests_per_second_per_endpoint=1000,
        )
        with StripeSync(config) as sync:
            sync.run_migrations()
            sync.sync_single_entity(customer["id"])  # the account has data
            yield {
                "__name__": "docs_example",
                "config": config,
                "sync": sync,
                "body": body,
                "signature": signature,
                "event": updated,
                "STRIPE_API_BASE": server.url,
                "STRIPE_API_KEY": fake.api_key,
                "WEBHOOK_SECRET": WEBHOOK_SECRET,
                "DATABASE_URL": database_url,
                "ACCOUNT_ID": fake.account_id,
            }


def runnable(code: str) -> str:
    for placeholder, value in SUBSTITUTIONS.items():
        code = code.replace(placeholder, value)
    return code


def python_pages() -> list[Any]:
    # Sigma's example syncs the default 17 tables, each a query run the fake answers after one
    # poll of a second.
    slow = {DOCS / "concepts" / "sigma.md"}
    return [
        pytest.param(p, marks=[pytest.mark.slow] if p in slow else [], id=str(p.relative_to(DOCS)))
        for p in pages()
        if any(b.lang == "python" and b.mark is None for b in blocks(p))
    ]


@pytest.mark.parametrize("page", python_pages())
def test_python_blocks_run(page: Path, given: dict[str, Any]) -> None:
    assert set(GIVEN) <= set(given)
    for block in blocks(page):
        if block.lang == "python" and block.mark is None:
            exec(compile(runnable(block.code), str(block), "exec"), given)
