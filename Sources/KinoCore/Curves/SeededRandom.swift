/// A small, fast, seeded pseudo-random generator (SplitMix64, Steele/Lea/Flood 2014).
/// The same seed gives the same sequence on every machine and Swift version, which the
/// system generator does not promise: presets, the engine and tests draw from this.
public struct SeededRandom: RandomNumberGenerator, Hashable, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in 0..<1 with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992)
    }

    /// A double uniformly in `range`.
    public mutating func next(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * nextUnit()
    }

    /// An independent generator for a named sub-stream (e.g. one per channel), so adding a
    /// draw in one place does not shift every later number.
    public func fork(_ stream: UInt64) -> SeededRandom {
        var r = SeededRandom(seed: state ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = r.next()
        return r
    }
}
