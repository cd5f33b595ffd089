import ArgumentParser
import KinoCore
import KinoKit

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Summarise a project: scenes, shots, characters, lighting, takes.")
    @OptionGroup var project: ProjectPath
    @OptionGroup var output: JSONFlag

    func run() throws {
        let session = try project.open()
        defer { project.release(session) }
        let summary = session.summary()
        if output.json { try printJSON(summary) } else { print(summary.text) }
    }
}
