import ArgumentParser
import Foundation
import KinoCore
import KinoKit

struct CameraCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "camera", abstract: "Set or delete camera keys, apply presets, or show the path.",
                                                    subcommands: [Key.self, Unkey.self, Preset.self, Show.self])

    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a camera keyframe at a time of a shot.")
        @OptionGroup var project: ProjectPath
        @Option(help: "Shot id or 1-based position.") var shot: String
        @Option(parsing: .unconditional, help: "Time within the shot: seconds or timecode; negative counts from its end.") var time: String
        @Option(parsing: .unconditional, help: "Camera position X,Y,Z in metres (y is up).") var position: String
        @Option(parsing: .unconditional, help: "Look-at target X,Y,Z in metres.") var target: String?
        @Option(parsing: .unconditional, help: "Vertical field of view in degrees (sets the focal length).") var fov: String?
        @Option(parsing: .unconditional, help: "Focal length in mm (35 mm equivalent).") var focal: String?
        @Option(parsing: .unconditional, help: "Roll in degrees.") var roll: String?
        @Option(help: "Interpolation to the next key.") var interp: KeyInterpolation = .bezier

        func run() throws {
            var v = VerbInvocation("camera key", ["shot": [shot], "time": [time], "position": [position], "interp": [interp.rawValue]])
            v.set("target", target); v.set("fov", fov); v.set("focal", focal); v.set("roll", roll)
            try project.run(v)
        }
    }

    struct Unkey: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unkey", abstract: "Delete the camera keys at a time of a shot (every channel, or one).",
                                                        aliases: ["delete-key"])
        @OptionGroup var project: ProjectPath
        @Option(help: "Shot id or 1-based position.") var shot: String
        @Option(parsing: .unconditional, help: "Time of the key within the shot (seconds, timecode, or negative from its end).") var time: String
        @Option(help: "Only this channel.") var channel: CameraChannel?
        func run() throws {
            var v = VerbInvocation("camera unkey", ["shot": [shot], "time": [time]])
            v.set("channel", channel?.rawValue)
            try project.run(v)
        }
    }

    struct Preset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a shot's camera path by a preset's editable keys.")
        @OptionGroup var project: ProjectPath
        @Option(help: "Shot id or 1-based position.") var shot: String
        @Argument(help: "The move.") var preset: CameraPreset
        @Option(parsing: .unconditional, help: "Strength of the move, 0.1–4 (1 = default).") var intensity: String?
        func run() throws {
            var v = VerbInvocation("camera preset", ["shot": [shot], "preset": [preset.rawValue]])
            v.set("intensity", intensity)
            try project.run(v)
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
            let shot: String, fps: Double, fpsRational: ProjectSummary.RationalInfo, frames: Int, preset: String
            let keys: [String: [Keyframe]], samples: [Sample]
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
                try printJSON(Out(shot: s.id.raw, fps: p.frameRate.doubleValue, fpsRational: .init(p.frameRate), frames: s.duration,
                                  preset: ProjectSummary.cameraLabel(s), keys: keys, samples: samples))
            } else {
                print("shot \(s.id): \(s.duration) frames, camera \(ProjectSummary.cameraLabel(s))")
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
