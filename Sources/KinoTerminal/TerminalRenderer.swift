import KinoCore

/// Draws frames for one terminal: the picture protocol or the character art its
/// capabilities allow, sized to a box of cells with the frame's aspect preserved.
public struct TerminalRenderer: Sendable {
    public var capabilities: TerminalCapabilities

    /// The largest picture sent when the terminal gave no limit: a huge --cols must not
    /// become gigabytes of escape text.
    static let pictureLimit = PixelSize(width: 4096, height: 4096)

    public init(capabilities: TerminalCapabilities) {
        self.capabilities = capabilities
    }

    /// The frame as terminal text in `capabilities.graphics`, `cols` wide and at most `rows`
    /// high (rows from the aspect when nil), ending with the cursor on a fresh line.
    public func render(_ frame: Frame, cols: Int, rows: Int? = nil) throws -> String {
        switch capabilities.graphics {
        case .sixel: return try sixel(frame, cols: cols, rows: rows)
        case .kitty: return try kitty(frame, cols: cols, rows: rows)
        case .blocks, .ascii: return try cellArt(frame, cols: cols, rows: rows).text()
        }
    }

    /// A sixel image the size of `cols` x `rows` cells (aspect kept, clamped to the terminal's
    /// maximum sixel geometry), with at most `capabilities.colorRegisters` colours.
    public func sixel(_ frame: Frame, cols: Int, rows: Int? = nil) throws -> String {
        let layout = try layout(frame, cols: cols, rows: rows, maxPixels: capabilities.maxSixelGeometry ?? Self.pictureLimit)
        let image = SixelRenderer.render(frame, layout: layout, colorRegisters: capabilities.colorRegisters)
        return (capabilities.inTmux ? image.tmuxPassthrough() : image) + "\n"
    }

    /// A kitty graphics protocol image (raw RGBA, base64 chunks) of `cols` x `rows` cells.
    public func kitty(_ frame: Frame, cols: Int, rows: Int? = nil) throws -> String {
        let layout = try layout(frame, cols: cols, rows: rows, maxPixels: Self.pictureLimit)
        let image = KittyRenderer.render(frame, layout: layout)
        return (capabilities.inTmux ? image.tmuxPassthrough() : image) + "\n"
    }

    /// Character art exactly `cols` wide (and exactly `rows` high when given; the picture is
    /// centred and letterboxed in black). ASCII when the mode is `.ascii` or there is no colour.
    public func cellArt(_ frame: Frame, cols: Int, rows: Int? = nil) throws -> CellArt {
        let layout = try layout(frame, cols: cols, rows: rows, maxPixels: nil)
        let ascii = capabilities.graphics == .ascii || capabilities.colorDepth == .none
        return CellArtRenderer.render(frame, layout: layout, colorDepth: capabilities.colorDepth,
                                      symbols: capabilities.symbols, ascii: ascii)
    }

    public func layout(_ frame: Frame, cols: Int, rows: Int?, maxPixels: PixelSize?) throws -> PreviewLayout {
        try PreviewLayout(frameWidth: frame.width, frameHeight: frame.height, cols: cols, rows: rows,
                          cellWidth: capabilities.cellWidthPx, cellHeight: capabilities.cellHeightPx,
                          maxPixels: maxPixels)
    }
}
