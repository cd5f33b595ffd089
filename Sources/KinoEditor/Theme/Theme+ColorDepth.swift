import KinoCore

/// The 16 ANSI colours as xterm draws them by default. A terminal with 8 or 16 colours shows
/// only these, so a theme is mapped onto them (`Theme.degraded`) and the screen picks the
/// colour index by exact match.
public enum AnsiPalette {
    public static let colors: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The index of the colour nearest `c` (CIE Lab distance) among the first `count` (8 or
    /// 16), leaving out `excluding` unless that leaves nothing.
    public static func nearest(_ c: RGB, count: Int, excluding: Set<Int> = []) -> Int {
        let candidates = (0..<min(max(count, 1), colors.count)).filter { !excluding.contains($0) }
        let pool = candidates.isEmpty ? Array(0..<min(max(count, 1), colors.count)) : candidates
        let lab = c.lab
        return pool.min { RGB.deltaE(lab, colors[$0].lab) < RGB.deltaE(lab, colors[$1].lab) }!
    }
}

/// The foreground or the background of a style.
enum StyleChannel: Sendable {
    case fg, bg
    func of(_ s: CellStyle) -> CellColor { self == .fg ? s.fg : s.bg }
}

extension Theme {
    /// What the editor tells apart by colour alone: each role's channel must not take the
    /// same ANSI colour as the others listed. The nearest colour merges them on 8 colours
    /// (every dark grey is black: the borders and the shot blocks vanished into the background).
    static let distinctions: [(role: String, channel: StyleChannel, from: [(String, StyleChannel)])] = [
        ("ui.border", .fg, [("ui.background", .bg)]),
        ("ui.border.focused", .fg, [("ui.background", .bg), ("ui.border", .fg)]),
        ("timeline.scene", .bg, [("ui.background", .bg)]),
        ("timeline.scene.alt", .bg, [("ui.background", .bg), ("timeline.scene", .bg)]),
        ("timeline.shot", .bg, [("ui.background", .bg), ("timeline.scene", .bg), ("timeline.scene.alt", .bg)]),
        ("timeline.shot.alt", .bg, [("ui.background", .bg), ("timeline.shot", .bg), ("timeline.scene", .bg), ("timeline.scene.alt", .bg)]),
        ("timeline.shot.selected", .bg, [("ui.background", .bg), ("timeline.shot", .bg), ("timeline.shot.alt", .bg)]),
        ("status", .bg, [("ui.background", .bg)]),
    ]

    /// The theme as a terminal with `colorCount` colours can show it legibly. From 256 colours
    /// up it is unchanged. With 8 or 16 every colour becomes an ANSI colour: the nearest, except
    /// where that would merge what `distinctions` keeps apart, and text never takes its own
    /// background's colour.
    public func degraded(toColors colorCount: Int) -> Theme {
        guard usesColor, colorCount < 256 else { return self }
        let count = colorCount >= 16 ? 16 : 8
        var mapping: [RGB: Int] = [:]
        for role in roles {
            for c in [style(role).fg, style(role).bg] {
                if case .rgb(let rgb) = c, mapping[rgb] == nil { mapping[rgb] = AnsiPalette.nearest(rgb, count: count) }
            }
        }
        func index(_ c: CellColor) -> Int? { if case .rgb(let rgb) = c { return mapping[rgb] }; return nil }
        // A colour moved for one distinction moves everywhere it is used; a second pass
        // settles distinctions that the first pass's moves disturbed.
        for _ in 0..<2 {
            for d in Self.distinctions {
                guard case .rgb(let rgb) = d.channel.of(style(d.role)), let own = mapping[rgb] else { continue }
                // A role given the very same colour as another is meant to look the same.
                let others = d.from.map { $0.1.of(style($0.0)) }.filter { $0 != .rgb(rgb) }
                let forbidden = Set(others.compactMap(index))
                if forbidden.contains(own) { mapping[rgb] = AnsiPalette.nearest(rgb, count: count, excluding: forbidden) }
            }
        }
        func ansi(_ c: CellColor) -> CellColor {
            guard case .rgb(let rgb) = c, let i = mapping[rgb] else { return c }
            return .rgb(AnsiPalette.colors[i])
        }
        var out: [String: CellStyle] = [:]
        for role in roles {
            let original = style(role)
            var s = CellStyle(fg: ansi(original.fg), bg: ansi(original.bg), attributes: original.attributes)
            // Text in its background's colour is invisible: take the nearest other colour.
            if case .rgb(let fg) = original.fg, case .rgb(let bg) = original.bg, fg != bg,
               let fi = mapping[fg], let bi = mapping[bg], fi == bi {
                s.fg = .rgb(AnsiPalette.colors[AnsiPalette.nearest(fg, count: count, excluding: [bi])])
            }
            out[role] = s
        }
        return Theme(name: name, styles: out, usesColor: usesColor)
    }
}
