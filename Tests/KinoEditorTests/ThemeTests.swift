import Foundation
import Testing
import KinoCore
@testable import KinoEditor

@Suite struct ThemeTests {
    @Test func builtInThemesEqualTheFilesInThemesFolder() throws {
        for name in ThemeLibrary.builtinNames {
            let file = try String(contentsOf: packageRoot.appendingPathComponent("Themes/\(name).toml"), encoding: .utf8)
            #expect(BuiltinThemes.text[name].map { $0 + "\n" } == file, "Themes/\(name).toml differs from BuiltinThemes.swift")
        }
    }

    @Test func everyBuiltInThemeLoadsAndNamesTheCoreRoles() throws {
        let library = ThemeLibrary(folders: [])
        let core = ["timeline.shot", "timeline.shot.selected", "timeline.shot.stale", "timeline.playhead", "curve.line",
                    "curve.key", "curve.key.selected", "status", "status.job", "message.error"]
        for name in ThemeLibrary.builtinNames {
            let theme = try library.load(name)
            for role in core { #expect(theme.roles.contains(role), "\(name) lacks \(role)") }
        }
    }

    @Test func inheritedThemesOverrideThePaletteAndKeepTheRoles() throws {
        let library = ThemeLibrary(folders: [])
        let dark = try library.load("default"), light = try library.load("light")
        #expect(dark.style("timeline.shot.selected").bg == .rgb(RGB(hex: "#88c0d0")!))
        #expect(light.style("timeline.shot.selected").bg == .rgb(RGB(hex: "#0969da")!))
        #expect(light.style("timeline.shot.selected").attributes == [.bold])
    }

    @Test func missingRolesFallBackToTheirParents() throws {
        let theme = try ThemeLibrary(folders: []).load("default")
        #expect(theme.style("timeline.shot.stale.extra") == theme.style("timeline.shot.stale"))
        #expect(theme.style("nothing.here").fg == theme.style("ui.text").fg)
    }

    @Test func monoUsesNoColourAndNoColorPicksIt() throws {
        let mono = try ThemeLibrary(folders: []).load("mono")
        #expect(!mono.usesColor)
        #expect(mono.style("status").fg == .terminalDefault)
        #expect(ThemeLibrary.startupThemeName(requested: nil, environment: ["NO_COLOR": "1"]) == "mono")
        #expect(ThemeLibrary.startupThemeName(requested: "light", environment: ["NO_COLOR": "1"]) == "light")
        #expect(ThemeLibrary.startupThemeName(requested: nil, environment: [:]) == "default")
    }

    @Test func userThemesInTheConfigFolderLoadAndInherit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kino-themes-\(UUID().uuidString)")
        let themes = dir.appendingPathComponent("kino/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "inherits = \"default\"\n\"timeline.playhead\" = \"#00ff00\"\n".write(to: themes.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        try "\"status\" = \"chartreuse\"\n".write(to: themes.appendingPathComponent("bad.toml"), atomically: true, encoding: .utf8)
        try "inherits = \"loop\"\n".write(to: themes.appendingPathComponent("loop.toml"), atomically: true, encoding: .utf8)
        try "= broken".write(to: themes.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        let library = ThemeLibrary.standard(environment: ["XDG_CONFIG_HOME": dir.path])
        #expect(library.availableNames().contains("mine"))
        let mine = try library.load("mine")
        #expect(mine.style("timeline.playhead").fg == .rgb(RGB(0, 255, 0)))
        #expect(mine.style("curve.line").fg == .rgb(RGB(hex: "#81a1c1")!))
        #expect(throws: ThemeError.badColor(name: "bad", role: "status", value: "chartreuse")) { try library.load("bad") }
        #expect(throws: ThemeError.inheritanceCycle("loop")) { try library.load("loop") }
        #expect(throws: ThemeError.self) { try library.load("broken") }
        #expect(throws: ThemeError.self) { try library.load("absent") }
        // A path names a file directly (kino edit --theme ./mine.toml).
        let byPath = try ThemeLibrary(folders: []).load(themes.appendingPathComponent("mine.toml").path)
        #expect(byPath.style("timeline.playhead").fg == .rgb(RGB(0, 255, 0)))
    }
}
