import Foundation
import KinoCore

/// Finds and loads themes: the user's folder ($XDG_CONFIG_HOME/kino/themes, else
/// ~/.config/kino/themes) first, then the built-in ones (the text of Themes/*.toml).
public struct ThemeLibrary: Sendable {
    /// Folders searched for NAME.toml, in order.
    public var folders: [String]

    public init(folders: [String]) { self.folders = folders }

    /// The library for this process's environment.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeLibrary {
        var base = environment["XDG_CONFIG_HOME"] ?? ""
        if base.isEmpty { base = (environment["HOME"] ?? "/root") + "/.config" }
        return ThemeLibrary(folders: [base + "/kino/themes"])
    }

    public static let builtinNames = ["default", "light", "high-contrast", "mono"]

    /// Names of every theme available: user themes and built-in ones.
    public func availableNames() -> [String] {
        var names = Set(ThemeLibrary.builtinNames)
        for f in folders {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: f)) ?? [] where file.hasSuffix(".toml") {
                names.insert(String(file.dropLast(5)))
            }
        }
        return names.sorted()
    }

    /// The theme chosen at startup: the named one, else mono when NO_COLOR is set, else default.
    public static func startupThemeName(requested: String?, environment: [String: String]) -> String {
        if let r = requested, !r.isEmpty { return r }
        if let nc = environment["NO_COLOR"], !nc.isEmpty { return "mono" }
        return "default"
    }

    /// Loads and resolves the theme `name`.
    public func load(_ name: String) throws -> Theme {
        let file = try resolvedFile(name, seen: [])
        var styles: [String: CellStyle] = [:]
        for (role, spec) in file.roles {
            styles[role] = CellStyle(fg: try color(spec.fg, palette: file.palette, theme: name, role: role),
                                     bg: try color(spec.bg, palette: file.palette, theme: name, role: role),
                                     attributes: attributes(spec.modifiers))
        }
        if file.monochrome {
            for k in styles.keys { styles[k]!.fg = .terminalDefault; styles[k]!.bg = .terminalDefault }
        }
        return Theme(name: name, styles: styles, usesColor: !file.monochrome)
    }

    /// The text of theme `name`: a file when `name` is a path (contains "/" or ends in
    /// .toml), else the user's NAME.toml if there is one, else the built-in text.
    public func source(of name: String) throws -> String {
        guard !name.isEmpty else { throw ThemeError.notFound(name: name, searched: folders) }
        if name.contains("/") || name.hasSuffix(".toml") {
            guard let text = try? String(contentsOfFile: name, encoding: .utf8) else { throw ThemeError.notFound(name: name, searched: folders) }
            return text
        }
        for f in folders {
            if let text = try? String(contentsOfFile: f + "/" + name + ".toml", encoding: .utf8) { return text }
        }
        if let text = BuiltinThemes.text[name] { return text }
        throw ThemeError.notFound(name: name, searched: folders)
    }

    private func resolvedFile(_ name: String, seen: [String]) throws -> ThemeFile {
        if seen.contains(name) { throw ThemeError.inheritanceCycle(seen.first ?? name) }
        var file = try ThemeFile(name: name, toml: try source(of: name))
        guard let parentName = file.inherits else { return file }
        var parent = try resolvedFile(parentName, seen: seen + [name])
        parent.palette.merge(file.palette) { _, child in child }
        parent.roles.merge(file.roles) { _, child in child }
        parent.monochrome = parent.monochrome || file.monochrome
        parent.inherits = nil
        file = parent
        return file
    }

    private func color(_ text: String?, palette: [String: String], theme: String, role: String) throws -> CellColor {
        guard let t = text, !t.isEmpty, t != "default", t != "none" else { return .terminalDefault }
        var value = t
        var hops = 0
        while let p = palette[value], hops < 8 { value = p; hops += 1 }
        guard let rgb = RGB(hex: value) else { throw ThemeError.badColor(name: theme, role: role, value: t) }
        return .rgb(rgb)
    }

    private func attributes(_ mods: [String]) -> CellAttributes {
        var a: CellAttributes = []
        for m in mods {
            switch m {
            case "bold": a.insert(.bold)
            case "dim": a.insert(.dim)
            case "italic": a.insert(.italic)
            case "underline", "underlined": a.insert(.underline)
            case "reverse", "reversed": a.insert(.reverse)
            default: break
            }
        }
        return a
    }
}
