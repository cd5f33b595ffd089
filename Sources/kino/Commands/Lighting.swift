import ArgumentParser
import KinoCore
import KinoKit

struct LightingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lighting", abstract: "Add or change lighting setups.",
                                                    subcommands: [Add.self, Set.self])

    struct Values: ParsableArguments {
        @Option(parsing: .unconditional, help: "Key light azimuth in degrees (0 = from the camera side).") var azimuth: String?
        @Option(parsing: .unconditional, help: "Key light elevation in degrees.") var elevation: String?
        @Option(parsing: .unconditional, help: "Colour temperature in kelvin (1000–12000).") var temperature: String?
        @Option(parsing: .unconditional, help: "Key intensity (0–4).") var intensity: String?
        @Option(parsing: .unconditional, help: "Ambient fill (0–1).") var ambient: String?
        @Option(name: .customLong("time-of-day"), help: "morning, noon, afternoon, sunset or night.") var timeOfDay: String?
        @Option(help: "clear, rain or fog.") var weather: String?

        func apply(to l: inout LightingSetup) throws {
            if let v = azimuth { l.keyAzimuth = try Parse.double(v, field: "azimuth", range: -360...360) }
            if let v = elevation { l.keyElevation = try Parse.double(v, field: "elevation", range: -90...90) }
            if let v = temperature { l.colorTemperature = try Parse.double(v, field: "temperature", range: 1000...12000) }
            if let v = intensity { l.intensity = try Parse.double(v, field: "intensity", range: 0...4) }
            if let v = ambient { l.ambient = try Parse.double(v, field: "ambient", range: 0...1) }
            if let v = timeOfDay { l.timeOfDay = try Parse.enumValue(v, field: "time of day") }
            if let v = weather { l.weather = try Parse.enumValue(v, field: "weather") }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a lighting setup that scenes and shots can share.")
        @OptionGroup var project: ProjectPath
        @Option(help: "Name.") var name: String
        @OptionGroup var values: Values

        func run() throws {
            let session = try project.open()
            defer { project.release(session) }
            var setup = LightingSetup(id: "lt0", name: name)
            try values.apply(to: &setup)
            var newID: LightingID?
            try session.apply { p in
                let (edit, id) = try p.addingLighting { id in var l = setup; l.id = id; return l }
                newID = id
                return edit
            }
            print("added lighting \(newID!) '\(name)'")
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a lighting setup (every shot using it follows).")
        @OptionGroup var project: ProjectPath
        @Argument(help: "Lighting id or name.") var lighting: String
        @Option(help: "New name.") var name: String?
        @OptionGroup var values: Values

        func run() throws {
            let session = try project.open()
            defer { project.release(session) }
            let edit = try session.apply { p in
                try p.updatingLighting(try p.resolveLighting(lighting).id) { l in
                    if let name { l.name = name }
                    try values.apply(to: &l)
                }
            }
            print(edit.label)
        }
    }
}
