import ArgumentParser
import Foundation
import KinoKit
import KinoTUI

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the sample 30-second product explainer (three scenes) and open it in the editor.")
    @Argument(help: "Where to create it (default: demo.kino). An existing demo is opened as it is.") var path = "demo.kino"
    @Flag(name: .customLong("no-edit"), help: "Create it and print its summary instead of opening the editor.") var noEdit = false
    @Option(help: "Editor theme: default, light, high-contrast, mono, or a file of yours.") var theme: String?

    func run() throws {
        let session: ProjectSession
        if FileManager.default.fileExists(atPath: path) {
            session = try ProjectSession.open(at: path)
        } else {
            session = try DemoProject.create(at: path)
        }
        if noEdit || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0 {
            print(session.summary().text)
            session.close()
            return
        }
        session.close()
        try EditorApp.run(path: path, theme: theme)
    }
}

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Open a project in the full-screen editor.")
    @OptionGroup var project: ProjectPath
    @Option(help: "Editor theme: default, light, high-contrast, mono, or a file of yours.") var theme: String?

    func run() throws {
        // Open once here so a bad file fails with one line before the screen is taken over.
        let session = try project.open()
        session.close()
        try EditorApp.run(path: project.path, theme: theme)
    }
}
