import KinoCore

// Stand-ins for the curve editing API of branch `curves` (same names and meaning), so the
// editor builds before that branch lands. Deleted by the merge of `curves`.

enum HandleSide: String, Hashable, Sendable { case left, right }

extension AnimationCurve {
    @discardableResult
    mutating func insert(_ key: Keyframe) -> Int {
        var ks = keys.filter { $0.frame != key.frame }
        let index = ks.firstIndex { $0.frame > key.frame } ?? ks.count
        ks.insert(key, at: index)
        self = AnimationCurve(keys: ks)
        return index
    }
    mutating func removeKey(at index: Int) {
        var ks = keys; ks.remove(at: index); self = AnimationCurve(keys: ks)
    }
    @discardableResult
    mutating func moveKey(at index: Int, toFrame frame: Double, value: Double) -> Int {
        var ks = keys
        var key = ks.remove(at: index)
        key.frame = frame; key.value = value
        self = AnimationCurve(keys: ks)
        return insert(key)
    }
    mutating func setHandle(at index: Int, side: HandleSide, to handle: Handle) {
        var ks = keys
        if ks[index].handleType == .auto || ks[index].handleType == .autoClamped { ks[index].handleType = .aligned }
        switch side {
        case .left: ks[index].leftHandle = Handle(dt: min(0, handle.dt), dv: handle.dv)
        case .right: ks[index].rightHandle = Handle(dt: max(0, handle.dt), dv: handle.dv)
        }
        self = AnimationCurve(keys: ks)
    }
    mutating func setInterpolation(at index: Int, _ interpolation: Interpolation, easing: EasingMode? = nil) {
        var ks = keys
        ks[index].interpolation = interpolation
        if let easing { ks[index].easing = easing }
        self = AnimationCurve(keys: ks)
    }
    mutating func setHandleType(at index: Int, _ type: HandleType) {
        var ks = keys; ks[index].handleType = type; self = AnimationCurve(keys: ks)
    }
}

extension CameraPath {
    static func preset(_ preset: CameraPreset, frames: Int, frameRate: FrameRate) -> CameraPath {
        var path = CameraPath.standard
        let end = Double(max(frames - 1, 0))
        switch preset {
        case .dolly: path[.positionZ] = AnimationCurve(keys: [Keyframe(frame: 0, value: 6), Keyframe(frame: end, value: 3)])
        case .truck: path[.positionX] = AnimationCurve(keys: [Keyframe(frame: 0, value: -1.5), Keyframe(frame: end, value: 1.5)])
        default: break
        }
        return path
    }
}
