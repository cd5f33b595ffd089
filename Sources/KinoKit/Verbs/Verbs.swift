import KinoCore
import KinoEngine

/// The table of Kino's verbs. The CLI's subcommands, the editor's `:` line and keys, and
/// `kino batch` all resolve to these; Docs/CLI.md's verb list and Docs/UserGuide.md's `:`
/// list are generated from it. A new verb is one more literal in one of the lists below.
public enum Verbs {
    public static let all: [Verb] = generationVerbs + shotVerbs + sceneVerbs + characterVerbs + lightingVerbs
        + cameraVerbs + historyVerbs + interchangeVerbs + audioVerbs

    private static let index: [String: Int] = {
        var out: [String: Int] = [:]
        for (i, v) in all.enumerated() { for n in [v.name] + v.aliases { out[n] = i } }
        return out
    }()

    /// The verb called `name` or aliased so.
    public static func named(_ name: String) -> Verb? { index[name.lowercased()].map { all[$0] } }
}

/// Choice lists shared by several verbs' arguments.
extension Verbs {
    static let presets = CameraPreset.allCases.map(\.rawValue)
    static let codecs = ExportCodec.allCases.map(\.rawValue)
    static let timesOfDay = TimeOfDay.allCases.map(\.rawValue)
    static let weathers = Weather.allCases.map(\.rawValue)
    static let channels = CameraChannel.allCases.map(\.rawValue)
    static let x264Presets = ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo"]

    static func shotArgument(_ help: String = "Shot id (sh3) or 1-based position; in the editor, the selected shot.") -> VerbArgument {
        VerbArgument("shot", .shot, help, required: true, fromSelection: true)
    }
}

extension Verbs {
    /// `edit`, once the project accepts it (so a refusal is reported before anything is saved).
    static func checked(_ p: Project, _ edit: Edit) throws -> Edit {
        _ = try p.applying(edit)
        return edit
    }
}
