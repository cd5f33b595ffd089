import ArgumentParser
import Foundation
import KinoKit

/// `kino otio export|import`: the timeline to and from OpenTimelineIO, EDL, FCPXML, Kdenlive.
struct OtioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "otio",
        abstract: "Hand the cut to an editor (OpenTimelineIO, EDL, FCPXML, Kdenlive) and bring a timeline back.",
        subcommands: [OtioExport.self, OtioImport.self])
}

extension InterchangeFormat: ExpressibleByArgument {}
extension InterchangeMedia: ExpressibleByArgument {}

struct OtioExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the timeline as .otio, .otioz, .edl, .fcpxml or .kdenlive, with per-shot media beside it.",
        discussion: "Media goes in NAME_media/ beside the file (inside the bundle for .otioz). --media none writes missing references that name the take's cached frames.")
    @OptionGroup var project: ProjectPath
    @Option(name: .short, help: "The timeline file to write.") var o: String
    @Option(help: "otio, otioz, edl, fcpxml or kdenlive (default: from the extension of -o).") var format: InterchangeFormat?
    @Option(help: "prores (default), png, h264 or none.") var media: InterchangeMedia = .prores

    func run() throws {
        var v = VerbInvocation("otio export", ["output": [o]])
        v.set("format", format?.rawValue); v.set("media", media.rawValue)
        try project.run(v)
    }
}

struct OtioImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read an OpenTimelineIO timeline (.otio or .otioz) into a new project (-o) or an existing one (--into).")
    @Argument(help: "The .otio or .otioz file.") var file: String
    @Option(name: .short, help: "The new project file to create.") var o: String?
    @Option(help: "An existing project to add the timeline to, as new scenes.") var into: String?

    func validate() throws {
        guard (o == nil) != (into == nil) else { throw ValidationError("give either -o NEW.kino or --into PROJECT.kino") }
    }

    func run() throws {
        let result: InterchangeImportResult
        if let o {
            let (session, r) = try ProjectSession.importInterchange(from: file, toNewProject: o)
            session.close()
            result = r
        } else {
            // Inside `kino batch` the batch's open session is the one to change.
            let session = try OpenProjects.shared.session(for: into!) ?? ProjectSession.open(at: into!)
            defer { if !OpenProjects.shared.keeps(session) { session.close() } }
            result = try session.importInterchange(from: file)
        }
        for line in result.report { print("note: \(line)") }
        print("imported \(result.shotsAdded) shots in \(result.scenesAdded) scenes into \(result.projectPath)")
    }
}
