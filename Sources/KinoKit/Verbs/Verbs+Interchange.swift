import Foundation
import KinoCore
import KinoInterchange
import KinoMedia

/// An interchange export the `otio export` verb checked: destination, format and media.
public struct InterchangeRequest: Hashable, Sendable {
    public var path: String
    public var format: InterchangeFormat
    public var media: InterchangeMedia
}

extension Verbs {
    static let interchangeVerbs: [Verb] = [
        Verb("otio export", doc: "hand the cut to an editor: .otio, .otioz, .edl, .fcpxml or .kdenlive, with per-shot media beside it",
             arguments: [
                VerbArgument("output", .path, "The timeline file to write (its extension names the format).", required: true, positional: true),
                VerbArgument("format", .choice(InterchangeFormat.allCases.map(\.rawValue)), "Format, when the name does not say it."),
                VerbArgument("media", .choice(InterchangeMedia.allCases.map(\.rawValue)), "prores (default), png, h264 or none."),
             ],
             body: .session { session, a in
                 let path = try a.require(a.text("output"), "output")
                 let request = try session.checkedInterchange(path: path, format: a.text("format"), media: a.text("media"))
                 return VerbOutcome(message: "", jobs: [.interchange(request)])
             }),
        Verb("otio import", doc: "add an OpenTimelineIO timeline (.otio, .otioz) to the project as new scenes and shots (one undo)",
             arguments: [
                VerbArgument("file", .path, "The .otio or .otioz file.", required: true, positional: true),
             ],
             body: .session { session, a in
                 let file = try a.require(a.text("file"), "file")
                 let r = try session.importInterchange(from: file)
                 return VerbOutcome(message: "imported \(r.shotsAdded) shots in \(r.scenesAdded) scenes from \(file)",
                                    details: r.report.map { "note: \($0)" })
             }),
    ]
}

extension ProjectSession {
    /// Checks an interchange export before anything renders: the format (from `format` or the
    /// name), the media kind, that the format can hold it, and that the folder exists.
    public func checkedInterchange(path: String, format: String?, media: String?) throws -> InterchangeRequest {
        let destination = try checkedDestination(path)
        let f = try format.map(InterchangeFormat.parse) ?? InterchangeFormat.implied(byDestination: destination)
            ?? { throw InterchangeError.unknownFormat((destination as NSString).pathExtension) }()
        let m = try media.map(InterchangeMedia.parse) ?? .prores
        try InterchangeFormat.check(f, holds: m)
        return InterchangeRequest(path: destination, format: f, media: m)
    }
}
