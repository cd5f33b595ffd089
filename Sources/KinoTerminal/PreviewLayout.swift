import KinoCore

/// Where a frame goes on the terminal: a box of `cols` x `rows` cells, and inside it the
/// aspect-preserving fit of the frame, in cells and in pixels. Public (read-only) for kino-bench.
public struct PreviewLayout: Equatable, Sendable {
    /// The box the caller asked for (rows computed from the aspect when not given).
    var cols: Int
    var rows: Int
    /// The picture inside the box, in cells (centred; the rest is letterbox).
    public internal(set) var artCols: Int
    public internal(set) var artRows: Int
    /// The picture in pixels, for sixel and kitty.
    var pixelWidth: Int
    var pixelHeight: Int

    public init(frameWidth: Int, frameHeight: Int, cols: Int, rows: Int?, cellWidth: Int, cellHeight: Int,
         maxPixels: PixelSize? = nil) throws {
        guard cols > 0 else { throw TerminalRenderError.invalidColumns(cols) }
        if let rows, rows <= 0 { throw TerminalRenderError.invalidRows(rows) }
        let cw = Double(max(1, cellWidth)), ch = Double(max(1, cellHeight))
        let aspect = Double(frameWidth) / Double(frameHeight)
        var w = Double(cols) * cw
        var h = w / aspect
        if let rows, h > Double(rows) * ch {
            h = Double(rows) * ch
            w = h * aspect
        }
        if let maxPixels, maxPixels.width > 0, maxPixels.height > 0 {
            let s = min(1, Double(maxPixels.width) / w, Double(maxPixels.height) / h)
            w *= s; h *= s
        }
        pixelWidth = max(1, Int(w.rounded()))
        pixelHeight = max(1, Int(h.rounded()))
        artCols = min(cols, max(1, Int((w / cw).rounded())))
        let neededRows = max(1, Int((h / ch).rounded()))
        self.cols = cols
        self.rows = rows ?? neededRows
        artRows = min(self.rows, neededRows)
    }

    /// Cells of letterbox left of and above the picture.
    var leftPad: Int { (cols - artCols) / 2 }
    var topPad: Int { (rows - artRows) / 2 }
}
