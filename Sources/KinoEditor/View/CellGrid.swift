import KinoCore

/// A colour as a cell carries it: the terminal's default, or an exact RGB value that the
/// front end maps onto what the terminal can show (truecolor, 256 colours, 8, or none).
public enum CellColor: Hashable, Sendable {
    case terminalDefault
    case rgb(RGB)
}

/// Text attributes of a cell.
public struct CellAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = CellAttributes(rawValue: 1)
    public static let dim = CellAttributes(rawValue: 2)
    public static let italic = CellAttributes(rawValue: 4)
    public static let underline = CellAttributes(rawValue: 8)
    public static let reverse = CellAttributes(rawValue: 16)
}

/// How a cell is drawn: colours and attributes, resolved from a theme role.
public struct CellStyle: Hashable, Sendable {
    public var fg: CellColor
    public var bg: CellColor
    public var attributes: CellAttributes
    public init(fg: CellColor = .terminalDefault, bg: CellColor = .terminalDefault, attributes: CellAttributes = []) {
        self.fg = fg; self.bg = bg; self.attributes = attributes
    }
    public static let plain = CellStyle()
}

/// One terminal cell: a grapheme (one or two columns wide) and its style. The column after a
/// wide grapheme holds an empty `text` and is skipped when drawing.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: CellStyle
    public init(_ text: String = " ", style: CellStyle = .plain) { self.text = text; self.style = style }
    /// True for the second column of a wide grapheme.
    public var isContinuation: Bool { text.isEmpty }
}

/// A rectangle of cells: where a pane lives on the screen.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public func contains(col: Int, row: Int) -> Bool { col >= x && col < maxX && row >= y && row < maxY }
    /// The rectangle shrunk by `n` cells on every side.
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
    public var description: String { "\(width)x\(height)+\(x)+\(y)" }
}

/// The whole screen as values: what the view draws and the front end flushes. Plain data, so
/// tests compare it as text and the front end diffs it against the previous one.
public struct CellGrid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (insert and command modes), if anywhere.
    public var cursor: (col: Int, row: Int)? {
        get { cursorCol < 0 ? nil : (cursorCol, cursorRow) }
        set { cursorCol = newValue?.col ?? -1; cursorRow = newValue?.row ?? -1 }
    }
    private var cursorCol = -1
    private var cursorRow = -1

    public init(width: Int, height: Int, fill: Cell = Cell()) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(col: Int, row: Int) -> Cell {
        get { cells[row * width + col] }
        set {
            guard col >= 0, col < width, row >= 0, row < height else { return }
            cells[row * width + col] = newValue
        }
    }

    /// Fills a rectangle (clipped to the grid) with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { for x in x0..<x1 { cells[y * width + x] = cell } }
    }

    /// Sets the style of a rectangle, keeping the text.
    public mutating func restyle(_ rect: Rect, _ transform: (inout CellStyle) -> Void) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { for x in x0..<x1 { transform(&cells[y * width + x].style) } }
    }

    /// Writes `text` from (col, row), one grapheme per column (two for wide ones), clipped at
    /// `maxCol` (exclusive; the grid's width by default). Returns the column after the text.
    @discardableResult
    public mutating func put(_ text: String, col: Int, row: Int, style: CellStyle, maxCol: Int? = nil) -> Int {
        guard row >= 0, row < height else { return col }
        let limit = min(maxCol ?? width, width)
        var x = col
        for ch in text {
            let w = ch.terminalWidth
            if w == 0 { continue }
            if x + w > limit { break }
            if x >= 0 {
                cells[row * width + x] = Cell(String(ch), style: style)
                if w == 2 && x + 1 < width { cells[row * width + x + 1] = Cell("", style: style) }
            }
            x += w
        }
        return x
    }

    /// The grid as plain text, one line per row, trailing spaces kept: what snapshot tests compare.
    public var text: String {
        var out = ""
        out.reserveCapacity((width + 1) * height)
        for y in 0..<height {
            for x in 0..<width { out += cells[y * width + x].text }
            out += "\n"
        }
        return out
    }

    public static func == (a: CellGrid, b: CellGrid) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorCol == b.cursorCol && a.cursorRow == b.cursorRow
    }
    public func hash(into h: inout Hasher) { h.combine(width); h.combine(height); h.combine(cells) }
}

extension Swift.Character {
    /// Columns this grapheme takes in a terminal: 0 for controls, 2 for East Asian wide and
    /// emoji presentation, 1 otherwise. A close reading of wcwidth for what prompts contain.
    public var terminalWidth: Int {
        guard let s = unicodeScalars.first else { return 0 }
        let v = s.value
        if v < 0x20 || (v >= 0x7f && v < 0xa0) { return 0 }
        if v < 0x1100 { return 1 }
        if s.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

extension String {
    /// Columns the string takes in a terminal.
    public var terminalWidth: Int { reduce(0) { $0 + $1.terminalWidth } }
}
