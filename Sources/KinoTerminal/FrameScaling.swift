import KinoCore

extension Frame {
    /// Resamples to `width` x `height`: area-weighted (fractional box) when shrinking, so thin
    /// lines and gradients average correctly; bilinear when growing.
    public func scaled(width w: Int, height h: Int) -> Frame {
        if w == width && h == height { return self }
        let horizontal = ResampleTaps(from: width, to: w)
        let vertical = ResampleTaps(from: height, to: h)
        var tmp = [Float](repeating: 0, count: w * height * 4)
        var out = [UInt8](repeating: 255, count: w * h * 4)
        pixels.withUnsafeBufferPointer { src in
            tmp.withUnsafeMutableBufferPointer { mid in
                // Horizontal pass into Float rows.
                for y in 0..<height {
                    let row = y * width * 4
                    for x in 0..<w {
                        var r: Float = 0, g: Float = 0, b: Float = 0, a: Float = 0
                        for t in horizontal.start[x]..<horizontal.start[x + 1] {
                            let i = row + horizontal.index[t] * 4, wt = horizontal.weight[t]
                            r += Float(src[i]) * wt; g += Float(src[i + 1]) * wt
                            b += Float(src[i + 2]) * wt; a += Float(src[i + 3]) * wt
                        }
                        let o = (y * w + x) * 4
                        mid[o] = r; mid[o + 1] = g; mid[o + 2] = b; mid[o + 3] = a
                    }
                }
                // Vertical pass, a whole row at a time.
                out.withUnsafeMutableBufferPointer { dst in
                    var acc = [Float](repeating: 0, count: w * 4)
                    for y in 0..<h {
                        for k in acc.indices { acc[k] = 0 }
                        for t in vertical.start[y]..<vertical.start[y + 1] {
                            let base = vertical.index[t] * w * 4, wt = vertical.weight[t]
                            for k in 0..<(w * 4) { acc[k] += mid[base + k] * wt }
                        }
                        let o = y * w * 4
                        for k in 0..<(w * 4) { dst[o + k] = UInt8(max(0, min(255, acc[k] + 0.5))) }
                    }
                }
            }
        }
        return Frame(width: w, height: h, pixels: out)
    }
}

/// Source indices and weights (summing to 1) for each destination index, flattened.
private struct ResampleTaps {
    var start: [Int] = [0]
    var index: [Int] = []
    var weight: [Float] = []

    init(from n: Int, to m: Int) {
        let scale = Double(n) / Double(m)
        for d in 0..<m {
            if scale > 1 {
                let a = Double(d) * scale, b = a + scale
                var s = Int(a)
                while Double(s) < b && s < n {
                    let cover = min(b, Double(s + 1)) - max(a, Double(s))
                    if cover > 0 { index.append(s); weight.append(Float(cover / scale)) }
                    s += 1
                }
            } else {
                let c = max(0, min(Double(n - 1), (Double(d) + 0.5) * scale - 0.5))
                let s0 = Int(c), s1 = min(n - 1, s0 + 1)
                let f = Float(c - Double(s0))
                index.append(s0); weight.append(1 - f)
                if s1 != s0 { index.append(s1); weight.append(f) }
            }
            start.append(index.count)
        }
    }
}
