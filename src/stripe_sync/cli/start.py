"""``stripe-sync start``: keep the database current until stopped (SIGINT/SIGTERM)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import click

from ..errors import ConfigError
from ._common import (
    auto_expand_lists_option,
    handle_errors,
    history_option,
    main,
    stripe_config,
    stripe_options,
)

if TYPE_CHECKING:
    import asyncio

    from ..service import ServiceOptions

__all__ = ["start"]


def _ngrok_url(token: str, port: int) -> str:
    """A public HTTPS URL for ``port`` through an ngrok tunnel (the optional ``ngrok`` extra)."""
    try:
        from pyngrok import conf, ngrok  # type: ignore[import-not-found]
    except ImportError:
        raise ConfigError(
            "--ngrok-token needs pyngrok: pip install 'stripe-sync-engine[ngrok]'"
        ) from None
    conf.get_default().auth_token = token
    tunnel = ngrok.connect(str(port), "http")
    return f"{str(tunnel.public_url).replace('http://', 'https://', 1)}/webhooks"


@main.command()
@click.option(
    "--listen-mode",
    type=click.Choice(["webhook", "events", "websocket"]),
    envvar="STRIPE_SYNC_LISTEN_MODE",
    show_envvar=True,
    default="webhook",
    show_default=True,
    help="webhook: a managed endpoint posts to this server; events: poll the Events API; "
    "websocket: receive events over the Stripe CLI's websocket channel (what 'stripe listen' "
    "uses; a development tool in Stripe's docs), gaps filled from the Events API. events and "
    "websocket need no public URL.",
)
@click.option(
    "--public-url",
    envvar="STRIPE_SYNC_PUBLIC_URL",
    show_envvar=True,
    default=None,
    help="URL at which Stripe reaches this server (webhook mode); /webhooks is appended to "
    "a bare https://host.",
)
@click.option(
    "--ngrok-token",
    envvar="NGROK_AUTH_TOKEN",
    show_envvar=True,
    default=None,
    help="Open an ngrok tunnel for the public URL (needs the ngrok extra).",
)
@click.option(
    "--host",
    envvar="HOST",
    show_envvar=True,
    default="127.0.0.1",
    show_default=True,
    help="Address the webhook server listens on.",
)
@click.option(
    "--port",
    envvar="PORT",
    show_envvar=True,
    type=int,
    default=8080,
    show_default=True,
    help="Port the webhook server listens on.",
)
@click.option(
    "--webhook-secret",
    envvar="STRIPE_WEBHOOK_SECRET",
    show_envvar=True,
    default=None,
    help="Also accept webhooks signed with this secret (an endpoint you manage yourself).",
)
@click.option(
    "--status-token",
    envvar="STRIPE_SYNC_STATUS_TOKEN",
    show_envvar=True,
    default=None,
    help="Token that opens the status page at / (Bearer, basic-auth password or ?token= once; "
    "at least 16 characters). Without it the page answers only on this machine.",
)
@click.option(
    "--status-refresh",
    type=click.FloatRange(min=1),
    default=10.0,
    show_default=True,
    help="Seconds between the status page's reloads.",
)
@click.option(
    "--keep-alive",
    envvar="STRIPE_SYNC_KEEP_ALIVE",
    show_envvar=True,
    type=click.IntRange(min=1),
    default=None,
    help="Seconds an idle keep-alive connection stays open [default: 120]. Keep it above the "
    "idle timeout of "
    "a load balancer in front (60 s on AWS and nginx, 90 s on Heroku, 600 s on Google Cloud): "
    "a delivery sent just as the server closes the connection fails (a 502), and Stripe sends "
    "it again only later.",
)
@click.option("--no-status-page", is_flag=True, help="Do not serve the status page at /.")
@click.option("--no-backfill", is_flag=True, help="Do not backfill in the background.")
@click.option("--sigma", is_flag=True, help="Also sync the default Sigma tables in the background.")
@click.option("--keep-webhook", is_flag=True, help="Do not delete the managed endpoint on exit.")
@click.option(
    "--poll-interval",
    type=click.FloatRange(min=0.1),
    default=5.0,
    show_default=True,
    help="Seconds between Events API polls (events mode).",
)
@click.option(
    "--change-feed-retention-days",
    envvar="STRIPE_SYNC_CHANGE_FEED_RETENTION_DAYS",
    show_envvar=True,
    type=click.FloatRange(min=0, min_open=True),
    default=7.0,
    show_default=True,
    help="Days the change feed keeps a change (`stripe-sync changes`); older ones are pruned "
    "every 10 minutes, and a consumer further behind gets an error (exit 3).",
)
@auto_expand_lists_option
@history_option
@stripe_options
@handle_errors
def start(
    listen_mode: str,
    public_url: str | None,
    ngrok_token: str | None,
    host: str,
    port: int,
    webhook_secret: str | None,
    status_token: str | None,
    status_refresh: float,
    keep_alive: int | None,
    no_status_page: bool,
    no_backfill: bool,
    keep_webhook: bool,
    poll_interval: float,
    sigma: bool,
    auto_expand_lists: bool,
    change_feed_retention_days: float,
    **options: Any,
) -> None:
    """Migrate, listen for changes (webhooks, the Events API or the Stripe CLI's websocket
    channel), backfill in the background, and on SIGINT/SIGTERM drain, delete the managed
    webhook endpoint and exit."""
    import asyncio

    from ..service import ServiceOptions

    if listen_mode == "webhook" and not public_url and ngrok_token:
        public_url = _ngrok_url(ngrok_token, port)
    service = ServiceOptions(
        listen_mode=_MODES[listen_mode],
        public_url=public_url,
        host=host,
        port=port,
        backfill=not no_backfill,
        keep_webhook=keep_webhook,
        poll_interval=poll_interval,
        status_page=not no_status_page,
        status_token=status_token or None,
        status_refresh=status_refresh,
        **({"keep_alive": keep_alive} if keep_alive is not None else {}),
        on_listening=lambda url: click.echo(
            f"stripe-sync listening on {url} ({listen_mode} mode); Ctrl-C to stop"
            + _status_line(url, no_status_page, status_token),
            err=True,
        ),
    )
    config = stripe_config(
        **options,
        stripe_webhook_secret=webhook_secret,
        enable_sigma=sigma,
        auto_expand_lists=auto_expand_lists,
        change_feed_retention_days=change_feed_retention_days,
    )
    with asyncio.Runner(loop_factory=_new_event_loop) as runner:
        runner.run(_run(config, service))
    click.echo("stopped", err=True)


def _status_line(url: str, off: bool, token: str | None) -> str:
    if off:
        return ""
    who = "with the status token" if token else "from this machine only"
    return f"\nstatus page: {url}/ ({who})"


_MODES: dict[str, Literal["webhook", "events", "websocket"]] = {
    "webhook": "webhook",
    "events": "events",
    "websocket": "websocket",
}


def _new_event_loop() -> asyncio.AbstractEventLoop:
    """uvloop's event loop where it is installed (a dependency, except on Windows), as uvicorn
    itself would choose: less CPU per webhook than asyncio's (bench/server.py)."""
    import asyncio

    try:
        import uvloop
    except ImportError:  # pragma: no cover - installed with stripe-sync except on Windows
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


async def _run(config: Any, service: ServiceOptions) -> None:
    import asyncio
    import signal

    from ..facade import AsyncStripeSync
    from ..service import run_service

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with AsyncStripeSync(config) as sync:
        await run_service(sync, service, stop)
