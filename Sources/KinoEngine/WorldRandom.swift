/// The world's only source of randomness: SplitMix64, seeded explicitly. The world reseeds
/// it from (shot seed, frame, purpose) every step, so no generator state needs to be
/// checkpointed and a refine with a new seed changes only what is drawn after its seam.
struct WorldRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one purpose at one frame of a shot.
    init(seed: UInt64, frame: Int, stream: UInt64) {
        var s = seed ^ 0x9E37_79B9_7F4A_7C15
        s = WorldRandom.mix(s &+ UInt64(bitPattern: Int64(frame)) &* 0xBF58_476D_1CE4_E5B9)
        s = WorldRandom.mix(s ^ (stream &* 0x94D0_49BB_1331_11EB))
        state = s
    }

    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        return WorldRandom.mix(state)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in [lo, hi).
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }

    /// Uniform integer in 0..<n.
    mutating func index(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    mutating func chance(_ p: Double) -> Bool { unit() < p }
}

/// Streams keep unrelated draws independent, so adding rain does not move the crowd.
enum RandomStream: UInt64 {
    case setup = 1, crowd = 2, rain = 3, cars = 4, camera = 5, appearance = 6
}
