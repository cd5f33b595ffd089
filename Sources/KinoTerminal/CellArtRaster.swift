import KinoCore

extension CellArt {
    /// Draws the art back into pixels, each cell `cellWidth` x `cellHeight`, knowing the shapes
    /// of the block, quadrant, sextant and shade glyphs; any other glyph counts as half ink.
    /// This is how benchmarks and tests measure how faithful character art is (PSNR).
    public func rasterized(cellWidth: Int = 8, cellHeight: Int = 16) -> Frame {
        let w = cols * cellWidth, h = rows * cellHeight
        var pixels = [UInt8](repeating: 255, count: w * h * 4)
        for cy in 0..<rows {
            for cx in 0..<cols {
                let cell = self[cx, cy]
                let scalar = cell.character.unicodeScalars.first ?? " "
                for py in 0..<cellHeight {
                    for px in 0..<cellWidth {
                        let ink = GlyphShape.coverage(scalar, x: (Double(px) + 0.5) / Double(cellWidth),
                                                      y: (Double(py) + 0.5) / Double(cellHeight))
                        let o = ((cy * cellHeight + py) * w + cx * cellWidth + px) * 4
                        pixels[o] = mix(cell.bg.r, cell.fg.r, ink)
                        pixels[o + 1] = mix(cell.bg.g, cell.fg.g, ink)
                        pixels[o + 2] = mix(cell.bg.b, cell.fg.b, ink)
                    }
                }
            }
        }
        return Frame(width: w, height: h, pixels: pixels)
    }

    private func mix(_ a: UInt8, _ b: UInt8, _ t: Double) -> UInt8 {
        UInt8((Double(a) * (1 - t) + Double(b) * t).rounded())
    }

    /// Reads ANSI character art (as `chafa --format symbols` prints it) back into cells:
    /// SGR colours (truecolor, 256, 16, inverse, reset) and REP; other sequences are skipped.
    /// Lines shorter than the longest are padded with black spaces.
    public init(parsingANSI text: String) {
        let black = RGB(0, 0, 0), white = RGB(229, 229, 229)
        var lines: [[ArtCell]] = [[]]
        var fg = white, bg = black, inverse = false
        var scalars = Array(text.unicodeScalars)[...]
        func put(_ s: Unicode.Scalar) {
            lines[lines.count - 1].append(ArtCell(character: Swift.Character(s), fg: inverse ? bg : fg, bg: inverse ? fg : bg))
        }
        while let s = scalars.popFirst() {
            if s == "\n" { lines.append([]); continue }
            if s == "\r" { continue }
            guard s == "\u{1B}" else { if s.value >= 0x20 { put(s) }; continue }
            guard scalars.first == "[" else { _ = scalars.popFirst(); continue }
            scalars.removeFirst()
            var body = ""
            while let c = scalars.popFirst() {
                if c.value >= 0x40 && c.value <= 0x7E { body.unicodeScalars.append(c); break }
                body.unicodeScalars.append(c)
            }
            guard let final = body.unicodeScalars.last else { continue }
            let params = body.dropLast().split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
            if final == "b", let last = lines[lines.count - 1].last {
                for _ in 0..<(params.first ?? 1) { lines[lines.count - 1].append(last) }
                continue
            }
            guard final == "m", !body.hasPrefix("?") else { continue }
            var k = 0
            let p = params.isEmpty ? [0] : params
            while k < p.count {
                switch p[k] {
                case 0: fg = white; bg = black; inverse = false
                case 7: inverse = true
                case 27: inverse = false
                case 39: fg = white
                case 49: bg = black
                case 30...37: fg = Palette.ansi16[p[k] - 30]
                case 90...97: fg = Palette.ansi16[p[k] - 82]
                case 40...47: bg = Palette.ansi16[p[k] - 40]
                case 100...107: bg = Palette.ansi16[p[k] - 92]
                case 38, 48:
                    let foreground = p[k] == 38
                    var colour: RGB?
                    if k + 4 < p.count, p[k + 1] == 2 {
                        colour = RGB(UInt8(clamping: p[k + 2]), UInt8(clamping: p[k + 3]), UInt8(clamping: p[k + 4])); k += 4
                    } else if k + 2 < p.count, p[k + 1] == 5 {
                        colour = Palette.rgb256(p[k + 2]); k += 2
                    }
                    if let colour { if foreground { fg = colour } else { bg = colour } }
                default: break
                }
                k += 1
            }
        }
        while lines.count > 1 && lines.last!.isEmpty { lines.removeLast() }
        let cols = max(1, lines.map(\.count).max() ?? 1)
        let blank = ArtCell(character: " ", fg: black, bg: black)
        let cells = lines.flatMap { $0 + Array(repeating: blank, count: cols - $0.count) }
        self.init(cols: cols, rows: max(1, lines.count), cells: cells.isEmpty ? [blank] : cells, colorDepth: .truecolor)
    }
}

extension Palette {
    /// The xterm colour of a 256-colour index.
    static func rgb256(_ i: Int) -> RGB {
        switch i {
        case 0..<16: return ansi16[i]
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let n = i - 16
            return RGB(levels[n / 36], levels[n / 6 % 6], levels[n % 6])
        default:
            let v = UInt8(clamping: 8 + 10 * (i - 232))
            return RGB(v, v, v)
        }
    }
}

/// The ink coverage of block-element glyphs, for measuring character art.
enum GlyphShape {
    static func coverage(_ s: Unicode.Scalar, x: Double, y: Double) -> Double {
        let v = s.value
        func b(_ c: Bool) -> Double { c ? 1 : 0 }
        switch v {
        case 0x20: return 0
        case 0x2588: return 1
        case 0x2580: return b(y < 0.5)
        case 0x2581...0x2587: return b(y >= 1 - Double(v - 0x2580) / 8)
        case 0x2589...0x258F: return b(x < Double(0x2590 - v) / 8)
        case 0x2590: return b(x >= 0.5)
        case 0x2591: return 0.25
        case 0x2592: return 0.5
        case 0x2593: return 0.75
        case 0x2594: return b(y < 1.0 / 8)
        case 0x2595: return b(x >= 7.0 / 8)
        case 0x2596...0x259F:
            // Quadrants as bits: upper-left 1, upper-right 2, lower-left 4, lower-right 8.
            let masks: [Int] = [4, 8, 1, 1 | 4 | 8, 1 | 8, 1 | 2 | 4, 1 | 2 | 8, 2, 2 | 4, 2 | 4 | 8]
            let bit = (y < 0.5 ? 0 : 2) + (x < 0.5 ? 0 : 1)
            return b(masks[Int(v - 0x2596)] & (1 << bit) != 0)
        case 0x1FB00...0x1FB3B:
            // Sextants number the 2x3 cells as bits 1…6; 21 and 42 (half blocks) are skipped.
            var n = Int(v - 0x1FB00) + 1
            if n >= 21 { n += 1 }
            if n >= 42 { n += 1 }
            let bit = min(2, Int(y * 3)) * 2 + (x < 0.5 ? 0 : 1)
            return b(n & (1 << bit) != 0)
        default: return 0.5
        }
    }
}
