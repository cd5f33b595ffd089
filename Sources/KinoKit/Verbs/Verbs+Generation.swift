import Foundation
import KinoCore
import KinoEngine

extension Verbs {
    static let generationVerbs: [Verb] = [
        Verb("render", doc: "render shots as takes (cached frames are reused); in the editor, the selected shot",
             arguments: [
                VerbArgument("shot", .shot, "Only this shot (id or 1-based position); default: every shot (in the editor, the selected one).", fromSelection: true),
                VerbArgument("full", .flag, "Render at full resolution (default: preview size)."),
             ],
             runsJobs: true,
             body: .session { session, a in
                 let p = session.project
                 let quality: RenderQuality = a.flag("full") ? .full : .preview
                 let shots = a.shot().map { [$0] } ?? p.shots.map(\.id)
                 return VerbOutcome(message: "", affectedShots: Set(shots), jobs: shots.map { .render($0, quality: quality) })
             }),

        Verb("extend", doc: "continue a shot by some seconds from the end of its take; the original frames stay",
             arguments: [
                shotArgument(),
                VerbArgument("seconds", .duration, "How many seconds to add.", required: true, positional: true),
                VerbArgument("prompt", .text, "Words for the added part only (the shot's prompt is kept).", positional: true),
                VerbArgument("full", .flag, "Generate at full resolution (default: preview size)."),
             ],
             runsJobs: true,
             body: .session { session, a in
                 let s = try a.require(a.shot(), "shot")
                 let frames = try a.require(a.frames("seconds"), "seconds")
                 guard let shot = session.project.shot(s) else { throw ValidationError.unknownShot(s.raw, count: session.project.shots.count) }
                 let total = shot.duration + frames
                 guard session.project.frameRate.seconds(frames: total) <= Limits.maxShotSeconds else {
                     throw ValidationError.outOfRange(field: "length after extending", value: VerbArgument.seconds(total, session.project.frameRate) + " s",
                                                      range: "0…\(Int(Limits.maxShotSeconds)) s")
                 }
                 return VerbOutcome(message: "", affectedShots: [s],
                                    jobs: [.extend(s, frames: frames, prompt: a.text("prompt"), quality: a.flag("full") ? .full : .preview)])
             }),

        Verb("refine", doc: "regenerate a shot from a time (negative: from its end) to another or its end; frames before stay identical",
             arguments: [
                shotArgument(),
                VerbArgument("from", .shotTime, "Start of the regenerated part: seconds or timecode; negative counts from the end.", required: true, positional: true),
                VerbArgument("to", .shotTime, "End of the regenerated part (default: the shot's end).", positional: true),
                VerbArgument("seed", .seed, "A new seed for the regenerated part (default: the next seed)."),
                VerbArgument("prompt", .text, "Words for the regenerated part only (the shot's prompt is kept)."),
                VerbArgument("full", .flag, "Generate at full resolution (default: preview size)."),
             ],
             runsJobs: true,
             body: .session { session, a in
                 let s = try a.require(a.shot(), "shot")
                 let from = try a.require(a.frames("from"), "from")
                 guard let shot = session.project.shot(s) else { throw ValidationError.unknownShot(s.raw, count: session.project.shots.count) }
                 let to = a.frames("to")
                 let rate = session.project.frameRate
                 guard from >= 1, from < shot.duration, (to ?? shot.duration) > from else {
                     throw KinoKitError.refineRange(String(format: "%@–%@ s is outside shot %@ (0–%@ s); start after 0 and end after the start, within the shot",
                                                           VerbArgument.seconds(from, rate), VerbArgument.seconds(to ?? shot.duration, rate), s.raw,
                                                           VerbArgument.seconds(shot.duration, rate)))
                 }
                 return VerbOutcome(message: "", affectedShots: [s],
                                    jobs: [.refine(s, from: from, to: to, seed: a.seed("seed"), prompt: a.text("prompt"),
                                                   quality: a.flag("full") ? .full : .preview)])
             }),

        Verb("take", aliases: ["take use", "takes use"], doc: "make take N (its number among complete takes, or its id) the shot's current one",
             arguments: [shotArgument(), VerbArgument("take", .take, "Take number (1 = oldest complete take) or id (tk3).", required: true, positional: true)],
             body: .session { session, a in
                 let s = try a.require(a.shot(), "shot")
                 let list = session.takeList(of: s)
                 let t = try list.take(try a.require(a.text("take"), "take"))
                 try session.useTake(t.id, for: s)
                 return VerbOutcome(message: "\(s) now uses take \(list.number(of: t.id) ?? 0) (\(t.id))", affectedShots: [s])
             }),

        Verb("export", doc: "export the timeline (or a range) — codec from the name: .mp4 h264, .mov prores, .mkv ffv1, a folder png",
             arguments: [
                VerbArgument("output", .path, "Output file (or folder for png).", required: true, positional: true),
                VerbArgument("codec", .choice(codecs), "Must agree with the name's extension when given."),
                VerbArgument("range", .timelineRange, "Range A-B of the timeline in seconds or timecode."),
                VerbArgument("crf", .integer(0...51), "H.264 quality, 0–51 (lower is better; default 18)."),
                VerbArgument("preset", .choice(x264Presets), "H.264 speed preset (default medium)."),
                VerbArgument("loudness", .number(-70 ... -5), "Normalise the sound to this loudness, LUFS (−16 web, −23 EBU R128); true peak under −1 dBTP."),
                VerbArgument("silent", .flag, "Export the picture without sound."),
             ],
             check: { _, a in
                 let path = try a.require(a.text("output"), "output")
                 _ = try ExportDestination.codec(for: path, requested: a.text("codec").flatMap(ExportCodec.init(rawValue:)))
                 try ExportDestination.checkFolder(of: path)
             },
             runsJobs: true,
             body: .session { session, a in
                 let path = try a.require(a.text("output"), "output")
                 let codec = try ExportDestination.codec(for: path, requested: a.text("codec").flatMap(ExportCodec.init(rawValue:)))
                 try ExportDestination.checkFolder(of: path)
                 let p = session.project
                 guard !p.shots.isEmpty, p.duration > 0 else { throw KinoKitError.nothingToExport }
                 if let r = a.range("range"), r.upperBound > p.duration {
                     throw KinoKitError.exportRange("\(VerbArgument.seconds(r.lowerBound, p.frameRate))–\(VerbArgument.seconds(r.upperBound, p.frameRate)) s is outside the timeline (0–\(VerbArgument.seconds(p.duration, p.frameRate)) s)")
                 }
                 let request = ExportRequest(path: path, codec: codec, range: a.range("range"), crf: a.integer("crf") ?? 18,
                                             preset: a.text("preset") ?? "medium", loudness: a.number("loudness"), sound: !a.flag("silent"))
                 return VerbOutcome(message: "", jobs: [.export(request)])
             }),

        Verb("frame", doc: "write one full-resolution frame of a shot as a PNG file",
             arguments: [
                shotArgument(),
                VerbArgument("time", .shotTime, "Time within the shot (seconds, timecode, or negative from its end).", required: true, positional: true),
                VerbArgument("output", .path, "Output file, .png.", required: true, positional: true),
                VerbArgument("matte", .flag, "Write the subject's matte instead: white where the subject is, black elsewhere."),
             ],
             check: { _, a in
                 let path = try a.require(a.text("output"), "output")
                 guard (path as NSString).pathExtension.lowercased() == "png" else {
                     throw FrameFileRefusal.notPNG(path: path, suggestion: (path as NSString).deletingPathExtension + ".png")
                 }
                 try ExportDestination.checkFolder(of: path)
             },
             runsJobs: true,
             body: .session { session, a in
                 let s = try a.require(a.shot(), "shot"), f = try a.require(a.frames("time"), "time")
                 let path = try a.require(a.text("output"), "output")
                 guard let shot = session.project.shot(s), f < shot.duration else {
                     let p = session.project
                     throw KinoKitError.timePastEnd(shot: s.raw, time: VerbArgument.seconds(f, p.frameRate),
                                                    length: VerbArgument.seconds(p.shot(s)?.duration ?? 0, p.frameRate))
                 }
                 if a.flag("matte") {
                     // One frame's simulation and drawing: quick, so it is written here, not as a job.
                     try session.writePNG(try session.subjectMatte(shot: s, at: f, quality: .full), to: path)
                     return VerbOutcome(message: "wrote the subject's matte to \(path)")
                 }
                 return VerbOutcome(message: "", jobs: [.frame(s, frame: f, path: path)])
             }),
    ]
}

/// `kino frame` writes PNG only; another extension is refused with the name to use.
enum FrameFileRefusal: Error, LocalizedError {
    case notPNG(path: String, suggestion: String)
    var errorDescription: String? {
        switch self {
        case .notPNG(let p, let s): return "frame writes PNG images, not \(p); name the file \(s)"
        }
    }
}
