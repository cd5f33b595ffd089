import ArgumentParser
import Foundation
import KinoCore
import KinoKit

struct CameraCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "camera", abstract: "Set camera keys and presets, or show the path.",
                                                    subcommands: [Key.self, Preset.self, Show.self])

    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a camera keyframe at a time of a shot.")
        @OptionGroup var project: ProjectPath
        @Option(help: "Shot id or 1-based position.") var shot: String
        @Option(parsing: .unconditional, help: "Time within the shot, in seconds or timecode.") var time: String
        @Option(parsing: .unconditional, help: "Camera position X,Y,Z in metres (y is up).") var position: String
        @Option(parsing: .unconditional, help: "Look-at target X,Y,Z in metres.") var target: String?
        @Option(parsing: .unconditional, help: "Vertical field of view in degrees (sets the focal length).") var fov: String?
        @Option(parsing: .unconditional, help: "Focal length in mm (35 mm equivalent).") var focal: String?
        @Option(parsing: .unconditional, help: "Roll in degrees.") var roll: String?
        @Option(help: "Interpolation to the next key: constant, linear, bezier, ease-in, ease-out, ease-in-out.") var interp = "bezier"

        func run() throws {
            let session = try project.open()
            defer { project.release(session) }
            let p0 = session.project
            let frame = try Parse.time(time, rate: p0.frameRate)
            let pos = try Parse.vector(position)
            let tgt = try target.map(Parse.vector)
            var focalLength = try focal.map { try Parse.double($0, field: "focal length", range: 4...800) }
            if let f = fov {
                let deg = try Parse.double(f, field: "field of view", range: 1...170)
                focalLength = CameraPath.focalLength(verticalFieldOfView: deg)
            }
            let r = try roll.map { try Parse.double($0, field: "roll", range: -360...360) }
            let (interpolation, easing) = try Self.interpolation(interp)
            let edit = try session.apply { p in
                let s = try p.resolveShot(shot)
                guard frame <= s.duration else {
                    throw ValidationError.outOfRange(field: "time", value: time, range: "0…\(seconds(s.duration, p.frameRate)) s (the shot's length)")
                }
                return try p.updatingShot(s.id) { shot in
                    var values: [(CameraChannel, Double)] = [(.positionX, pos.x), (.positionY, pos.y), (.positionZ, pos.z)]
                    if let t = tgt { values += [(.targetX, t.x), (.targetY, t.y), (.targetZ, t.z)] }
                    if let f = focalLength { values.append((.focalLength, f)) }
                    if let r { values.append((.roll, r)) }
                    for (ch, v) in values {
                        var curve = shot.camera[ch]
                        curve.insert(Keyframe(frame: Double(frame), value: v, interpolation: interpolation, easing: easing))
                        shot.camera[ch] = curve
                    }
                    shot.cameraIsExplicit = true
                }
            }
            print(edit.label + " (key at frame \(frame))")
        }

        static func interpolation(_ text: String) throws -> (Interpolation, EasingMode) {
            switch text.lowercased() {
            case "constant": return (.constant, .easeInOut)
            case "linear": return (.linear, .easeInOut)
            case "bezier": return (.bezier, .easeInOut)
            case "ease-in": return (.cubic, .easeIn)
            case "ease-out": return (.cubic, .easeOut)
            case "ease-in-out", "ease": return (.cubic, .easeInOut)
            default:
                if let i = Interpolation(rawValue: text.lowercased()) { return (i, .easeInOut) }
                throw ValidationError.invalidNumber(field: "interpolation", value: text,
                                                    expected: "constant, linear, bezier, ease-in, ease-out or ease-in-out")
            }
        }
    }

    struct Preset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a shot's camera path by a preset's editable keys.")
        @OptionGroup var project: ProjectPath
        @Option(help: "Shot id or 1-based position.") var shot: String
        @Argument(help: "static, pan, tilt, roll, zoom, dolly, truck, pedestal, orbit, follow, crane or handheld.") var preset: String
        @Option(parsing: .unconditional, help: "Strength of the move, 0.1–4 (1 = default).") var intensity = "1"

        func run() throws {
            let session = try project.open()
            defer { project.release(session) }
            let p = try Parse.preset(preset)
            let k = try Parse.double(intensity, field: "intensity", range: 0.1...4)
            let edit = try session.apply { proj in
                try proj.updatingShot(try proj.resolveShot(shot).id) { session.applyPreset(p, to: &$0, intensity: k) }
            }
            print(edit.label + " (\(p.rawValue))")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the evaluated camera path, one sample per frame.")
        @OptionGroup var project: ProjectPath
        @Option(help: "Shot id or 1-based position.") var shot: String
        @OptionGroup var output: JSONFlag

        struct Sample: Encodable {
            let frame: Int, time: Double, position: [Double], target: [Double], roll: Double, focalLength: Double
        }
        struct Out: Encodable {
            let shot: String, fps: String, frames: Int, preset: String?, keys: [String: [Keyframe]], samples: [Sample]
        }

        func run() throws {
            let session = try project.open()
            defer { project.release(session) }
            let p = session.project
            let s = try p.resolveShot(shot)
            let samples = (0..<s.duration).map { f -> Sample in
                let pose = s.camera.pose(at: Double(f))
                return Sample(frame: f, time: p.frameRate.seconds(frames: f), position: [pose.position.x, pose.position.y, pose.position.z],
                              target: [pose.target.x, pose.target.y, pose.target.z], roll: pose.roll, focalLength: pose.focalLength)
            }
            if output.json {
                var keys: [String: [Keyframe]] = [:]
                for (ch, c) in s.camera.channels { keys[ch.rawValue] = c.keys }
                try printJSON(Out(shot: s.id.raw, fps: p.frameRate.description, frames: s.duration,
                                  preset: s.cameraPreset?.rawValue, keys: keys, samples: samples))
            } else {
                print("shot \(s.id): \(s.duration) frames, camera \(s.cameraPreset?.rawValue ?? (s.cameraIsExplicit ? "custom" : "from prompt"))")
                let step = max(1, p.frameRate.timecodeBase / 2)
                for sm in samples where sm.frame % step == 0 || sm.frame == s.duration - 1 {
                    print(String(format: "%5d  %7.3fs  pos %7.2f %7.2f %7.2f  target %7.2f %7.2f %7.2f  roll %6.1f  %5.1fmm",
                                 sm.frame, sm.time, sm.position[0], sm.position[1], sm.position[2],
                                 sm.target[0], sm.target[1], sm.target[2], sm.roll, sm.focalLength))
                }
            }
        }
    }
}
