import Foundation

/// Reads the `colors` number from a compiled terminfo entry, the way ncurses finds it,
/// without linking ncurses (only KinoTUI links it).
enum Terminfo {
    /// Index of `colors` among terminfo's numeric capabilities (term.h order).
    private static let colorsIndex = 13

    /// The entry's colour count (0 when it has none), or nil when there is no readable entry.
    static func colors(term: String, environment: [String: String]) -> Int? {
        guard let first = term.first, !term.contains("/") else { return nil }
        for dir in searchDirectories(environment) {
            for sub in [String(first), String(format: "%02x", first.asciiValue ?? 0)] {
                if let data = FileManager.default.contents(atPath: "\(dir)/\(sub)/\(term)") {
                    return colors(compiled: [UInt8](data))
                }
            }
        }
        return nil
    }

    static func searchDirectories(_ environment: [String: String]) -> [String] {
        var dirs: [String] = []
        if let t = environment["TERMINFO"], !t.isEmpty { dirs.append(t) }
        if let home = environment["HOME"], !home.isEmpty { dirs.append("\(home)/.terminfo") }
        if let list = environment["TERMINFO_DIRS"] {
            dirs += list.split(separator: ":").map(String.init)
        }
        return dirs + ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"]
    }

    /// Parses the legacy (16-bit) and extended-number (32-bit) compiled formats.
    static func colors(compiled b: [UInt8]) -> Int? {
        func short(_ i: Int) -> Int? {
            guard i + 1 < b.count else { return nil }
            let v = Int(b[i]) | Int(b[i + 1]) << 8
            return v >= 0x8000 ? v - 0x10000 : v
        }
        guard let magic = short(0), let namesSize = short(2), let boolCount = short(4),
              let numCount = short(6) else { return nil }
        let width: Int
        switch magic {
        case 0o432: width = 2
        case 0o1036: width = 4
        default: return nil
        }
        guard namesSize >= 0, boolCount >= 0, numCount >= 0 else { return nil }
        guard numCount > colorsIndex else { return 0 }
        var offset = 12 + namesSize + boolCount
        if offset % 2 == 1 { offset += 1 }
        let at = offset + colorsIndex * width
        guard at + width <= b.count else { return nil }
        var value = 0
        for k in 0..<width { value |= Int(b[at + k]) << (8 * k) }
        if width == 2 && value >= 0x8000 { value -= 0x10000 }
        if width == 4 && value >= 0x8000_0000 { value -= 0x1_0000_0000 }
        return max(0, value)   // -1: the terminal has no colours
    }
}
