/// How a keyframe's segment runs to the next key.
public enum Interpolation: String, Hashable, Sendable, Codable, CaseIterable {
    case constant, linear, bezier
    case sine, quad, cubic, expo, back, bounce, elastic
}

/// Which end of an easing family is eased (Blender's ease in / out / in-out).
public enum EasingMode: String, Hashable, Sendable, Codable, CaseIterable {
    case easeIn = "in", easeOut = "out", easeInOut = "in-out"
}

/// How a bezier key's handles are computed (Blender's handle types).
public enum HandleType: String, Hashable, Sendable, Codable, CaseIterable {
    case auto, autoClamped = "auto-clamped", vector, aligned, free
}

/// A bezier handle, relative to its key: `dt` frames in time, `dv` in value.
public struct Handle: Hashable, Sendable, Codable {
    public var dt: Double
    public var dv: Double
    public init(dt: Double, dv: Double) { self.dt = dt; self.dv = dv }
}

/// One key of an AnimationCurve. `interpolation` and `easing` describe the segment to the
/// next key; handles are used by bezier segments on either side.
public struct Keyframe: Hashable, Sendable, Codable {
    public var frame: Double
    public var value: Double
    public var interpolation: Interpolation
    public var easing: EasingMode
    public var handleType: HandleType
    public var leftHandle: Handle
    public var rightHandle: Handle

    public init(frame: Double, value: Double, interpolation: Interpolation = .bezier,
                easing: EasingMode = .easeInOut, handleType: HandleType = .autoClamped,
                leftHandle: Handle = Handle(dt: -1, dv: 0), rightHandle: Handle = Handle(dt: 1, dv: 0)) {
        self.frame = frame
        self.value = value
        self.interpolation = interpolation
        self.easing = easing
        self.handleType = handleType
        self.leftHandle = leftHandle
        self.rightHandle = rightHandle
    }
}

/// Which handle of a key: `left` shapes the segment arriving from the previous key,
/// `right` the segment leaving toward the next one.
public enum HandleSide: String, Hashable, Sendable, Codable, CaseIterable {
    case left, right
}

/// A value over time: keyframes sorted by frame, no two on the same frame. Before the first
/// key and after the last the curve holds the end value (constant extrapolation); an empty
/// curve is 0 everywhere. Evaluation is in CurveEvaluation.swift, handle rules in
/// HandleCalculation.swift, edits in CurveEditing.swift.
public struct AnimationCurve: Hashable, Sendable, Codable {
    public internal(set) var keys: [Keyframe]

    /// Sorts the keys, keeps the last of any that share a frame, and computes the handles of
    /// auto, auto-clamped and vector keys.
    public init(keys: [Keyframe] = []) {
        self.keys = AnimationCurve.normalized(keys)
        recalculateHandles()
    }

    public init(constant value: Double) {
        self.init(keys: [Keyframe(frame: 0, value: value)])
    }

    /// Stable sort by frame; of keys on the same frame the later one in `keys` wins.
    static func normalized(_ keys: [Keyframe]) -> [Keyframe] {
        let sorted = keys.enumerated().sorted { ($0.element.frame, $0.offset) < ($1.element.frame, $1.offset) }.map(\.element)
        var out: [Keyframe] = []
        out.reserveCapacity(sorted.count)
        for k in sorted {
            if let last = out.last, last.frame == k.frame { out[out.count - 1] = k } else { out.append(k) }
        }
        return out
    }

    private enum CodingKeys: String, CodingKey { case keys }

    // Same shape as the synthesized coding ({"keys": [...]}); decoding restores the
    // invariants (sorted, unique frames, computed handles) whatever the file held.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(keys: try c.decode([Keyframe].self, forKey: .keys))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(keys, forKey: .keys)
    }
}
