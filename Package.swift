// swift-tools-version: 6.1
import PackageDescription

let upcomingFeatures: [SwiftSetting] = [
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
    ],
    targets: [
        .target(
            name: "KubeAPI",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "AivenResources",
            dependencies: ["KubeAPI"],
            swiftSettings: upcomingFeatures
        ),
        .executableTarget(
            name: "aiven-operator",
            dependencies: [
                "KubeAPI",
                "AivenResources",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "KubeAPITests",
            dependencies: ["KubeAPI"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "AivenResourcesTests",
            dependencies: ["AivenResources", "KubeAPI"],
            resources: [.copy("Fixtures")],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["aiven-operator"],
            swiftSettings: upcomingFeatures
        ),
    ],
    swiftLanguageModes: [.v6]
)
