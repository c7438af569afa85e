# syntax=docker/dockerfile:1
# The operator's image: `docker build -t aiven-operator:0.1.0 .`
#
# Built in the official Swift image with the Swift runtime linked statically, stripped, and run on
# distroless `cc` (glibc, libgcc, libstdc++, CA certificates; no shell, no package manager) as a
# non-root user. Builder and runtime are both Debian 12, so the binary's glibc matches.

ARG SWIFT_VERSION=6.3.1

FROM swift:${SWIFT_VERSION}-bookworm AS build
WORKDIR /src
# Dependencies first: this layer stays cached while only the sources change.
COPY Package.swift Package.resolved* ./
RUN swift package resolve
COPY . .
# .dockerignore keeps the host's .build out, so the resolved checkouts above survive this COPY.
RUN swift build -c release --static-swift-stdlib --product aiven-operator \
    && install -D -m 0755 "$(swift build -c release --show-bin-path)/aiven-operator" /out/aiven-operator \
    && strip --strip-all /out/aiven-operator

FROM gcr.io/distroless/cc-debian12:nonroot
ARG VERSION=0.1.0
ARG SOURCE_URL=""
ARG LICENSES="NOASSERTION"
LABEL org.opencontainers.image.title="aiven-operator" \
      org.opencontainers.image.description="Kubernetes operator for Aiven services (aiven.io/v1alpha1), written in Swift" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.licenses="${LICENSES}"
COPY --from=build /out/aiven-operator /aiven-operator
# 65532 is distroless's `nonroot`; numeric so that runAsNonRoot can verify it.
USER 65532:65532
EXPOSE 8080 8081
ENTRYPOINT ["/aiven-operator", "run"]
