import ArgumentParser
import Foundation
import KinoCore
import KinoKit

struct ShotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "shot", abstract: "Add, change, move, cast or remove shots.",
                                                    subcommands: [Add.self, Set.self, Move.self, Remove.self, Cast.self, Uncast.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a shot to a scene.")
        @OptionGroup var project: ProjectPath
        @Option(help: "Scene (id, position or name).") var scene: String
        @Option(help: "What happens in the shot, in words.") var prompt: String?
        @Option(parsing: .unconditional, help: "Length in seconds (or timecode). Default: the clip's length for --video, else 4.") var duration: String?
        @Option(parsing: .unconditional, help: "Random seed (a whole number).") var seed: String?
        @Option(help: "Camera preset.") var camera: CameraPreset?
        @Option(name: .customLong("character"), help: "Cast a character (id or name); repeatable.") var characters: [String] = []
        @Option(help: "Start image (PNG, JPEG or WebP): the shot starts from this picture.") var image: String?
        @Option(help: "Footage (MP4, MOV, MKV) placed on the timeline as this shot.") var video: String?
        @Option(name: .customLong("in"), parsing: .unconditional, help: "With --video: first second of the clip used.") var inPoint: String?
        @Option(name: .customLong("out"), parsing: .unconditional, help: "With --video: last second of the clip used.") var outPoint: String?
        @Option(help: "Lighting setup (id or name) overriding the scene's.") var lighting: String?
        @Option(help: "A short name for the shot.") var name: String?
        @Option(parsing: .unconditional, help: "1-based timeline position (default: after the scene's last shot).") var position: String?

        func run() throws {
            var v = VerbInvocation("shot add")
            v.set("scene", scene); v.set("prompt", prompt); v.set("duration", duration); v.set("seed", seed)
            v.set("camera", camera?.rawValue); v.set("character", characters); v.set("image", image); v.set("video", video)
            v.set("in", inPoint); v.set("out", outPoint); v.set("lighting", lighting); v.set("name", name); v.set("position", position)
            try project.run(v)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a shot's prompt, duration, seed, camera, lighting, scene, cast or name.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Shot id (sh3) or 1-based position.") var shot: String
        @Option(help: "New prompt.") var prompt: String?
        @Option(parsing: .unconditional, help: "New length in seconds (or timecode).") var duration: String?
        @Option(parsing: .unconditional, help: "New seed.") var seed: String?
        @Option(help: "Camera preset (rewrites the camera keys).") var camera: CameraPreset?
        @Option(help: "Lighting setup (id or name), or 'none' to use the scene's.") var lighting: String?
        @Option(help: "Move the shot to this scene (id, position or name).") var scene: String?
        @Option(name: .customLong("character"), help: "Replace the cast (id or name); repeatable; 'none' clears.") var characters: [String] = []
        @Option(help: "New name.") var name: String?

        func run() throws {
            var v = VerbInvocation("shot set")
            v.set("shot", shot); v.set("prompt", prompt); v.set("duration", duration); v.set("seed", seed)
            v.set("camera", camera?.rawValue); v.set("lighting", lighting); v.set("scene", scene)
            v.set("character", characters); v.set("name", name)
            try project.run(v)
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a shot to another timeline position.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Shot id or 1-based position.") var shot: String
        @Option(parsing: .unconditional, help: "New 1-based position.") var to: String
        func run() throws { try project.run(VerbInvocation("shot move", ["shot": [shot], "to": [to]])) }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a shot (undo brings it back; its takes are kept).")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Shot id or 1-based position.") var shot: String
        func run() throws { try project.run(VerbInvocation("shot remove", ["shot": [shot]])) }
    }

    struct Cast: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cast characters in a shot (added to its cast).")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Shot id or 1-based position.") var shot: String
        @Option(name: .customLong("character"), help: "Character (id or name); repeatable.") var characters: [String]
        func run() throws { try project.run(VerbInvocation("shot cast", ["shot": [shot], "character": characters])) }
    }

    struct Uncast: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take characters out of a shot's cast.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Shot id or 1-based position.") var shot: String
        @Option(name: .customLong("character"), help: "Character (id or name); repeatable.") var characters: [String]
        func run() throws { try project.run(VerbInvocation("shot uncast", ["shot": [shot], "character": characters])) }
    }
}
