import ArgumentParser
import KinoCore
import KinoKit

struct SceneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scene", abstract: "Add or change scenes.",
                                                    subcommands: [Add.self, Set.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a scene at the end of the timeline.")
        @OptionGroup var project: ProjectPath
        @Option(help: "Scene name.") var name: String
        @Option(help: "Where it happens, in words (e.g. 'white studio tabletop').") var environment: String?
        @Option(help: "Lighting setup (id or name).") var lighting: String?
        func run() throws {
            var v = VerbInvocation("scene add", ["name": [name]])
            v.set("environment", environment); v.set("lighting", lighting)
            try project.run(v)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename a scene or change its environment or lighting.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Scene id, position or name.") var scene: String
        @Option(help: "New name.") var name: String?
        @Option(help: "New environment text.") var environment: String?
        @Option(help: "Lighting setup (id or name), or 'none'.") var lighting: String?
        func run() throws {
            var v = VerbInvocation("scene set", ["scene": [scene]])
            v.set("name", name); v.set("environment", environment); v.set("lighting", lighting)
            try project.run(v)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an empty scene.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Scene id, position or name.") var scene: String
        func run() throws { try project.run(VerbInvocation("scene remove", ["scene": [scene]])) }
    }
}
