import CNcurses
import KinoCore
import KinoEditor

/// Colour pairs for (fg, bg) combinations, created on first use. RGB maps onto what the
/// terminal has: direct colour (TERM=*-direct: the value itself), the 256-colour palette
/// (nearest of the 6x6x6 cube and grey ramp), or the 8 or 16 ANSI colours.
struct ColorPairs {
    let colorCount: Int
    let pairCount: Int
    private var cache: [UInt64: Int32] = [:]
    private var ansi: [RGB: Int32] = [:]
    private var next: Int32 = 1
    /// Set when the cache filled up and pairs were reused: the screen must be redrawn.
    var wasReset = false

    init(colorCount: Int, pairCount: Int) { self.colorCount = colorCount; self.pairCount = pairCount }

    mutating func pair(fg: CellColor, bg: CellColor) -> Int32 {
        guard colorCount >= 8, pairCount > 1 else { return 0 }
        let f = index(fg), b = index(bg)
        if f == -1 && b == -1 { return 0 }
        let key = UInt64(UInt32(bitPattern: f)) << 32 | UInt64(UInt32(bitPattern: b))
        if let p = cache[key] { return p }
        if Int(next) >= min(pairCount, 32767) {
            cache.removeAll(); next = 1; wasReset = true
        }
        let p = next
        next += 1
        init_extended_pair(p, f, b)
        cache[key] = p
        return p
    }

    mutating func index(_ c: CellColor) -> Int32 {
        guard case .rgb(let rgb) = c else { return -1 }
        if colorCount >= 0x1000000 { return Int32(rgb.r) << 16 | Int32(rgb.g) << 8 | Int32(rgb.b) }
        if colorCount >= 256 { return Int32(xterm256(rgb)) }
        // Themes are degraded to the ANSI colours first (Theme.degraded), so this is exact.
        if let i = ansi[rgb] { return i }
        let i = Int32(AnsiPalette.nearest(rgb, count: colorCount >= 16 ? 16 : 8))
        ansi[rgb] = i
        return i
    }
}

/// The nearest xterm 256-colour index (cube or grey ramp).
func xterm256(_ c: RGB) -> Int {
    let levels = [0, 95, 135, 175, 215, 255]
    func nearest(_ v: UInt8) -> Int {
        var best = 0
        for i in 1..<6 where abs(levels[i] - Int(v)) < abs(levels[best] - Int(v)) { best = i }
        return best
    }
    let r = nearest(c.r), g = nearest(c.g), b = nearest(c.b)
    let cube = 16 + 36 * r + 6 * g + b
    let cubeDist = sq(levels[r] - Int(c.r)) + sq(levels[g] - Int(c.g)) + sq(levels[b] - Int(c.b))
    let avg = (Int(c.r) + Int(c.g) + Int(c.b)) / 3
    let grey = min(23, max(0, (avg - 3) / 10))
    let gv = 8 + 10 * grey
    let greyDist = sq(gv - Int(c.r)) + sq(gv - Int(c.g)) + sq(gv - Int(c.b))
    return greyDist < cubeDist ? 232 + grey : cube
}


private func sq(_ x: Int) -> Int { x * x }
