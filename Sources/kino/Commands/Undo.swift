import ArgumentParser
import KinoKit

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Undo the last edit (history survives closing the project).")
    @OptionGroup var project: ProjectPath
    func run() throws {
        let session = try project.open()
        defer { project.release(session) }
        if let e = try session.undo() { print("undid: \(e.label)") } else { print("nothing to undo") }
    }
}

struct Redo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Redo the last undone edit.")
    @OptionGroup var project: ProjectPath
    func run() throws {
        let session = try project.open()
        defer { project.release(session) }
        if let e = try session.redo() { print("redid: \(e.label)") } else { print("nothing to redo") }
    }
}
