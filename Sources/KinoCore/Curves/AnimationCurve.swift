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

/// A value over time: keyframes sorted by frame. Before the first key and after the last
/// the curve holds the end value (constant extrapolation).
public struct AnimationCurve: Hashable, Sendable, Codable {
    public private(set) var keys: [Keyframe]

    public init(keys: [Keyframe] = []) {
        self.keys = keys.sorted { $0.frame < $1.frame }
    }

    public init(constant value: Double) {
        self.init(keys: [Keyframe(frame: 0, value: value)])
    }
}

extension AnimationCurve {
    /// The curve's value at `frame` (fractional frames allowed).
    /// Interim linear evaluation; the full interpolation set lands in CurveEvaluation.swift.
    public func value(at frame: Double) -> Double {
        guard let first = keys.first else { return 0 }
        if frame <= first.frame { return first.value }
        guard let last = keys.last, frame < last.frame else { return keys.last!.value }
        var i = 0
        while keys[i + 1].frame <= frame { i += 1 }
        let a = keys[i], b = keys[i + 1]
        let t = (frame - a.frame) / (b.frame - a.frame)
        return a.value + (b.value - a.value) * t
    }
}

extension CameraPath {
    /// The camera pose at `frame` (fractional frames allowed).
    public func pose(at frame: Double) -> CameraPose {
        CameraPose(position: Vec3(self[.positionX].value(at: frame), self[.positionY].value(at: frame), self[.positionZ].value(at: frame)),
                   target: Vec3(self[.targetX].value(at: frame), self[.targetY].value(at: frame), self[.targetZ].value(at: frame)),
                   roll: self[.roll].value(at: frame), focalLength: self[.focalLength].value(at: frame))
    }
}
