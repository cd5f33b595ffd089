import KinoCore

/// One character cell of a picture: a glyph and its two colours.
public struct ArtCell: Hashable, Sendable {
    /// One grapheme, one column wide.
    public var character: Swift.Character
    public var fg: RGB
    public var bg: RGB
    /// Palette indices in 256- and 16-colour art (nil in truecolor and ASCII art), for
    /// front ends such as ncurses that draw with colour numbers.
    public var fgIndex: UInt8?
    public var bgIndex: UInt8?

    public init(character: Swift.Character, fg: RGB, bg: RGB, fgIndex: UInt8? = nil, bgIndex: UInt8? = nil) {
        self.character = character
        self.fg = fg
        self.bg = bg
        self.fgIndex = fgIndex
        self.bgIndex = bgIndex
    }
}

/// A picture as a grid of character cells, row-major, top row first, every row `cols` wide.
/// The editor draws `cells` itself; `text()` is the same picture as terminal escape text.
public struct CellArt: Hashable, Sendable {
    public let cols: Int
    public let rows: Int
    public var cells: [ArtCell]
    /// The colours the cells were chosen for; decides the escape sequences `text()` writes.
    public var colorDepth: ColorDepth

    public init(cols: Int, rows: Int, cells: [ArtCell], colorDepth: ColorDepth) {
        precondition(cols > 0 && rows > 0 && cells.count == cols * rows, "CellArt size mismatch")
        self.cols = cols
        self.rows = rows
        self.cells = cells
        self.colorDepth = colorDepth
    }

    public subscript(x: Int, y: Int) -> ArtCell {
        get { cells[y * cols + x] }
        set { cells[y * cols + x] = newValue }
    }

    /// One line per row, each ending in a newline. Coloured art sets SGR colours only when a
    /// cell's colours differ from the previous cell's and resets at the end of every line,
    /// so each line stands alone; colourless art is plain characters.
    public func text() -> String {
        var out = ""
        out.reserveCapacity(cols * rows * (colorDepth == .none ? 1 : 20))
        for y in 0..<rows {
            out += line(y)
            out += "\n"
        }
        return out
    }

    /// Row `y` as text without the newline: `cols` columns, colours reset at the end.
    func line(_ y: Int) -> String {
        var out = ""
        var previous: (String, String)?
        for x in 0..<cols {
            let cell = self[x, y]
            if colorDepth != .none {
                let codes = (fgCode(cell), bgCode(cell))
                if previous == nil || previous! != codes {
                    out += "\u{1B}[\(codes.0);\(codes.1)m"
                    previous = codes
                }
            }
            out.append(cell.character)
        }
        if colorDepth != .none { out += "\u{1B}[0m" }
        return out
    }

    private func fgCode(_ c: ArtCell) -> String {
        switch colorDepth {
        case .truecolor, .none: "38;2;\(c.fg.r);\(c.fg.g);\(c.fg.b)"
        case .color256: "38;5;\(c.fgIndex ?? Palette.nearest256(c.fg))"
        case .color16: Palette.sgr16(c.fgIndex ?? Palette.nearest16(c.fg), background: false)
        }
    }

    private func bgCode(_ c: ArtCell) -> String {
        switch colorDepth {
        case .truecolor, .none: "48;2;\(c.bg.r);\(c.bg.g);\(c.bg.b)"
        case .color256: "48;5;\(c.bgIndex ?? Palette.nearest256(c.bg))"
        case .color16: Palette.sgr16(c.bgIndex ?? Palette.nearest16(c.bg), background: true)
        }
    }
}

/// The xterm palettes, for colours that did not come with an index (letterbox cells).
enum Palette {
    static let ansi16: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0), RGB(0, 0, 238), RGB(205, 0, 205),
        RGB(0, 205, 205), RGB(229, 229, 229), RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0),
        RGB(255, 255, 0), RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    static func sgr16(_ index: UInt8, background: Bool) -> String {
        let i = Int(index) & 15
        return String((background ? 40 : 30) + (i < 8 ? i : 60 + i - 8))
    }

    static func nearest16(_ c: RGB) -> UInt8 {
        UInt8(ansi16.indices.min { distance(ansi16[$0], c) < distance(ansi16[$1], c) }!)
    }

    /// Nearest entry of the 6x6x6 cube or the grey ramp (16…255).
    static func nearest256(_ c: RGB) -> UInt8 {
        let levels = [0, 95, 135, 175, 215, 255]
        func level(_ v: UInt8) -> Int { levels.indices.min { abs(levels[$0] - Int(v)) < abs(levels[$1] - Int(v)) }! }
        let (r, g, b) = (level(c.r), level(c.g), level(c.b))
        let cube = RGB(UInt8(levels[r]), UInt8(levels[g]), UInt8(levels[b]))
        let grey = max(0, min(23, (Int(c.r) + Int(c.g) + Int(c.b)) / 3 - 8 + 5) / 10)
        let greyValue = UInt8(8 + 10 * grey)
        return distance(RGB(greyValue, greyValue, greyValue), c) < distance(cube, c)
            ? UInt8(232 + grey) : UInt8(16 + 36 * r + 6 * g + b)
    }

    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
        return dr * dr + dg * dg + db * db
    }
}
