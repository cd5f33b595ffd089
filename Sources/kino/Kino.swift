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
        ] + generationCommands
    )
}

/// The project file every subcommand works on.
struct ProjectPath: ParsableArguments {
    @Argument(help: "The project file (.kino).")
    var path: String

    func open() throws -> ProjectSession { try ProjectSession.open(at: path) }
}

/// --json for commands a script reads.
struct JSONFlag: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}
