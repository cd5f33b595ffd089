import KinoCore

/// Character art: libchafa picks a glyph and a foreground/background pair per cell from the
/// allowed symbols and colours; the pure ASCII ramp is ours (brightness to density).
/// Public for kino-bench, which compares `symbolArt` with the chafa command line.
public enum CellArtRenderer {
    static let letterbox = RGB(0, 0, 0)

    static func render(_ frame: Frame, layout: PreviewLayout, colorDepth: ColorDepth, symbols: SymbolSet,
                       ascii: Bool) -> CellArt {
        let depth: ColorDepth = ascii ? .none : colorDepth
        let blank = ArtCell(character: " ", fg: letterbox, bg: letterbox,
                            fgIndex: depth.letterboxIndex, bgIndex: depth.letterboxIndex)
        var art = CellArt(cols: layout.cols, rows: layout.rows,
                          cells: Array(repeating: blank, count: layout.cols * layout.rows), colorDepth: depth)
        let picture = ascii ? asciiRamp(frame, cols: layout.artCols, rows: layout.artRows)
                            : symbolArt(frame, cols: layout.artCols, rows: layout.artRows, colorDepth: depth, symbols: symbols)
        for y in 0..<layout.artRows {
            for x in 0..<layout.artCols {
                art[x + layout.leftPad, y + layout.topPad] = picture[y * layout.artCols + x]
            }
        }
        return art
    }

    public static func symbolArt(_ frame: Frame, cols: Int, rows: Int, colorDepth: ColorDepth, symbols: SymbolSet,
                          colorMatching: ChafaCanvasSettings.ColorMatching = .din99d) -> [ArtCell] {
        var settings = ChafaCanvasSettings(output: .symbols, colorDepth: colorDepth, symbols: symbols)
        settings.colorMatching = colorMatching
        let canvas = ChafaCanvas(cols: cols, rows: rows, cellWidth: 8, cellHeight: 8, settings: settings)
        canvas.draw(frame)
        var cells: [ArtCell] = []
        cells.reserveCapacity(cols * rows)
        let indexed = colorDepth == .color256 || colorDepth == .color16
        for y in 0..<rows {
            for x in 0..<cols {
                let (fg, bg) = canvas.colors(x: x, y: y)
                var cell = ArtCell(character: Swift.Character(canvas.character(x: x, y: y)), fg: rgb(fg), bg: rgb(bg))
                if indexed {
                    let raw = canvas.rawColors(x: x, y: y)
                    cell.fgIndex = raw.fg >= 0 && raw.fg < 256 ? UInt8(raw.fg) : nil
                    cell.bgIndex = raw.bg >= 0 && raw.bg < 256 ? UInt8(raw.bg) : nil
                }
                cells.append(cell)
            }
        }
        return cells
    }

    /// Denser glyphs for brighter cells (light text on a dark terminal), after stretching the
    /// picture's brightness range over the whole ramp.
    static let ramp: [Swift.Character] = Array(" .:-=+*#%@")

    static func asciiRamp(_ frame: Frame, cols: Int, rows: Int) -> [ArtCell] {
        let small = frame.scaled(width: cols, height: rows)
        var luma = [Double](repeating: 0, count: cols * rows)
        for i in 0..<luma.count {
            let p = i * 4
            luma[i] = 0.2126 * Double(small.pixels[p]) + 0.7152 * Double(small.pixels[p + 1]) + 0.0722 * Double(small.pixels[p + 2])
        }
        let lo = luma.min() ?? 0, hi = luma.max() ?? 255
        let span = max(hi - lo, 32)
        return luma.enumerated().map { i, l in
            let t = max(0, min(1, (l - lo) / span))
            let glyph = ramp[min(ramp.count - 1, Int(t * Double(ramp.count)))]
            let grey = UInt8(max(0, min(255, l.rounded())))
            return ArtCell(character: glyph, fg: RGB(grey, grey, grey), bg: letterbox)
        }
    }

    private static func rgb(_ packed: Int32) -> RGB {
        guard packed >= 0 else { return letterbox }
        return RGB(UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF))
    }
}

extension ColorDepth {
    /// Black in each palette: cube black (16) for 256 colours, index 0 for 16.
    var letterboxIndex: UInt8? {
        switch self {
        case .color256: 16
        case .color16: 0
        case .truecolor, .none: nil
        }
    }
}
