import Foundation
import KinoCore
import KinoEngine

/// How a camera key eases into the next one, as `camera key --interp` names it.
public enum KeyInterpolation: String, CaseIterable, Sendable {
    case constant, linear, bezier, easeIn = "ease-in", easeOut = "ease-out", easeInOut = "ease-in-out"

    var curve: (Interpolation, EasingMode) {
        switch self {
        case .constant: return (.constant, .easeInOut)
        case .linear: return (.linear, .easeInOut)
        case .bezier: return (.bezier, .easeInOut)
        case .easeIn: return (.cubic, .easeIn)
        case .easeOut: return (.cubic, .easeOut)
        case .easeInOut: return (.cubic, .easeInOut)
        }
    }
}

extension Verbs {
    static let cameraVerbs: [Verb] = [
        Verb("camera key", doc: "set a camera keyframe at a time of a shot",
             arguments: [
                shotArgument(),
                VerbArgument("time", .shotTime, "Time within the shot: seconds or timecode; negative counts from its end.", required: true, positional: true),
                VerbArgument("position", .vector, "Camera position X,Y,Z in metres (y is up).", required: true, positional: true),
                VerbArgument("target", .vector, "Look-at target X,Y,Z in metres."),
                VerbArgument("fov", .number(1...170), "Vertical field of view in degrees (sets the focal length)."),
                VerbArgument("focal", .number(4...800), "Focal length in mm (35 mm equivalent)."),
                VerbArgument("roll", .number(-360...360), "Roll in degrees."),
                VerbArgument("interp", .choice(KeyInterpolation.allCases.map(\.rawValue)), "Interpolation to the next key (default bezier)."),
             ],
             describe: { _, e in
                 guard case .updateShot(let old, let new) = e else { return e.label }
                 let frames = Set(new.camera.keyFrames).subtracting(old.camera.keyFrames)
                 return e.label + (frames.isEmpty ? "" : " (key at frame \(frames.sorted().map { String(Int($0)) }.joined(separator: ", ")))")
             },
             body: .edit { p, a in
                 let id = try a.require(a.shot(), "shot")
                 let frame = try a.require(a.frames("time"), "time")
                 let pos = try a.require(a.vector("position"), "position")
                 var focal = a.number("focal")
                 if let deg = a.number("fov") { focal = CameraPath.focalLength(verticalFieldOfView: deg) }
                 let (interpolation, easing) = (a.text("interp").flatMap(KeyInterpolation.init(rawValue:)) ?? .bezier).curve
                 return try p.updatingShot(id) { shot in
                     var values: [(CameraChannel, Double)] = [(.positionX, pos.x), (.positionY, pos.y), (.positionZ, pos.z)]
                     if let t = a.vector("target") { values += [(.targetX, t.x), (.targetY, t.y), (.targetZ, t.z)] }
                     if let f = focal { values.append((.focalLength, f)) }
                     if let r = a.number("roll") { values.append((.roll, r)) }
                     for (ch, v) in values {
                         var curve = shot.camera[ch]
                         curve.insert(Keyframe(frame: Double(frame), value: v, interpolation: interpolation, easing: easing))
                         shot.camera[ch] = curve
                     }
                     shot.cameraIsExplicit = true
                 }
             }),

        Verb("camera unkey", aliases: ["camera delete-key"], doc: "delete the camera keys at a time of a shot (one channel or all)",
             arguments: [
                shotArgument(),
                VerbArgument("time", .shotTime, "Time of the key within the shot (seconds, timecode, or negative from its end).", required: true, positional: true),
                VerbArgument("channel", .choice(channels), "Only this channel (default: every channel with a key there).", positional: true),
             ],
             body: .edit { p, a in
                 let id = try a.require(a.shot(), "shot"), frame = Double(try a.require(a.frames("time"), "time"))
                 let only = a.text("channel").flatMap(CameraChannel.init(rawValue:))
                 return try p.updatingShot(id) { shot in
                     var removed = 0
                     for ch in CameraChannel.allCases where only == nil || only == ch {
                         var curve = shot.camera[ch]
                         if let k = curve.keyIndex(atFrame: frame) { curve.removeKey(at: k); shot.camera[ch] = curve; removed += 1 }
                     }
                     guard removed > 0 else { throw ValidationError.noKeyAt(channel: only?.rawValue ?? "any", frame: frame) }
                     shot.cameraIsExplicit = true
                     shot.cameraPreset = nil
                 }
             }),

        Verb("camera preset", aliases: ["preset"], doc: "replace a shot's camera keys with a preset's editable keys",
             arguments: [
                shotArgument(),
                VerbArgument("preset", .choice(presets), "The move.", required: true, positional: true),
                VerbArgument("intensity", .number(0.1...4), "Strength of the move, 0.1–4 (1 = default)."),
             ],
             describe: { _, e in
                 guard case .updateShot(_, let s) = e else { return e.label }
                 return e.label + " (\(s.cameraPreset?.rawValue ?? "custom"))"
             },
             body: .edit { p, a in
                 guard let preset = a.text("preset").flatMap(CameraPreset.init(rawValue:)) else {
                     throw VerbError.missingArgument(verb: "camera preset", argument: "preset")
                 }
                 return try p.updatingShot(try a.require(a.shot(), "shot")) {
                     ProjectSession.applyPreset(preset, to: &$0, frameRate: p.frameRate, intensity: a.number("intensity") ?? 1)
                 }
             }),
    ]

    static let historyVerbs: [Verb] = [
        Verb("undo", doc: "undo the last edit (history survives closing the project)", arguments: [],
             body: .session { session, _ in
                 let before = session.project
                 guard let e = try session.undo() else { return VerbOutcome(message: "nothing to undo") }
                 return VerbOutcome(message: "undid: \(e.label)", edit: e.inverse, affectedShots: session.project.shotDiff(since: before).affected)
             }),
        Verb("redo", doc: "redo the last undone edit", arguments: [],
             body: .session { session, _ in
                 let before = session.project
                 guard let e = try session.redo() else { return VerbOutcome(message: "nothing to redo") }
                 return VerbOutcome(message: "redid: \(e.label)", edit: e, affectedShots: session.project.shotDiff(since: before).affected)
             }),
    ]
}
