import ArgumentParser
import Foundation
import KinoCore
import KinoKit

struct ShotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "shot", abstract: "Add, change, move or remove shots.",
                                                    subcommands: [Add.self, Set.self, Move.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a shot to a scene.")
        @OptionGroup var project: ProjectPath
        @Option(help: "Scene (id, position or name).") var scene: String
        @Option(help: "What happens in the shot, in words.") var prompt = ""
        @Option(parsing: .unconditional, help: "Length in seconds (or timecode). Default: the clip's length for --video, else 4.") var duration: String?
        @Option(parsing: .unconditional, help: "Random seed (a whole number).") var seed: String?
        @Option(help: "Camera preset: \(CameraPreset.allCases.map(\.rawValue).joined(separator: ", ")).") var camera: String?
        @Option(name: .customLong("character"), help: "Cast a character (id or name); repeatable.") var characters: [String] = []
        @Option(help: "Start image (PNG, JPEG or WebP): the shot starts from this picture.") var image: String?
        @Option(help: "Footage (MP4, MOV, MKV) placed on the timeline as this shot.") var video: String?
        @Option(name: .customLong("in"), parsing: .unconditional, help: "With --video: first second of the clip used.") var inPoint: String?
        @Option(name: .customLong("out"), parsing: .unconditional, help: "With --video: last second of the clip used.") var outPoint: String?
        @Option(help: "Lighting setup (id or name) overriding the scene's.") var lighting: String?
        @Option(help: "A short name for the shot.") var name = ""
        @Option(parsing: .unconditional, help: "1-based timeline position (default: after the scene's last shot).") var position: String?

        func run() throws {
            let session = try project.open()
            defer { project.release(session) }
            let rate = session.project.frameRate
            let media = try session.shotMedia(image: image, video: video, inPoint: try inPoint.map { try Parse.double($0, field: "--in", range: 0...86400) }, outPoint: try outPoint.map { try Parse.double($0, field: "--out", range: 0...86400) })
            let frames: Int
            if let d = duration { frames = try Parse.duration(d, rate: rate) }
            else if let v = media.video { frames = max(1, try rate.frames(seconds: v.seconds)) }
            else { frames = try rate.frames(seconds: 4) }
            let seedValue = try seed.map(Parse.seed) ?? UInt64(session.project.nextIDNumber)
            let preset = try camera.map(Parse.preset)
            let pos: Int? = try position.map {
                guard let n = Int($0), n >= 1 else {
                    throw ValidationError.invalidNumber(field: "position", value: $0, expected: "a whole number from 1")
                }
                return n - 1
            }
            var newID: ShotID?
            try session.apply { p in
                let sc = try p.resolveScene(scene)
                let cast = try characters.map { CastMember(characterID: try p.resolveCharacter($0).id) }
                let l = try lighting.map { try p.resolveLighting($0).id }
                let (edit, id) = try p.addingShot({ id in
                    var s = Shot(id: id, sceneID: sc.id, name: name, prompt: prompt, duration: frames, seed: seedValue,
                                 cast: cast, startImage: media.image, sourceVideo: media.video?.source, lightingID: l)
                    if let preset { session.applyPreset(preset, to: &s) }
                    return s
                }, position: pos)
                newID = id
                return edit
            }
            print("added shot \(newID!) (\(seconds(frames, rate)) s) to scene \(try session.project.resolveScene(scene).name)")
            printReport(session.interpret(shot: newID!))
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a shot's prompt, duration, seed, camera, lighting, scene, cast or name.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Shot id (sh3) or 1-based position.") var shot: String
        @Option(help: "New prompt.") var prompt: String?
        @Option(parsing: .unconditional, help: "New length in seconds (or timecode).") var duration: String?
        @Option(parsing: .unconditional, help: "New seed.") var seed: String?
        @Option(help: "Camera preset (rewrites the camera keys).") var camera: String?
        @Option(help: "Lighting setup (id or name), or 'none' to use the scene's.") var lighting: String?
        @Option(help: "Move the shot to this scene (id, position or name).") var scene: String?
        @Option(name: .customLong("character"), help: "Replace the cast (id or name); repeatable; 'none' clears.") var characters: [String] = []
        @Option(help: "New name.") var name: String?

        func run() throws {
            let session = try project.open()
            defer { project.release(session) }
            let rate = session.project.frameRate
            let frames = try duration.map { try Parse.duration($0, rate: rate) }
            let seedValue = try seed.map(Parse.seed)
            let preset = try camera.map(Parse.preset)
            guard prompt != nil || duration != nil || seed != nil || camera != nil || lighting != nil || scene != nil
                    || !characters.isEmpty || name != nil else {
                throw ValidationError.invalidNumber(field: "shot set", value: shot,
                                                    expected: "at least one of --prompt, --duration, --seed, --camera, --lighting, --scene, --character, --name")
            }
            let edit = try session.apply { p in
                let s = try p.resolveShot(shot)
                let l: LightingID?? = try lighting.map { $0 == "none" ? nil : try p.resolveLighting($0).id }
                let sc = try scene.map { try p.resolveScene($0).id }
                let cast: [CastMember]? = characters.isEmpty ? nil : (characters == ["none"] ? [] :
                    try characters.map { CastMember(characterID: try p.resolveCharacter($0).id) })
                return try p.updatingShot(s.id) {
                    if let prompt { $0.prompt = prompt }
                    if let frames { $0.duration = frames }
                    if let seedValue { $0.seed = seedValue }
                    if let l { $0.lightingID = l }
                    if let sc { $0.sceneID = sc }
                    if let cast { $0.cast = cast }
                    if let name { $0.name = name }
                    if let preset { session.applyPreset(preset, to: &$0) }
                }
            }
            print(edit.label)
            if prompt != nil, case .updateShot(_, let new) = edit { printReport(session.interpret(shot: new.id)) }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a shot to another timeline position.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Shot id or 1-based position.") var shot: String
        @Option(parsing: .unconditional, help: "New 1-based position.") var to: String

        func run() throws {
            let session = try project.open()
            defer { project.release(session) }
            guard let n = Int(to) else {
                throw ValidationError.invalidNumber(field: "position", value: to, expected: "a whole number from 1")
            }
            let edit = try session.apply { p in try p.movingShot(try p.resolveShot(shot).id, to: n - 1) }
            print(edit.label)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a shot (undo brings it back; its takes are kept).")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Shot id or 1-based position.") var shot: String
        func run() throws {
            let session = try project.open()
            defer { project.release(session) }
            let edit = try session.apply { p in try p.removingShot(try p.resolveShot(shot).id) }
            print(edit.label)
        }
    }
}

/// Prints which prompt words the engine acted on and which it did not.
func printReport(_ r: PromptReport) {
    if !r.understood.isEmpty { print("understood: \(r.understood.joined(separator: ", "))") }
    if !r.ignored.isEmpty { print("not understood: \(r.ignored.joined(separator: ", "))") }
}
