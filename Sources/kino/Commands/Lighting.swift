import ArgumentParser
import KinoCore
import KinoKit

struct LightingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lighting", abstract: "Add, change or remove lighting setups.",
                                                    subcommands: [Add.self, Set.self, Remove.self])

    struct Values: ParsableArguments {
        @Option(parsing: .unconditional, help: "Key light azimuth in degrees (0 = from the camera side).") var azimuth: String?
        @Option(parsing: .unconditional, help: "Key light elevation in degrees.") var elevation: String?
        @Option(parsing: .unconditional, help: "Colour temperature in kelvin (1000–12000).") var temperature: String?
        @Option(parsing: .unconditional, help: "Key intensity (0–4).") var intensity: String?
        @Option(parsing: .unconditional, help: "Ambient fill (0–1).") var ambient: String?
        @Option(name: .customLong("time-of-day"), help: "Time of day.") var timeOfDay: TimeOfDay?
        @Option(help: "Weather.") var weather: Weather?

        func add(to v: inout VerbInvocation) {
            v.set("azimuth", azimuth); v.set("elevation", elevation); v.set("temperature", temperature)
            v.set("intensity", intensity); v.set("ambient", ambient)
            v.set("time-of-day", timeOfDay?.rawValue); v.set("weather", weather?.rawValue)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a lighting setup that scenes and shots can share.")
        @OptionGroup var project: ProjectPath
        @Option(help: "Name.") var name: String
        @OptionGroup var values: Values
        func run() throws {
            var v = VerbInvocation("lighting add", ["name": [name]])
            values.add(to: &v)
            try project.run(v)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a lighting setup (every shot using it follows).")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Lighting id or name.") var lighting: String
        @Option(help: "New name.") var name: String?
        @OptionGroup var values: Values
        func run() throws {
            var v = VerbInvocation("lighting set", ["lighting": [lighting]])
            v.set("name", name)
            values.add(to: &v)
            try project.run(v)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a lighting setup that no scene or shot uses (undo brings it back).")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Lighting id or name.") var lighting: String
        func run() throws { try project.run(VerbInvocation("lighting remove", ["lighting": [lighting]])) }
    }
}
