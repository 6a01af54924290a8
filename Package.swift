// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "liaison",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "liaison", targets: ["liaison"]),
        .executable(name: "liaison-bench", targets: ["liaison-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        .target(
            name: "LiaisonCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Detection/tlds-alpha-by-domain.txt"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LiaisonIntake",
            dependencies: ["LiaisonCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .systemLibrary(
            name: "CGMime",
            pkgConfig: "gmime-3.0",
            providers: [.apt(["libgmime-3.0-dev", "libgpgme-dev"])]
        ),
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        .target(
            name: "LiaisonMail",
            dependencies: ["CGMime", "CArchive", "LiaisonCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LiaisonStore",
            dependencies: [
                "LiaisonCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Migrations")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LiaisonDelivery",
            dependencies: [
                "LiaisonCore", "LiaisonStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LiaisonServer",
            dependencies: [
                "LiaisonCore", "LiaisonIntake", "LiaisonMail", "LiaisonStore", "LiaisonDelivery",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Web")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "liaison",
            dependencies: [
                "LiaisonServer", "LiaisonIntake",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LiaisonTestSupport",
            dependencies: [
                "LiaisonServer", "LiaisonTestTools",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/LiaisonTestSupport",
            swiftSettings: swiftSettings
        ),
        .target(name: "LiaisonTestTools", path: "Tests/LiaisonTestTools", swiftSettings: swiftSettings),
        .target(
            name: "LiaisonCorpus", dependencies: ["LiaisonCore"], path: "Benchmarks/LiaisonCorpus",
            swiftSettings: swiftSettings),
        .target(
            name: "MailCorpus",
            dependencies: ["LiaisonCore", "LiaisonMail", "CArchive", .product(name: "NIOPosix", package: "swift-nio")],
            path: "Benchmarks/MailCorpus",
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "liaison-bench",
            dependencies: [
                "LiaisonCore", "LiaisonCorpus", "LiaisonIntake", "LiaisonMail", "LiaisonServer", "LiaisonStore", "MailCorpus",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Benchmarks/liaison-bench", swiftSettings: swiftSettings),
        .executableTarget(
            name: "MailFuzz", dependencies: ["LiaisonMail"], path: "Fuzz/MailFuzz", swiftSettings: swiftSettings),
        .testTarget(
            name: "LiaisonMailTests", dependencies: ["LiaisonMail", "MailCorpus", "LiaisonCore", "LiaisonTestTools"],
            resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "LiaisonCoreTests", dependencies: ["LiaisonCore", "LiaisonCorpus", "LiaisonTestTools"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LiaisonIntakeTests", dependencies: ["LiaisonIntake"],
            resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "LiaisonStoreTests",
            dependencies: [
                "LiaisonStore", "LiaisonServer", "LiaisonTestSupport",
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "LiaisonDeliveryTests",
            dependencies: [
                "LiaisonDelivery", "LiaisonTestSupport",
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "LiaisonServerTests",
            dependencies: [
                "LiaisonServer", "LiaisonTestSupport", "LiaisonTestTools", "LiaisonCorpus", "MailCorpus",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LiaisonCLITests",
            dependencies: [
                "LiaisonTestSupport", "MailCorpus", "LiaisonCore", "LiaisonStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings),
    ]
)
