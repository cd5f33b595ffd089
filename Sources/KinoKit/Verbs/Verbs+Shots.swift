import Foundation
import KinoCore
import KinoEngine

extension Verbs {
    static let shotVerbs: [Verb] = [
        Verb("shot add", doc: "add a shot to a scene (in the editor: after the selected shot)",
             arguments: [
                VerbArgument("scene", .scene, "Scene (id, position or name); in the editor, the selected shot's.", required: true, fromSelection: true),
                VerbArgument("duration", .duration, "Length in seconds or timecode (default: the clip's length for --video, else 4).", positional: true),
                VerbArgument("prompt", .text, "What happens in the shot, in words.", positional: true),
                VerbArgument("seed", .seed, "Random seed (a whole number)."),
                VerbArgument("camera", .choice(presets), "Camera preset."),
                VerbArgument("character", .character, "Cast a character (id or name); repeatable.", repeatable: true),
                VerbArgument("image", .path, "Start image (PNG, JPEG or WebP): the shot starts from this picture."),
                VerbArgument("video", .path, "Footage (MP4, MOV, MKV) placed on the timeline as this shot."),
                VerbArgument("in", .number(0...86400), "With --video: first second of the clip used."),
                VerbArgument("out", .number(0...86400), "With --video: last second of the clip used."),
                VerbArgument("lighting", .lighting, "Lighting setup (id or name) overriding the scene's."),
                VerbArgument("name", .text, "A short name for the shot."),
                VerbArgument("position", .integer(1...Limits.maxShots), "1-based timeline position (default: after the scene's last shot).", fromSelection: true),
             ],
             fileArguments: ["image", "video"],
             prepare: { session, a in
                 guard a.has("image") || a.has("video") else { return }
                 let media = try session.shotMedia(image: a.text("image"), video: a.text("video"), inPoint: a.number("in"), outPoint: a.number("out"))
                 a["image"] = media.image.map { .image($0) }
                 a["video"] = media.video.map { .footage($0.source, seconds: $0.seconds) }
             },
             describe: { p, e in
                 guard let id = e.addedShots.first, let s = p.shot(id) else { return e.label }
                 return "added shot \(id) (\(VerbArgument.seconds(s.duration, p.frameRate)) s) to scene \(p.scene(s.sceneID)?.name ?? s.sceneID.raw)"
             },
             body: .edit { p, a in
                 let rate = p.frameRate
                 let footage = a.footage("video")
                 let frames = a.frames("duration") ?? footage.map { max(1, rate.frames(seconds: $0.1)) } ?? rate.frames(seconds: 4)
                 let scene = try a.require(a.scene(), "scene")
                 let cast = (a.characters("character") ?? []).map { CastMember(characterID: $0) }
                 let lighting = a.lighting().flatMap { $0 }
                 let preset = a.text("camera").flatMap(CameraPreset.init(rawValue:))
                 let seed = a.seed("seed") ?? UInt64(p.nextIDNumber)
                 let (edit, _) = try p.addingShot({ id in
                     var s = Shot(id: id, sceneID: scene, name: a.text("name") ?? "", prompt: a.text("prompt") ?? "", duration: frames,
                                  seed: seed, cast: cast, startImage: a.image("image"), sourceVideo: footage?.0, lightingID: lighting)
                     if let preset { ProjectSession.applyPreset(preset, to: &s, frameRate: rate) }
                     return s
                 }, position: try a.integer("position").map { n in
                     guard n <= p.shots.count + 1 else {
                         throw ValidationError.outOfRange(field: "position", value: "\(n)", range: "1…\(p.shots.count + 1)")
                     }
                     return n - 1
                 })
                 return edit
             }),

        Verb("shot set", aliases: ["set"], doc: "change a shot's prompt, duration, seed, camera preset, lighting, scene, cast or name",
             arguments: [
                shotArgument(),
                VerbArgument("prompt", .text, "New prompt."),
                VerbArgument("duration", .duration, "New length in seconds or timecode."),
                VerbArgument("seed", .seed, "New seed."),
                VerbArgument("camera", .choice(presets), "Camera preset (rewrites the camera keys)."),
                VerbArgument("lighting", .lighting, "Lighting setup (id or name), or 'none' to use the scene's.", allowsNone: true),
                VerbArgument("scene", .scene, "Move the shot to this scene (id, position or name)."),
                VerbArgument("character", .character, "Replace the cast (id or name); repeatable; 'none' clears.", repeatable: true, allowsNone: true),
                VerbArgument("name", .text, "New name."),
             ],
             needsOneOf: ["prompt", "duration", "seed", "camera", "lighting", "scene", "character", "name"],
             body: .edit { p, a in
                 let id = try a.require(a.shot(), "shot")
                 let preset = a.text("camera").flatMap(CameraPreset.init(rawValue:))
                 return try p.updatingShot(id) { s in
                     if let v = a.text("prompt") { s.prompt = v }
                     if let v = a.frames("duration") { s.duration = v }
                     if let v = a.seed("seed") { s.seed = v }
                     if let l = a.lighting() { s.lightingID = l }
                     if let v = a.scene() { s.sceneID = v }
                     if let c = a.characters("character") { s.cast = c.map { CastMember(characterID: $0) } }
                     if let v = a.text("name") { s.name = v }
                     if let preset { ProjectSession.applyPreset(preset, to: &s, frameRate: p.frameRate) }
                 }
             }),

        Verb("shot move", doc: "move a shot to another timeline position",
             arguments: [shotArgument(), VerbArgument("to", .integer(1...Limits.maxShots), "New 1-based position.", required: true, positional: true)],
             body: .edit { p, a in
                 let to = try a.require(a.integer("to"), "to")
                 guard to <= p.shots.count else { throw ValidationError.outOfRange(field: "position", value: "\(to)", range: "1…\(p.shots.count)") }
                 return try p.movingShot(try a.require(a.shot(), "shot"), to: to - 1)
             }),

        Verb("shot remove", aliases: ["shot delete"], doc: "remove a shot (undo brings it back; its takes are kept)",
             arguments: [shotArgument()],
             body: .edit { p, a in try p.removingShot(try a.require(a.shot(), "shot")) }),

        Verb("shot cast", aliases: ["cast"], doc: "cast characters in a shot (added to its cast)",
             arguments: [shotArgument(), VerbArgument("character", .character, "Character id or name; repeatable.", required: true, repeatable: true, positional: true)],
             body: .edit { p, a in
                 let id = try a.require(a.shot(), "shot"), chars = a.characters("character") ?? []
                 return try p.updatingShot(id) { s in
                     for c in chars {
                         guard !s.cast.contains(where: { $0.characterID == c }) else {
                             throw ValidationError.duplicateName(kind: "cast member of shot \(id)", name: p.character(c)?.name ?? c.raw)
                         }
                         s.cast.append(CastMember(characterID: c))
                     }
                 }
             }),

        Verb("shot uncast", aliases: ["uncast"], doc: "take characters out of a shot's cast",
             arguments: [shotArgument(), VerbArgument("character", .character, "Character id or name; repeatable.", required: true, repeatable: true, positional: true)],
             body: .edit { p, a in
                 let id = try a.require(a.shot(), "shot"), chars = a.characters("character") ?? []
                 return try p.updatingShot(id) { s in
                     for c in chars {
                         guard s.cast.contains(where: { $0.characterID == c }) else {
                             throw ValidationError.invalidNumber(field: "character", value: p.character(c)?.name ?? c.raw,
                                                                 expected: "a character cast in shot \(id)")
                         }
                         s.cast.removeAll { $0.characterID == c }
                     }
                 }
             }),
    ]
}
