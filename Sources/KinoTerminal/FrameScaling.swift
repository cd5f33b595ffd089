import KinoCore

extension Frame {
    /// Resamples to `width` x `height`: area-weighted (fractional box) when shrinking, so thin
    /// lines and gradients average correctly; bilinear when growing.
    func scaled(width w: Int, height h: Int) -> Frame {
        if w == width && h == height { return self }
        let horizontal = Frame.weights(from: width, to: w)
        let vertical = Frame.weights(from: height, to: h)
        // Horizontal pass into Float rows, then vertical pass.
        var tmp = [Float](repeating: 0, count: w * height * 4)
        pixels.withUnsafeBufferPointer { src in
            for y in 0..<height {
                let row = y * width * 4
                for x in 0..<w {
                    var acc = SIMD4<Float>(repeating: 0)
                    for (sx, wt) in horizontal[x] {
                        let i = row + sx * 4
                        acc += SIMD4(Float(src[i]), Float(src[i + 1]), Float(src[i + 2]), Float(src[i + 3])) * wt
                    }
                    let o = (y * w + x) * 4
                    tmp[o] = acc[0]; tmp[o + 1] = acc[1]; tmp[o + 2] = acc[2]; tmp[o + 3] = acc[3]
                }
            }
        }
        var out = [UInt8](repeating: 255, count: w * h * 4)
        for y in 0..<h {
            for x in 0..<w {
                var acc = SIMD4<Float>(repeating: 0)
                for (sy, wt) in vertical[y] {
                    let i = (sy * w + x) * 4
                    acc += SIMD4(tmp[i], tmp[i + 1], tmp[i + 2], tmp[i + 3]) * wt
                }
                let o = (y * w + x) * 4
                for k in 0..<4 { out[o + k] = UInt8(max(0, min(255, acc[k].rounded()))) }
            }
        }
        return Frame(width: w, height: h, pixels: out)
    }

    /// For each destination index, the source indices and their weights (summing to 1).
    private static func weights(from n: Int, to m: Int) -> [[(Int, Float)]] {
        let scale = Double(n) / Double(m)
        return (0..<m).map { d in
            if scale > 1 {
                let a = Double(d) * scale, b = a + scale
                var list: [(Int, Float)] = []
                var s = Int(a)
                while Double(s) < b && s < n {
                    let cover = min(b, Double(s + 1)) - max(a, Double(s))
                    if cover > 0 { list.append((s, Float(cover / scale))) }
                    s += 1
                }
                return list
            }
            let c = max(0, min(Double(n - 1), (Double(d) + 0.5) * scale - 0.5))
            let s0 = Int(c), s1 = min(n - 1, s0 + 1)
            let f = Float(c - Double(s0))
            return s0 == s1 ? [(s0, Float(1))] : [(s0, 1 - f), (s1, f)]
        }
    }
}
