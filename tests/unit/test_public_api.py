"""The public surface: ``__all__`` pinned, config validation, the error tree, the registry."""

from __future__ import annotations

import pytest

import stripe_sync
import stripe_sync.queries
from stripe_sync import ConfigError, PoolConfig, StripeSyncConfig, errors, resources
from stripe_sync.queries import raw_queries


def test_all_is_pinned() -> None:
    assert sorted(stripe_sync.__all__) == [
        "AsyncStripeSync",
        "BackfillEstimate",
        "BackfillProgress",
        "BackfillResult",
        "Change",
        "ChangeFeedExpiredError",
        "ChangeFeedState",
        "CheckReport",
        "ConfigError",
        "DatabaseBusyError",
        "DatabaseError",
        "DatabaseUnavailableError",
        "DeleteAccountResult",
        "EmbeddedPostgresError",
        "MalformedPayloadError",
        "MigrationChecksumError",
        "MigrationError",
        "MigrationResult",
        "ObjectEstimate",
        "ObjectProgress",
        "ObjectResult",
        "Outcome",
        "PageResult",
        "PollResult",
        "PoolConfig",
        "SignatureVerificationError",
        "StripeAPIError",
        "StripeAuthenticationError",
        "StripeConnectionError",
        "StripeInvalidRequestError",
        "StripeNotFoundError",
        "StripePermissionError",
        "StripeRateLimitError",
        "StripeServerError",
        "StripeSync",
        "StripeSyncConfig",
        "StripeSyncError",
        "SyncResult",
        "UnknownAccountError",
        "UnknownObjectError",
        "VerifyResult",
        "WebhookError",
        "__version__",
        "run_migrations",
    ]
    for name in stripe_sync.__all__:
        assert hasattr(stripe_sync, name)


def test_every_error_is_a_stripe_sync_error_and_says_transient_or_not() -> None:
    transient = set()
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, errors.StripeSyncError)
        assert name in (errors.__doc__ or ""), f"{name} missing from the tree in the docstring"
        if cls.transient:
            transient.add(name)
    assert transient == {
        "DatabaseBusyError",
        "DatabaseUnavailableError",
        "StripeConnectionError",
        "StripeRateLimitError",
        "StripeServerError",
    }


def test_config_hides_secrets_from_repr() -> None:
    config = StripeSyncConfig(
        stripe_secret_key="sk_test_abc123secret",
        stripe_webhook_secret="whsec_topsecret",
        database_url="postgresql://u:pw-secret@h/db",
        pool_config=PoolConfig(ssl_ca="-----BEGIN CERTIFICATE-----x"),
    )
    text = repr(config)
    for secret in ("abc123secret", "topsecret", "pw-secret", "BEGIN CERTIFICATE"):
        assert secret not in text
    assert config.livemode is False


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"stripe_secret_key": "pk_test_123"}, "secret"),
        ({"stripe_api_version": "latest"}, "stripe_api_version"),
        ({"schema": "Robert'; drop"}, "schema"),
        ({"max_retries": -1}, "max_retries"),
        ({"initial_retry_delay_ms": 5000, "max_retry_delay_ms": 10}, "retry delays"),
        ({"stripe_api_base": "api.stripe.com"}, "stripe_api_base"),
    ],
)
def test_config_rejects_bad_values(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        StripeSyncConfig(**kwargs)  # type: ignore[arg-type]
    assert "pk_test_123" not in str(info.value)


def test_config_accepts_named_versions_and_camel_case() -> None:
    config = StripeSyncConfig.from_mapping(
        {
            "stripeSecretKey": "rk_live_x",
            "stripeApiVersion": "2025-03-31.basil",
            "autoExpandLists": True,
            "poolConfig": {"maxSize": 3, "sslMode": "require"},
            "revalidateObjectsViaStripeApi": ["customer"],
        }
    )
    assert config.livemode is True
    assert config.auto_expand_lists is True
    assert config.pool_config.max_size == 3
    assert config.revalidate_objects_via_stripe_api == ("customer",)
    assert config.pool_config.connection_kwargs()["sslmode"] == "require"
    with pytest.raises(ConfigError, match="unknown configuration key"):
        StripeSyncConfig.from_mapping({"stripeSecretKy": "sk_test_x"})


def test_pem_ca_is_written_to_a_file() -> None:
    kwargs = PoolConfig(ssl_ca="-----BEGIN CERTIFICATE-----\nabc\n").connection_kwargs()
    assert kwargs["sslmode"] == "verify-full"
    with open(kwargs["sslrootcert"]) as f:
        assert "abc" in f.read()


def test_pem_ca_file_is_private_and_not_one_planted_at_a_guessable_path() -> None:
    """The CA decides which server is trusted: a file another user made first, at a path that
    the PEM's digest gives away (a provider's CA bundle is public), must never be read."""
    import hashlib
    import os
    import stat
    import tempfile

    pem = "-----BEGIN CERTIFICATE-----\nour-ca-" + os.urandom(4).hex() + "\n"
    digest = hashlib.sha256(pem.encode()).hexdigest()[:16]
    guessable = os.path.join(tempfile.gettempdir(), f"stripe-sync-ca-{digest}.pem")
    with open(guessable, "w") as f:
        f.write("-----BEGIN CERTIFICATE-----\nplanted-ca\n")
    try:
        path = PoolConfig(ssl_ca=pem).connection_kwargs()["sslrootcert"]
        assert path != guessable
        with open(path) as f:
            assert f.read() == pem
        info = os.lstat(path)
        assert stat.S_ISREG(info.st_mode)
        assert stat.S_IMODE(info.st_mode) == 0o600
        assert info.st_uid == os.getuid()
        # One file per CA and process, not one per connection.
        assert PoolConfig(ssl_ca=pem).connection_kwargs()["sslrootcert"] == path
    finally:
        os.unlink(guessable)


@pytest.mark.parametrize(
    ("object_id", "name"),
    [
        ("cus_123", "customer"),
        ("gcus_123", "customer"),
        ("sub_sched_123", "subscription_schedule"),
        ("sub_123", "subscription"),
        ("dp_1", "dispute"),
        ("du_1", "dispute"),
        ("ii_1", "invoice_item"),
        ("cs_test_a1", "checkout_session"),
        ("issfr_1", "early_fraud_warning"),
        ("py_1", "charge"),
        ("pyr_1", "refund"),
        ("feat_test_1", "feature"),
    ],
)
def test_id_prefix_detection(object_id: str, name: str) -> None:
    assert resources.by_id(object_id).name == name


def test_unknown_prefix_is_a_clear_error() -> None:
    with pytest.raises(stripe_sync.UnknownObjectError, match="prefix"):
        resources.by_id("zzz_1")
    with pytest.raises(stripe_sync.UnknownObjectError, match="known objects"):
        resources.get("customerz")


def test_objects_answer_to_their_table_names_and_groups_to_their_members() -> None:
    # The TypeScript engine's README names some backfill objects by their tables.
    assert resources.get("checkout_sessions").name == "checkout_session"
    assert resources.get("subscription_schedules").name == "subscription_schedule"
    assert resources.get("customers") is resources.get("customer")
    members = [r.name for r in resources.resolve("customer_with_entitlements")]
    assert members == ["customer", "active_entitlement"]


def test_registry_rows_are_consistent() -> None:
    names = set(resources.REGISTRY)
    tables = [r.table for r in resources.REGISTRY.values()]
    assert len(tables) == len(set(tables))
    for r in resources.REGISTRY.values():
        for ref in r.references:
            assert ref.resource in names, (r.name, ref)
        for nested in r.nested_lists:
            assert resources.get(nested.child).parent in (r.name, None), (r.name, nested)
        if r.parent:
            assert r.parent in names
        if r.list_per_parent:
            assert r.list_per_parent.parent in names
    assert dict(resources.get("subscription").list_params) == {"status": "all"}
    assert resources.by_object("entitlements.active_entitlement_summary") is resources.get(
        "active_entitlement"
    )
    assert resources.resolve("all") == tuple(resources.REGISTRY.values())


def test_named_queries_load() -> None:
    queries = raw_queries()
    assert "create_migrations_table" in queries
    assert "{schema}" in queries["applied_migrations"]
    assert str(stripe_sync.queries.query("applied_migrations", "s").as_string()).count('"s"') == 1


_SUBMODULE_ACCESS = """
import sys
import stripe_sync
assert "stripe_sync.resources" not in sys.modules
assert stripe_sync.resources.REGISTRY
assert stripe_sync.testing.FakeStripe
assert stripe_sync.sigma.__name__ == "stripe_sync.sigma"
for name in ("no_such_module", "__wrapped__"):
    try:
        getattr(stripe_sync, name)
    except AttributeError as exc:
        assert name in str(exc), exc
    else:
        raise AssertionError(name)
assert not hasattr(stripe_sync, "registry")  # a data file of the package, not a module
print("ok")
"""


def test_submodules_are_attributes_of_the_package_without_importing_them_first() -> None:
    """``import stripe_sync; stripe_sync.resources`` works as it did before the package's
    names became lazy; an unknown name is still an AttributeError."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", _SUBMODULE_ACCESS],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({"maxRetries": "5"}, "maxRetries"),
        ({"maxRetries": True}, "maxRetries"),
        ({"autoExpandLists": "yes"}, "autoExpandLists"),
        ({"enableSigma": 1}, "enableSigma"),
        ({"schema": 5}, "schema"),
        ({"stripeSecretKey": 123}, "stripeSecretKey"),
        ({"databaseUrl": ["postgresql://x"]}, "databaseUrl"),
        ({"maxRequestsPerSecond": "fast"}, "maxRequestsPerSecond"),
        ({"revalidateObjectsViaStripeApi": ["customer", 3]}, "revalidateObjectsViaStripeApi"),
        ({"logger": "stripe"}, "logger"),
        ({"poolConfig": "max=10"}, "poolConfig"),
        ({"poolConfig": {"max": "10"}}, "poolConfig.max"),
        ({"poolConfig": {"keepAlive": "true"}}, "poolConfig.keepAlive"),
        ({"poolConfig": {"connectionString": 5}}, "poolConfig.connectionString"),
        ({"poolConfig": {"ssl": {"ca": 5}}}, "poolConfig.ssl.ca"),
        ({"poolConfig": {"ssl": {"ca": "x", "rejectUnauthorized": False}}}, "rejectUnauthorized"),
        ({"poolConfig": {"sslMode": 1}}, "poolConfig.sslMode"),
        ({"poolConfig": {"max": 3, "maxSize": 4}}, "maxSize"),
        ({"maxRetries": 1, "max_retries": 2}, "max_retries"),
        ({"databaseUrl": "postgresql://a/b", "poolConfig": {"connectionString": "c"}}, "both"),
        ({"stripeSecretKy": "sk_test_x"}, "stripeSecretKy"),
        ({"poolConfig": {"idleTimeout": 1}}, "idleTimeout"),
        ({3: "x"}, "3"),
    ],
)
def test_from_mapping_refuses_wrong_types_and_unknown_keys_by_name(
    values: dict[str, object], named: str
) -> None:
    with pytest.raises(ValueError, match=named) as info:
        StripeSyncConfig.from_mapping(values)
    assert isinstance(info.value, ConfigError)
    assert "sk_test_x" not in str(info.value)


def test_from_mapping_still_takes_every_documented_key() -> None:
    import logging

    logger = logging.getLogger("my.app")
    config = StripeSyncConfig.from_mapping(
        {
            "stripeSecretKey": "sk_test_x",
            "stripeWebhookSecret": "whsec_x",
            "stripeApiVersion": "2025-03-31.basil",
            "stripeApiBase": "http://127.0.0.1:12111",
            "schema": "billing",
            "autoExpandLists": True,
            "backfillRelatedEntities": False,
            "revalidateObjectsViaStripeApi": "customer",
            "maxRetries": 3,
            "initialRetryDelayMs": 10,
            "maxRetryDelayMs": 1000,
            "enableSigma": True,
            "sigmaSchema": "sigma_data",
            "backfillWorkers": 8,
            "backfillLeaseSeconds": 12,
            "maxRequestsPerSecond": 50,
            "maxRequestsPerSecondPerEndpoint": None,
            "writeGroupSize": 100,
            "writeGroupsInFlight": 2,
            "sharedRateLimit": False,
            "logger": logger,
            "poolConfig": {
                "connectionString": "postgresql://u@127.0.0.1:5432/db",
                "max": 5,
                "min": 0,
                "keepAlive": False,
                "ssl": {"ca": "-----BEGIN CERTIFICATE-----\nx\n"},
                "connectTimeoutSeconds": 3.5,
                "maxIdleSeconds": 60,
            },
        }
    )
    assert config.database_url == "postgresql://u@127.0.0.1:5432/db"
    assert config.pool_config == PoolConfig(
        max_size=5,
        min_size=0,
        keepalives=False,
        ssl_ca="-----BEGIN CERTIFICATE-----\nx\n",
        connect_timeout_seconds=3.5,
        max_idle_seconds=60,
    )
    assert (config.schema, config.backfill_lease_seconds, config.logger) == ("billing", 12, logger)
    assert config.revalidate_objects_via_stripe_api == ("customer",)
    assert StripeSyncConfig.from_mapping(
        {"stripe_secret_key": "sk_test_x", "pool_config": PoolConfig(max_size=2)}
    ).pool_config == PoolConfig(max_size=2)
