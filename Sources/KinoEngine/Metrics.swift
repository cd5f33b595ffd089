import KinoCore

/// Continuity metrics: pure functions on frames that tests and benchmarks use to check that
/// seams are continuous, renders do not flicker, characters keep their look and cameras
/// follow their paths. Definitions and thresholds are in Docs/Engine.md.
public enum Metrics {
    /// A seam is continuous when `seamJump` is at most this: the change across it is no more
    /// than three times the typical change between neighbouring frames.
    public static let seamJumpThreshold = 3.0
    /// A render is steady when `flicker` is at most this (8-bit luma levels).
    public static let flickerThreshold = 1.0
    /// The same character keeps its identity when `identityDistance` is at most this.
    public static let identityDriftThreshold = 10.0
    /// Mean and worst camera-path error allowed, in pixels.
    public static let cameraPathMeanThreshold = 0.5
    public static let cameraPathMaxThreshold = 1.5
    /// Smallest denominator of `seamJump`: half an 8-bit level, so a seam in a still shot is
    /// measured against "almost nothing changes" instead of dividing by zero.
    public static let seamJumpFloor = 0.5

    /// Mean absolute difference of the R, G and B channels (alpha ignored), in 8-bit levels.
    public static func meanAbsoluteDifference(_ a: Frame, _ b: Frame) -> Double {
        precondition(a.width == b.width && a.height == b.height, "meanAbsoluteDifference: sizes differ")
        var total = 0
        a.pixels.withUnsafeBufferPointer { pa in
            b.pixels.withUnsafeBufferPointer { pb in
                var i = 0
                while i < pa.count {
                    total += abs(Int(pa[i]) - Int(pb[i])) + abs(Int(pa[i + 1]) - Int(pb[i + 1]))
                        + abs(Int(pa[i + 2]) - Int(pb[i + 2]))
                    i += 4
                }
            }
        }
        return Double(total) / Double(a.width * a.height * 3)
    }

    /// How much bigger the change across a seam is than the typical change between frames:
    /// `meanAbsoluteDifference(before, after)` divided by the median of the mean absolute
    /// differences of consecutive frames in `context` (frames around the seam, not across it),
    /// floored at `seamJumpFloor`. 0 for identical frames; about 1 for a seam that changes as
    /// much as any other frame step; large for a jump.
    public static func seamJump(before: Frame, after: Frame, context: [Frame]) -> Double {
        let jump = meanAbsoluteDifference(before, after)
        if jump == 0 { return 0 }
        let steps = zip(context, context.dropFirst()).map { meanAbsoluteDifference($0, $1) }
        return jump / max(median(steps) ?? 0, seamJumpFloor)
    }

    /// Frame-to-frame instability of brightness, in 8-bit luma levels: the root mean square
    /// of each inner frame's mean luma minus the average of its two neighbours'
    /// (L[i] − (L[i−1] + L[i+1]) / 2). A steady or linearly fading shot scores 0 (a smooth
    /// trend cancels), brightness alternating by d between frames scores d. Fewer than three
    /// frames score 0. Luma is Rec. 709 on the 8-bit sRGB values.
    public static func flicker(_ frames: [Frame]) -> Double {
        guard frames.count >= 3 else { return 0 }
        let luma = frames.map(meanLuma)
        var sum = 0.0
        for i in 1..<(luma.count - 1) {
            let r = luma[i] - (luma[i - 1] + luma[i + 1]) / 2
            sum += r * r
        }
        return (sum / Double(luma.count - 2)).squareRoot()
    }

    /// Mean Rec. 709 luma (0.2126 R + 0.7152 G + 0.0722 B) of a frame, in 8-bit levels.
    public static func meanLuma(_ frame: Frame) -> Double {
        var r = 0, g = 0, b = 0
        frame.pixels.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count { r += Int(p[i]); g += Int(p[i + 1]); b += Int(p[i + 2]); i += 4 }
        }
        let n = Double(frame.width * frame.height)
        return (0.2126 * Double(r) + 0.7152 * Double(g) + 0.0722 * Double(b)) / n
    }

    /// Distance in pixels between where the rendered camera put known points (`projected`)
    /// and where the camera path says they should be (`analytic`), pairwise: the mean and the
    /// largest. Both lists must have the same length; empty lists give (0, 0).
    public static func cameraPathError(projected: [SIMD2<Double>], analytic: [SIMD2<Double>]) -> (mean: Double, max: Double) {
        precondition(projected.count == analytic.count, "cameraPathError: \(projected.count) projected points for \(analytic.count) analytic ones")
        guard !projected.isEmpty else { return (0, 0) }
        let distances = zip(projected, analytic).map { p, q -> Double in
            let d = p - q
            return (d * d).sum().squareRoot()
        }
        return (distances.reduce(0, +) / Double(distances.count), distances.max()!)
    }

    /// The middle value (mean of the two middle values for an even count); nil when empty.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }
}
