import KinoCore

/// A small sixel encoder for terminals with fewer than 256 colour registers: median-cut
/// palette of exactly `colors` entries, serpentine Floyd–Steinberg dithering, run-length
/// encoded sixel bands.
enum SixelEncoder {
    static func encode(_ frame: Frame, colors: Int) -> String {
        let palette = medianCutPalette(frame, colors: colors)
        let indices = dither(frame, palette: palette)
        return sixel(width: frame.width, height: frame.height, palette: palette, indices: indices)
    }

    /// Median cut over a sample of the pixels: split the box with the widest channel range
    /// (weighted by its pixel count) at the median until there are `colors` boxes.
    static func medianCutPalette(_ frame: Frame, colors: Int) -> [SIMD3<Int>] {
        let count = frame.width * frame.height
        let step = max(1, count / 65536)
        var samples: [SIMD3<Int>] = []
        samples.reserveCapacity(count / step + 1)
        var i = 0
        while i < count {
            let p = i * 4
            samples.append(SIMD3(Int(frame.pixels[p]), Int(frame.pixels[p + 1]), Int(frame.pixels[p + 2])))
            i += step
        }
        var boxes: [Range<Int>] = [0..<samples.count]
        func spread(_ r: Range<Int>) -> (channel: Int, range: Int) {
            var lo = SIMD3(repeating: 255), hi = SIMD3(repeating: 0)
            for s in samples[r] { lo = pointwiseMin(lo, s); hi = pointwiseMax(hi, s) }
            let d = hi &- lo
            let c = d[0] >= d[1] && d[0] >= d[2] ? 0 : (d[1] >= d[2] ? 1 : 2)
            return (c, d[c])
        }
        while boxes.count < colors {
            var best = -1, bestScore = 0, bestChannel = 0
            for (k, b) in boxes.enumerated() where b.count > 1 {
                let s = spread(b)
                let score = s.range * Int(Double(b.count).squareRoot())
                if score > bestScore { best = k; bestScore = score; bestChannel = s.channel }
            }
            guard best >= 0 else { break }
            let b = boxes[best]
            samples[b].sort { $0[bestChannel] < $1[bestChannel] }
            let mid = b.lowerBound + b.count / 2
            boxes[best] = b.lowerBound..<mid
            boxes.append(mid..<b.upperBound)
        }
        return boxes.map { b in
            var acc = SIMD3(repeating: 0)
            for s in samples[b] { acc &+= s }
            return acc / max(1, b.count)
        }
    }

    /// Error-diffusion dithering to palette indices.
    static func dither(_ frame: Frame, palette: [SIMD3<Int>]) -> [UInt8] {
        let w = frame.width, h = frame.height
        var out = [UInt8](repeating: 0, count: w * h)
        var cache = [Int16](repeating: -1, count: 1 << 15)
        func nearest(_ c: SIMD3<Int>) -> Int {
            let key = (c[0] >> 3) << 10 | (c[1] >> 3) << 5 | (c[2] >> 3)
            if cache[key] >= 0 { return Int(cache[key]) }
            var best = 0, bestD = Int.max
            for (k, p) in palette.enumerated() {
                let d = c &- p
                let dist = 2 * d[0] * d[0] + 4 * d[1] * d[1] + 3 * d[2] * d[2]
                if dist < bestD { bestD = dist; best = k }
            }
            cache[key] = Int16(best)
            return best
        }
        var errThis = [SIMD3<Int>](repeating: .zero, count: w + 2)
        var errNext = [SIMD3<Int>](repeating: .zero, count: w + 2)
        for y in 0..<h {
            let leftToRight = y % 2 == 0
            for n in 0..<w {
                let x = leftToRight ? n : w - 1 - n
                let p = (y * w + x) * 4
                let src = SIMD3(Int(frame.pixels[p]), Int(frame.pixels[p + 1]), Int(frame.pixels[p + 2]))
                let want = pointwiseMax(SIMD3(repeating: 0), pointwiseMin(SIMD3(repeating: 255), src &+ errThis[x + 1] / 16))
                let k = nearest(want)
                out[y * w + x] = UInt8(k)
                let e = want &- palette[k]
                let ahead = leftToRight ? x + 2 : x, behind = leftToRight ? x : x + 2
                errThis[ahead] &+= e &* 7
                errNext[behind] &+= e &* 3
                errNext[x + 1] &+= e &* 5
                errNext[ahead] &+= e
            }
            swap(&errThis, &errNext)
            for k in errNext.indices { errNext[k] = .zero }
        }
        return out
    }

    /// DCS q with raster attributes, the palette in percent, then one band of six rows at a
    /// time: for each colour in the band its sixels, run-length encoded.
    static func sixel(width w: Int, height h: Int, palette: [SIMD3<Int>], indices: [UInt8]) -> String {
        var s: [UInt8] = Array("\u{1B}P0;1;0q\"1;1;\(w);\(h)".utf8)
        for (k, c) in palette.enumerated() {
            func pct(_ v: Int) -> Int { (v * 100 + 127) / 255 }
            s += Array("#\(k);2;\(pct(c.x));\(pct(c.y));\(pct(c.z))".utf8)
        }
        var bits = [UInt8](repeating: 0, count: w)
        func emit(_ char: UInt8, _ run: Int) {
            if run >= 4 { s += Array("!\(run)".utf8); s.append(char) }
            else { for _ in 0..<run { s.append(char) } }
        }
        for top in stride(from: 0, to: h, by: 6) {
            var used = [Bool](repeating: false, count: palette.count)
            for y in top..<min(h, top + 6) { for x in 0..<w { used[Int(indices[y * w + x])] = true } }
            var first = true
            for c in 0..<palette.count where used[c] {
                for x in 0..<w { bits[x] = 0 }
                for y in top..<min(h, top + 6) {
                    let bit = UInt8(1 << (y - top))
                    for x in 0..<w where Int(indices[y * w + x]) == c { bits[x] |= bit }
                }
                if !first { s.append(UInt8(ascii: "$")) }
                first = false
                s += Array("#\(c)".utf8)
                var run = 0, current: UInt8 = 0
                for x in 0..<w {
                    let ch = bits[x] + 63
                    if ch == current { run += 1 } else { if run > 0 { emit(current, run) }; current = ch; run = 1 }
                }
                emit(current, run)
            }
            s.append(UInt8(ascii: "-"))
        }
        s += Array("\u{1B}\\".utf8)
        return String(decoding: s, as: UTF8.self)
    }
}
