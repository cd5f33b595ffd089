import ArgumentParser
import KinoCore
import KinoKit

struct CharacterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "character", abstract: "Add, change or remove characters.",
                                                    subcommands: [Add.self, Set.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a character; its look is derived once and reused in every shot.")
        @OptionGroup var project: ProjectPath
        @Option(help: "Name, used in prompts and --character.") var name: String
        @Option(help: "What they look like, in words ('a tall woman with short black hair in a red jacket').") var description: String?
        @Option(help: "Reference image (PNG, JPEG, WebP): its colours shape the look.") var reference: String?
        func run() throws {
            var v = VerbInvocation("character add", ["name": [name]])
            v.set("description", description); v.set("reference", reference)
            try project.run(v)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a character's description or reference image (re-derives the look).")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Character id or name.") var character: String
        @Option(help: "New name.") var name: String?
        @Option(help: "New description.") var description: String?
        @Option(help: "New reference image, or 'none'.") var reference: String?
        func run() throws {
            var v = VerbInvocation("character set", ["character": [character]])
            v.set("name", name); v.set("description", description); v.set("reference", reference)
            try project.run(v)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a character that no shot casts (undo brings it back).")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Character id or name.") var character: String
        func run() throws { try project.run(VerbInvocation("character remove", ["character": [character]])) }
    }
}
