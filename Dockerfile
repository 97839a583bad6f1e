# jobbot: the Discord bot in a slim image, running as a non-root user, its database on a volume.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY cogs ./cogs
COPY migrations ./migrations
COPY examples ./examples
RUN pip install --no-cache-dir build && python -m build --wheel --outdir /wheels

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    JOBBOT_DATABASE=/data/jobbot.db
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels \
    && useradd --create-home --uid 10001 jobbot \
    && mkdir -p /data && chown jobbot:jobbot /data
USER jobbot
WORKDIR /home/jobbot
VOLUME ["/data"]
HEALTHCHECK --interval=60s --timeout=10s --start-period=30s --retries=3 CMD ["jobbot", "db", "check"]
# Exec form: SIGTERM reaches jobbot directly, which closes the gateway and the database.
CMD ["jobbot", "run"]
