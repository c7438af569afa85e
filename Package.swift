// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "swift-aiven-operator",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "aiven-operator", targets: ["aiven-operator"]),
        .library(name: "KubeAPI", targets: ["KubeAPI"]),
        .library(name: "AivenResources", targets: ["AivenResources"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        // Already in the graph (through async-http-client); the emulator issues Kafka client certificates with them.
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
    ],
    targets: [
        // API machinery: values, schema validation, CEL subset. No I/O.
        .target(
            name: "KubeAPI",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // The aiven.io kinds: Swift types and their single-source schemas.
        .target(
            name: "AivenResources",
            dependencies: ["KubeAPI"],
            swiftSettings: swiftSettings
        ),
        // Typed client for the Aiven REST API.
        .target(
            name: "AivenClient",
            dependencies: [
                "KubeAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Typed client for the Kubernetes REST API.
        .target(
            name: "KubeClient",
            dependencies: [
                "KubeAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Controller runtime: watcher, store, work queue, controller, finalizers, conditions,
        // events, leader election.
        .target(
            name: "KubeRuntime",
            dependencies: [
                "KubeAPI",
                "KubeClient",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        // The reconcilers: desired state (spec) → observed (Aiven) → diff → actions.
        .target(
            name: "AivenOperator",
            dependencies: [
                "KubeAPI",
                "KubeClient",
                "KubeRuntime",
                "AivenClient",
                "AivenResources",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Durable append-only record log with group commit and compaction (LocalKube's and the
        // emulator's storage). Depends on nothing product-specific.
        .target(name: "Journal", swiftSettings: swiftSettings),
        // Dev/test Aiven API server.
        .target(
            name: "AivenEmulator",
            dependencies: [
                "KubeAPI",
                "Journal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Dev/test Kubernetes API server.
        .target(
            name: "LocalKube",
            dependencies: [
                "KubeAPI",
                "Journal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "aiven-operator",
            dependencies: [
                "KubeAPI",
                "AivenResources",
                "AivenClient",
                "KubeClient",
                "AivenEmulator",
                "LocalKube",
                "AivenOperator",
                "KubeRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "KubeAPITests", dependencies: ["KubeAPI"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AivenResourcesTests",
            dependencies: ["AivenResources", "AivenOperator", "KubeAPI"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "AivenClientTests", dependencies: ["AivenClient", "AivenEmulator", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AivenEmulatorTests",
            dependencies: [
                "AivenEmulator",
                "KubeAPI",
                "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "KubeClientTests", dependencies: ["KubeClient", "LocalKube", "KubeAPI"], swiftSettings: swiftSettings),
        .testTarget(name: "JournalTests", dependencies: ["Journal"], swiftSettings: swiftSettings),
        .testTarget(name: "LocalKubeTests", dependencies: ["LocalKube", "AivenResources", "AivenOperator", "KubeAPI", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "KubeRuntimeTests",
            dependencies: [
                "KubeRuntime", "KubeClient", "KubeAPI", "LocalKube", "AivenResources", "AivenOperator", "TestSupport",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AivenOperatorTests",
            dependencies: ["AivenOperator", "AivenResources", "AivenClient", "KubeAPI", "KubeClient", "KubeRuntime", "AivenEmulator", "LocalKube", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        // Shared by the test targets: driving real binaries (kubectl, aiven-operator), capturing logs.
        .target(
            name: "TestSupport", dependencies: ["KubeAPI", "TestConcurrency", .product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport", swiftSettings: swiftSettings
        ),
        // Caps how many test cases run at once (2 per core) before swift-testing reads its
        // configuration: most tests run servers in-process against a time limit.
        .target(name: "TestConcurrency", path: "Tests/TestConcurrency"),
        .testTarget(name: "EndToEndTests", dependencies: ["aiven-operator", "KubeAPI", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "FaultTests", dependencies: ["aiven-operator", "AivenOperator", "AivenResources", "KubeAPI", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CLITests", dependencies: ["aiven-operator", "TestSupport"], swiftSettings: swiftSettings),
        // The install artifacts: deploy/ (kustomize, install.yaml), the Helm chart, the Dockerfile.
        .testTarget(
            name: "InstallTests",
            dependencies: ["aiven-operator", "AivenOperator", "KubeAPI", "TestSupport"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
