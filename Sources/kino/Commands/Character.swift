import ArgumentParser
import KinoCore
import KinoKit

struct CharacterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "character", abstract: "Add or change characters.",
                                                    subcommands: [Add.self, Set.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a character; its look is derived once and reused in every shot.")
        @OptionGroup var project: ProjectPath
        @Option(help: "Name, used in prompts and --character.") var name: String
        @Option(help: "What they look like, in words ('a tall woman with short black hair in a red jacket').") var description = ""
        @Option(help: "Reference image (PNG, JPEG, WebP): its colours shape the look.") var reference: String?

        func run() throws {
            let session = try project.open()
            defer { project.release(session) }
            let c = try session.addCharacter(name: name, description: description, referencePath: reference)
            print("added character \(c.id) '\(c.name)': skin \(c.appearance.skin), hair \(c.appearance.hair) \(c.appearance.hairStyle.rawValue), top \(c.appearance.top), bottom \(c.appearance.bottom)")
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
            let session = try project.open()
            defer { project.release(session) }
            let c = try session.updateCharacter(character, name: name, description: description, referencePath: reference)
            print("changed character \(c.id) '\(c.name)'")
        }
    }
}
