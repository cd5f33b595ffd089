import KinoCore

extension CameraChannel {
    /// The value step of one fine key nudge; a coarse nudge is ten of them.
    var fineStep: Double {
        switch self {
        case .roll: return 1
        case .focalLength: return 1
        default: return 0.05
        }
    }
    var unit: String {
        switch self {
        case .roll: return "°"
        case .focalLength: return " mm"
        default: return " m"
        }
    }
}

extension EditorState {
    /// The selected shot's frame under the playhead (0 when the playhead is elsewhere).
    var localPlayhead: Int {
        guard let i = selectedIndex else { return 0 }
        let start = project.shotStarts[i]
        return min(max(0, playhead - start), project.shots[i].duration - 1)
    }

    /// Runs a curve-editor command on the selected shot's camera path, as one undoable edit.
    mutating func curveCommand(_ command: Command) -> [Effect] {
        guard let shot = selected else { message = StatusMessage("no shot is selected", isError: true); return [] }
        let channel = curve.channel
        let curveNow = shot.camera[channel]
        let all = CameraChannel.allCases
        let second = Double(project.frameRate.timecodeBase)
        switch command {
        case .nextChannel, .previousChannel:
            let i = all.firstIndex(of: channel) ?? 0
            curve.channel = all[(i + (command == .nextChannel ? 1 : all.count - 1)) % all.count]
            curve.key = 0
            return []
        case .nextKey:
            curve.key = min(curve.key + 1, max(0, curveNow.keys.count - 1)); return []
        case .previousKey:
            curve.key = max(0, curve.key - 1); return []
        default: break
        }
        if command == .addKey {
            let f = Double(localPlayhead)
            let key = Keyframe(frame: f, value: curveNow.value(at: f))
            var newIndex = 0
            let effects = editCurve(label: "add key") { c in newIndex = c.insert(key) }
            if !effects.isEmpty { curve.key = newIndex }
            return effects
        }
        guard curve.key < curveNow.keys.count else {
            message = StatusMessage("\(channel.rawValue) has no keys; add one with a", isError: true)
            return []
        }
        let k = curve.key
        let key = curveNow.keys[k]
        func move(frames df: Double, value dv: Double) -> [Effect] {
            let frame = min(max(0, key.frame + df), Double(max(0, shot.duration - 1)))
            if df != 0, let other = curveNow.keys.firstIndex(where: { $0.frame == frame }), other != k {
                message = StatusMessage("another key is on frame \(Int(frame)); delete it first", isError: true)
                return []
            }
            var newIndex = k
            let effects = editCurve(label: "move key") { c in newIndex = c.moveKey(at: k, toFrame: frame, value: key.value + dv) }
            if !effects.isEmpty { curve.key = newIndex }
            return effects
        }
        let step = channel.fineStep
        switch command {
        case .keyEarlier: return move(frames: -1, value: 0)
        case .keyLater: return move(frames: 1, value: 0)
        case .keyEarlierCoarse: return move(frames: -second, value: 0)
        case .keyLaterCoarse: return move(frames: second, value: 0)
        case .keyUp: return move(frames: 0, value: step)
        case .keyDown: return move(frames: 0, value: -step)
        case .keyUpCoarse: return move(frames: 0, value: step * 10)
        case .keyDownCoarse: return move(frames: 0, value: -step * 10)
        case .deleteKey:
            guard curveNow.keys.count > 1 else {
                message = StatusMessage("a channel keeps at least one key; move it instead", isError: true)
                return []
            }
            let effects = editCurve(label: "delete key") { $0.removeKey(at: k) }
            curve.key = max(0, min(k, curveNow.keys.count - 2))
            return effects
        case .cycleInterpolation:
            let list = Interpolation.allCases
            let next = list[((list.firstIndex(of: key.interpolation) ?? 0) + 1) % list.count]
            return editCurve(label: "interpolation \(next.rawValue)") { $0.setInterpolation(at: k, next) }
        case .cycleEasing:
            let list = EasingMode.allCases
            let next = list[((list.firstIndex(of: key.easing) ?? 0) + 1) % list.count]
            return editCurve(label: "easing \(next.rawValue)") { $0.setInterpolation(at: k, key.interpolation, easing: next) }
        case .cycleHandleType:
            let list = HandleType.allCases
            let next = list[((list.firstIndex(of: key.handleType) ?? 0) + 1) % list.count]
            return editCurve(label: "handles \(next.rawValue)") { $0.setHandleType(at: k, next) }
        case .handleSteeper, .handleFlatter:
            let dv = (command == .handleSteeper ? 1 : -1) * step
            let h = key.rightHandle
            return editCurve(label: "tilt handles") { $0.setHandle(at: k, side: .right, to: Handle(dt: max(h.dt, 0.5), dv: h.dv + dv)) }
        case .handleLonger, .handleShorter:
            let factor = command == .handleLonger ? 1.25 : 0.8
            let h = key.rightHandle
            return editCurve(label: "handle length") { $0.setHandle(at: k, side: .right, to: Handle(dt: max(0.5, h.dt * factor), dv: h.dv * factor)) }
        default:
            return []
        }
    }

    /// Changes the selected channel of the selected shot's camera as one edit; the camera
    /// becomes explicit (the prompt's camera phrase no longer decides).
    mutating func editCurve(label: String, _ change: (inout AnimationCurve) -> Void) -> [Effect] {
        let channel = curve.channel
        let effects = updateSelectedShot { shot in
            var c = shot.camera[channel]
            change(&c)
            shot.camera[channel] = c
            shot.cameraIsExplicit = true
        }
        if !effects.isEmpty, let s = selected {
            let keys = s.camera[channel].keys
            if curve.key < keys.count {
                let key = keys[curve.key]
                message = StatusMessage("\(label): \(channel.rawValue) key \(curve.key + 1)/\(keys.count) at frame \(Int(key.frame)) = \(formatValue(key.value))\(channel.unit)")
            }
        }
        return effects
    }

}

/// A value with at most three decimals and no trailing zeros.
func formatValue(_ v: Double) -> String {
    var s = String(format: "%.3f", v)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s == "-0" ? "0" : s
}
