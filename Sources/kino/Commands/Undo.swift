import ArgumentParser
import KinoKit

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Undo the last edit (history survives closing the project).")
    @OptionGroup var project: ProjectPath
    func run() throws { try project.run(VerbInvocation("undo")) }
}

struct Redo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Redo the last undone edit.")
    @OptionGroup var project: ProjectPath
    func run() throws { try project.run(VerbInvocation("redo")) }
}
