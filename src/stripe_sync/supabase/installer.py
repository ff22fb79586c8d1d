"""Deploy stripe-sync into a Supabase project, and take it out again.

:meth:`SupabaseDeployment.install` runs these steps in order; each is idempotent and checks what
is already there first, so running ``install`` again is a no-op and running it after a failure
finishes the job:

1. ``migrations``: the shipped migrations, sent over the Management API's SQL endpoint (each in
   one transaction with its bookkeeping row), then the registry copy (``_resources``).
2. ``install_sql``: pg_cron, pg_net and the deployment's own objects (``_supabase_installation``,
   ``_supabase_secret``, ``_supabase_invoke_worker()``), and the install record.
3. ``secrets``: the function secrets (Stripe key, the function secret, schema ...), set only when
   their digests differ from what the project holds.
4. ``functions``: ``stripe-webhook``, ``stripe-worker`` and ``stripe-setup``, deployed only when
   their files differ from the last deploy recorded.
5. ``schedule``: the pg_cron job ``stripe-sync-worker`` (``stripe-sync-worker-<schema>`` for
   another schema than ``stripe``) calling ``_supabase_invoke_worker()``.
6. ``webhook``: ``stripe-setup`` finds or creates the managed webhook endpoint.

The function secret is random, made once and kept in ``_supabase_secret`` (readable by the
database owner only): the worker and setup functions refuse any call without it, and pg_cron
sends it through ``_supabase_invoke_worker()``, so the cron job's command holds no secret.
:meth:`status` never returns a secret.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import secrets as secrets_module
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

import httpx

from .._version import __version__
from ..config import DEFAULT_API_VERSION, DEFAULT_SCHEMA, StripeSyncConfig
from ..errors import SupabaseError
from ..migrations import (
    load_migrations,
    migration_script,
    pending_migrations,
    registry_script,
    script,
)
from .artifacts import (
    CRON_JOB,
    FUNCTIONS,
    RESERVED_SCHEMAS,
    SECRET_NAMES,
    cron_job_name,
    files_digest,
    function_files,
    schedule_for,
)
from .management import ManagementClient, secret_digest
from .results import InstallResult, SupabaseStatus, UninstallResult

__all__ = [
    "CRON_JOB",
    "FUNCTIONS",
    "InstallResult",
    "SupabaseDeployment",
    "SupabaseStatus",
    "UninstallResult",
    "cron_job_name",
    "function_files",
    "schedule_for",
]

logger = logging.getLogger(__name__)


class SupabaseDeployment:
    """stripe-sync in one Supabase project, driven through the Management API."""

    def __init__(
        self,
        management: ManagementClient,
        *,
        schema: str = DEFAULT_SCHEMA,
        project_url: str | None = None,
        http: httpx.Client | None = None,
        log: logging.Logger | None = None,
        on_step: Callable[[str, str], None] | None = None,
    ) -> None:
        StripeSyncConfig(schema=schema)  # validates the name
        if schema in RESERVED_SCHEMAS or schema.startswith("pg_"):
            raise SupabaseError(
                f"schema {schema!r} belongs to Supabase or is served by its API to the anon "
                "role; use a schema of stripe-sync's own (the default is 'stripe')"
            )
        self.api = management
        self.schema = schema
        self.project_url = (project_url or f"https://{management.project_ref}.supabase.co").rstrip(
            "/"
        )
        self._http = http or httpx.Client(timeout=120.0)
        self._own_http = http is None
        self._log = log or logger
        self._on_step = on_step or (lambda step, outcome: None)

    def close(self) -> None:
        """Close the HTTP clients (the Management API client too: the deployment owns it)."""
        self.api.close()
        if self._own_http:
            self._http.close()

    def __enter__(self) -> SupabaseDeployment:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- install ---------------------------------------------------------------------------------

    def install(
        self,
        stripe_secret_key: str,
        *,
        worker_interval: int = 60,
        package_version: str | None = None,
        stripe_api_base: str | None = None,
        stripe_api_version: str = DEFAULT_API_VERSION,
    ) -> InstallResult:
        """Deploy (or finish deploying, or update) stripe-sync into the project."""
        if not stripe_secret_key:
            raise SupabaseError("a Stripe secret key is needed (--stripe-key, STRIPE_API_KEY)")
        if package_version not in (None, "", __version__):
            raise SupabaseError(
                f"this stripe-sync is {__version__} and deploys only its own edge functions "
                f"and migrations; to install {package_version}, run "
                f"`pip install stripe-sync-engine=={package_version}` and install again"
            )
        schedule = schedule_for(worker_interval)
        self.api.project()  # a wrong ref or token fails here, before anything changes
        # Functions and secrets are the project's, not the schema's: another deployment's (or
        # another app's functions of the same names) are refused before anything changes.
        self._refuse_foreign_functions(self._recorded_functions())
        changed: list[str] = []
        unchanged: list[str] = []

        def done(step: str, did: bool) -> None:
            (changed if did else unchanged).append(step)
            self._on_step(step, "changed" if did else "unchanged")

        step = "migrations"
        try:
            applied = self._migrate()
            done(step, bool(applied))
            step = "install_sql"
            did, recorded = self._install_sql(worker_interval)
            done(step, did)
            self._step_done(step)
            secret = self._function_secret()
            step = "secrets"
            values = {
                "STRIPE_SYNC_STRIPE_KEY": stripe_secret_key,
                "STRIPE_SYNC_FUNCTION_SECRET": secret,
                "STRIPE_SYNC_SCHEMA": self.schema,
                "STRIPE_SYNC_API_VERSION": stripe_api_version,
            }
            if stripe_api_base:
                values["STRIPE_SYNC_API_BASE"] = stripe_api_base.rstrip("/")
            done(step, self._set_secrets(values))
            self._step_done(step)
            step = "functions"
            deployed = self._deploy_functions(recorded)
            done(step, bool(deployed))
            step = "schedule"
            done(step, self._schedule(schedule))
            self._step_done(step)
            step = "webhook"
            webhook_id, created = self._setup_webhook(secret)
            done(step, created)
            self._step_done(step, webhook_id=webhook_id)
            finished = self.api.query(script("supabase_finish", self.schema))
        except SupabaseError as exc:
            exc.step = exc.step or step
            self._record_failure(step, exc)
            raise
        except Exception as exc:
            # A migration refused, a bug: recorded too, so status does not say "installing".
            self._record_failure(step, exc)
            raise
        if finished and finished[0].get("state") != "installed":  # pragma: no cover
            raise SupabaseError("the install record did not reach 'installed'", step="finish")
        return InstallResult(
            version=__version__,
            project_url=self.project_url,
            changed=tuple(changed),
            unchanged=tuple(unchanged),
            migrations_applied=tuple(applied),
            functions_deployed=tuple(deployed),
            webhook_id=webhook_id,
        )

    def _migrate(self) -> list[str]:
        self.api.query(
            "\n".join(
                [
                    script("create_schema", self.schema),
                    script("create_migrations_table", self.schema),
                ]
            )
        )
        rows = self.api.query(script("applied_migrations", self.schema))
        applied = {str(r["name"]): str(r["checksum"]) for r in rows}
        done: list[str] = []
        for migration in pending_migrations(self.schema, applied, load_migrations()):
            self._log.info("applying migration %s over the Management API", migration.name)
            self.api.query(migration_script(migration, self.schema))
            done.append(migration.name)
        # Cheap and idempotent: the registry copy follows the installed package.
        self.api.query(registry_script(self.schema))
        return done

    def _install_sql(self, worker_interval: int) -> tuple[bool, dict[str, Any]]:
        before = self.api.query(script("supabase_extensions", self.schema))
        existing = set(before[0]["installed"]) if before else set()
        had_record = bool(self._state()["installation"])
        # The record's table and its row in one request (one transaction), so a table without
        # a row never exists; the extensions are recorded before they are created, so a failure
        # in between still lets uninstall know.
        created = sorted({"pg_cron", "pg_net"} - existing)
        rows = self.api.query(
            "\n".join(
                [
                    script("supabase_install_tables", self.schema),
                    script(
                        "supabase_start",
                        self.schema,
                        __version__,
                        worker_interval,
                        self.project_url,
                        created,
                    ),
                ]
            )
        )
        self.api.query(script("supabase_install_worker", self.schema))
        record = rows[0] if rows else {}
        return (not had_record or bool(created)), record

    def _function_secret(self) -> str:
        candidate = secrets_module.token_urlsafe(32)
        rows = self.api.query(script("supabase_function_secret", self.schema, candidate))
        if not rows or not rows[0].get("secret"):
            raise SupabaseError("could not read or store the function secret")
        return str(rows[0]["secret"])

    def _set_secrets(self, values: Mapping[str, str]) -> bool:
        current = self.api.secrets()
        stale = {k: v for k, v in values.items() if current.get(k) != secret_digest(v)}
        if stale:
            self.api.set_secrets(stale)
        # A base URL set by an earlier install and not wanted now: back to Stripe's.
        unwanted = [n for n in SECRET_NAMES if n in current and n not in values]
        if unwanted:
            self.api.delete_secrets(unwanted)
        return bool(stale or unwanted)

    def _recorded_functions(self) -> dict[str, str]:
        """The functions this schema's install record says it deployed (slug -> digest)."""
        record = self._record()
        return dict(_json(record.get("functions")) or {})

    def _refuse_foreign_functions(self, recorded: Mapping[str, str]) -> set[str]:
        """The live function slugs; raises if one of ours exists without being recorded."""
        live = {str(f.get("slug")) for f in self.api.functions()}
        foreign = sorted(s for s in FUNCTIONS if s in live and s not in recorded)
        if foreign:
            raise SupabaseError(
                f"the project already has edge function(s) {', '.join(foreign)} that this "
                f"stripe-sync installation (schema {self.schema!r}) did not deploy; nothing was "
                "changed. Delete or rename them (`supabase functions delete NAME`), or uninstall "
                "the deployment that owns them, then install again",
                step="preflight",
            )
        return live

    def _deploy_functions(self, record: Mapping[str, Any]) -> list[str]:
        recorded = _json(record.get("functions")) or {}
        live = self._refuse_foreign_functions(recorded)
        deployed: list[str] = []
        for slug in FUNCTIONS:
            files = function_files(slug)
            digest = files_digest(files)
            if slug in live and recorded.get(slug) == digest:
                continue
            # Claimed before the deploy: if its answer is lost, the function is still ours (and
            # "deploying" never equals a digest, so the next run deploys it again).
            self._step_done("functions", functions={slug: "deploying"})
            self.api.deploy_function(slug, files, entrypoint=f"{slug}/index.ts", verify_jwt=False)
            self._step_done("functions", functions={slug: digest})
            deployed.append(slug)
        if not deployed:
            self._step_done("functions")
        return deployed

    def _schedule(self, schedule: str) -> bool:
        command = f'SELECT "{self.schema}"."_supabase_invoke_worker"()'
        rows = self.api.query(script("supabase_cron_job", self.schema, cron_job_name(self.schema)))
        if rows and rows[0]["schedule"] == schedule and rows[0]["command"] == command:
            return False
        self.api.query(
            script("supabase_schedule", self.schema, cron_job_name(self.schema), schedule, command)
        )
        return True

    def _setup_webhook(self, secret: str) -> tuple[str | None, bool]:
        answer = self._call_function("stripe-setup", "POST", secret)
        # stripe-setup answers the endpoint's row (never its secret) and whether it was created.
        webhook = answer if isinstance(answer, Mapping) else None
        if not isinstance(webhook, Mapping) or not isinstance(webhook.get("id"), str):
            raise SupabaseError("stripe-setup did not return the webhook endpoint")
        return str(webhook["id"]), bool(answer.get("created"))

    def _has_pg_cron(self) -> bool:
        """Whether pg_cron is installed: without it there is no schedule to remove (and its
        ``cron`` schema, which the unschedule statement names, does not exist)."""
        rows = self.api.query(script("supabase_extensions", self.schema))
        return bool(rows) and "pg_cron" in rows[0]["installed"]

    def _call_function(self, slug: str, method: str, secret: str) -> Any:
        url = f"{self.project_url}/functions/v1/{slug}"
        try:
            response = self._http.request(
                method,
                url,
                headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"},
                content=b"{}",
            )
        except httpx.TransportError as exc:
            raise SupabaseError(
                f"{method} {url}: no answer ({type(exc).__name__})", transient=True
            ) from None
        if response.status_code >= 400:
            raise SupabaseError(
                f"{method} {url}: {response.status_code} {_function_error(response)}",
                status=response.status_code,
                transient=response.status_code >= 500,
            )
        try:
            return response.json()
        except ValueError:
            raise SupabaseError(f"{method} {url}: the answer is not JSON") from None

    def _step_done(
        self,
        step: str,
        *,
        functions: Mapping[str, str] | None = None,
        webhook_id: str | None = None,
    ) -> None:
        self.api.query(
            script(
                "supabase_step_done",
                self.schema,
                step,
                json.dumps(dict(functions or {})),
                webhook_id,
            )
        )

    def _record_failure(self, step: str, exc: BaseException) -> None:
        # The record may not exist yet (a failure before install_sql) or the API is down: the
        # raised error says what failed either way.
        with contextlib.suppress(SupabaseError):
            message = f"{step}: {type(exc).__name__}: {exc}"
            self.api.query(script("supabase_failed", self.schema, message[:1000]))

    # -- status ----------------------------------------------------------------------------------

    def status(self) -> SupabaseStatus:
        """The installation: version, state, steps, functions, schedule, recent runs."""
        state = self._state()
        base = SupabaseStatus(
            installed=False,
            state=None,
            version=None,
            package_version=__version__,
            project_url=self.project_url,
            migrations_shipped=len(load_migrations()),
        )
        functions = {
            str(f["slug"]): {"version": f.get("version"), "status": f.get("status")}
            for f in self.api.functions()
            if f.get("slug") in FUNCTIONS
        }
        names = tuple(sorted(n for n in self.api.secrets() if n in SECRET_NAMES))
        applied = 0
        if state["migrations"]:
            applied = len(self.api.query(script("applied_migrations", self.schema)))
        if not state["installation"]:
            return replace(base, functions=functions, secrets=names, migrations_applied=applied)
        record = self._record()
        if not record:
            return replace(base, functions=functions, secrets=names, migrations_applied=applied)
        cron = self.api.query(script("supabase_cron_job", self.schema, cron_job_name(self.schema)))
        webhooks = self.api.query(script("supabase_managed_webhooks", self.schema))
        runs = self.api.query(script("supabase_recent_runs", self.schema))
        return replace(
            base,
            installed=record["state"] == "installed",
            state=record["state"],
            version=record["version"],
            steps=_json(record["steps"]) or {},
            error=record["error"],
            worker_interval=record["worker_interval"],
            schedule=cron[0]["schedule"] if cron else None,
            functions=functions,
            secrets=names,
            webhooks=tuple(webhooks),
            migrations_applied=applied,
            recent_runs=tuple(runs),
        )

    # -- uninstall -------------------------------------------------------------------------------

    def uninstall(self, *, drop_data: bool = False) -> UninstallResult:
        """Remove what ``install`` created; the synced data only with ``drop_data``."""
        state = self._state()
        record: dict[str, Any] = {}
        secret: str | None = None
        if state["installation"]:
            record = self._record()
            rows = self.api.query(script("supabase_read_secret", self.schema))
            secret = str(rows[0]["secret"]) if rows and rows[0].get("secret") else None
        live = {str(f.get("slug")) for f in self.api.functions()}

        # 1. The webhook endpoint, while the setup function (which holds the Stripe key) is
        #    still there; a failure stops here, so nothing is half removed.
        webhooks: tuple[str, ...] = ()
        if "stripe-setup" in live and secret is not None:
            answer = self._call_function("stripe-setup", "DELETE", secret)
            deleted = answer.get("deleted", []) if isinstance(answer, Mapping) else []
            webhooks = tuple(str(w) for w in deleted)
        elif state["installation"]:
            leftover = self.api.query(script("supabase_managed_webhooks", self.schema))
            if leftover:
                raise SupabaseError(
                    "the stripe-setup function is gone, so the managed webhook endpoint(s) "
                    f"{', '.join(str(w['id']) for w in leftover)} cannot be deleted from here: "
                    "run `stripe-sync supabase install` again, then uninstall",
                    step="webhook",
                )
        # 2. The schedule, before the function it calls.
        unscheduled = False
        if (state["installation"] or state["schema"]) and self._has_pg_cron():
            job = cron_job_name(self.schema)
            unscheduled = bool(self.api.query(script("supabase_unschedule", self.schema, job)))
        # 3. Functions and secrets: only this installation's (its record names the functions it
        #    deployed; without a record it set no secret either).
        recorded = _json(record.get("functions")) or {} if record else {}
        functions = tuple(
            s for s in FUNCTIONS if s in live and s in recorded and self.api.delete_function(s)
        )
        current = self.api.secrets() if record else {}
        # The secrets are project-wide: only when they are this schema's deployment's.
        ours = current.get("STRIPE_SYNC_SCHEMA") == secret_digest(self.schema)
        present = [n for n in current if n in SECRET_NAMES] if ours else []
        if present:
            self.api.delete_secrets(present)
        # 4. The database objects.
        dropped_extensions: list[str] = []
        if drop_data and state["schema"] and not (state["ours"] and state["migrations"]):
            raise SupabaseError(
                f"schema {self.schema!r} was not created by stripe-sync (it has no _migrations "
                "and _installation tables): --drop-data drops only a stripe-sync schema",
                step="drop_data",
            )
        # pg_cron first, while the record still says install created it (a failure here is
        # retried by the next uninstall). pg_net is never dropped: Database Webhooks and other
        # code may call net.http_post.
        created = [str(e) for e in record.get("created_extensions") or () if e == "pg_cron"]
        if created:
            self.api.query(script("supabase_drop_extension_cron", self.schema))
        if drop_data and state["schema"]:
            self.api.query(script("supabase_drop_schema", self.schema))
        elif state["schema"]:
            self.api.query(script("supabase_remove", self.schema))
            left = self.api.query(script("supabase_extensions", self.schema))
            remaining = set(left[0]["installed"]) if left else set()
            dropped_extensions = [e for e in created if e not in remaining]
        return UninstallResult(
            functions_deleted=functions,
            secrets_deleted=tuple(sorted(present)),
            webhooks_deleted=webhooks,
            unscheduled=unscheduled,
            dropped_schema=drop_data and bool(state["schema"]),
            dropped_extensions=tuple(dropped_extensions),
        )

    def _record(self) -> dict[str, Any]:
        """The install record ({} when there is none)."""
        if not self._state()["installation"]:
            return {}
        rows = self.api.query(script("supabase_installation", self.schema))
        return dict(rows[0]) if rows else {}

    def _state(self) -> dict[str, Any]:
        """Whether the schema, the install record and the migrations table exist."""
        rows = self.api.query(
            script(
                "supabase_schema_state",
                self.schema,
                self.schema,
                f'"{self.schema}"."_supabase_installation"',
                f'"{self.schema}"."_migrations"',
                f'"{self.schema}"."_installation"',
            )
        )
        return rows[0]


def _json(value: Any) -> Any:
    """A jsonb column as the query endpoint returns it (decoded, or as text)."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


_SECRETISH = re.compile(r"(sk|rk|whsec)_[A-Za-z0-9_]+")


def _function_error(response: httpx.Response) -> str:
    """A deployed function's error message, with anything shaped like a key masked."""
    try:
        body = response.json()
        text = str(body.get("error", body)) if isinstance(body, Mapping) else str(body)
    except ValueError:
        text = response.text
    return _SECRETISH.sub(lambda m: m.group(1) + "_***", text[:500])
