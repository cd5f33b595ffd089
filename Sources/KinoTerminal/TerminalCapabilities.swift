/// How a frame can be drawn in a terminal, best first.
public enum GraphicsMode: String, Sendable, CaseIterable, Codable {
    /// DEC sixel graphics (xterm -ti vt340, mlterm, foot, WezTerm, Konsole, …).
    case sixel
    /// The kitty graphics protocol (kitty, WezTerm, Ghostty).
    case kitty
    /// Coloured block and quadrant characters, fg/bg chosen per cell.
    case blocks
    /// A brightness ramp of printable ASCII for dumb terminals and NO_COLOR.
    case ascii
}

/// How many colours character art may use.
public enum ColorDepth: String, Sendable, CaseIterable, Codable {
    case truecolor, color256, color16, none
}

/// Which glyphs character art may use; finer sets resolve more detail per cell but need fonts
/// that have them (sextants are in "Symbols for Legacy Computing", missing from many fonts).
public enum SymbolSet: String, Sendable, CaseIterable, Codable {
    /// Upper and lower half blocks only: two square pixels per cell, works everywhere.
    case halfBlocks
    /// Half blocks, quadrants and eighth blocks (U+2580–U+259F). The default.
    case blocks
    /// `blocks` plus sextants (U+1FB00–U+1FB3B), six sub-pixels per cell.
    case sextants
}

/// Pixel limits of a sixel image, as the terminal reports them (XTSMGRAPHICS).
public struct PixelSize: Hashable, Sendable, Codable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// What the terminal on the other side can show: graphics protocol, colours, cell size.
/// Built by `detect` (asks the terminal) or `fromEnvironment` (never asks, for non-TTYs).
public struct TerminalCapabilities: Hashable, Sendable, Codable {
    /// The drawing method previews use.
    public var graphics: GraphicsMode
    /// Colours available to character art.
    public var colorDepth: ColorDepth
    /// Sixel colour registers (palette size); 256 unless the terminal said otherwise.
    public var colorRegisters: Int
    /// The largest sixel image the terminal accepts, when it said.
    public var maxSixelGeometry: PixelSize?
    /// Size of one character cell in pixels.
    public var cellWidthPx: Int
    public var cellHeightPx: Int
    /// True inside tmux: graphics then need DCS passthrough (`allow-passthrough on`).
    public var inTmux: Bool
    /// The terminal answered the sixel attribute (4) in its DA1 reply.
    public var terminalReportsSixel: Bool
    /// The terminal answered the kitty graphics query.
    public var terminalReportsKitty: Bool
    /// The terminal answered the DA1 query at all (false: silent or not a terminal).
    public var terminalAnswered: Bool
    /// Glyphs character art may use.
    public var symbols: SymbolSet

    /// The cell size used when the terminal does not tell: a common 10x20 px font cell.
    public static let defaultCellSize = PixelSize(width: 10, height: 20)

    public init(graphics: GraphicsMode = .blocks, colorDepth: ColorDepth = .truecolor, colorRegisters: Int = 256,
                maxSixelGeometry: PixelSize? = nil, cellWidthPx: Int = 10, cellHeightPx: Int = 20,
                inTmux: Bool = false, terminalReportsSixel: Bool = false, terminalReportsKitty: Bool = false,
                terminalAnswered: Bool = false, symbols: SymbolSet = .blocks) {
        self.graphics = graphics
        self.colorDepth = colorDepth
        self.colorRegisters = colorRegisters
        self.maxSixelGeometry = maxSixelGeometry
        self.cellWidthPx = cellWidthPx
        self.cellHeightPx = cellHeightPx
        self.inTmux = inTmux
        self.terminalReportsSixel = terminalReportsSixel
        self.terminalReportsKitty = terminalReportsKitty
        self.terminalAnswered = terminalAnswered
        self.symbols = symbols
    }

    /// Capabilities from environment variables alone (TERM, COLORTERM, NO_COLOR, TMUX,
    /// KINO_GRAPHICS) and the terminfo database; never talks to the terminal, so it is the
    /// choice for pipes and files. Graphics are character art unless an override names one.
    public static func fromEnvironment(_ environment: [String: String], override: GraphicsMode? = nil) -> TerminalCapabilities {
        var caps = TerminalCapabilities()
        caps.inTmux = !(environment["TMUX"] ?? "").isEmpty
        caps.colorDepth = colorDepth(environment: environment)
        caps.graphics = caps.colorDepth == .none ? .ascii : .blocks
        caps.applyOverride(explicit: override, environment: environment)
        return caps
    }

    /// Colour depth from NO_COLOR, COLORTERM, TERM and the terminfo `colors` capability.
    public static func colorDepth(environment: [String: String]) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .none }
        let colorterm = (environment["COLORTERM"] ?? "").lowercased()
        if colorterm == "truecolor" || colorterm == "24bit" { return .truecolor }
        if term.hasSuffix("-direct") || term.contains("truecolor") { return .truecolor }
        if term.contains("256color") { return .color256 }
        if let colors = Terminfo.colors(term: term, environment: environment) {
            if colors >= 1 << 24 { return .truecolor }
            if colors >= 256 { return .color256 }
            if colors >= 8 { return .color16 }
            return .none
        }
        return .color16
    }

    /// Applies an explicit `--mode`, else KINO_GRAPHICS, else leaves the detected mode.
    /// An explicit or environment choice always wins, even over a terminal that said no.
    mutating func applyOverride(explicit: GraphicsMode?, environment: [String: String]) {
        if let explicit {
            graphics = explicit
        } else if let value = environment["KINO_GRAPHICS"]?.lowercased(), let mode = GraphicsMode(rawValue: value) {
            graphics = mode
        }
        if graphics == .blocks && colorDepth == .none { colorDepth = .color16 }
    }
}
