import Foundation
import KinoCore
import TOMLKit

/// Colours for semantic roles ("timeline.shot.stale", "curve.key.selected"), read from a TOML
/// file with a [palette] and optional `inherits`, as helix themes are. The view asks for a
/// role; a missing role falls back to its parent ("timeline.shot.stale" -> "timeline.shot"),
/// then to "ui.text".
public struct Theme: Hashable, Sendable {
    public var name: String
    /// Whether colours are used at all (false for mono: attributes only).
    public var usesColor: Bool
    private var styles: [String: CellStyle]

    public init(name: String, styles: [String: CellStyle], usesColor: Bool = true) {
        self.name = name; self.styles = styles; self.usesColor = usesColor
    }

    /// The style for `role`, falling back through its parents to "ui.text". Roles that set no
    /// background get the "ui.background" one.
    public func style(_ role: String) -> CellStyle {
        var key = Substring(role)
        while true {
            if let s = styles[String(key)] { return withBackground(s) }
            guard let dot = key.lastIndex(of: ".") else { break }
            key = key[..<dot]
        }
        return withBackground(styles["ui.text"] ?? .plain)
    }

    private func withBackground(_ s: CellStyle) -> CellStyle {
        var s = s
        if s.bg == .terminalDefault, let bg = styles["ui.background"]?.bg { s.bg = bg }
        return s
    }

    /// Every role the theme names itself (after inheritance).
    public var roles: [String] { styles.keys.sorted() }

    /// The plain theme used when nothing else can be loaded: terminal colours, attributes only.
    public static let fallback = Theme(name: "fallback", styles: [
        "timeline.shot.selected": CellStyle(attributes: [.reverse, .bold]),
        "timeline.playhead": CellStyle(attributes: [.bold]),
        "curve.key.selected": CellStyle(attributes: [.reverse]),
        "status": CellStyle(attributes: [.reverse]),
        "message.error": CellStyle(attributes: [.bold]),
    ], usesColor: false)
}

/// Why a theme could not be loaded.
public enum ThemeError: Error, Hashable, Sendable, LocalizedError {
    case notFound(name: String, searched: [String])
    case syntax(name: String, detail: String)
    case badColor(name: String, role: String, value: String)
    case inheritanceCycle(String)

    public var errorDescription: String? {
        switch self {
        case .notFound(let n, let s):
            return "theme '\(n)' was not found; choose one of \(ThemeLibrary.builtinNames.joined(separator: ", ")) or put \(n).toml in \(s.joined(separator: " or "))"
        case .syntax(let n, let d): return "theme '\(n)' is not valid TOML (\(d)); fix the file or pick another theme"
        case .badColor(let n, let r, let v):
            return "theme '\(n)' gives role \(r) the colour '\(v)', which is neither #RRGGBB nor a palette name"
        case .inheritanceCycle(let n): return "theme '\(n)' inherits from itself through 'inherits'; break the cycle"
        }
    }
}

/// A parsed theme file before inheritance is resolved.
struct ThemeFile {
    var inherits: String?
    var monochrome: Bool
    var palette: [String: String]
    /// role -> (fg, bg, modifiers) as written.
    var roles: [String: (fg: String?, bg: String?, modifiers: [String])]

    init(name: String, toml: String) throws {
        let table: TOMLTable
        do { table = try TOMLTable(string: toml) } catch let e as TOMLParseError {
            throw ThemeError.syntax(name: name, detail: "\(e.description) at line \(e.source.begin.line)")
        } catch {
            throw ThemeError.syntax(name: name, detail: "\(error)")
        }
        inherits = table["inherits"]?.string
        monochrome = table["monochrome"]?.bool ?? false
        palette = [:]
        if let p = table["palette"]?.table {
            for k in p.keys { if let v = p[k]?.string { palette[k] = v } }
        }
        roles = [:]
        for k in table.keys where k != "inherits" && k != "palette" && k != "monochrome" {
            guard let v = table[k] else { continue }
            if let s = v.string {
                roles[k] = (s, nil, [])
            } else if let t = v.table {
                var mods: [String] = []
                if let arr = t["modifiers"]?.array { mods = arr.compactMap { $0.string } }
                roles[k] = (t["fg"]?.string, t["bg"]?.string, mods)
            }
        }
    }
}
