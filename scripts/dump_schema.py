"""Write ``src/stripe_sync/sql/schema.sql``: the schema the migrations make, as the catalog has it.

Usage (from the repository root)::

    python scripts/dump_schema.py                     # an embedded PostgreSQL of its own
    python scripts/dump_schema.py --database-url URL  # migrate that database, then read it
    python scripts/dump_schema.py --check             # exit 1 (with the diff) if out of date

The file is for reading and reviewing: every table with its columns, constraints, indexes and
comments, every view's definition, every function's full text (``pg_get_functiondef``: the text
a later migration rewrites), the triggers. Each kind is sorted by name, so the output depends
only on the schema. The functions made per object table from one template (``_write_<table>``,
``_existing_<table>``, ``_tombstone_<table>``, ``<table>_as_of``) are written once per distinct
text, with the table (and a child table's parent column) as placeholders and the tables that
have it listed above. What depends on the server rather than the migrations is left out: lz4
compression (only where the server has it), ``toast_tuple_target`` (only where it has not, see
0032) and owners. Deparsed views and functions are
PostgreSQL's text, which can differ between major versions: the file is made on the embedded
PostgreSQL 18. ``tests/integration/test_schema_snapshot.py`` migrates a fresh database and
compares it with the file.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import tempfile
import textwrap
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from stripe_sync import embedded  # noqa: E402
from stripe_sync.migrations import run_migrations  # noqa: E402

SCHEMA_SQL = REPO / "src" / "stripe_sync" / "sql" / "schema.sql"
COMMAND = "python scripts/dump_schema.py"
#: The per-table function families, as name patterns over the table name.
FAMILIES = ("_write_{}", "_existing_{}", "_tombstone_{}", "{}_as_of")

Conn = psycopg.Connection[tuple[Any, ...]]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _comment(kind: str, name: str, text: str | None) -> list[str]:
    return [] if text is None else [f"COMMENT ON {kind} {name} IS {_literal(text)};"]


def _tables(conn: Conn, schema: str) -> list[str]:
    out: list[str] = []
    tables = conn.execute(
        "SELECT c.oid, c.relname, c.relpersistence, c.reloptions,"
        " obj_description(c.oid, 'pg_class') FROM pg_class c"
        " WHERE c.relnamespace = %s::regnamespace AND c.relkind IN ('r', 'p')"
        " ORDER BY c.relname",
        (schema,),
    ).fetchall()
    for oid, name, persistence, options, comment in tables:
        lines: list[str] = []
        comments: list[str] = []
        for column, ctype, notnull, identity, generated, default, ccomment in conn.execute(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,"
            " a.attgenerated, pg_get_expr(d.adbin, d.adrelid),"
            " col_description(a.attrelid, a.attnum)"
            " FROM pg_attribute a LEFT JOIN pg_attrdef d"
            " ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            " WHERE a.attrelid = %s AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
            (oid,),
        ):
            spec = f"    {column} {ctype}"
            if generated == "s":
                spec += f" GENERATED ALWAYS AS ({default}) STORED"
            elif identity:
                spec += f" GENERATED {'ALWAYS' if identity == 'a' else 'BY DEFAULT'} AS IDENTITY"
            elif default is not None:
                spec += f" DEFAULT {default}"
            spec += " NOT NULL" if notnull else ""
            lines.append(spec)
            comments += _comment("COLUMN", f"{name}.{column}", ccomment)
        for cname, definition in conn.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = %s AND contype <> 'n' ORDER BY conname",
            (oid,),
        ):
            lines.append(f"    CONSTRAINT {cname} {definition}")
        unlogged = "UNLOGGED " if persistence == "u" else ""
        # toast_tuple_target depends on the server (0032: set only where lz4 is missing).
        options = [o for o in options or [] if not o.startswith("toast_tuple_target=")]
        with_options = f" WITH ({', '.join(options)})" if options else ""
        out.append(f"CREATE {unlogged}TABLE {name} (\n" + ",\n".join(lines) + f"\n){with_options};")
        out += _comment("TABLE", name, comment) + comments
        out += [
            f"{definition};"
            for (definition,) in conn.execute(
                "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i"
                " JOIN pg_class x ON x.oid = i.indexrelid"
                " WHERE i.indrelid = %s AND NOT EXISTS"
                " (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
                " ORDER BY x.relname",
                (oid,),
            )
        ]
        out.append("")
    return out


def _views(conn: Conn, schema: str) -> list[str]:
    out: list[str] = []
    for oid, name, definition, comment in conn.execute(
        "SELECT c.oid, c.relname, pg_get_viewdef(c.oid), obj_description(c.oid, 'pg_class')"
        " FROM pg_class c WHERE c.relnamespace = %s::regnamespace AND c.relkind = 'v'"
        " ORDER BY c.relname",
        (schema,),
    ):
        out.append(f"CREATE VIEW {name} AS\n{definition.rstrip()}")
        out += _comment("VIEW", name, comment)
        for column, ccomment in conn.execute(
            "SELECT attname, col_description(attrelid, attnum) FROM pg_attribute"
            " WHERE attrelid = %s AND attnum > 0 ORDER BY attnum",
            (oid,),
        ):
            out += _comment("COLUMN", f"{name}.{column}", ccomment)
        out.append("")
    return out


def _template(text: str, name: str, table: str, parent: str | None) -> str:
    """``text`` of a function made for ``table`` with the table and its parent column as
    placeholders, so that the functions of every table made from one template compare equal."""
    text = text.replace(f"_raw_{table}", "_raw_<table>").replace(
        name, name.replace(table, "<table>")
    )
    text = re.sub(rf"\b{re.escape(table)}\b", "<table>", text)
    return re.sub(rf"\b{re.escape(parent)}\b", "<parent>", text) if parent else text


def _functions(conn: Conn, schema: str) -> list[str]:
    tables: dict[str, str | None] = dict(
        conn.execute(
            sql.SQL(
                "SELECT t.table_name, max(t.column_name) FILTER (WHERE t.kind = 'parent')"
                " FROM {}._typed_columns t GROUP BY 1"
            ).format(sql.Identifier(schema))
        ).fetchall()
    )
    per_table = {family.format(t): (family, t) for t in tables for family in FAMILIES}
    out: list[str] = []
    templates: dict[tuple[str, str], list[str]] = defaultdict(list)
    for oid, name, kind, arguments, comment in conn.execute(
        "SELECT p.oid, p.proname, p.prokind, pg_get_function_identity_arguments(p.oid),"
        " obj_description(p.oid, 'pg_proc') FROM pg_proc p"
        " WHERE p.pronamespace = %s::regnamespace ORDER BY p.proname, 4",
        (schema,),
    ):
        if kind == "a":
            (sfunc, stype, initcond) = conn.execute(
                "SELECT aggtransfn::regproc::text, format_type(aggtranstype, NULL), agginitval"
                " FROM pg_aggregate WHERE aggfnoid = %s",
                (oid,),
            ).fetchone() or ("", "", None)
            init = f", INITCOND = {_literal(initcond)}" if initcond is not None else ""
            text = f"CREATE AGGREGATE {schema}.{name}({arguments})"
            text += f" (SFUNC = {sfunc}, STYPE = {stype}{init})"
        else:
            (text,) = conn.execute("SELECT pg_get_functiondef(%s)", (oid,)).fetchone() or ("",)
        text = text.rstrip() + ";"
        text += "".join(
            "\n" + c for c in _comment("FUNCTION", f"{schema}.{name}({arguments})", comment)
        )
        if name in per_table:
            family, table = per_table[name]
            templates[(family, _template(text, name, table, tables[table]))].append(table)
        else:
            out += [text, ""]
    for (family, text), members in sorted(templates.items(), key=lambda kv: (kv[0][0], kv[1])):
        names = f"{family.format('<table>')} of {len(members)} tables: " + ", ".join(
            sorted(members)
        )
        out += textwrap.wrap(names, 99, initial_indent="-- ", subsequent_indent="--     ")
        out += [text, ""]
    return out


def _triggers(conn: Conn, schema: str) -> list[str]:
    return [
        f"{definition};"
        for (definition,) in conn.execute(
            "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE c.relnamespace = %s::regnamespace AND NOT t.tgisinternal"
            " ORDER BY c.relname, t.tgname",
            (schema,),
        )
    ]


def describe(url: str, schema: str = "stripe") -> str:
    """The text of ``schema.sql`` for the schema ``schema`` of the database at ``url``."""
    with psycopg.connect(url) as conn:
        # Names in the schema print unqualified in views (functions' headers name it anyway).
        conn.execute("SELECT set_config('search_path', %s, false)", (schema,))
        parts = [
            ("Tables", _tables(conn, schema)),
            ("Views", _views(conn, schema)),
            ("Functions", _functions(conn, schema)),
            ("Triggers", _triggers(conn, schema)),
        ]
    header = (
        f"-- GENERATED FILE, do not edit: the schema {schema!r} of a migrated database, as the\n"
        f"-- catalog has it (regenerate: {COMMAND}). The migrations are in\n"
        "-- src/stripe_sync/sql/migrations; this is what they make.\n"
    )
    body = "".join(
        f"\n-- {'=' * 96}\n-- {title}\n-- {'=' * 96}\n\n" + "\n".join(lines).rstrip() + "\n"
        for title, lines in parts
    )
    return header + body


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", help="a database to migrate and read (default: an embedded PostgreSQL)"
    )
    parser.add_argument("--output", type=Path, default=SCHEMA_SQL, help="file to write")
    parser.add_argument("--check", action="store_true", help="exit 1 if --output is out of date")
    args = parser.parse_args(argv)
    if args.database_url:
        run_migrations(args.database_url)
        text = describe(args.database_url)
    else:
        with tempfile.TemporaryDirectory(prefix="ss-schema-") as tmp:
            data_dir = Path(tmp) / "pg"
            url = embedded.ensure_running(data_dir)
            try:
                run_migrations(url)
                text = describe(url)
            finally:
                embedded.stop(data_dir)
    if not args.check:
        args.output.write_text(text, encoding="utf-8")
        return 0
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    if current == text:
        return 0
    diff = difflib.unified_diff(
        current.splitlines(keepends=True), text.splitlines(keepends=True), str(args.output), "now"
    )
    sys.stderr.writelines(list(diff)[:200])
    sys.stderr.write(f"\n{args.output} is out of date; run: {COMMAND}\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
