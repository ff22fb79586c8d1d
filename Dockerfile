# stripe-sync as a container: `stripe-sync start` against an external PostgreSQL.
# Build: docker build -t stripe-sync .   Run with PostgreSQL beside it: docker compose up
# (compose.yaml). tests/acceptance/test_container.py runs the install steps below as written.

# Builder: only the wheel. Its build tools stay out of the final image.
FROM python:3.11-slim AS builder
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY src/ src/
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/stripe-sync/bin:$PATH
COPY --from=builder /wheels/ /wheels/
RUN python -m venv /opt/stripe-sync \
    && /opt/stripe-sync/bin/pip install --no-cache-dir /wheels/*.whl \
    && rm -rf /wheels
RUN useradd --create-home --uid 10001 stripe-sync
USER stripe-sync
WORKDIR /home/stripe-sync
# An embedded PostgreSQL would keep its data only as long as the container: require
# DATABASE_URL instead (a missing one exits 2 with a message). Events mode needs no public URL;
# for webhooks set STRIPE_SYNC_LISTEN_MODE=webhook and STRIPE_SYNC_PUBLIC_URL.
ENV STRIPE_SYNC_EMBEDDED_POSTGRES=0 \
    STRIPE_SYNC_LISTEN_MODE=events
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/health', timeout=4)"]
ENTRYPOINT ["stripe-sync"]
CMD ["start", "--host", "0.0.0.0", "--port", "8080"]
