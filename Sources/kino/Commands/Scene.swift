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
        @Option(help: "Where it happens, in words (e.g. 'white studio tabletop').") var environment = ""
        @Option(help: "Lighting setup (id or name).") var lighting: String?

        func run() throws {
            let session = try project.open()
            defer { project.release(session) }
            var newID: SceneID?
            try session.apply { p in
                let l = try lighting.map { try p.resolveLighting($0).id }
                let (edit, id) = try p.addingScene(name: name, environment: environment, lighting: l)
                newID = id
                return edit
            }
            print("added scene \(newID!) '\(name)'")
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
            let session = try project.open()
            defer { project.release(session) }
            let edit = try session.apply { p in
                let s = try p.resolveScene(scene)
                let l: LightingID?? = try lighting.map { $0 == "none" ? nil : try p.resolveLighting($0).id }
                return try p.updatingScene(s.id) {
                    if let n = name { $0.name = n }
                    if let e = environment { $0.environment = e }
                    if let l { $0.lightingID = l }
                }
            }
            print(edit.label)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an empty scene.")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Scene id, position or name.") var scene: String
        func run() throws {
            let session = try project.open()
            defer { project.release(session) }
            let edit = try session.apply { p in try p.removingScene(try p.resolveScene(scene).id) }
            print(edit.label)
        }
    }
}
