import Foundation

/// Changes a signal's sample rate by an exact ratio with a windowed-sinc polyphase filter
/// (32 taps a phase, Blackman window, cutoff just under the lower Nyquist frequency).
/// Deterministic: the filter is built from the two rates alone.
public struct Resampler {
    let up: Int, down: Int
    static let halfTaps = 16
    /// `up` phases of 2 × halfTaps coefficients each.
    let table: [Float]

    public init(from source: Int, to target: Int) {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let g = gcd(source, target)
        up = target / g; down = source / g
        let taps = 2 * Self.halfTaps
        let cutoff = 0.95 * min(1, Double(target) / Double(source))
        var t = [Float](repeating: 0, count: up * taps)
        for phase in 0..<up {
            let frac = Double(phase) / Double(up)
            var sum = 0.0
            for k in 0..<taps {
                let x = Double(k - Self.halfTaps + 1) - frac
                let sinc = x == 0 ? 1 : sin(.pi * cutoff * x) / (.pi * cutoff * x)
                let w = 0.42 + 0.5 * cos(.pi * x / Double(Self.halfTaps)) + 0.08 * cos(2 * .pi * x / Double(Self.halfTaps))
                let v = cutoff * sinc * max(0, w)
                t[phase * taps + k] = Float(v); sum += v
            }
            // Unity gain at DC for every phase.
            for k in 0..<taps { t[phase * taps + k] /= Float(sum) }
        }
        table = t
    }

    /// The signal at the target rate: ceil(count × target / source) samples.
    public func resample(_ x: [Float]) -> [Float] {
        guard up != down else { return x }
        let n = (x.count * up + down - 1) / down
        var out = [Float](repeating: 0, count: n)
        let taps = 2 * Self.halfTaps
        x.withUnsafeBufferPointer { src in
            table.withUnsafeBufferPointer { h in
                for i in 0..<n {
                    let pos = i * down
                    let base = pos / up, phase = pos % up
                    var acc: Float = 0
                    let first = base - Self.halfTaps + 1
                    for k in 0..<taps {
                        let j = first + k
                        if j >= 0 && j < src.count { acc += src[j] * h[phase * taps + k] }
                    }
                    out[i] = acc
                }
            }
        }
        return out
    }
}
