import ArgumentParser
import Foundation
import KinoCore
import KinoKit

/// `kino`: the command line of Kino. Every subcommand is thin — parse, call KinoKit, print.
struct Kino: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kino",
        abstract: "A terminal-native project editor for generated video.",
        version: "0.1.0",
        subcommands: [
            Demo.self, New.self, EditCommand.self, Info.self, SceneCommand.self, ShotCommand.self,
            CharacterCommand.self, LightingCommand.self, CameraCommand.self, Undo.self, Redo.self, Batch.self,
            OtioCommand.self,
        ] + generationCommands
    )
}

/// The project file every subcommand works on.
struct ProjectPath: ParsableArguments {
    @Argument(help: "The project file (.kino).")
    var path: String

    /// The project, opened — or, inside `kino batch`, the session the batch keeps open, so
    /// that each line does not load the whole project again.
    func open() throws -> ProjectSession {
        if let s = OpenProjects.shared.session(for: path) { return s }
        return try ProjectSession.open(at: path)
    }

    /// Closes a session from `open()` unless a batch keeps it.
    func release(_ session: ProjectSession) {
        if !OpenProjects.shared.keeps(session) { session.close() }
    }
}

/// The session `kino batch` keeps open for its lines.
final class OpenProjects: @unchecked Sendable {
    static let shared = OpenProjects()
    private let lock = NSLock()
    private var kept: ProjectSession?

    func keep(_ s: ProjectSession?) { lock.withLock { kept = s } }
    func session(for path: String) -> ProjectSession? { lock.withLock { kept?.path == path ? kept : nil } }
    func keeps(_ s: ProjectSession) -> Bool { lock.withLock { kept === s } }
}

/// --json for commands a script reads.
struct JSONFlag: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}
