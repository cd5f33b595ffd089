// swift-tools-version: 6.1
import PackageDescription

// The arrows point one way (see Docs/Architecture in DESIGN): kino, KinoTUI -> KinoKit/KinoEditor
// -> KinoEngine, KinoStore, KinoMedia, KinoTerminal -> KinoCore. C modules are imported by
// their one adapter target only.
let package = Package(
    name: "Kino",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kino", targets: ["kino"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // System libraries: a module map and a shim header each, nothing else.
        .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw",
                       providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CFFmpeg", pkgConfig: "libavformat",
                       providers: [.apt(["libavformat-dev", "libavcodec-dev", "libswscale-dev", "libswresample-dev", "libavutil-dev"])]),
        .systemLibrary(name: "CEspeakNG", pkgConfig: "espeak-ng", providers: [.apt(["libespeak-ng-dev"])]),
        .systemLibrary(name: "CEbur128", pkgConfig: "libebur128", providers: [.apt(["libebur128-dev"])]),
        .systemLibrary(name: "CChafa", pkgConfig: "chafa",
                       providers: [.apt(["libchafa-dev", "libglib2.0-dev"])]),

        .target(name: "KinoCore"),
        .target(name: "KinoEngine", dependencies: ["KinoCore"]),
        .target(name: "KinoStore", dependencies: ["KinoCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "KinoMedia", dependencies: ["KinoCore", "CFFmpeg"]),
        .target(name: "KinoTerminal", dependencies: ["KinoCore", "CChafa"]),
        .target(name: "KinoAudio", dependencies: ["KinoCore", "CEspeakNG", "CEbur128"]),
        .target(name: "KinoInterchange", dependencies: ["KinoCore"]),
        .target(name: "KinoKit", dependencies: ["KinoCore", "KinoEngine", "KinoStore", "KinoMedia", "KinoTerminal", "KinoAudio", "KinoInterchange"]),
        .target(name: "KinoEditor", dependencies: ["KinoCore", "KinoEngine", "KinoKit", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "KinoTUI", dependencies: ["KinoCore", "KinoEngine", "KinoKit", "KinoEditor", "KinoTerminal", "CNcurses"]),
        .executableTarget(name: "kino", dependencies: [
            "KinoCore", "KinoKit", "KinoTUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kino-bench", dependencies: [
            "KinoCore", "KinoKit", "KinoEngine", "KinoStore", "KinoMedia", "KinoTerminal", "KinoEditor", "KinoTUI", "KinoInterchange", "KinoAudio",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        .testTarget(name: "KinoCoreTests", dependencies: ["KinoCore", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "KinoEngineTests", dependencies: ["KinoEngine", "KinoCore"]),
        .testTarget(name: "KinoStoreTests", dependencies: ["KinoStore", "KinoCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "KinoMediaTests", dependencies: ["KinoMedia", "KinoCore"]),
        .testTarget(name: "KinoAudioTests", dependencies: ["KinoAudio", "KinoCore"]),
        .testTarget(name: "KinoTerminalTests", dependencies: ["KinoTerminal", "KinoCore"]),
        .testTarget(name: "KinoInterchangeTests", dependencies: ["KinoInterchange", "KinoCore"]),
        .testTarget(name: "KinoKitTests", dependencies: ["KinoKit", "KinoCore", "KinoEngine", "KinoStore", "KinoAudio", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "KinoEditorTests", dependencies: ["KinoEditor", "KinoKit", "KinoCore"]),
        .testTarget(name: "KinoTUITests", dependencies: ["KinoTUI", "KinoKit", "KinoEditor", "KinoEngine", "KinoCore"]),
        .testTarget(name: "kinoTests", dependencies: ["KinoCore"]),
    ]
)
