# todo-backend for Docker users: `docker compose build` (context: the repository root), or
#   docker build -f deploy/docker/backend.Dockerfile -t todo-backend:latest .
# Three stages: the web app's static export (Node.js), the server jar with the export inside (Maven), and the
# runtime (a JRE). Each base (image and tag) is a build argument, so a machine without a registry builds with local bases
# (deploy/docker/buildah-build).
ARG NODE_IMAGE=node
ARG NODE_TAG=22-bookworm-slim
ARG BUILD_IMAGE=maven
ARG BUILD_TAG=3.9-eclipse-temurin-21
ARG RUNTIME_IMAGE=eclipse-temurin
ARG RUNTIME_TAG=21-jre-noble

FROM ${NODE_IMAGE}:${NODE_TAG} AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
# npm install, not npm ci: see web/pom.xml (the lock holds only this platform's native packages).
RUN npm install --no-audit --no-fund
COPY web/ ./
RUN NEXT_TELEMETRY_DISABLED=1 npm run build

FROM ${BUILD_IMAGE}:${BUILD_TAG} AS build
WORKDIR /src
COPY . ./
COPY --from=web /src/web/out web/out
# exec.skip: the web module's npm steps ran in the stage above; its jar packs web/out as it is.
RUN ./mvnw -B -q -DskipTests -Djacoco.skip=true -Dexec.skip=true -pl todo-server -am package \
    && cp todo-server/target/todo-server.jar /todo-server.jar

FROM ${RUNTIME_IMAGE}:${RUNTIME_TAG}
LABEL org.opencontainers.image.title="todo-backend" \
      org.opencontainers.image.source="https://github.com/todo/todo"
# A named user for uid 10001: without DATABASE_URL the server runs an embedded PostgreSQL, whose initdb refuses a
# uid that /etc/passwd does not know.
RUN /usr/sbin/groupadd --gid 10001 todo \
    && /usr/sbin/useradd --uid 10001 --gid 10001 --no-create-home --home-dir /tmp --shell /usr/sbin/nologin todo
COPY --from=build /todo-server.jar /app/todo-server.jar
# TODO_HOME under /tmp: the root filesystem may be read-only (docker-compose.yml mounts a tmpfs there).
ENV PORT=8080 \
    TODO_HOME=/tmp/todo \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/ready || exit 1
ENTRYPOINT ["java", "-jar", "/app/todo-server.jar"]
