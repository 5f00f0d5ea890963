# todo-frontend for Docker users: `docker compose build` (context: the repository root), or
#   docker build -f deploy/docker/frontend.Dockerfile -t todo-frontend:latest .
# The web app's static export behind the frontend server of deploy/images/frontend (the JDK's HTTP server),
# which proxies /api/ and /mcp to TODO_BACKEND_URL. Each base (image and tag) is a build argument, so a machine without a
# registry builds with local bases (deploy/docker/buildah-build).
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
COPY deploy/images/frontend/src/main/java/ java/
COPY deploy/images/frontend/src/image/gzip-site.sh ./
COPY --from=web /src/web/out out/
# The server has no dependencies: javac is all it takes. Text files get a gzip -9 copy next to them.
RUN javac --release 21 -d classes $(find java -name '*.java') \
    && bash gzip-site.sh out site

FROM ${RUNTIME_IMAGE}:${RUNTIME_TAG}
LABEL org.opencontainers.image.title="todo-frontend" \
      org.opencontainers.image.source="https://github.com/todo/todo"
COPY --from=build /src/classes /app/classes
COPY --from=build /src/site /srv/web
ENV PORT=8080 \
    TODO_WEB_DIR=/srv/web \
    TODO_BACKEND_URL=http://backend:8080
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
# Sized for the Kubernetes pod's 128Mi / 100m, as the Jib-built image (deploy/images/frontend/pom.xml).
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms8m", "-Xmx24m", "-XX:MaxMetaspaceSize=24m", \
    "-XX:ReservedCodeCacheSize=16m", "-XX:MaxDirectMemorySize=8m", "-XX:TieredStopAtLevel=1", "-Xss256k", \
    "-XX:-UsePerfData", "-cp", "/app/classes", "dev.todo.frontend.FrontendServer"]
