"""MkDocs hooks of the documentation site (``mkdocs.yml`` names this file).

- The command reference is generated from the ``stripe-sync`` click tree itself: a page that holds
  the marker ``<!-- cli-reference -->`` gets, in its place, one section per command and
  subcommand with its ``--help`` text, so the page cannot drift from the command.
- The API reference is rendered by mkdocstrings from the docstrings, which use Sphinx roles
  (:class:`X`); the roles are dropped from the HTML, keeping the name as code.

``tests/acceptance/test_docs.py`` builds the site and checks that every command and every name of
``stripe_sync.__all__`` is in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import click

MARKER = "<!-- cli-reference -->"
#: ``--help`` is rendered at this width, the site's code blocks show it without wrapping.
WIDTH = 100
_ROLE = re.compile(r":(?:class|func|meth|mod|attr|data|exc|obj):(?=<code>)")


def walk(
    command: click.Command, ctx: click.Context
) -> Iterator[tuple[click.Context, click.Command]]:
    """Every command of the tree, depth first in name order, each with its context (whose
    ``command_path`` is the full command line, ``stripe-sync accounts list``)."""
    yield ctx, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            sub = command.commands[name]
            if sub.hidden:
                continue
            yield from walk(sub, click.Context(sub, info_name=name, parent=ctx))


def root_context(main: click.Command) -> click.Context:
    return click.Context(
        main, info_name="stripe-sync", terminal_width=WIDTH, max_content_width=WIDTH
    )


def cli_reference(main: click.Command) -> str:
    """The Markdown of the command reference: a heading per command, then its ``--help``.

    Defaults that depend on the machine that builds the site (the embedded server's data
    directory under the builder's home) are shown as the rule that makes them."""
    from stripe_sync.embedded import default_data_dir

    here = str(default_data_dir())
    parts: list[str] = []
    for ctx, command in walk(main, root_context(main)):
        depth = ctx.command_path.count(" ")
        text = command.get_help(ctx).replace(here, "<user data dir>/stripe-sync/pg18")
        parts.append(f"{'#' * min(depth + 2, 4)} {ctx.command_path}\n")
        parts.append(f"```text\n{text}\n```\n")
    return "\n".join(parts)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    if MARKER not in markdown:
        return markdown
    from stripe_sync.cli import main

    return markdown.replace(MARKER, cli_reference(main))


def on_page_content(html: str, **kwargs: Any) -> str:
    return _ROLE.sub("", html)
