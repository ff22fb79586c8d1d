"""``stripe-sync fake-stripe``: the fake Stripe server for tests, demos and benchmarks."""

from __future__ import annotations

from typing import Any

import click

from ._common import main


@main.command("fake-stripe")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=12111, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--api-key",
    "api_keys",
    multiple=True,
    envvar="STRIPE_API_KEY",
    show_envvar=True,
    help="Key(s) the fake accepts (repeatable) [default: the testing module's DEFAULT_API_KEY].",
)
@click.option("--account-id", default=None, help="Id of the fake's platform account.")
@click.option("--seed", type=int, default=None, help="Random seed (ids, faults).")
@click.option("--seed-scale", type=int, default=0, help="Load a realistic account of ~N customers.")
@click.option("--latency-ms", type=float, default=0.0, help="Mean latency added per request.")
@click.option("--jitter-ms", type=float, default=0.0, help="Latency jitter (±).")
@click.option("--rate-limit-probability", type=float, default=0.0, help="Share of requests → 429.")
@click.option("--server-error-probability", type=float, default=0.0, help="Share → 5xx.")
@click.option("--global-rps", type=float, default=None, help="Global rate limit (requests/s).")
@click.option("--list-rps", type=float, default=None, help="Per list endpoint rate limit.")
def fake_stripe(api_keys: tuple[str, ...], **options: Any) -> None:
    """Run the fake Stripe server (stripe_sync.testing) for tests, demos and benchmarks."""
    from ..testing import DEFAULT_API_KEY, serve

    host, port = options.pop("host"), options.pop("port")
    accepted = (
        f"accepts the key {DEFAULT_API_KEY}"
        if not api_keys
        else f"accepts the {len(api_keys)} key(s) given with --api-key"
    )
    # Said once the server accepts connections (and Ctrl-C stops it): a script may connect as
    # soon as it reads this line.
    serve(
        host,
        port,
        api_keys=api_keys or (DEFAULT_API_KEY,),
        latency_jitter_ms=options.pop("jitter_ms"),
        log_level="warning",
        on_listening=lambda: click.echo(
            f"fake Stripe on http://{host}:{port} ({accepted}); point --api-base or "
            f"STRIPE_API_BASE at it; Ctrl-C to stop",
            err=True,
        ),
        **options,
    )
