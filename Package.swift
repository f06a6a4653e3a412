// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "jira-ci",
    products: [
        .executable(name: "jira-ci", targets: ["jira-ci"]),
        .library(name: "JiraCI", targets: ["JiraCI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "JiraCI",
            dependencies: [
                "CCurl",
                "COpenSSL",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        // The command line: every command, option group, runner and view, in a library so that a test target
        // reaches them; the executable only starts it.
        .target(
            name: "JiraCICLI",
            dependencies: [
                "JiraCI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "jira-ci",
            dependencies: ["JiraCICLI"]
        ),
        .executableTarget(
            name: "Microbench",
            dependencies: ["JiraCI"],
            path: "bench/Microbench"
        ),
        .testTarget(
            name: "JiraCITests",
            dependencies: ["JiraCI"]
        ),
        .testTarget(
            name: "JiraCICLITests",
            dependencies: ["JiraCICLI", "JiraCI"]
        ),
    ]
)
