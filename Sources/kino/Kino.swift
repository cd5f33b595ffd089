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
            OtioCommand.self, Inspect.self, AudioCommand.self, VoiceCommand.self, MusicCommand.self,
        ] + generationCommands
    )
}

extension Kino {
    /// Refuses an unknown command word (and `kino help x` for an unknown x) with the
    /// nearest command, before ArgumentParser reads the line.
    static func checkCommandWords(_ arguments: [String]) throws {
        var words = arguments
        if words.first == "help" { words.removeFirst(); if words.isEmpty { return } }
        else if arguments.count < 1 { return }
        var command: ParsableCommand.Type = Kino.self
        var typed: [String] = []
        for (depth, word) in words.enumerated() {
            let subs = command.configuration.subcommands
            if subs.isEmpty || (word.hasPrefix("-") && depth > 0) { return }
            if word.hasPrefix("-") { return }   // --help, --version
            typed.append(word)
            guard let next = subs.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) else {
                let names = subs.map { $0._commandName }
                let prefix = typed.dropLast().joined(separator: " ")
                throw VerbError.unknownCommand(typed.joined(separator: " "),
                                               suggestion: nearest(word, among: names).map { prefix.isEmpty ? $0 : prefix + " " + $0 })
            }
            command = next
        }
    }
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
