/// Stereo sound at the project's 48 kHz as two float planes (−1…1 is full scale): what
/// decoding, speaking and synthesis produce and what the mix and the export consume.
public struct StereoBuffer: Hashable, Sendable {
    public var left: [Float]
    public var right: [Float]

    public init(left: [Float], right: [Float]) {
        precondition(left.count == right.count, "stereo planes differ in length")
        self.left = left; self.right = right
    }

    public init(silence count: Int) {
        left = [Float](repeating: 0, count: count); right = left
    }

    /// The same samples in both channels.
    public init(mono: [Float]) { left = mono; right = mono }

    public var count: Int { left.count }
    public var isEmpty: Bool { left.isEmpty }

    /// Samples `range` (clamped to the buffer).
    public func slice(_ range: Range<Int>) -> StereoBuffer {
        let r = range.clamped(to: 0..<count)
        return StereoBuffer(left: Array(left[r]), right: Array(right[r]))
    }

    /// The largest absolute sample of either channel.
    public var peak: Float {
        var m: Float = 0
        for v in left { m = max(m, abs(v)) }
        for v in right { m = max(m, abs(v)) }
        return m
    }
}
